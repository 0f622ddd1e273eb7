"""Nothing is lost: every word of a source's transcription reaches HTML, text and print,
on the real corpus and on teikit's own documents; a page that would lose text is an
error, never an exit 0 (docs/rendering.md states the accounting rule)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, MEMOS, ROOT, SHARED, one_line
from helpers import convert

from toolkit.errors import TeikitError
from toolkit.render import render_html, render_pdf, render_text
from toolkit.render.accounting import missing, out_of_order, pieces, transcription
from toolkit.render.saxon import transform
from toolkit.validate import read_source

CORPUS = SHARED / "corpus"
TEI = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T'
       '</title></titleStmt><publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p>'
       '</sourceDesc></fileDesc></teiHeader><text><body>{}</body></text></TEI>')


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent (the real-world TEI lives beside the repo)")
    return sorted(CORPUS.rglob("*.xml"))


def raw(kind: str, tree, name: str) -> str:
    """The stylesheet's output itself, before teikit's own completeness check."""
    params = {"css": ""} if kind == "html" else {}
    return transform(f"{kind}.xsl", tree, params, name)


def lost(tree, kind: str, output: str) -> list[str]:
    return [f"{text[:40]} (<{el.tag.rpartition('}')[2]}> line {el.sourceline})"
            for text, el in missing(transcription(tree), kind, output)]


@pytest.mark.slow
def test_every_corpus_file_renders_every_word_in_html_and_text():
    failures = {}
    for path in corpus_files():
        source = read_source(path, str(CORPUS))
        for kind in ("html", "text"):
            try:
                output = raw(kind, source.tree, str(path))
            except TeikitError as exc:
                failures[(path.name, kind)] = str(exc)
                continue
            gone = lost(source.tree, kind, output)
            if gone:
                failures[(path.name, kind)] = gone[:3]
            moved = out_of_order(transcription(source.tree), kind, output)
            if moved:  # running text keeps the source's order (notes gather at the end)
                failures[(path.name, kind, "order")] = (moved[0][:40], moved[1].sourceline)
    assert not failures, failures


def test_teikits_own_documents_render_every_word():
    files = sorted((ROOT / "tei").glob("*.xml")) + [FIXTURES / "tei" / "frus-volume.xml"]
    trees = [read_source(f).tree for f in files]
    trees += [convert(m.read_text(encoding="utf-8"), m.name) for m in sorted(MEMOS.glob("*.txt"))]
    for tree in trees:
        assert pieces(transcription(tree))  # there is text to account for
        for kind in ("html", "text"):
            output = raw(kind, tree, "t.xml")
            assert lost(tree, kind, output) == []
            assert out_of_order(transcription(tree), kind, output) is None


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext is not installed "
                    "(apt-get install poppler-utils; .ci/run does this)")
def test_every_corpus_file_prints_every_word(tmp_path):
    """Read back from the PDF (Typst's layout, not only the page tree print.xsl makes)."""
    failures = {}
    for path in corpus_files():
        tree = read_source(path, str(CORPUS)).tree
        pdf = tmp_path / "out.pdf"
        pdf.write_bytes(render_pdf(tree, str(path)))
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        if lost(tree, "pdf", text):
            failures[path.name] = lost(tree, "pdf", text)[:3]
    assert failures == {}


# --- never silent ----------------------------------------------------------------------

def test_a_page_that_would_lose_text_is_an_error(monkeypatch, tmp_path, cli_run):
    import toolkit.render as render

    path = tmp_path / "a.xml"
    path.write_text(TEI.format("<p>Every <unknownThing>word</unknownThing> counts</p>"))
    tree = read_source(path).tree
    assert "word" in render_html(tree, str(path))  # the fallback keeps unknown elements' text
    monkeypatch.setattr(render, "transform", lambda *a, **k: "<html><body><p>Every counts</p>")
    with pytest.raises(TeikitError) as info:
        render_html(tree, str(path))
    assert str(info.value).startswith(f"{path}:1:1: error: the html output lacks text of "
                                      "<unknownThing>")
    result = cli_run("render", str(path), "--to", "html", "-o", str(tmp_path / "out.html"))
    assert result.exit_code == 1 and "lacks text" in one_line(result)
    assert not (tmp_path / "out.html").exists()  # nothing half-written


def test_a_build_never_publishes_a_page_with_text_missing(monkeypatch, tmp_path):
    import toolkit.edition.jobs as worker
    from toolkit.edition import Settings, build_edition

    src = tmp_path / "tei"
    src.mkdir()
    shutil.copy(ROOT / "tei" / "frus1952-54v15p1-p728.xml", src / "a.xml")
    real = worker.render_pages

    def lossy(kind, *args, **kwargs):
        return [(href, page.replace("policy concerning", "")) for href, page in real(
            kind, *args, **kwargs)]

    monkeypatch.setattr(worker, "render_pages", lossy)
    report = build_edition(src, tmp_path / "out", Settings(outputs=("html", "text")))
    assert report.errors and all("lacks text" in e for e in report.errors)
    assert not list((tmp_path / "out").glob("html/*/*.html"))


# --- what used to be lost ----------------------------------------------------------------

def text_of(body: str, kind: str = "text") -> str:
    tree = read_source_text(TEI.format(body))
    return render_text(tree, "t.xml") if kind == "text" else render_html(tree, "t.xml")


def read_source_text(text: str):
    from toolkit.xmlio import parse_xml

    return parse_xml(text.encode(), "t.xml")


def test_text_right_inside_a_closer_and_a_quote_is_kept():
    out = text_of('<div><p>x</p><closer>Deinem treuen<lb/><signed>Bahr</signed></closer>'
                  '<p><quote>Gesagt <hi>ist</hi> gesagt</quote></p></div>')
    assert "Deinem treuen" in out and "Bahr" in out and "Gesagt ist gesagt" in out


def test_address_lines_do_not_run_together_in_html():
    out = text_of('<div><p>x</p><closer><address><addrLine>Arthur Schnitzler</addrLine>'
                  '<addrLine>I. Giselastr 11</addrLine></address></closer></div>', "html")
    assert "SchnitzlerI." not in out.replace("<", " <").replace(" <", "<")
    assert '<div class="tei-addrLine">Arthur Schnitzler</div>' in out


def test_page_breaks_without_a_number_are_never_question_marks():
    for kind in ("text", "html"):
        out = text_of('<p>a <pb facs="img-3"/> b</p>', kind)
        assert "?" not in out.split("<body")[-1] and "page break" in out


def test_a_space_keeps_words_apart_and_a_scribe_shift_prints_no_braces():
    out = text_of('<p>weit<space quantity="3" unit="chars"/>weg <handShift scribe="#x"/>mehr</p>')
    assert "weit weg" in out and "{@" not in out


def test_a_manuscript_without_text_renders_its_lines(tmp_path):
    path = tmp_path / "ms.xml"
    path.write_text(TEI.format("").replace(
        "<text><body></body></text>",
        '<sourceDoc><surface n="1"><graphic url="https://example.org/p1.jpg"/><zone>'
        '<line>First line <del hand="#h">struck</del></line><line>second line</line></zone>'
        '</surface></sourceDoc>'))
    tree = read_source(path).tree
    html = render_html(tree, str(path))
    assert '<div class="line">First line' in html and "second line" in html
    assert 'href="https://example.org/p1.jpg"' in html
    text = render_text(tree, str(path))
    assert "First line" in text and "second line" in text


# --- names, registers, notes at anchors, titles ---------------------------------------------

LETTER = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
          '<title level="s">Briefwechsel</title><title level="a">A an B, 6. 7. 1891</title>'
          '</titleStmt><publicationStmt><p>P</p></publicationStmt><sourceDesc><listWit><witness>'
          '<msDesc><msIdentifier><settlement>Marbach</settlement><repository>DLA</repository>'
          '<idno>HS.1</idno></msIdentifier><physDesc><p>Brief, 1 Blatt</p></physDesc></msDesc>'
          '</witness></listWit></sourceDesc></fileDesc></teiHeader>'
          '<facsimile><surface xml:id="f1"><graphic url="https://example.org/f1.jpg"/></surface>'
          '</facsimile><text><body><div><p><pb facs="#f1"/>Lieber <persName ref="#p1">Arthur'
          '</persName>, ich<anchor xml:id="a1"/> schreibe.</p>'
          '<note target="#a1">Eine Anmerkung.</note></div></body><back><listPerson>'
          '<person xml:id="p1"><persName>Arthur Schnitzler</persName><birth><date when="1862">'
          '1862</date></birth><idno>https://d-nb.info/gnd/118609807</idno></person></listPerson>'
          '</back></text></TEI>')


def test_a_letter_links_names_to_its_register_and_back():
    html = render_html(read_source_text(LETTER), "l.xml")
    assert "<title>A an B, 6. 7. 1891</title>" in html  # the letter's own title
    assert '<dd>Marbach, DLA, HS.1</dd>' in html  # the source in a line
    assert "Full description of the source" in html and "Brief, 1 Blatt" in html
    assert '<a class="persName mention" href="#p1"' in html
    entry = html[html.index('<div class="entry person" id="p1">'):]
    assert '<p class="mentions">Mentioned: <a href="#' in entry
    assert '<a class="idno" href="https://d-nb.info/gnd/118609807">' in entry
    assert 'href="https://example.org/f1.jpg"' in html  # pb/@facs through the facsimile


def test_a_note_with_a_target_is_marked_at_its_anchor():
    html = render_html(read_source_text(LETTER), "l.xml")
    body = html[html.index("Lieber"):html.index("schreibe")]
    assert 'class="anchor"' in body and 'class="note-mark"' in body
    assert html.count('class="note-mark"') == 1 and "Eine Anmerkung." in html


def test_the_order_check_can_fail():
    tree = read_source_text(TEI.format("<p>first words</p><p>second words</p>"))
    parts = transcription(tree)
    assert out_of_order(parts, "text", "first words second words") is None
    moved = out_of_order(parts, "text", "second words first words")
    assert moved is not None and moved[0] == "secondwords"


def test_margin_notes_stand_in_the_margin_in_print_and_prefixed_facs_link():
    from toolkit.render import render_print_tree

    header = ('<encodingDesc><listPrefixDef><prefixDef ident="img" matchPattern="(\\w+)" '
              'replacementPattern="https://example.org/img/$1.jpg"><p>images</p></prefixDef>'
              '</listPrefixDef></encodingDesc></teiHeader>')
    text = TEI.format('<p>Text<note place="margin">In the margin.</note> and '
                      '<pb n="2" facs="img:p2"/> more.</p>').replace("</teiHeader>", header)
    tree = read_source_text(text)
    page = render_print_tree(tree, "m.xml")
    assert '<span class="margin-note" id=' in page and "In the margin." in page
    assert 'href="https://example.org/img/p2.jpg"' in render_html(tree, "m.xml")


def test_a_standoff_only_file_renders_its_register():
    tree = read_source_text(TEI.format("").replace(
        "<text><body></body></text>",
        '<standOff><listPlace><place xml:id="w"><placeName>Wien</placeName><location><geo>48.2 '
        '16.37</geo></location><idno>https://www.geonames.org/2761369</idno></place></listPlace>'
        '</standOff>'))
    html = render_html(tree, "s.xml")
    assert '<div class="entry place" id="w">' in html and "48.2 16.37" in html
    assert '<a class="idno" href="https://www.geonames.org/2761369">' in html
    assert "Wien" in render_text(tree, "s.xml")


def test_the_hands_legend_lists_only_the_hands_the_document_uses():
    hands = ('<profileDesc><handNotes><handNote xml:id="h1">Acheson</handNote><handNote '
             'xml:id="h2">Smith</handNote></handNotes></profileDesc></teiHeader>')
    tree = read_source_text(TEI.format('<p>a <add hand="#h2">b</add></p>')
                            .replace("</teiHeader>", hands))
    legend = render_html(tree, "h.xml").split('<aside class="hands"')[1]
    assert "Smith" in legend and "Acheson" not in legend
    plain = read_source_text(TEI.format("<p>no hands here</p>").replace("</teiHeader>", hands))
    assert '<aside class="hands"' not in render_html(plain, "p.xml")


def test_a_pdf_word_broken_across_a_page_counts_but_a_lost_word_does_not():
    tree = read_source_text(TEI.format("<p>Mr. Ferrell nevertheless agreed.</p>"))
    page_foot = "Mr. Ferrell never\u00ad\n10\n\fMinutes of the 1965 Meeting\n\ntheless agreed.\n"
    assert missing(transcription(tree), "pdf", page_foot) == []
    assert [w for w, _ in missing(transcription(tree), "pdf", "Mr. Ferrell never\n agreed.\n")] \
        == ["nevertheless"]


def test_a_greek_final_sigma_counts_when_words_run_together():
    """Squashing spaces puts ΚΩΝΩΝΟΣ before ΤΟΥ: lowered, its Σ is σ there but ς alone.
    Case folding makes both σ, so the word is found and a lost one still is not."""
    tree = read_source_text(TEI.format("<p>ΑΓΙΟΥ <persName>ΚΩΝΩΝΟΣ</persName> ΤΟΥ</p>"))
    assert missing(transcription(tree), "html", "<p>ΑΓΙΟΥ ΚΩΝΩΝΟΣ ΤΟΥ</p>") == []
    assert [t for t, _ in missing(transcription(tree), "html", "<p>ΑΓΙΟΥ ΤΟΥ</p>")] == ["κωνωνοσ"]



@pytest.mark.parametrize("source, pdf_text", [
    ("き〱めさまし", "き[U+3031]めさまし"),  # a stand-in for a character no font draws
    ("rüͤſteten", "rüͤüͤſteten"),  # a letter with marks given twice by pdftotext
    ("ст꙯ааго", "ст꙯т꙯ааго"),
    ("engage<add>\u0301</add>", "engagé"),  # a hand's accent, composed with its letter
    ("والالم جاهلاً", "وااللم جاهًال ًال"),  # Arabic ligatures read back reordered
    ("مجلة <title>المجلات</title>في", "مجلة المجالتفي"),  # words run together
])
def test_the_pdf_accounting_reads_what_pdftotext_does_to_text(source, pdf_text):
    """pdftotext's quirks (docs/rendering.md) count as the text; a lost word still does not."""
    tree = read_source_text(TEI.format(f"<p>{source} Lostword</p>"))
    assert [w for w, _ in missing(transcription(tree), "pdf", pdf_text)] == ["lostword"]
