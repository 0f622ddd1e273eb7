"""Search: a static index (Pagefind) queried by html/search.html in a real browser —
results with title, volume, date and snippet, filters, and names found without their
diacritics."""

from __future__ import annotations

import json
import re
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode

import pytest
from browser import page_dom
from conftest import FIXTURES
from lxml import html

from toolkit.edition import Settings, build_edition
from toolkit.edition import search as search_index

pytestmark = pytest.mark.skipif(not shutil.which("chromium"), reason="chromium is not "
                                "installed (apt-get install chromium; .ci/run does this)")

LETTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{id}" xml:lang="{lang}">
  <teiHeader><fileDesc><titleStmt><title>{title}</title></titleStmt>
    <publicationStmt><p>Test</p></publicationStmt><sourceDesc><p>Test</p></sourceDesc>
  </fileDesc><profileDesc><correspDesc><correspAction type="sent">
    <date when="{date}">{date}</date></correspAction></correspDesc></profileDesc></teiHeader>
  <text><body><p>{text}</p></body></text>
</TEI>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """An edition of two FRUS volumes and two letters, built and served on 127.0.0.1."""
    from test_edition import second_volume

    src = tmp_path_factory.mktemp("search") / "tei"
    src.mkdir()
    shutil.copy(FIXTURES / "tei" / "frus-volume.xml", src / "vol.xml")
    (src / "vol2.xml").write_text(second_volume(), encoding="utf-8")
    (src / "brief.xml").write_text(LETTER.format(
        id="brief", lang="de", title="Brief über das Theater", date="1891-07-06",
        text="Die neue Bühne des Burgtheaters gefällt Schnitzler."), encoding="utf-8")
    (src / "lettre.xml").write_text(LETTER.format(
        id="lettre", lang="fr", title="Lettre de Paris", date="1902-03-01",
        text="Rendez-vous au café de la Régence, près du Théâtre-Français."), encoding="utf-8")
    out = src.parent / "out"
    with pytest.MonkeyPatch.context() as patch:  # each volume an index of its own (as a
        patch.setattr(search_index, "OWN_INDEX", 2)  # FRUS volume has), the letters in
        patch.setattr(search_index, "GROUP_SIZE", 10)  # one group: results are merged
        report = build_edition(src, out, Settings(outputs=("html",), title="Search test"))
    assert report.errors == [], report.errors
    handler = partial(_Quiet, directory=str(out / "html"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield out, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def search(base: str, tmp_path: Path, **params: str) -> tuple[str, list[dict]]:
    """Open search.html with the query in its address (the form is filled from it and the
    search run, as when typed) and read the results Chromium shows, once the page says how
    many documents it found (its own signal, waited for in real time: browser.py)."""
    page = _settled(f"{base}search.html?{urlencode(params)}", tmp_path)
    status = page.xpath("string(//*[@id='search-status'])")
    results = [{"href": li.xpath("string(a/@href)"), "title": li.xpath("string(a)"),
                "where": li.xpath("string(p[@class='result-where'])"),
                "snippet": li.xpath("string(p[@class='result-snippet'])"),
                "marked": li.xpath("p[@class='result-snippet']/mark/text()")}
               for li in page.xpath("//ol[@id='search-results']/li")]
    return status, results


def _settled(url: str, tmp_path: Path):
    """The page once its search has run (it says how many documents it found)."""
    return html.fromstring(page_dom(url, tmp_path / "chromium", ready=(
        "document.getElementById('search-status').textContent.trim() !== ''")))


def test_a_name_finds_its_documents_with_volume_date_and_snippet(site, tmp_path):
    out, base = site
    status, results = search(base, tmp_path, q="Acheson")
    assert status == "2 documents"
    assert sorted(r["href"] for r in results) == ["frus-test-v1/d2.html", "frus-test-v2/d2.html"]
    first = results[0]
    assert first["title"] == "2. Telegram From the Embassy in Korea to the Department of State"
    assert "Korea" in first["where"] and "January 5, 1953" in first["where"]
    assert "Acheson" in " ".join(first["marked"]) and "changes are in" in first["snippet"]
    for result in results:  # every result leads to a page of the site
        assert (out / "html" / result["href"]).is_file()


def test_a_filter_narrows_the_results(site, tmp_path):
    _, base = site
    volume = "Foreign Relations of the United States, 1952–1954, Korea (second test volume)"
    status, results = search(base, tmp_path, q="Acheson", volume=volume)
    assert status == "1 document" and [r["href"] for r in results] == ["frus-test-v2/d2.html"]
    status, results = search(base, tmp_path, year="1891")  # a filter alone
    assert [r["href"] for r in results] == ["brief/index.html"]


@pytest.mark.parametrize("query, found", [("Buhne", "brief/index.html"),
                                          ("Bühne", "brief/index.html"),
                                          ("Regence", "lettre/index.html"),
                                          ("cafe", "lettre/index.html")])
def test_names_are_found_without_their_diacritics(site, tmp_path, query, found):
    _, base = site
    _, results = search(base, tmp_path, q=query)
    assert [r["href"] for r in results] == [found]


def test_only_document_pages_are_indexed_and_the_index_links_search(site):
    out, _ = site
    index = (out / "html/index.html").read_text()
    assert 'href="search.html"' in index
    assert "data-pagefind-body" not in index
    volume_page = (out / "html/frus-test-v1/index.html").read_text()
    assert "data-pagefind-body" not in volume_page  # contents pages are not results
    page = (out / "html/frus-test-v1/d2.html").read_text()
    assert re.search(r"<main[^>]* data-pagefind-body", page)
    parts = json.loads((out / "html/pagefind/parts.json").read_text())
    assert parts == {"parts": {"v-frus-test-v1": ["frus-test-v1"],
                               "v-frus-test-v2": ["frus-test-v2"],
                               "g-1-of-1": ["brief", "lettre"]}, "stale": []}
    for name in parts["parts"]:
        assert (out / "html/pagefind" / name / "pagefind.js").is_file()


def test_the_search_page_says_when_its_index_is_older_than_the_pages(site, tmp_path):
    out, base = site
    state = out / "html/pagefind/parts.json"
    fresh = state.read_text()
    try:
        state.write_text(fresh.replace('"stale": []', '"stale": ["v-frus-test-v2"]'))
        page = _settled(f"{base}search.html?q=Acheson", tmp_path)
        note = page.xpath("//*[@id='search-stale']")[0]
        assert note.get("hidden") is None
        assert note.text_content().startswith("The search index is older than the pages "
                                               "of 1 volume")
    finally:
        state.write_text(fresh)
    page = _settled(f"{base}search.html?q=Acheson", tmp_path)
    assert page.xpath("//*[@id='search-stale']")[0].get("hidden") is not None
