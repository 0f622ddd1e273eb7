"""Edition builds: incremental, parallel, sharded, volumes, one bad file among many."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, MEMOS

from toolkit.convert import convert_text
from toolkit.edition import Settings, build_edition
from toolkit.xmlio import serialize


def corpus(folder: Path, copies: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    memos = sorted(MEMOS.glob("*.txt"))
    for i in range(copies):
        for memo in memos:
            text = memo.read_text(encoding="utf-8")
            if not text.startswith("---\n"):
                text = f"---\nid: {memo.stem.replace('-', '_')}_{i}\n---\n" + text
            else:
                text = text.replace("\nid: ", f"\nid: c{i}_", 1) if "\nid: " in text else \
                    text.replace("---\n", f"---\nid: {memo.stem.replace('-', '_')}_{i}\n", 1)
            tree, _ = convert_text(text.encode(), memo.name)
            (folder / f"{memo.stem}-{i:04d}.xml").write_bytes(serialize(tree))
    return folder


def snapshot(out: Path) -> dict[str, bytes]:
    """Every output teikit writes (the search index is Pagefind's: see test_search.py)."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.relative_to(out).as_posix().startswith("html/pagefind/")}


def mtimes(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*")
            if p.is_file() and not p.name.startswith(".")
            and not p.relative_to(out).as_posix().startswith("html/pagefind/")}


@pytest.fixture
def small(tmp_path):
    return corpus(tmp_path / "tei")


def test_second_build_does_nothing_and_says_so(small, tmp_path):
    out = tmp_path / "out"
    first = build_edition(small, out, Settings(outputs=("html", "text")))
    # a page and a text per document, the index, the shared stylesheet and the search page
    # with its script
    assert first.files_written == 2 * first.documents + 5 and first.errors == []
    before = mtimes(out)
    second = build_edition(small, out, Settings(outputs=("html", "text")))
    assert second.files_written == 0
    assert second.summary().startswith(f"nothing to rebuild: {first.documents} documents")
    assert mtimes(out) == before


def test_changing_one_document_rebuilds_it_and_the_index(small, tmp_path):
    out = tmp_path / "out"
    build_edition(small, out, Settings(outputs=("html", "text")))
    before = mtimes(out)
    target = sorted(small.glob("brackets-*.xml"))[0]
    target.write_text(target.read_text().replace("The Central Intelligence Agency", "The CIA"))
    again = build_edition(small, out, Settings(outputs=("html", "text")))
    changed = {k for k, v in mtimes(out).items() if before.get(k) != v}
    page, text = "html/brackets-0000/index.html", "text/brackets-0000/brackets-0000.txt"
    assert changed == {page, text}  # index unchanged
    assert again.files_written == 2
    before = mtimes(out)
    target.write_text(target.read_text().replace("Editorial Note", "Editorial Note on Camps"))
    build_edition(small, out, Settings(outputs=("html", "text")))
    changed = {k for k, v in mtimes(out).items() if before.get(k) != v}
    # its pages and the index, which shows its title (a file is a volume of its own:
    # no other page names it)
    assert changed == {page, text, "html/index.html"}


def test_parallel_output_is_identical(small, tmp_path):
    one = tmp_path / "one"
    two = tmp_path / "two"
    build_edition(small, one, Settings(outputs=("html", "text", "print")), jobs=1)
    build_edition(small, two, Settings(outputs=("html", "text", "print")), jobs=2)
    assert snapshot(one) == snapshot(two)


def test_shards_then_a_final_build_equal_one_build(small, tmp_path):
    whole = tmp_path / "whole"
    build_edition(small, whole, Settings(outputs=("html", "text")))
    split = tmp_path / "split"
    a = build_edition(small, split, Settings(outputs=("html", "text")), shard=(1, 2))
    b = build_edition(small, split, Settings(outputs=("html", "text")), shard=(2, 2))
    assert a.documents + b.documents == 13 and a.notes and not (split / "html/index.html").exists()
    final = build_edition(small, split, Settings(outputs=("html", "text")))
    # text and pages are reused; the index and the search page are the final build's
    assert final.skipped >= final.documents and final.files_written == 3
    strip = {k: v for k, v in snapshot(split).items() if not k.startswith(".")}
    assert strip == {k: v for k, v in snapshot(whole).items() if not k.startswith(".")}


def test_volume_gets_document_pages_a_volume_page_and_one_pdf(tmp_path):
    src = tmp_path / "tei"
    src.mkdir()
    shutil.copy(FIXTURES / "tei" / "frus-volume.xml", src / "vol.xml")
    out = tmp_path / "out"
    report = build_edition(src, out, Settings(outputs=("html", "text", "print"), pdf_per_document=True))
    assert report.errors == [] and report.documents == 3
    files = set(snapshot(out))
    v = "frus-test-v1"  # the volume's TEI/@xml:id names its folder
    assert {f"html/{v}/d1.html", f"html/{v}/d2.html", f"html/{v}/d3.html",
            f"html/{v}/index.html", f"text/{v}/d1.txt", f"print/{v}/{v}.pdf",
            f"print/{v}/d1.pdf", "print/edition.pdf"} <= files
    volume = (out / f"html/{v}/index.html").read_text()
    assert 'href="d2.html"' in volume and "Abbreviations and Terms" in volume
    assert "Acheson, Dean, 728–730." in volume  # back matter kept
    assert 'class="volume-head"' in volume and 'id="hands"' in volume
    index = (out / "html/index.html").read_text()
    assert f'href="{v}/index.html"' in index and f'href="{v}/d2.html"' in index
    shown = re.sub(r' datetime="[^"]*"', "", index)  # the machine-readable date stays
    assert "January 5, 1953" in shown and "1953-01-05T" not in shown


def test_removed_source_removes_its_outputs(small, tmp_path):
    out = tmp_path / "out"
    build_edition(small, out, Settings(outputs=("html", "text")))
    victim = sorted(small.glob("plain-minimal-*.xml"))[0]
    victim.unlink()
    build_edition(small, out, Settings(outputs=("html", "text")))
    assert not (out / "text" / victim.stem).exists()  # its folder too
    assert not (out / "html" / victim.stem).exists()
    assert len(list((out / "text").glob("*/*.txt"))) == 12


def test_one_corrupt_document_in_a_thousand_fails_alone(tmp_path, cli_run):
    src = corpus(tmp_path / "tei", copies=77)  # 13 memos x 77 = 1001 documents
    bad = sorted(src.glob("*.xml"))[500]
    bad.write_text(bad.read_text()[:300])  # truncated: not well-formed
    out = tmp_path / "out"
    result = cli_run("build", str(src), "-o", str(out), "--only", "text", "-j", "2", "-q")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1 and errors[0].startswith(str(bad))
    assert result.stderr.splitlines()[-1].startswith("1,000 documents: 1,000 files rebuilt")
    assert "1 source file with errors" in result.stderr.splitlines()[-1]
    assert len(list((out / "text").glob("*/*.txt"))) == 1000


def test_bad_shard_is_usage_error(small, cli_run, tmp_path):
    result = cli_run("build", str(small), "-o", str(tmp_path / "o"), "--shard", "3/2")
    assert result.exit_code == 2


# --- a volume's pages come from one XSLT pass; each must equal its document on its own ---

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def own_file(volume, div_id: str, title: str, pages: dict[str, str]):
    """The reference: one document cut out of a volume with lxml (header with the document's
    title and no page range, the page breaks it begins after, links to other pages)."""
    from copy import deepcopy

    from lxml import etree

    root = etree.Element(TEI + "TEI", nsmap={None: TEI[1:-1]})
    header = deepcopy(volume.getroot().find(TEI + "teiHeader"))
    stmt = header.find(f"{TEI}fileDesc/{TEI}titleStmt")
    for old in stmt.findall(TEI + "title"):
        stmt.remove(old)
    etree.SubElement(stmt, TEI + "title").text = title
    stmt.insert(0, stmt[-1])
    for scope in header.iterfind(f"{TEI}fileDesc/{TEI}sourceDesc//{TEI}biblScope"):
        scope.getparent().remove(scope)
    root.append(header)
    body = etree.SubElement(etree.SubElement(root, TEI + "text"), TEI + "body")
    div = volume.getroot().find(f".//{TEI}div[@{XML_ID}='{div_id}']")
    before, prev = [], div.getprevious()
    while prev is not None and prev.tag == TEI + "pb":
        before.insert(0, prev)
        prev = prev.getprevious()
    for el in [*before, div]:
        body.append(deepcopy(el))
        body[-1].tail = None
    for ref in body.iter(TEI + "ref", TEI + "ptr"):
        target = ref.get("target", "")
        if target[1:] in pages and not body.xpath(f"//*[@xml:id='{target[1:]}']"):
            ref.set("target", f"{pages[target[1:]]}.html{target}")
    return etree.ElementTree(root)


def test_volume_pages_equal_each_document_rendered_on_its_own(tmp_path):
    from toolkit.render import css, render_html, render_text
    from toolkit.xmlio import parse_xml

    src = tmp_path / "tei"
    src.mkdir()
    shutil.copy(FIXTURES / "tei" / "frus-volume.xml", src / "vol.xml")
    out = tmp_path / "out"
    # (names linked to register pages would be the only difference: see test_registers.py)
    settings = Settings(outputs=("html", "text"), registers=False)
    assert build_edition(src, out, settings).errors == []
    volume = parse_xml((src / "vol.xml").read_bytes(), "vol.xml")
    homes = {}  # id -> the document whose page holds it (with the page it begins on)
    for div in volume.iter(TEI + "div"):
        if div.get("type") == "document":
            prev, held = div.getprevious(), [div.get(XML_ID)]
            while prev is not None and prev.tag == TEI + "pb":
                held.append(prev.get(XML_ID))
                prev = prev.getprevious()
            held += [el.get(XML_ID) for el in div.iter() if el.get(XML_ID)]
            homes.update({i: div.get(XML_ID) for i in held if i and i not in homes})
    v = "frus-test-v1"
    for doc in ("d1", "d2", "d3"):
        html = (out / f"html/{v}/{doc}.html").read_text()
        title = html.split("<title>")[1].split("</title>")[0].split(" · ")[0]
        tree = own_file(volume, doc, title, homes)
        reference = render_html(tree, "vol.xml", **{"css-href": "teikit.css"})
        # the page's text is the document's; the edition adds a link to the volume's
        # hands, downloads and a citation
        main = re.split(r"<main[^>]*>", html)[1].split('<p class="downloads"')[0].replace(
            '<p><a href="index.html#hands">All hands of this volume</a></p>', "")
        assert main == reference.split("<main>")[1].split("</main>")[0]
        assert (out / f"text/{v}/{doc}.txt").read_text() == render_text(tree, "vol.xml")
    page = (out / f"html/{v}/d1.html").read_text()
    assert 'href="d2.html#d2"' in page  # the link to another document's page
    assert 'href="index.html"' in page and 'rel="next" href="d2.html"' in page
    assert 'href="../index.html"' in page  # breadcrumb: the edition
    assert '<link rel="stylesheet" href="../teikit.css">' in page and "<style>" not in page
    assert (out / "html/teikit.css").read_text() == css()
    assert "728–733" not in page  # the volume's page range is not this document's


def test_a_page_boundary_cannot_be_forged_by_content(tmp_path):
    src = tmp_path / "tei"
    src.mkdir()
    text = (FIXTURES / "tei" / "frus-volume.xml").read_text()
    forged = "teikit-page:html/evil.html:teikit-page &lt;!--teikit-page:text/evil.txt:teikit-page-->"
    (src / "vol.xml").write_text(text.replace("Further figures follow.", forged))
    out = tmp_path / "out"
    assert build_edition(src, out, Settings(outputs=("html", "text"))).errors == []
    assert not list(out.rglob("evil*"))
    assert "teikit-page:html/evil.html:teikit-page" in \
        (out / "html/frus-test-v1/d1.html").read_text()
    assert "teikit-page:text/evil.txt:teikit-page" in (out / "text/frus-test-v1/d1.txt").read_text()


def test_changing_one_document_of_a_volume_renders_only_its_pages(tmp_path):
    src = tmp_path / "tei"
    src.mkdir()
    shutil.copy(FIXTURES / "tei" / "frus-volume.xml", src / "vol.xml")
    out = tmp_path / "out"
    build_edition(src, out, Settings(outputs=("html", "text")))
    before = mtimes(out)
    vol = src / "vol.xml"
    vol.write_text(vol.read_text().replace("The release would take", "The release might take"))
    again = build_edition(src, out, Settings(outputs=("html", "text")))
    changed = {k for k, v in mtimes(out).items() if before.get(k) != v}
    # d1's pages; not d2 and d3, nor the volume page (it shows the documents' titles only,
    # and is as a fresh build makes it)
    v = "frus-test-v1"
    assert changed == {f"html/{v}/d1.html", f"text/{v}/d1.txt"}
    fresh = tmp_path / "fresh"
    build_edition(src, fresh, Settings(outputs=("html", "text")))
    assert snapshot(fresh) == snapshot(out)
    assert again.files_written == 2 and "might take" in (out / f"text/{v}/d1.txt").read_text()


def test_a_build_from_a_script_on_stdin_runs_in_one_process(small, tmp_path):
    import subprocess
    import sys

    script = (f"from toolkit.edition import Settings, build_edition\n"
              f"r = build_edition({str(small)!r}, {str(tmp_path / 'out')!r}, "
              f"Settings(outputs=('text',)), jobs=2)\n"
              f"print(r.documents, len(r.errors))\n")
    run = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0 and run.stdout.split() == ["13", "0"]
    assert "Traceback" not in run.stderr


def test_a_page_the_stylesheet_did_not_return_is_an_error(tmp_path, monkeypatch):
    import toolkit.edition.jobs as worker

    src = tmp_path / "tei"
    src.mkdir()
    shutil.copy(FIXTURES / "tei" / "frus-volume.xml", src / "vol.xml")
    real = worker.render_pages
    monkeypatch.setattr(worker, "render_pages",
                        lambda kind, *a, **k: [p for p in real(kind, *a, **k)
                                               if p[0] != "text/frus-test-v1/d2.txt"])
    report = build_edition(src, tmp_path / "out", Settings(outputs=("text",)), jobs=1)
    assert [e for e in report.errors if "produced no page text/frus-test-v1/d2.txt" in e]


def big_volume(folder: Path, documents: int = 260) -> Path:
    """A FRUS-style volume of many documents (from the memo fixtures), the last one
    linking to the first, so that it is shared out among workers in runs of documents."""
    import sys

    from lxml import etree

    sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
    from corpus import volume

    tree = volume(documents * 1_100)
    divs = tree.xpath("//t:div[@type='document']", namespaces={"t": TEI[1:-1]})
    last = divs[-1].find(TEI + "p") if divs[-1].find(TEI + "p") is not None else divs[-1][-1]
    etree.SubElement(last, TEI + "ref", target="#d1").text = "the first document"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "volume.xml").write_bytes(serialize(tree))
    return folder


def test_a_volume_shared_out_in_runs_of_documents_builds_as_in_one_process(tmp_path):
    from toolkit.edition.plan import MIN_PART, work

    src = big_volume(tmp_path / "tei")
    one, two = tmp_path / "one", tmp_path / "two"
    first = build_edition(src, one, Settings(outputs=("html", "text")), jobs=1)
    assert first.errors == [] and first.documents >= 2 * MIN_PART
    assert build_edition(src, two, Settings(outputs=("html", "text")), jobs=2).errors == []
    assert snapshot(one) == snapshot(two)
    last = (two / f"html/volume/d{first.documents}.html").read_text()
    assert 'href="d1.html#d1"' in last  # a link into the other worker's run of documents

    pages = [{"href": f"html/d{i}.html", "doc": f"d{i}"} for i in range(1, 2 * MIN_PART + 1)]
    task = {"path": "v.xml", "docs": [p["doc"] for p in pages], "file_pdf": "v",
            "groups": {"html": pages + [{"href": "html/v-volume.html", "kind": "volume"}],
                       "text": [dict(p, href=p["href"] + ".txt") for p in pages]}}
    first_run, second_run = work({"v.xml": task}, 2)
    assert first_run["keep"] == task["docs"][:MIN_PART] and first_run["file_pdf"] == "v"
    assert second_run["keep"] == task["docs"][MIN_PART:] and second_run["file_pdf"] is None
    assert [len(g["pages"]) for g in first_run["groups"]] == [MIN_PART + 1, MIN_PART]
    assert [len(g["pages"]) for g in second_run["groups"]] == [MIN_PART, MIN_PART]


def test_a_strict_build_is_the_same_in_one_process_or_several(small, tmp_path):
    """Strict: a file that fails its checks publishes nothing, whichever way the work is
    shared out."""
    shutil.copy(FIXTURES / "tei" / "frus-volume.xml", small / "vol.xml")
    one, two = tmp_path / "one", tmp_path / "two"
    for out, jobs in ((one, 1), (two, 2)):
        assert build_edition(small, out, Settings(outputs=("html", "text")), jobs=jobs).errors == []
    assert (two / "html/frus-test-v1/d2.html").is_file()
    vol = small / "vol.xml"
    vol.write_text(vol.read_text().replace('xml:id="d2"', 'xml:id="d1"'))  # a duplicate id
    reports = [build_edition(small, out, Settings(outputs=("html", "text"), strict=True),
                             jobs=jobs) for out, jobs in ((one, 1), (two, 2))]
    assert reports[1].errors and reports[1].errors == reports[0].errors
    assert all("vol.xml" in e for e in reports[1].errors)
    assert snapshot(one) == snapshot(two)
    assert not (two / "html/frus-test-v1").exists() and "frus-test-v1" not in \
        (two / "html/index.html").read_text()


def test_emptying_other_runs_never_empties_a_document_holding_one_of_this_run():
    """Emptying the documents another worker renders never takes one of this run's with it."""
    from toolkit.edition.jobs import _only
    from toolkit.xmlio import parse_xml

    tree = parse_xml(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
                     b'<div type="document" xml:id="d1"><head>One</head>'
                     b'<div type="document" xml:id="d2"><head>Two</head><p>Kept.</p></div></div>'
                     b'<div type="document" xml:id="d3"><head>Three</head><p>Gone.</p></div>'
                     b'</body></text></TEI>', "v.xml")
    _only(tree, {"d2"})
    text = "".join(tree.getroot().itertext())
    assert "Kept." in text and "Two" in text and "Gone." not in text


def test_files_with_findings_are_published_unless_strict(small, tmp_path):
    """Publishing policy: every well-formed file is published and its findings reported
    (the build fails); --strict refuses to publish a file with errors."""
    shutil.copy(FIXTURES / "tei" / "frus-volume.xml", small / "vol.xml")
    vol = small / "vol.xml"
    vol.write_text(vol.read_text().replace('xml:id="d2"', 'xml:id="d1"'))  # a duplicate id
    out = tmp_path / "out"
    report = build_edition(small, out, Settings(outputs=("html", "text")))
    assert report.errors and all("vol.xml" in e for e in report.errors) and report.failed == 1
    pages = sorted(p.name for p in (out / "html/frus-test-v1").glob("d1*.html"))
    assert pages == ["d1-2.html", "d1.html"]  # both documents with the id are published
    assert "1 source file with errors" in report.summary()
    strict = build_edition(small, tmp_path / "strict", Settings(outputs=("html", "text"),
                                                                 strict=True))
    assert strict.errors == report.errors
    assert not (tmp_path / "strict" / "html" / "frus-test-v1").exists()
    assert (out / "html" / "frus-test-v1" / "index.html").exists()


def test_a_bug_in_the_checks_is_each_files_error_not_the_builds_end(small, tmp_path,
                                                                     monkeypatch):
    import toolkit.edition.jobs as worker

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(worker, "check_sources", broken)
    report = build_edition(small, tmp_path / "out", Settings(outputs=("text",)))
    assert len(report.errors) == len(list(small.glob("*.xml")))
    assert all(": error: internal error: RuntimeError: boom" in e for e in report.errors)


def test_a_file_validated_while_its_pages_render_reports_what_a_build_checking_first_does(
        small, tmp_path):
    """One changed file and two workers: it is validated in the main process while its
    pages render; its findings are the same as when it is checked first, and are kept."""
    shutil.copy(FIXTURES / "tei" / "frus-volume.xml", small / "vol.xml")
    one, two = tmp_path / "one", tmp_path / "two"
    for out, jobs in ((one, 1), (two, 2)):
        assert build_edition(small, out, Settings(outputs=("html", "text")), jobs=jobs).errors == []
    vol = small / "vol.xml"
    vol.write_text(vol.read_text().replace('xml:id="d2"', 'xml:id="d1"'))  # a duplicate id
    first = build_edition(small, one, Settings(outputs=("html", "text")), jobs=1)
    meanwhile = build_edition(small, two, Settings(outputs=("html", "text")), jobs=2)
    assert meanwhile.errors and meanwhile.errors == first.errors and meanwhile.failed == 1
    assert snapshot(one).keys() == snapshot(two).keys()
    again = build_edition(small, two, Settings(outputs=("html", "text")), jobs=2)
    assert again.files_written == 0 and again.errors == first.errors  # kept in the manifest


def test_a_second_build_into_the_same_folder_stops_naming_the_first(small, tmp_path, cli_run):
    """Two builds into one output folder at once both ran to the end, writing the same
    files (issue 40): the second now stops with one line naming the first's process."""
    import os

    from toolkit.edition.lock import LOCK, build_lock
    out = tmp_path / "out"
    with build_lock(out):
        result = cli_run("build", str(small), "-o", str(out), "-q")
        assert result.exit_code == 1
        lines = [line for line in result.output.splitlines() if "error" in line]
        assert len(lines) == 1 and f"process {os.getpid()} on " in lines[0], result.output
        assert lines[0].startswith(f"{out}: error: another teikit build")
        assert not (out / "html").exists()  # nothing written
    assert not (out / LOCK).exists()
    assert cli_run("build", str(small), "-o", str(out), "-q").exit_code == 0  # free again


def test_a_lock_left_by_a_killed_build_is_taken_over(small, tmp_path):
    import signal
    import subprocess
    import sys
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from toolkit.edition.lock import "
        "build_lock\nwith build_lock(Path(sys.argv[1])):\n print('held', flush=True); "
        "time.sleep(60)"), str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(Exception, match=f"process {holder.pid} on"):
            build_edition(small, out, Settings())
        holder.send_signal(signal.SIGKILL)  # as a killed build: the file stays, the lock not
        holder.wait(10)
        assert (out / ".teikit-lock").exists()
        report = build_edition(small, out, Settings())
        assert not report.errors and (out / "html" / "index.html").exists()
    finally:
        holder.kill()
