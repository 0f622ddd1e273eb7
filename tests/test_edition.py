"""An edition of many volumes: every document at a stable address of its own volume,
pointers that lead to the right page, an edition file, and the corpus published."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, SHARED
from helpers import broken_links
from lxml import html

from toolkit.edition import Settings, build_edition
from toolkit.edition.config import load, template
from toolkit.errors import TeikitError

VOLUME = FIXTURES / "tei" / "frus-volume.xml"
CORPUS = SHARED / "corpus"


def second_volume() -> str:
    """Another FRUS volume, its documents also d1…d3, pointing into the first volume."""
    text = VOLUME.read_text(encoding="utf-8").replace('xml:id="frus-test-v1"',
                                                      'xml:id="frus-test-v2"', 1)
    text = text.replace("Korea (test volume)", "Korea (second test volume)")
    return text.replace("Further figures follow.",
                        'Compare <ref target="vol.xml#d2">the first volume’s telegram</ref>, '
                        '<ref target="frus-test-v1#d3">its editorial note</ref>, '
                        '<ref target="frus-test-v1">that volume</ref> and '
                        '<ref target="#nowhere">a document not printed</ref>.', 1)


def pages(out: Path) -> dict[str, str]:
    """Every HTML page of a site and the title it shows."""
    return {p.relative_to(out).as_posix(): html.parse(str(p)).findtext(".//title")
            for p in sorted((out / "html").rglob("*.html"))}


def test_adding_a_volume_moves_no_page_and_breaks_no_link(tmp_path):
    src, out = tmp_path / "tei", tmp_path / "out"
    src.mkdir()
    shutil.copy(ROOT / "tei" / "frus1952-54v15p1-p728.xml", src)
    shutil.copy(VOLUME, src / "vol.xml")
    first = build_edition(src, out, Settings(outputs=("html", "text"), title="Test"))
    assert first.errors == [] and broken_links(out) == []
    before = pages(out)
    assert {"html/frus-test-v1/d1.html", "html/frus-test-v1/index.html",
            "html/frus1952-54v15p1-p728/index.html"} <= set(before)

    (src / "aaa-first-by-name.xml").write_text(second_volume(), encoding="utf-8")
    second = build_edition(src, out, Settings(outputs=("html", "text"), title="Test"))
    assert second.errors == [] and second.documents == first.documents + 3
    after = pages(out)
    changed = {name: (title, after.get(name)) for name, title in before.items()
               if after.get(name) != title}
    assert changed == {}  # every page still there, with the same document
    assert {"html/frus-test-v2/d1.html", "html/frus-test-v2/index.html"} <= set(after)
    assert broken_links(out) == []  # every href names a file and an id that exist

    page = html.parse(str(out / "html/frus-test-v2/d1.html"))
    links = {a.text_content(): a.get("href") for a in page.iter("a")}
    assert links["the first volume’s telegram"] == "../frus-test-v1/d2.html#d2"
    assert links["its editorial note"] == "../frus-test-v1/d3.html#d3"
    assert links["that volume"] == "../frus-test-v1/index.html"
    assert "a document not printed" not in links  # leads nowhere: shown, but no link
    assert "a document not printed" in page.getroot().text_content()
    own = html.parse(str(out / "html/frus-test-v2/d3.html"))  # within its own volume
    assert {a.text_content(): a.get("href") for a in own.iter("a")}["page 728"] == \
        "d1.html#pg_728"


def test_outputs_of_an_earlier_teikit_at_old_addresses_are_removed(tmp_path):
    src, out = tmp_path / "tei", tmp_path / "out"
    src.mkdir()
    shutil.copy(VOLUME, src / "vol.xml")
    build_edition(src, out, Settings(outputs=("html",)))
    manifest = out / ".teikit-build.json"
    data = json.loads(manifest.read_text())
    data["version"] = "an older teikit"
    for old in ("html/d1.html", "html/vol-volume.html"):  # where pages used to be
        (out / old).write_text("old page")
        data["outputs"][old] = "old key"
    manifest.write_text(json.dumps(data))
    report = build_edition(src, out, Settings(outputs=("html",)))
    assert report.errors == []
    assert not (out / "html/d1.html").exists() and not (out / "html/vol-volume.html").exists()
    assert (out / "html/frus-test-v1/d1.html").is_file()


def test_a_volume_removed_takes_its_folder_with_it(tmp_path):
    src, out = tmp_path / "tei", tmp_path / "out"
    src.mkdir()
    shutil.copy(VOLUME, src / "vol.xml")
    (src / "vol2.xml").write_text(second_volume(), encoding="utf-8")
    build_edition(src, out, Settings(outputs=("html", "text")))
    (src / "vol2.xml").unlink()
    report = build_edition(src, out, Settings(outputs=("html", "text")))
    assert report.errors == []
    assert not (out / "html/frus-test-v2").exists() and not (out / "text/frus-test-v2").exists()
    assert broken_links(out) == []  # the index and the other volume no longer link to it


def test_teikit_toml_drives_a_build_with_no_options(tmp_path, cli_run, monkeypatch):
    edition = tmp_path / "tei"
    edition.mkdir()
    shutil.copy(VOLUME, edition / "vol.xml")
    (edition / "zz.xml").write_text(second_volume(), encoding="utf-8")
    (edition / "teikit.toml").write_text(
        'title = "Korea, 1952–1954"\nbase_url = "https://example.org/frus/"\n'
        'outputs = ["html", "text"]\nvolumes = ["zz.xml"]\noutput = "../site"\n',
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli_run("build")  # SOURCE defaults to tei/
    assert result.exit_code == 0, result.stderr
    site = tmp_path / "site"
    index = (site / "html/index.html").read_text()
    assert "<h1>Korea, 1952–1954</h1>" in index
    assert index.index("frus-test-v2/index.html") < index.index("frus-test-v1/index.html")  # order
    assert not (site / "print").exists()  # outputs from the file
    page = (site / "html/frus-test-v1/d2.html").read_text()
    assert '<link rel="canonical" href="https://example.org/frus/html/frus-test-v1/d2.html">' \
        in page
    assert '<meta name="citation_title" content="Telegram From the Embassy in Korea to the ' \
        'Department of State">' in page
    assert '<meta name="citation_date" content="1953/01/05">' in page
    assert "Cite this document" in page and "Document 2" in page
    sitemap = (site / "html/sitemap.xml").read_text()
    assert "<loc>https://example.org/frus/html/frus-test-v1/d2.html</loc>" in sitemap
    assert sitemap.count("<loc>") == len(list((site / "html").rglob("*.html")))
    # an option overrides the file
    result = cli_run("build", "--title", "Other", "-q")
    assert result.exit_code == 0 and "<h1>Other</h1>" in (site / "html/index.html").read_text()


@pytest.mark.parametrize("text, message", [
    ('stict = true\n', "1: error: unknown setting 'stict'"),
    ('title = 3\n', "1: error: title must be a string"),
    ('outputs = ["html", "pdf"]\n', "1: error: outputs: unknown output 'pdf'"),
    ('title = "a\n', "1:11: error: not valid TOML"),
    ('base_url = "ftp://x"\n', "1: error: base_url must be an http(s) URL"),
    ('edition_pdf = "yes"\n', '1: error: edition_pdf must be true, false or "auto"'),
    ('edition_pdf_max_mb = -1\n', "1: error: edition_pdf_max_mb must be a number of megabytes"),
])
def test_a_wrong_edition_file_is_one_line_naming_it(tmp_path, cli_run, text, message):
    (tmp_path / "teikit.toml").write_text(text, encoding="utf-8")
    shutil.copy(VOLUME, tmp_path / "vol.xml")
    result = cli_run("build", str(tmp_path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and not (tmp_path / "out").exists()
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{tmp_path / 'teikit.toml'}:")
    assert message in lines[0]


def test_teikit_new_edition_writes_a_file_that_reads_back(tmp_path, cli_run):
    result = cli_run("new", "--edition", str(tmp_path), "--title", 'The "Papers"')
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "teikit.toml").read_text()
    assert text.count("\n# ") >= 10  # every setting explained
    settings = load(tmp_path)
    assert settings.title == 'The "Papers"' and settings.outputs == ("html", "print", "text")
    assert cli_run("new", "--edition", str(tmp_path)).exit_code == 2  # never overwritten
    assert load(tmp_path).title == 'The "Papers"'
    with pytest.raises(TeikitError):
        (tmp_path / "teikit.toml").write_text(template() + "volumes = []\n")
        load(tmp_path)  # a key given twice


def test_a_volume_order_naming_a_missing_file_is_refused(tmp_path):
    shutil.copy(VOLUME, tmp_path / "vol.xml")
    with pytest.raises(TeikitError, match="lists volume 'gone.xml'"):
        build_edition(tmp_path, tmp_path / "out", Settings(volumes=["gone.xml"]))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_the_corpus_publishes_every_well_formed_file_with_its_findings(tmp_path):
    """FRUS history, Shelley-Godwin and Schnitzler as they come: not valid against what
    they name in every file, yet every well-formed file is published and its findings
    listed; every link of the site leads somewhere."""
    out = tmp_path / "out"
    report = build_edition(CORPUS, out, Settings(outputs=("html", "text"), title="Corpus"),
                           jobs=2)
    assert report.errors and report.failed >= 100  # the findings, as jing has them
    located = re.compile(r"^.+\.xml:\d+:\d+: error: ")
    assert all(located.match(e) for e in report.errors), \
        [e for e in report.errors if not located.match(e)][:3]
    manifest = json.loads((out / ".teikit-build.json").read_text())
    published = {name.split("/")[1] for name in manifest["outputs"] if name.startswith("html/")
                 and name.count("/") == 2}
    for rel, entry in manifest["files"].items():
        if entry["docs"]:  # well-formed and describable: published under its own folder
            volume = entry["volume_id"] or Path(rel).with_suffix("").as_posix().replace("/", "-")
            assert any(v == volume or v.startswith(volume[:40]) for v in published), rel
    assert report.documents >= 200
    assert broken_links(out) == []


def test_the_schema_setting_checks_every_file_and_a_change_of_it_checks_again(tmp_path):
    src, out = tmp_path / "tei", tmp_path / "out"
    src.mkdir()
    shutil.copy(VOLUME, src / "vol.xml")
    only_foo = tmp_path / "foo.rng"  # a project's own schema: its root must be <foo>
    only_foo.write_text('<element name="foo" xmlns="http://relaxng.org/ns/structure/1.0">'
                        "<empty/></element>")
    strict = build_edition(src, out, Settings(outputs=("html",), schema=str(only_foo)))
    assert strict.errors and all(":error" not in e and "[schema]" in e for e in strict.errors)
    assert (out / "html/frus-test-v1/d1.html").is_file()  # published with its findings
    again = build_edition(src, out, Settings(outputs=("html",)))  # tei_all, as it names none
    assert again.errors == [] and again.files_written == 0  # re-checked; pages unchanged


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext is not installed "
                    "(apt-get install poppler-utils; .ci/run does this)")
def test_the_edition_pdf_keeps_each_volumes_hands_and_source_and_true_page_numbers(tmp_path):
    """Two volumes, both numbering their documents d1…d3 and declaring a hand h2 that is a
    different person in each: each document keeps its own volume's hand and source line, and
    the contents give the page each document is really on."""
    import subprocess

    src = tmp_path / "tei"
    src.mkdir()
    shutil.copy(VOLUME, src / "vol.xml")
    second = second_volume().replace("Dean Acheson", "Walter Bedell Smith").replace(
        "Telegram From the Embassy", "Cable From the Embassy").replace(
        "Volume XV", "Volume XVI")
    (src / "vol2.xml").write_text(second, encoding="utf-8")
    out = tmp_path / "out"
    report = build_edition(src, out, Settings(outputs=("print",), title="Two volumes"))
    assert report.errors == []
    text = subprocess.run(["pdftotext", "-layout", str(out / "print/edition.pdf"), "-"],
                          capture_output=True, text=True, timeout=120).stdout
    pages = text.split("\f")
    contents = {m.group(1).strip(): int(m.group(2)) for m in re.finditer(
        r"^\s*(\d\. [^.\n]+?)\s*\.*\s*(\d+)\s*$", pages[1], re.M)}
    for title in ("2. Telegram From the Embassy in Korea to the Department of State",
                  "2. Cable From the Embassy in Korea to the Department of State"):
        head = title.split(". ", 1)[1]
        page = next(i for i, p in enumerate(pages) if head in p and i > 1) + 1
        assert contents[title] == page, (title, contents)
    telegram = next(p for i, p in enumerate(pages) if i > 1 and "Telegram From" in p)
    cable = next(p for i, p in enumerate(pages) if i > 1 and "Cable From" in p)
    assert "Dean Acheson" in telegram and "Walter Bedell Smith" not in telegram
    assert "Walter Bedell Smith" in cable and "Dean Acheson" not in cable
    assert "Volume XV," in telegram and "Volume XVI" in cable  # each its own source line
    assert "h2" in telegram and ".h2" not in text  # sigla as the volume names its hands


def test_any_legal_file_or_folder_name_publishes(tmp_path):
    """Names as editors' file systems have them: '--' (which an XML comment cannot hold),
    spaces, '#', '%', letters beyond ASCII, leading dots and digits. Each file publishes
    its page, and every link of the site leads somewhere."""
    src = tmp_path / "tei"
    names = ["a--b/x--y.xml", "with space/a letter.xml", "hash#1.xml", "per%20cent.xml",
             "Bühne/Brief an Schnitzler.xml", ".hidden/.dotted.xml", "1952/07 memo.xml",
             "ünïcödé.xml"]
    body = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
            "<title>{title}</title></titleStmt><publicationStmt><p>t</p></publicationStmt>"
            "<sourceDesc><p>t</p></sourceDesc></fileDesc></teiHeader><text><body>"
            "<p>Words of {title} -- kept.</p></body></text></TEI>")
    for i, name in enumerate(names):
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body.format(title=f"file{chr(65 + i)}"), encoding="utf-8")
    out = tmp_path / "out"
    report = build_edition(src, out, Settings(outputs=("html", "text"), search=False))
    assert report.errors == []
    html_pages = sorted((out / "html").rglob("index.html"))
    texts = {p.read_text(encoding="utf-8") for p in (out / "text").rglob("*.txt")}
    for i in range(len(names)):
        words = f"Words of file{chr(65 + i)} -- kept."
        assert any(words in t for t in texts), names[i]
        assert any(words in p.read_text(encoding="utf-8")
                   for p in html_pages), names[i]
    assert broken_links(out) == []


def test_xml_that_is_not_tei_is_skipped_with_one_note_each(tmp_path):
    """Text-recognition exports and schemas kept beside the TEI are not published as
    volumes of the edition, nor failed: each is named once, as skipped."""
    src = tmp_path / "tei"
    src.mkdir()
    shutil.copy(VOLUME, src / "vol.xml")
    (src / "page.xml").write_text(
        '<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">'
        "<Page imageFilename='p.jpg'/></PcGts>", encoding="utf-8")
    (src / "alto.xml").write_text('<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"/>',
                                  encoding="utf-8")
    (src / "plain.xml").write_text("<notes><n>x</n></notes>", encoding="utf-8")
    (src / "bare.xml").write_text("<TEI><text><body><p>x</p></body></text></TEI>",
                                  encoding="utf-8")  # TEI without its namespace: checked
    out = tmp_path / "out"
    report = build_edition(src, out, Settings(outputs=("html",), search=False))
    assert report.failed == 1 and all(e.startswith(str(src / "bare.xml")) for e in report.errors)
    skipped = [n for n in report.notes if ": note: " in n and "skipped" in n]
    assert len(skipped) == 3
    assert any(n.startswith(str(src / "page.xml")) and "PAGE XML" in n for n in skipped)
    assert any(n.startswith(str(src / "alto.xml")) and "ALTO" in n for n in skipped)
    assert any("<notes> in no namespace" in n for n in skipped)
    assert sorted(p.name for p in (out / "html").iterdir() if p.is_dir()) == [
        "bare", "frus-test-v1", "registers"]  # (bare.xml: published with its findings)
