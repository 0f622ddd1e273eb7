"""Page images beside the text: every facsimile form read, the viewer in a browser (the image
follows the reader, zones and lines linked both ways, nothing hostile loaded, a missing
image a quiet placeholder), local images published, a valid IIIF manifest per volume,
and the checks' warnings."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from browser import page_dom
from conftest import run_cli
from lxml import html
from standins import stand_in

from toolkit.edition import build_edition
from toolkit.edition.config import Settings
from toolkit.facsimile import beside, read_facsimile, text_of_zones
from toolkit.render import facsimile_param, render_html
from toolkit.xmlio import parse_xml, read_xml

ROOT = Path(__file__).resolve().parent.parent
LETTER = ROOT / "tests" / "fixtures" / "facsimile" / "letter.xml"
CORPUS = ROOT.parent / "shared" / "corpus"
FACSIMILE = CORPUS / "facsimile"
needs_corpus = pytest.mark.skipif(not FACSIMILE.is_dir(),
                                  reason="../shared/corpus/facsimile is not beside the project")
needs_chromium = pytest.mark.skipif(not shutil.which("chromium"), reason="chromium is not "
                                    "installed (apt-get install chromium; .ci/run does this)")
BASE = "https://edition.example.org/"


def build(folder: Path, out: Path, **settings):
    return build_edition(folder, out, Settings(outputs=("html",), **settings))


def letter_edition(folder: Path) -> Path:
    """The letter with two of its three images (the third is missing on purpose)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(LETTER, folder / "letter.xml")
    stand_in(folder / "images" / "leaf-1r.jpg", 1200, 1600, [
        (100, 100, 1000, 100, "Letter of the delegation"),
        (100, 300, 1000, 80, "First line of the letter,"),
        (100, 400, 1000, 80, "second line of the letter.")], label="leaf 1r")
    stand_in(folder / "images" / "leaf-1v.png", 1200, 1600,
             [(100, 150, 1000, 80, "Third line, on the verso.")], label="leaf 1v")
    return folder


# ---- reading the forms

@needs_corpus
def test_every_facsimile_form_of_the_corpus_is_read():
    amp = read_facsimile(read_xml(FACSIMILE / "Auden-Musulin-Papers--amp-data" / "data" /
                                  "editions" / "amp-transcript__0001.xml"))
    # pb/@facs is the IIIF base URL of a surface's graphic: that surface, its size
    assert [(s.image.kind, s.width) for s in amp.pages()][:1] == [("iiif", 4564)]
    assert len(amp.order) == len(amp.pages()) == 4

    diarium = FACSIMILE / "acdh-oeaw--digitarium-data" / "170x" / "1705" / "01" / "1705-01-03.xml"
    found = read_facsimile(read_xml(diarium))
    first = found.pages()[0]
    # anno:… expanded by the file's prefixDef to the Diarium's IIIF server
    assert first.image.url.startswith("https://diarium-images.acdh-dev.oeaw.ac.at/1700/1705/")
    assert first.key == "facs_1" and first.label == "1" and (first.width, first.height) == (1924, 2472)
    assert found.refs["#facs_1_r_1_1l1"] == ("facs_1", "facs_1_r_1_1l1")  # a line's zone
    assert first.zones["facs_1_r_1_1l1"].points[0] == (748, 193)  # polygons kept
    texts = text_of_zones(read_xml(diarium), found)
    assert texts["facs_1_r_1_1l1"].startswith("Num")  # the line's words, for the manifest

    genji = read_facsimile(read_xml(FACSIMILE / "kouigenjimonogatari--kouigenjimonogatari.github.io"
                                    / "xml" / "master" / "16.xml"))
    # a IIIF region URL on the pb, its half of the double page by @corresp
    refs = [ref for ref in genji.refs if "3445,0,3445,4706" in ref]
    assert genji.refs[refs[0]] == ("f002", "zone_0548")
    assert genji.pages()[0].image.url == "https://dl.ndl.go.jp/api/iiif/3437687/R0000083"

    haqaiq = read_facsimile(read_xml(FACSIMILE / "OpenArabicPE--journal_al-haqaiq" / "tei" /
                                     "oclc_644997575-i_1.TEIP5.xml"))
    # the local JPEGs are not in the repository: the HathiTrust copy is shown instead
    assert haqaiq.pages()[0].image.kind == "web"
    assert "hathitrust" in haqaiq.pages()[0].image.url

    sga = CORPUS / "sga" / "data" / "tei" / "bl" / "bl-loan_ms_70_08" / "bl-loan_ms_70_08-0011.xml"
    page = read_facsimile(read_xml(sga)).pages()[0]
    assert (page.width, page.height) == (5777, 8472)
    assert page.image.kind == "none"  # a .jp2 on the web: no browser shows it; named only


HOSTILE = (ROOT / "tests" / "fixtures" / "facsimile" / "hostile.xml").read_bytes()


def hostile_page() -> str:
    doc = parse_xml(HOSTILE, "hostile.xml")
    here = str(ROOT / "tests" / "hostile.xml")
    return render_html(doc, "hostile.xml", **facsimile_param(doc, here, str(ROOT / "tests"), "",
                                                             beside(str(ROOT))))


def test_hostile_references_are_never_loaded():
    doc = parse_xml(HOSTILE, "hostile.xml")
    found = read_facsimile(doc, str(ROOT / "tests" / "hostile.xml"), str(ROOT / "tests"))
    kinds = {key: s.image.kind for key, s in found.surfaces.items()}
    assert kinds["a"] == kinds["b"] == kinds["c"] == kinds["e"] == "none"
    assert kinds["d"] == "web"  # a raster data: URL is an image like any other
    assert any("outside the edition" in m for _el, m in found.problems)
    page = hostile_page()
    data = json.loads(html.fromstring(page).xpath("//aside[@data-facsimile]/@data-facsimile")[0])
    loaded = [s["src"] for s in data["surfaces"].values() if s["kind"] != "none"]
    assert loaded == ["data:image/png;base64,iVBORw0KGgo="]
    assert "javascript:" not in " ".join(html.fromstring(page).xpath("//@href | //@src"))
    assert all(w in page for w in ("one", "two", "three", "four", "five", "six"))


# ---- the page

def test_the_page_marks_pages_lines_and_regions_for_the_viewer(tmp_path):
    folder = letter_edition(tmp_path / "ed")
    tree = read_xml(folder / "letter.xml")
    page = render_html(tree, "letter.xml", **facsimile_param(
        tree, str(folder / "letter.xml"), str(folder), "", beside(str(folder))))
    dom = html.fromstring(page)
    assert dom.xpath("//*[contains(@class, 'pb')]/@data-surface") == ["s1", "s2", "s3"]
    assert dom.xpath("//span[@class='zone-start']/@data-zone") == ["s1-l1", "s1-l2", "s2-l1"]
    assert dom.xpath("//h2[@data-zone] | //*[@data-zone='s1-head']")  # the head is a region
    assert dom.xpath("//p[@data-zone='s1-p']")
    data = json.loads(dom.xpath("//aside/@data-facsimile")[0])
    assert data["order"] == ["s1", "s2", "s3"]
    assert data["surfaces"]["s1"]["src"] == "images/leaf-1r.jpg"  # beside the page
    assert data["surfaces"]["s3"]["kind"] == "none"  # missing: a placeholder, named
    assert data["surfaces"]["s3"]["name"] == "images/leaf-2r-missing.jpg"
    # one page carries the viewer inline (teikit render); the text is all there (render_html
    # checks every word)
    assert "OpenSeadragon" in page and "Words on the leaf whose image is missing" in page


def test_render_command_puts_the_images_beside_the_page(tmp_path):
    folder = letter_edition(tmp_path / "ed")
    out = tmp_path / "site" / "letter.html"
    out.parent.mkdir()
    result = run_cli("render", str(folder / "letter.xml"), "--to", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    data = json.loads(html.fromstring(out.read_text()).xpath("//aside/@data-facsimile")[0])
    assert data["surfaces"]["s1"]["src"] == "../ed/images/leaf-1r.jpg"  # from where the page is


# ---- the edition

def test_an_edition_publishes_its_images_and_a_valid_iiif_manifest(tmp_path):
    from iiif_prezi3 import Manifest

    folder = letter_edition(tmp_path / "ed")
    big = stand_in(folder / "images" / "leaf-1r.jpg", 3000, 4000, label="a large scan")
    assert big.exists()
    out = tmp_path / "out"
    report = build(folder, out, base_url=BASE)
    assert not report.errors, report.errors
    images = sorted(p.name for p in (out / "html" / "letter" / "facsimile").iterdir())
    # each image as it is, and halves down to 1024 px: 1500×2000 and 750×1000 of the
    # large scan, 600×800 of the 1200×1600 one
    assert images == ["leaf-1r.1500w.jpg", "leaf-1r.750w.jpg", "leaf-1r.jpg",
                      "leaf-1v.600w.jpg", "leaf-1v.png"]
    assert (out / "html" / "facsimile.js").is_file()
    assert (out / "html" / "openseadragon" / "openseadragon.min.js").is_file()
    assert (out / "html" / "openseadragon" / "LICENSE.txt").is_file()

    data = json.loads((out / "html" / "letter" / "manifest.json").read_text())
    Manifest(**data)  # the IIIF Presentation 3 model accepts it (raises otherwise)
    assert data["id"] == BASE + "html/letter/manifest.json"
    assert [c["label"]["none"][0] for c in data["items"]] == ["1r", "1v", "2r"]
    painting = data["items"][0]["items"][0]["items"][0]
    assert painting["body"]["id"] == BASE + "html/letter/facsimile/leaf-1r.jpg"
    assert (painting["body"]["width"], painting["body"]["height"]) == (1200, 1600)  # the canvas
    lines = {a["target"].split("#")[1]: a["body"]["value"]
             for a in data["items"][0]["annotations"][0]["items"]}
    assert lines["xywh=100,300,1000,80"] == "First line of the letter,"
    assert data["rights"] == "http://creativecommons.org/licenses/by/4.0/"
    assert data["items"][2]["items"][0]["items"] == []  # the missing image: no painting

    page = (out / "html" / "letter" / "index.html").read_text()
    dom = html.fromstring(page)
    assert dom.xpath("//script/@src") [-2:] == ["../openseadragon/openseadragon.min.js",
                                                "../facsimile.js"] or \
        "../facsimile.js" in dom.xpath("//script/@src")
    entry = json.loads(dom.xpath("//aside/@data-facsimile")[0])["surfaces"]["s1"]
    assert entry["kind"] == "levels" and entry["src"][0]["url"] == "facsimile/leaf-1r.750w.jpg"
    assert "manifest=" in dom.xpath("//a[@class='facs-manifest']/@href")[0]

    # a build with nothing changed writes nothing; a changed image only its own files
    published = out / "html" / "letter" / "facsimile"
    before = {p.name: p.stat().st_mtime_ns for p in published.iterdir()}
    assert build(folder, out, base_url=BASE).files_written == 0
    stand_in(folder / "images" / "leaf-1v.png", 1200, 1600, label="rescanned")
    assert build(folder, out, base_url=BASE).files_written > 0
    after = {p.name: p.stat().st_mtime_ns for p in published.iterdir()}
    assert after["leaf-1v.png"] != before["leaf-1v.png"]
    assert after["leaf-1r.jpg"] == before["leaf-1r.jpg"]


def test_images_shared_out_among_workers_are_the_same_as_from_one(tmp_path):
    from toolkit.edition.plan import work

    folder = letter_edition(tmp_path / "ed")
    stand_in(folder / "images" / "leaf-1r.jpg", 2600, 3400, label="a large scan")
    one, two = tmp_path / "one", tmp_path / "two"
    assert not build_edition(folder, one, Settings(outputs=("html",), base_url=BASE),
                             jobs=1).errors
    assert not build_edition(folder, two, Settings(outputs=("html",), base_url=BASE),
                             jobs=2).errors

    def files(out: Path) -> dict[str, bytes]:
        return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
                if p.is_file() and "html/letter" in p.as_posix()}
    assert files(one) == files(two) and len(files(one)) >= 7

    task = {"path": "v.xml", "docs": ["d1"], "file_pdf": "v", "manifest": "m",
            "groups": {"html": [{"href": "html/v/index.html"}]}, "images": list("abcde")}
    first, second = work({"v.xml": task}, 2)
    assert first["images"] == list("abc") and first["manifest"] == "m" and first["groups"]
    assert second["images"] == list("de") and second["manifest"] is None
    assert second["groups"] == [] and second["keep"] == [] and second["file_pdf"] is None


def test_an_image_added_beside_an_unchanged_file_is_published_at_the_next_build(tmp_path):
    folder = letter_edition(tmp_path / "ed")
    out = tmp_path / "out"
    assert not build(folder, out).errors

    def shown() -> str:
        page = (out / "html" / "letter" / "index.html").read_text()
        return json.loads(html.fromstring(page).xpath("//aside/@data-facsimile")[0])[
            "surfaces"]["s3"]["kind"]
    assert shown() == "none"
    stand_in(folder / "images" / "leaf-2r-missing.jpg", 600, 800)  # the scan arrives
    assert not build(folder, out).errors
    assert (out / "html" / "letter" / "facsimile" / "leaf-2r-missing.jpg").is_file()
    assert shown() == "image"


def test_page_breaks_named_for_a_facs_pattern_get_the_viewer_in_an_edition(tmp_path):
    """FRUS names its page images (facs="0758"): the edition's facs_pattern makes them
    addresses, and the pages show them; without one there is nothing to show."""
    folder = tmp_path / "ed"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "tei" / "frus-volume.xml", folder / "vol.xml")
    pattern = "https://static.history.state.gov/frus/{facs}.png"
    with_pattern = build(folder, tmp_path / "a", facs_pattern=pattern)
    assert not with_pattern.errors, with_pattern.errors
    pages = [p.read_text() for p in (tmp_path / "a" / "html").rglob("d*.html")]
    shown = [json.loads(html.fromstring(p).xpath("//aside/@data-facsimile")[0])
             for p in pages if 'class="facsimile"' in p]
    assert shown and any(s["src"] == pattern.replace("{facs}", "0759")
                         for data in shown for s in data["surfaces"].values())
    assert not build(folder, tmp_path / "b").errors
    assert not any('class="facsimile"' in p.read_text()
                   for p in (tmp_path / "b" / "html").rglob("d*.html"))


def test_without_a_base_url_no_manifest_and_the_build_says_why(tmp_path):
    folder = letter_edition(tmp_path / "ed")
    report = build(folder, tmp_path / "out")
    assert not (tmp_path / "out" / "html" / "letter" / "manifest.json").exists()
    assert any("base_url" in note and "IIIF" in note for note in report.notes)


def test_a_tiff_is_published_as_a_jpeg(tmp_path):
    folder = letter_edition(tmp_path / "ed")
    stand_in(folder / "images" / "leaf-1v.tif", 800, 1000, label="tiff")
    letter = (folder / "letter.xml").read_text().replace("leaf-1v.png", "leaf-1v.tif")
    (folder / "letter.xml").write_text(letter)
    out = tmp_path / "out"
    assert not build(folder, out).errors
    published = out / "html" / "letter" / "facsimile" / "leaf-1v.jpg"
    assert published.read_bytes()[:3] == b"\xff\xd8\xff"


# ---- print

def _pdf_text_and_objects(pdf: Path) -> tuple[str, bytes]:
    """The PDF's text (pdftotext) and its objects with their streams unpacked."""
    import re
    import zlib

    data = pdf.read_bytes()
    unpacked = []
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            unpacked.append(zlib.decompress(m.group(1)))
        except zlib.error:
            pass
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    return text, data + b"".join(unpacked)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_print_with_facsimile_puts_each_page_image_before_its_page(tmp_path):
    folder = letter_edition(tmp_path / "ed")
    pdf = tmp_path / "letter.pdf"
    result = run_cli("render", str(folder / "letter.xml"), "--to", "print", "--facsimile",
                     "-o", str(pdf))
    assert result.exit_code == 0, result.stderr
    text, objects = _pdf_text_and_objects(pdf)
    # each plate before its page's words; the missing image named, not printed
    order = [text.index(s) for s in ("Image of page 1r", "First line of the letter",
                                     "Image of page 1v", "Third line, on the verso",
                                     "Image of page 2r: images/leaf-2r-missing.jpg",
                                     "Words on the leaf whose image is missing")]
    assert order == sorted(order)
    assert objects.count(b"/Subtype/Image") == 2 or objects.count(b"/Subtype /Image") == 2
    assert b"/Alt(Image of page 1r (images/leaf-1r.jpg))" in objects  # alt text, tagged
    plain = tmp_path / "plain.pdf"
    assert run_cli("render", str(folder / "letter.xml"), "--to", "print", "-o",
                   str(plain)).exit_code == 0
    assert "Image of page" not in _pdf_text_and_objects(plain)[0]  # only when asked

    # an edition's volume PDF, with print_facsimile = true
    (folder / "teikit.toml").write_text("print_facsimile = true\n")
    out = tmp_path / "out"
    result = run_cli("build", str(folder), "-o", str(out), "--only", "print")
    assert result.exit_code == 0, result.stderr
    assert "Image of page 1v" in _pdf_text_and_objects(out / "print" / "letter" / "letter.pdf")[0]


# ---- checks

def test_validate_warns_of_facs_to_nothing_zones_outside_and_missing_images(tmp_path):
    folder = letter_edition(tmp_path / "ed")
    text = (folder / "letter.xml").read_text()
    text = text.replace('<zone xml:id="s2-l1" ulx="100" uly="150" lrx="1100" lry="230"/>',
                        '<zone xml:id="s2-l1" ulx="100" uly="150" lrx="1300" lry="230"/>')
    text = text.replace('<p>Words on the leaf', '<p facs="#letter">Words on the leaf')
    (folder / "letter.xml").write_text(text)
    result = run_cli("validate", str(folder / "letter.xml"))
    out = result.output
    assert "warning: [zone-bounds] zone 's2-l1' (100,150 1200×80) reaches outside its surface" in out
    assert "warning: [facs-image] page image 'images/leaf-2r-missing.jpg' does not exist" in out
    assert "warning: [facs-target] @facs=\"#letter\" points to <TEI>" in out
    for line in out.splitlines():
        if "[zone-bounds]" in line:
            assert line.startswith(f"{folder / 'letter.xml'}:26:")  # the zone's own line


# ---- in a browser

PROBE = (ROOT / "tests" / "fixtures" / "facsimile" / "probe.js").read_text(encoding="utf-8")


def _served(folder: Path, requests: list[str]):
    """The folder on a local port; every path asked for goes into `requests`."""
    handler = functools.partial(_Recording, requests, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class _Recording(http.server.SimpleHTTPRequestHandler):
    def __init__(self, requests: list[str], *args, **kwargs):
        self.requests = requests
        super().__init__(*args, **kwargs)

    def do_GET(self):
        self.requests.append(self.path)
        super().do_GET()

    def log_message(self, *args):
        pass


def _dump(url: str, tmp_path: Path, width: int = 1400,
          ready: str = "!!document.getElementById('probe-results')") -> str:
    """The page once the probe has written its results (browser.py)."""
    return page_dom(url, tmp_path / "profile", width=width, ready=ready)


def _probe(url: str, tmp_path: Path) -> dict:
    dom = _dump(url, tmp_path)
    found = html.fromstring(dom).xpath("//pre[@id='probe-results']/text()")
    assert found, dom[-2000:]
    return json.loads(found[0])


@needs_chromium
@pytest.mark.slow
def test_the_viewer_follows_the_reader_and_links_zones_and_lines_both_ways(tmp_path):
    folder = letter_edition(tmp_path / "ed")
    out = tmp_path / "out"
    assert not build(folder, out, base_url=BASE).errors
    page = out / "html" / "letter" / "index.html"
    probe = out / "html" / "letter" / "probe.html"
    probe.write_text(page.read_text().replace("</body>", f"<script>{PROBE}</script></body>"))
    requests: list[str] = []
    server = _served(out, requests)
    try:
        results = _probe(f"http://127.0.0.1:{server.server_address[1]}/html/letter/probe.html",
                         tmp_path)
    finally:
        server.shutdown()
    # the images of the pages read were fetched (the second when its page came into view),
    # and nothing but the site's own files
    fetched = [r.rpartition("/")[2] for r in requests if "/facsimile/" in r]
    assert "leaf-1r.600w.jpg" in fetched and "leaf-1v.600w.jpg" in fetched, requests
    assert fetched.index("leaf-1v.600w.jpg") > fetched.index("leaf-1r.600w.jpg")
    assert all((out / r.lstrip("/")).is_file() for r in requests if r != "/favicon.ico")
    assert not [k for k in results if k.startswith("error")], results
    assert results["first"] == "1r (1/3)" and results["images"] >= 1
    assert results["first_image"] == "facsimile/leaf-1r.jpg"
    assert results["second"] == "1v (2/3)"  # the page being read is the one shown
    assert results["second_image"] == "facsimile/leaf-1v.png"
    assert results["third"] == "2r (3/3)"
    assert "No image of page 2r" in results["third_note"]  # the missing image: a quiet note
    assert results["back"] == "1r (1/3)" and results["back_note"] == ""
    assert results["text_to_image"] == ["s1-l2"]  # pointing at a line outlines its zone
    assert results["image_to_line"] == "First line of the letter,"  # just that line
    assert results["image_to_block"] == ["Letter of the delegation"]
    assert results["keyboard"] == ["s1-head"]  # arrows step through the image's zones
    assert results["focus"] == ["s1-p"]  # a focused region outlines its zone


@needs_chromium
@pytest.mark.slow
def test_a_page_whose_images_cannot_load_shows_all_its_text(tmp_path):
    """No image at all (the corpus's are remote, and tests have no network): the text is
    whole, the panel a note, no script error stops the page."""
    folder = letter_edition(tmp_path / "ed")
    shutil.rmtree(folder / "images")
    letter = folder / "letter.xml"  # the first page's image on a IIIF server that is down
    letter.write_text(letter.read_text().replace("images/leaf-1r.jpg",
                                                 "http://127.0.0.1:9/iiif/leaf-1r"))
    out = tmp_path / "out"
    assert not build(folder, out).errors
    page = out / "html" / "letter" / "index.html"
    dom = page_dom(page.as_uri(), tmp_path / "profile",  # (once the viewer has given up)
                   ready="!document.querySelector('p.facs-note').hidden")
    shown = html.fromstring(dom)
    text = " ".join(shown.xpath("//main")[0].text_content().split())
    for words in ("First line of the letter, second line of the letter.",
                  "Third line, on the verso.", "Words on the leaf whose image is missing"):
        assert words in text
    note = shown.xpath("//p[@class='facs-note']")[0]
    assert note.get("hidden") is None
    assert note.text_content() == ("The image of page 1r could not be loaded "
                                   "(http://127.0.0.1:9/iiif/leaf-1r).")


@needs_chromium
@pytest.mark.slow
def test_in_a_browser_hostile_references_load_nothing_and_run_nothing(tmp_path):
    (tmp_path / "hostile.html").write_text(hostile_page(), encoding="utf-8")
    requests: list[str] = []
    server = _served(tmp_path, requests)
    try:
        # (no signal to wait for: a hostile page's scripts, if any ran, would have run
        # within three seconds of its start)
        dom = _dump(f"http://127.0.0.1:{server.server_address[1]}/hostile.html", tmp_path,
                    ready="performance.now() > 3000")
    finally:
        server.shutdown()
    assert requests and set(requests) <= {"/hostile.html", "/favicon.ico"}
    page = html.fromstring(dom)
    assert page.findtext(".//title") != "PWNED" and page.findtext(".//title") != "1"
    assert "one" in page.xpath("//main")[0].text_content()


# ---- the corpus as an edition

@needs_corpus
@pytest.mark.slow
def test_every_facsimile_file_of_the_corpus_builds_with_a_viewer_and_a_valid_manifest(tmp_path):
    from iiif_prezi3 import Manifest

    out = tmp_path / "out"
    report = build(FACSIMILE, out, base_url=BASE, schema="tei_all")
    volumes = [p for p in (out / "html").iterdir() if (p / "manifest.json").is_file()]
    assert len(volumes) == 14, sorted(p.name for p in (out / "html").iterdir())
    for volume in volumes:
        data = json.loads((volume / "manifest.json").read_text())
        Manifest(**data)
        assert data["items"], volume
        pages = list(volume.glob("*.html"))
        assert any('class="facsimile"' in p.read_text() for p in pages), volume
    genji = json.loads(next(v for v in volumes if (v / "manifest.json").read_text().count(
        "dl.ndl.go.jp") > 0).joinpath("manifest.json").read_text())
    service = genji["items"][0]["items"][0]["items"][0]["body"]["service"][0]
    assert service["@id"].startswith("https://dl.ndl.go.jp/api/iiif/3437687/R")
    assert not [e for e in report.errors if "internal error" in e]
