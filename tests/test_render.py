"""HTML, print and text outputs: all text and notes, pages, hands, safety, determinism."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from browser import page_dom
from conftest import MEMOS, one_line
from helpers import convert, long_memo
from lxml import html

from toolkit.render import render_html, render_pdf, render_print_tree, render_text
from toolkit.xmlio import parse_xml, serialize

T = "{http://www.tei-c.org/ns/1.0}"


def words(s: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", s)


def tei_text_words(tree, with_deletions=True) -> list[str]:
    body = tree.find(f".//{T}text")
    skip = set() if with_deletions else {f"{T}del"}
    out: list[str] = []

    def walk(el):
        if el.tag in skip:
            if el.tail:
                out.extend(words(el.tail))
            return
        if el.text:
            out.extend(words(el.text))
        for child in el:
            walk(child)
        if el.tail and el is not body:
            out.extend(words(el.tail))

    walk(body)
    return out


def html_words(page: str) -> list[str]:
    doc = html.fromstring(page)
    for bad in doc.xpath("//style|//title|//dl[@class='metadata']|//aside|//nav|//h2"
                         "|//*[@role='doc-pagebreak']"):
        bad.getparent().remove(bad)
    return words(doc.text_content())


@pytest.fixture(scope="module")
def seed_tree(request):
    from conftest import ROOT

    return parse_xml((ROOT / "tei" / "frus1952-54v15p1-p728.xml").read_bytes(), "seed.xml")


@pytest.fixture(scope="module")
def long_tree():
    return convert(long_memo(), "long.txt")


@pytest.fixture(scope="module")
def hands_tree():
    return convert((MEMOS / "telegram-hands.txt").read_text(), "hands.txt")


def test_html_has_every_word_and_note(seed_tree):
    page = render_html(seed_tree)
    got = html_words(page)
    want = tei_text_words(seed_tree)
    assert sorted(got) == sorted(want)
    doc = html.fromstring(page)
    notes = doc.xpath("//section[@role='doc-endnotes']/ol/li")
    assert [n.get("id") for n in notes] == ["d1fn1", "d1fn2"]
    assert "drafted by Johnson" in notes[0].text_content()


def test_html_heading_without_note_text(seed_tree):
    doc = html.fromstring(render_html(seed_tree))
    h1 = doc.xpath("//h1")[0]
    assert "Johnson" not in h1.text_content()
    assert h1.xpath(".//a[@role='doc-noteref']/@href") == ["#d1fn1"]
    assert "Johnson" not in doc.xpath("//title")[0].text_content()


def test_html_marks_and_backlinks_pair_up(long_tree):
    doc = html.fromstring(render_html(long_tree))
    refs = doc.xpath("//a[@role='doc-noteref']")
    backs = doc.xpath("//a[@role='doc-backlink']")
    assert len(refs) == len(backs) == 24
    ids = {el.get("id") for el in doc.iter() if el.get("id")}
    for ref in refs:
        assert ref.get("href")[1:] in ids and ref.get("id") in ids
    assert [r.text_content() for r in refs] == [str(k) for k in range(1, 25)]


def test_html_page_markers_and_facsimile_links(hands_tree):
    doc = html.fromstring(render_html(hands_tree, **{"facs-pattern": "https://img.example/{facs}.png"}))
    pbs = doc.xpath("//*[@role='doc-pagebreak']")
    assert [p.text_content() for p in pbs] == ["[Page 732]", "[Page 733]"]
    assert pbs[0].get("href") == "https://img.example/frus1952-54v15p1/732.png"
    plain = html.fromstring(render_html(hands_tree))
    assert not plain.xpath("//a[@role='doc-pagebreak']")  # no pattern: no raw link


def test_html_hands(hands_tree):
    doc = html.fromstring(render_html(hands_tree))
    assert doc.xpath("//del[@data-hand='h2']/text()") == ["never"]
    assert "Dean Acheson" in doc.xpath("//ins[@data-hand='h2']/@title")[0]
    shifted = doc.xpath("//span[contains(@class, 'hand ') and @data-hand='h2']")
    assert "The Secretary has seen this" in shifted[0].text_content()
    assert doc.xpath("//span[@data-hand='h3']")[-1].text_content().strip() == "Allison concurs."
    legend = doc.xpath("//aside[@class='hands']")[0].text_content()
    assert "Dean Acheson (pencil)" in legend and "John M. Allison (blue ink)" in legend


def test_html_editorial_matter(hands_tree):
    doc = html.fromstring(render_html(hands_tree))
    gap = doc.xpath("//span[contains(@class, 'gap')]")[0]
    assert gap.text_content() == "[1 paragraph (6 lines of source text) not declassified]"
    assert doc.xpath("//span[contains(@class, 'supplied')]")[0].text_content().startswith("[Here")


def test_text_output_keeps_hands_and_reading_mode_drops_them(hands_tree):
    source = render_text(hands_tree)
    assert "{-@h2 never-} {+@h2 not readily+}" in source and "{@h2}The Secretary" in source
    reading = render_text(hands_tree, reading=True)
    assert "never" not in reading and "not readily" in reading and "{" not in reading
    assert "[Page 732]" in reading and "  1. Source:" in reading


def test_text_wraps_at_width(seed_tree):
    text = render_text(seed_tree, width=60)
    body = text.split("\n---\n", 1)[1]
    for line in body.splitlines():
        if not line.startswith(("Memorandum", "  ")):
            assert len(line) <= 60, line


@pytest.mark.parametrize("render", [render_html, render_text, render_print_tree])
def test_output_is_deterministic(seed_tree, render):
    assert render(seed_tree) == render(seed_tree)


def test_pdf_is_deterministic(seed_tree):
    assert render_pdf(seed_tree) == render_pdf(seed_tree)


# --- any TEI: unknown elements keep their text -------------------------------------

ODD_TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title>Odd</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p>
</sourceDesc></fileDesc></teiHeader><text><front><titlePage><docTitle><titlePart>Frontispiece
</titlePart></docTitle></titlePage></front><body><div><head>Odd elements</head>
<sp><speaker>Speaker</speaker><p>Spoken <w>words</w> here.</p></sp>
<p>An <app><lem>lemma</lem><rdg>reading</rdg></app> and <subst><del>old</del><add>new</add></subst>
and <choice><abbr>Dept.</abbr><expan>Department</expan></choice> <foo:bar xmlns:foo="urn:x">foreign
</foo:bar> and <damage>damaged</damage> <floatingText><body><p>Floating</p></body></floatingText>
<table><row><cell>Cellone</cell><cell>Celltwo</cell></row></table>
<list><item>Itemone</item></list><lg><l>Verseline</l></lg><unknownElement>Unknownword</unknownElement>
</p></div></body><back><div><p>Backmatter</p></div></back></text></TEI>"""
ODD_WORDS = ["Frontispiece", "Speaker", "Spoken", "words", "lemma", "reading", "new", "Department",
             "foreign", "damaged", "Floating", "Cellone", "Celltwo", "Itemone", "Verseline",
             "Unknownword", "Backmatter"]


def test_unknown_elements_keep_their_text():
    tree = parse_xml(ODD_TEI.encode(), "odd.xml")
    page = html.fromstring(render_html(tree)).text_content()
    text = render_text(tree)
    printed = html.fromstring(render_print_tree(tree)).text_content()
    for word in ODD_WORDS:
        assert word in page, word
        assert word in printed, word
        if word not in ("reading",):  # the text output follows the lemma
            assert word in text, word


# --- safety ------------------------------------------------------------------------

HOSTILE = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title>&lt;script&gt;alert(1)&lt;/script&gt;</title></titleStmt><publicationStmt><p>x</p>
</publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>
<div type="document" xml:id="d1"><head>Bad &lt;img src=x onerror=alert(1)&gt; head</head>
<p><ref target="javascript:alert(1)">js link</ref> <ref target=" JaVaScRiPt:alert(2)">mixed</ref>
<ref target="data:text/html;base64,PHNjcmlwdD4=">data</ref> <ref target="vbscript:x">vb</ref>
<ref target="https://example.org/ok">fine</ref> <ptr target="java&#x0A;script:alert(3)"/>
<graphic url="javascript:alert(4)"/> <pb n="2" facs="javascript:alert(5)"/> text</p></div>
</body></text></TEI>"""


def test_hostile_tei_renders_inert_html():
    tree = parse_xml(HOSTILE.encode(), "hostile.xml")
    page = render_html(tree, **{"facs-pattern": "{facs}"})
    doc = html.fromstring(page)
    assert not doc.xpath("//script")
    for el in doc.iter():
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            if name in ("href", "src", "action", "formaction"):
                v = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                assert not v.startswith(("javascript:", "data:", "vbscript:")), value
    assert doc.xpath("//a[@href='https://example.org/ok']")
    assert doc.xpath("//title")[0].text_content() == "Bad <img src=x onerror=alert(1)> head"
    assert not doc.xpath("//img")  # the unsafe graphic is not shown, the text img is text
    assert "js link" in doc.text_content()


# --- as a reader sees it ------------------------------------------------------------

CLICK_SCRIPT = """<script>
window.addEventListener('load', () => {
  const out = [];
  const ref = document.querySelectorAll('a[role=doc-noteref]')[%d];
  ref.click();
  const target = document.querySelector(':target');
  out.push('after-mark:' + location.hash + ':' + (target ? target.id : 'none'));
  out.push('note-in-view:' + (target && target.getBoundingClientRect().top < innerHeight));
  target.querySelector('a[role=doc-backlink]').click();
  const back = document.querySelector(':target');
  out.push('after-back:' + location.hash + ':' + (back ? back.id : 'none'));
  out.push('mark-in-view:' + (back && back.getBoundingClientRect().top > -20
                              && back.getBoundingClientRect().top < innerHeight));
  const pre = document.createElement('pre'); pre.id = 'result';
  pre.textContent = out.join('\\n'); document.body.appendChild(pre);
});
</script>"""


@pytest.mark.skipif(not shutil.which("chromium"), reason="chromium is not installed "
                    "(apt-get install chromium; .ci/run does this)")
def test_clicking_a_footnote_mark_lands_on_the_note_and_back(long_tree, tmp_path):
    page = render_html(long_tree)
    index = 11  # a mark in the middle of a long page
    path = tmp_path / "page.html"
    path.write_text(page.replace("</body>", CLICK_SCRIPT % index + "</body>"), encoding="utf-8")
    dom = html.fromstring(page_dom(path.as_uri(), tmp_path / "profile", width=800,
                                   ready="!!document.getElementById('result')"))
    report = dom.xpath("//pre[@id='result']")[0].text_content().splitlines()
    assert report == ["after-mark:#d5fn12:d5fn12", "note-in-view:true",
                      "after-back:#d5fn12-ref:d5fn12-ref", "mark-in-view:true"]


def pdf_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, timeout=120).stdout
    return text.split("\f")


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext is not installed "
                    "(apt-get install poppler-utils; .ci/run does this)")
def test_pdf_footnotes_sit_on_the_page_of_their_mark(long_tree, tmp_path):
    pages = pdf_pages(render_pdf(long_tree), tmp_path)
    assert len([p for p in pages if p.strip()]) >= 3

    def page_of(needle: str) -> int:
        found = [i for i, p in enumerate(pages) if needle in p]
        assert found, needle
        return found[0]

    for k in range(2, 25):
        assert page_of(f"markword{k}.") == page_of(f"Notetext{k} explains"), k
    for number, text in enumerate(pages[1:-1], start=2):  # running head and page number
        lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
        assert lines[0] == "Memorandum of a Very Long Discussion Held in Washington"
        assert lines[-1] == str(number)
    joined = "".join(pages)
    for page in range(301, 309):
        assert f"[Page {page}]" in joined
    assert "Hands" in joined and "Dean Acheson (pencil)" in joined


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext is not installed")
def test_pdf_has_every_word_of_the_seed(seed_tree, tmp_path):
    joined = " ".join(pdf_pages(render_pdf(seed_tree), tmp_path))
    got = set(words(joined.replace("\u00ad", "").replace("‐\n", "").replace("-\n", "")))
    missing = [w for w in set(tei_text_words(seed_tree)) if w not in got]
    # hyphenation can split a word across lines; every word must appear whole or split
    flat = re.sub(r"[\u00ad‐-]\s*\n\s*", "", joined)  # Typst marks a break with a soft hyphen
    assert [w for w in missing if w not in flat] == []


def test_render_cli_errors_are_one_line(cli_run, tmp_path):
    missing = tmp_path / "nope.xml"
    result = cli_run("render", str(missing), "--to", "text")
    assert result.exit_code == 1 and "no such file" in one_line(result)
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>")
    result = cli_run("render", str(broken), "--to", "print", "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 1 and one_line(result).startswith(f"{broken}:1:")
    assert not (tmp_path / "x.pdf").exists()


def test_render_does_not_read_entities(cli_run, tmp_path):
    evil = tmp_path / "evil.xml"
    evil.write_text('<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&x;</p></body>'
                    '</text></TEI>')
    result = cli_run("render", str(evil), "--to", "text")
    assert result.exit_code == 1 and "entities" in one_line(result)
    assert "root:" not in result.stdout


SOURCE_NOTE_TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T
</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>
</fileDesc></teiHeader><text><body><div type="document" xml:id="d9"><head>Kennedy memo<note n="0"
xml:id="d9fn0" type="source">Source: Kennedy Library.</note></head><p>Text<note n="1"
xml:id="d9fn1">First note.</note> and<note xml:id="d9fnx">Unnumbered note.</note> end.</p></div>
</body></text></TEI>"""


def test_note_labels_from_n_source_and_counter():
    tree = parse_xml(SOURCE_NOTE_TEI.encode(), "s.xml")
    doc = html.fromstring(render_html(tree))
    assert [a.text_content() for a in doc.xpath("//a[@role='doc-noteref']")] == ["Source", "1", "3"]
    labels = [s.text_content() for s in doc.xpath("//span[@class='note-label']")]
    assert labels == ["Source", "1.", "3."]
    printed = html.fromstring(render_print_tree(tree))
    assert [s.get("data-label") for s in printed.xpath("//span[contains(@class, 'footnote')]")] \
        == ["Source", "1", "3"]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext is not installed")
def test_build_writes_edition_pdf_with_title_page_and_contents(cli_run, tmp_path):
    from conftest import FIXTURES

    src = tmp_path / "tei"
    src.mkdir()
    (src / "volume.xml").write_bytes((FIXTURES / "tei" / "frus-volume.xml").read_bytes())
    out = tmp_path / "out"
    result = cli_run("build", str(src), "-o", str(out), "--only", "print,html",
                     "--title", "Test Edition")
    assert result.exit_code == 0, result.stderr
    pages = pdf_pages((out / "print" / "edition.pdf").read_bytes(), tmp_path)
    assert "Test Edition" in pages[0] and "3 documents" in pages[0]
    assert "Contents" in pages[1] and "Editorial Note" in pages[1]
    index = html.fromstring((out / "html" / "index.html").read_text())
    rows = index.xpath("//tbody/tr")
    assert [r.xpath("td[1]")[0].text_content() for r in rows] == ["1", "2", "3"]
    assert rows[0].xpath("td[2]/time/@datetime") == ["1952-12-19"]
    page2 = html.fromstring((out / "html" / "frus-test-v1" / "d2.html").read_text())
    assert set(page2.xpath("//a[@rel='prev']/@href")) == {"d1.html"}
    assert set(page2.xpath("//a[@rel='next']/@href")) == {"d3.html"}


def test_volume_documents_render_alone_with_links_between_pages(cli_run, tmp_path):
    from conftest import FIXTURES

    src = tmp_path / "tei"
    src.mkdir()
    (src / "volume.xml").write_bytes((FIXTURES / "tei" / "frus-volume.xml").read_bytes())
    out = tmp_path / "out"
    assert cli_run("build", str(src), "-o", str(out), "--only", "html,text").exit_code == 0
    d1 = html.fromstring((out / "html" / "frus-test-v1" / "d1.html").read_text())
    assert d1.xpath("//a[text()='Document 2']/@href") == ["d2.html#d2"]
    assert "Telegram From the Embassy" not in d1.xpath("//main")[0].text_content()  # its own only
    assert d1.xpath("//*[@role='doc-pagebreak']")[0].text_content() == "[Page 728]"
    text = (out / "text" / "frus-test-v1" / "d2.txt").read_text()
    assert "title: Telegram From the Embassy in Korea to the Department of State" in text
    assert "page: 728–733" not in text  # the volume's range is not this document's


def test_text_keeps_private_use_characters_and_refuses_noncharacters(cli_run, tmp_path):
    """text.xsl marks things internally with Unicode noncharacters: private-use characters
    (MUFI fonts use them) come through untouched, and a document holding a noncharacter is
    refused with its line, never rendered with text lost."""
    private = "".join(chr(c) for c in range(0xE000, 0xE006))
    tree = convert(f"MEMO\n\nSigla {private} here, and a note mark 1 after.\n")
    assert f"Sigla {private} here" in render_text(tree)
    assert serialize(convert(render_text(tree))) == serialize(tree)  # and back, unchanged
    assert f"Sigla {private} here" in render_text(tree, reading=True)
    bad = tmp_path / "bad.xml"
    bad.write_text('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>'
                   "<fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p>"
                   "</publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>\n"
                   "<text><body>\n<p>a \ufdd0 b</p>\n</body></text></TEI>\n", encoding="utf-8")
    result = cli_run("render", str(bad), "--to", "text", "-o", str(tmp_path / "bad.txt"))
    assert result.exit_code == 1 and one_line(result).startswith(f"{bad}:4:")
    assert "U+FDD0" in one_line(result) and not (tmp_path / "bad.txt").exists()


def test_html_lists_hold_items_only_names_never_nest_links_and_a_page_says_its_language():
    """What axe-core asks of every page (test_accessibility.py), held here without a browser:
    what stands between list items goes into an item; a linked name inside a linked name
    is no link of its own; an empty xml:lang is no language."""
    tei = ('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang=""><teiHeader><fileDesc>'
           '<titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p></publicationStmt>'
           '<sourceDesc><p>S</p></sourceDesc></fileDesc><profileDesc><particDesc><listPerson>'
           '<person xml:id="p1"><persName>Herr</persName></person><person xml:id="p2">'
           '<persName>Berlin</persName></person></listPerson></particDesc></profileDesc>'
           '</teiHeader><text><body><list><pb n="1"/><item>One</item><pb n="2"/>'
           '<item>Two</item><milestone unit="x"/> tail words</list>'
           '<p>dem <rs ref="#p1"><rs ref="#p2">Berlin</rs>er Herrn</rs>.</p></body></text></TEI>')
    page = render_html(parse_xml(tei.encode(), "l.xml"))
    doc = html.fromstring(page)
    assert doc.get("lang") == "en"
    lists = doc.xpath("//body//ul | //body//ol")
    assert lists and all(child.tag == "li" for ul in lists for child in ul)
    items = [li.text_content() for li in doc.xpath("//ul[contains(@class, 'list')]/li")]
    assert len(items) == 2 and "[Page 1]" in items[0] and "[Page 2]" in items[1]
    assert "tail words" in items[1]
    assert not doc.xpath("//a//a") and all(a.text_content().strip() for a in doc.xpath("//a"))
    assert "Berliner Herrn" in " ".join(doc.text_content().split())


DICTIONARY = Path(__file__).parent / "fixtures" / "tei" / "dictionary.xml"


def test_a_dictionary_renders_as_a_dictionary(tmp_path):
    """Headword, grammar, senses numbered, definitions, examples (issue 40: TEI Publisher's
    sample dictionary stopped with 'the html output lacks text of <def>')."""
    tree = parse_xml(DICTIONARY.read_bytes(), str(DICTIONARY))
    page = html.fromstring(render_html(tree).encode())
    entries = page.xpath("//div[@class='dict-entry']")
    assert len(entries) == 4 and page.xpath("//div[@class='dict-superEntry']")
    first = entries[0]
    assert first.xpath("string(.//strong[contains(@class,'headword')])").split() == ["bank", "/bæŋk/"]
    assert first.xpath("string(sup[@class='hom-number'])") == "1"
    assert first.xpath("string(em[@class='gramGrp'])").split() == ["noun", "n"]
    senses = first.xpath("div[@class='sense']")
    assert [s.xpath("string(strong[@class='sense-number'])") for s in senses] == ["1. ", "2. "]
    assert senses[0].xpath("string(em[contains(@class,'example')])") == "they walked along the bank"
    text = render_text(tree)
    assert "¹ bank /bæŋk/ noun n\n1. the land alongside a river they walked along the bank" in text
    assert "2. an institution that keeps money finance" in text
    assert "[From Old Norse bakki.]" in text
    assert "abacus, n. a counting frame" in text
    assert "to deposit money einzahlen" in text  # parts of an entry apart, never run together


def test_a_control_character_in_the_source_is_not_taken_for_lost_text():
    """Kirchner-Michaelis writes "c\\x9cur" (Windows-1252 mojibake for cœur): the page has
    the character, as a reference that HTML reads as œ; the check reads it as written."""
    out = render_html(parse_xml(DICTIONARY.read_bytes(), str(DICTIONARY)))
    assert "par c&#x9c;ur" in out.lower() or "par c\x9cur" in out
