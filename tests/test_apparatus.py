"""Critical editions: the reading text with its apparatus, witness views and reading views,
in HTML, print and text, on a fixture with every part of an apparatus and on the critical
editions of ../shared/corpus/apparatus (issue 25)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browser import page_dom
from conftest import FIXTURES, ROOT, run_cli
from lxml import etree, html

from toolkit.render import render_html, render_pdf, render_text
from toolkit.render.accounting import (
    APPARATUS,
    View,
    app_lemma,
    app_readings,
    cited_witnesses,
    pieces,
    squash,
    transcription,
)
from toolkit.standoff import read_in
from toolkit.validate import read_source

CRITICAL = FIXTURES / "tei" / "critical.xml"
APPARATUS_CORPUS = ROOT.parent / "shared" / "corpus" / "apparatus"
needs_corpus = pytest.mark.skipif(not APPARATUS_CORPUS.is_dir(),
                                  reason="../shared/corpus/apparatus is not beside the project")
needs_chromium = pytest.mark.skipif(not shutil.which("chromium"), reason="chromium is not "
                                    "installed (apt-get install chromium; .ci/run does this)")
T = "{http://www.tei-c.org/ns/1.0}"


def tree():
    return read_source(CRITICAL).tree


def shown(page: str, selector: str = "main") -> str:
    """The words of a part of a page a reader sees: hidden readings and scripts left out."""
    dom = html.fromstring(page)
    for el in dom.xpath("//*[@hidden] | //script | //style"):
        el.drop_tree()
    found = dom.xpath(_xpath(selector))[0]
    return " ".join(found.text_content().split())


def _xpath(selector: str) -> str:
    if selector.startswith("."):
        return f"//*[contains(concat(' ', @class, ' '), ' {selector[1:]} ')]"
    return f"//{selector}"


def entries(page: str) -> list[str]:
    dom = html.fromstring(page)
    return [" ".join(li.text_content().split())
            for li in dom.xpath("//li[contains(@class, 'app-entry')]")]


# ---- the reading text and its apparatus

def test_the_web_page_shows_the_lemma_and_keys_every_unit_in_the_apparatus():
    page = render_html(tree())
    text = shown(page, ".body")
    assert "The colour° of the sea is deep° blue1, ° calm and still°°." in text
    assert "colourcolor" not in re.sub(r"\W", "", text)
    assert entries(page) == [
        "1 colour] A fam; color B (orthographic)",
        "1 deep] A B; om. fam",
        "1 ] A; add. very B",
        "1 and still] A B; and windless C (written over an erasure); and [gap 1 word] Smith "
        "(conjecture) Smith prefers the reading of C.",
        "1 still] A; quiet B",
        "1 break] A; brake B (orthographic); breake C (orthographic)",
        "2 and gulls cry] A B; [fam: lacuna begins] fam",
        "2 loud] A B; [fam: lacuna ends]aloud fam",
    ]
    # each unit and its entry link to each other; the ids are unique on the page
    dom = html.fromstring(page)
    for entry in dom.xpath("//li[contains(@class, 'app-entry')]"):
        unit = entry.get("data-unit")
        assert entry.xpath(".//a[@class='app-key']/@href") == ["#" + unit]
        assert dom.xpath(f"//*[@id='{unit}']/a[@class='app-mark']/@href")[0] == "#" + entry.get("id")
    ids = dom.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_notes_of_the_apparatus_are_in_its_entries_not_among_the_notes():
    page = render_html(tree())
    notes = html.fromstring(page).xpath("//section[contains(@class, 'notes')]//li")
    assert [" ".join(n.text_content().split()) for n in notes] == ["1. A note in the text. ↩"]


def test_text_and_print_give_the_reading_text_then_the_apparatus(tmp_path):
    text = render_text(tree(), "critical.xml", reading=True)
    body, _, apparatus = text.partition("Apparatus\n")
    assert "The colour of the sea is deep blue1, calm and still." in body
    assert "color" not in body and "windless" not in body
    assert "  1 colour] A fam; color B (orthographic)" in apparatus
    assert "  2 and gulls cry] A B; [fam: lacuna begins] fam" in apparatus
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(render_pdf(tree(), "critical.xml"))
    printed = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                             text=True, check=True).stdout
    assert re.search(r"The colour of the sea is deep blue1?, calm and still\.", printed)
    # the keys stand in the margin, the entries at the foot, keyed and unmarked in the text
    assert re.search(r"^\s*1\s+The colour", printed, re.M)
    assert re.search(r"^\s*1 colour\] A fam; color B \(orthographic\)", printed, re.M)
    assert re.search(r"2 loud\] A B; \[fam: lacuna ends\] ?aloud fam", printed)
    # the apparatus is a series of its own: above the notes, run in, not numbered with them
    assert printed.index("1 colour]") < printed.index("1 A note in the text.")


# ---- witness views

WITNESS_TEXTS = {
    "A": "The colour of the sea is deep blue, calm and still. Waves break on the shore, "
         "and gulls cry out loud.",
    "B": "The color of the sea is deep blue, very calm and quiet. Waves brake on the shore, "
         "and gulls cry out loud.",
    "C": "The colour of the sea is blue, calm and windless. Waves breake on the shore, "
         "[fam: lacuna begins] out [fam: lacuna ends]aloud.",
    "D": "The colour of the sea is blue, calm and still. Waves break on the shore, "
         "[fam: lacuna begins] out [fam: lacuna ends]aloud.",
}


@pytest.mark.parametrize("witness", sorted(WITNESS_TEXTS))
def test_a_witness_view_reads_what_that_witness_reads(witness, tmp_path):
    expected = WITNESS_TEXTS[witness]
    text = render_text(tree(), "critical.xml", reading=True, witness=witness)
    assert text.startswith("Text of witness " + witness)
    body = text.split("\n\n", 1)[1].split("\n\n  1.")[0]
    assert " ".join(body.split()).replace("blue1", "blue") == expected
    assert "Apparatus" not in text
    page = render_html(tree(), witness=witness)
    assert shown(page, ".body").replace("blue1", "blue") == expected


def test_the_witnesses_are_those_the_readings_cite_groups_as_their_members():
    assert cited_witnesses(tree()) == ["A", "B", "C", "D"]


def test_an_unknown_witness_is_refused_in_one_line(tmp_path):
    result = run_cli("render", "--to", "text", "--witness", "Z", str(CRITICAL))
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"{CRITICAL}:1:1: error: no witness 'Z' is cited in this "
                                     "file's apparatus (witnesses: A, B, C, D)")
    assert result.stdout == ""


def test_reading_views_of_choice():
    assert "of the sea is" in render_text(tree(), "c.xml", reading=True)
    assert "of the see is" in render_text(tree(), "c.xml", reading=True,
                                          **{"reading-view": "diplomatic"})
    page = render_html(tree(), **{"reading-view": "diplomatic"})
    assert "of the see is" in shown(page, ".body")


def test_the_edition_settings_give_print_and_text_a_witness_and_the_web_its_switch(tmp_path):
    src = tmp_path / "ed"
    src.mkdir()
    shutil.copy(CRITICAL, src / "critical.xml")
    (src / "teikit.toml").write_text('witness = "B"\nreading_view = "diplomatic"\n'
                                     'outputs = ["html", "text"]\n', encoding="utf-8")
    result = run_cli("build", str(src), "-o", str(tmp_path / "out"), "-q")
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "out" / "text" / "critical" / "critical.txt").read_text(encoding="utf-8")
    assert "very calm and quiet" in text and "of the see is" in text
    page = (tmp_path / "out" / "html" / "critical" / "index.html").read_text(encoding="utf-8")
    assert "° calm and still°°" in shown(page, ".body")  # the web page: the critical text
    assert "of the see is" in shown(page, ".body")  # … opened in the diplomatic view
    assert '<script src="../views.js">' in page
    assert (tmp_path / "out" / "html" / "views.js").is_file()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "teikit.toml").write_text('reading_view = "pretty"\n', encoding="utf-8")
    result = run_cli("build", str(bad), "-o", str(tmp_path / "out2"))
    assert result.exit_code != 0
    assert "teikit.toml:1:1: error: reading_view must be normalized or diplomatic" in result.stderr


@needs_chromium
def test_the_switch_on_the_page_shows_a_witness_and_the_address_opens_it(tmp_path):
    """views.js, in a browser: ?witness=B&view=diplomatic shows what the stylesheet's own
    witness view shows, and the form reflects it."""
    path = tmp_path / "page.html"
    path.write_text(render_html(tree()), encoding="utf-8")
    dom_text = _dump(path.as_uri() + "?witness=B&view=diplomatic", tmp_path)
    dom = html.fromstring(dom_text)
    assert not dom.xpath("//p[contains(@class, 'views-note')]/@hidden")  # "one witness's text"
    assert not dom.xpath("//form[contains(@class, 'views')]/@hidden")
    expected = shown(render_html(tree(), witness="B", **{"reading-view": "diplomatic"}), ".body")
    assert shown(dom_text, ".body").replace("°", "") == expected
    assert "very calm and quiet" in expected and "of the see is" in expected
    # and back to the critical text: the address without a witness
    assert shown(_dump(path.as_uri(), tmp_path), ".body") == shown(render_html(tree()), ".body")


def _dump(url: str, tmp_path: Path) -> str:
    """The page once views.js has shown the address's witness (browser.py)."""
    ready = "!!document.querySelector('.witness-view')" if "witness=" in url else "true"
    return page_dom(url, tmp_path / "profile", ready=ready)


# ---- the corpus: nothing lost, per witness

def corpus_files() -> list[Path]:
    return [p for p in sorted(APPARATUS_CORPUS.rglob("*.xml")) if "variorum-chunks" not in p.parts]


def apparatus_text(page: str) -> str:
    dom = html.fromstring(page)
    return squash(" ".join(s.text_content() for s in dom.xpath(
        "//section[contains(@class, 'apparatus')]")))


@needs_corpus
@pytest.mark.slow
def test_every_reading_of_the_corpus_is_in_the_apparatus_and_every_witness_text_in_its_view():
    """Per file: the default page holds every reading other than the lemma in its
    apparatus section (the lemma in the text: render_html's own check); per witness: the
    witness view (HTML; text for every tenth, as it shares the choice of reading) holds
    every word of what the witness reads (render_* refuse a page that lacks any)."""
    checked = {}
    for path in corpus_files():
        source = read_source(path, str(APPARATUS_CORPUS)).tree
        page = render_html(source, str(path))
        in_apparatus = apparatus_text(page)
        for app in source.getroot().iter(T + "app"):
            readings = app_readings(app)
            lemma = app_lemma(app, readings)
            for rdg in readings:
                if rdg is lemma:
                    continue
                for text, el, _ in pieces([rdg]):
                    assert text in in_apparatus, (path.name, el.sourceline, text)
        witnesses = cited_witnesses(source)
        for i, witness in enumerate(witnesses):
            render_html(source, str(path), witness=witness)
            if i % 10 == 0:
                render_text(source, str(path), witness=witness)
        checked[path.name] = len(witnesses)
    assert len(checked) >= 15 and sum(checked.values()) >= 150, checked


def test_the_view_decides_which_text_is_asked_for():
    """The accounting's model of a witness view (the check every render runs) follows the
    rule: a witness's reading where one names it (or its group), else the lemma."""
    parts = transcription(tree())

    def words(view: View, where: str | None = None) -> str:
        return "".join(t for t, _, w in pieces(parts, view=view) if where is None or w == where)

    assert "colour" in words(View()) and "color" in words(View(), APPARATUS)
    b = words(View(witness="B"))
    assert "color" in b and "colour" not in b and "quiet" in b and "windless" not in b
    c = words(View(witness="C"))  # in the group fam
    assert "windless" in c and "aloud" in c and "deep" not in c
    assert "see" in words(View(diplomatic=True)) and "sea" not in words(View(diplomatic=True))


def test_the_fixture_is_valid_tei(tmp_path):
    from conftest import assert_tei_all_valid, jing_available

    ok, why = jing_available()
    if not ok:
        pytest.skip(why)
    assert_tei_all_valid(CRITICAL, FIXTURES / "tei" / "double-end-point.xml")
    assert etree.parse(str(CRITICAL)).getroot().tag == T + "TEI"


# ---- a stand-off apparatus (the Frankenstein Variorum's spine)

VARIORUM = APPARATUS_CORPUS / "PghFrankenstein--fv-data"
TEIKIT = [sys.executable, "-m", "toolkit.cli"]


@needs_corpus
def test_a_spine_reads_its_witnesses_words_from_their_local_copies():
    spine = VARIORUM / "standoff_Spine" / "spine_C01.xml"
    tree = read_in(read_source(spine).tree, str(spine), str(VARIORUM))
    text = render_text(tree, str(spine), reading=True)
    assert "raw.githubusercontent" not in text
    assert "Greece,—Shakespeare,] f1818" in text  # the 1818 reading is the first here
    f1831 = render_text(tree, str(spine), reading=True, witness="f1831")
    assert "Greece,—Shakspeare," in f1831 and "Marlow, September, 1817." in f1831
    assert "PREFACE. THE event on which this fiction is founded" in f1831
    page = render_html(tree, str(spine))  # (checked: every witness's words are on the page)
    assert "Tempest, f1831" in " ".join(entries(page))


@needs_corpus
def test_teikit_render_of_a_spine_in_its_repository_reads_the_witnesses(tmp_path):
    """With no teikit.toml and no .git above it, a file inside the current directory may
    read what the directory holds: the spine its chunks, an SGA manuscript the
    ../shared/classDecl.xml it includes."""
    spine = VARIORUM / "standoff_Spine" / "spine_C01.xml"
    out = subprocess.run([*TEIKIT, "render", "--to", "text",
                          "standoff_Spine/spine_C01.xml"], cwd=VARIORUM, capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stderr
    assert "Greece,—Shakspeare," in out.stdout
    sga = ROOT.parent / "shared" / "corpus" / "sga"
    manuscript = "data/tei/bl/bl-loan_ms_70_08.xml"
    inside = subprocess.run([*TEIKIT, "render", "--to", "text", manuscript], cwd=sga,
                            capture_output=True, text=True)
    assert inside.returncode == 0, inside.stderr
    outside = subprocess.run([*TEIKIT, "render", "--to", "text", str(sga / manuscript)],
                             cwd=tmp_path, capture_output=True, text=True)
    assert outside.returncode == 1 and "is outside the folder" in outside.stderr
    assert spine.is_file()


def test_a_pointer_leaves_the_edition_never(tmp_path):
    """A reading that points outside the edition (by URL or by ../) stays a pointer."""
    secret = tmp_path / "secret.xml"
    secret.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>'
                      '<seg xml:id="s">SECRET</seg></p></body></text></TEI>', encoding="utf-8")
    edition = tmp_path / "ed"
    edition.mkdir()
    spine = edition / "spine.xml"
    spine.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>S'
        '</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p>'
        '</sourceDesc></fileDesc></teiHeader><text><body><ab><app>'
        '<rdg wit="#a"><ptr target="../secret.xml#s"/></rdg>'
        f'<rdg wit="#b"><ptr target="file://{secret}#s"/></rdg>'
        '<rdg wit="#c"><ptr target="https://example.org/x/secret.xml#s"/></rdg>'
        '</app></ab></body></text></TEI>', encoding="utf-8")
    tree = read_in(read_source(spine).tree, str(spine), str(edition))
    assert b"SECRET" not in etree.tostring(tree)
    assert len(tree.getroot().findall(f".//{T}ptr")) == 3


def test_units_apart_from_the_text_are_entries_only():
    """Double-end-point (a listApp pointing at anchors) and location-referenced units: the
    base text's words once, the units as entries keyed by the place they point at, a mark at
    the anchor that ends the place; no witness switch (it would change no word)."""
    path = FIXTURES / "tei" / "double-end-point.xml"
    source = read_source(path).tree
    text = render_text(source, str(path), reading=True)
    assert text.count("quiet harbour") == 2  # the text, and the entry's lemma
    assert "Apparatus\n  4 quiet harbour] A; silent haven B\n  4 dusk] A; evening B" in text
    page = render_html(source, str(path))
    assert shown(page, ".body") == "Ships come into the quiet harbour° at dusk."
    assert entries(page) == ["4 quiet harbour] A; silent haven B", "4 dusk] A; evening B"]
    dom = html.fromstring(page)
    assert dom.xpath("//a[@class='app-mark']/@href") == [
        "#" + dom.xpath("//li[contains(@class, 'app-entry')]/@id")[0]]
    assert dom.xpath("//li[1]//a[@class='app-key']/@href") == ["#s1"]
    assert not dom.xpath("//select[@name='witness']")
    witness = render_text(source, str(path), reading=True, witness="B")
    assert "silent haven B" in witness  # the witness's words: in the entries, kept


LACUNA = FIXTURES / "tei" / "lacuna-note.xml"


@pytest.mark.parametrize("kind", ["html", "text", "print"])
def test_a_note_of_a_unit_that_only_ends_a_witness_is_in_its_entry(kind, tmp_path):
    """The Patristic Text Archive: <app><rdg wit="#C"><witEnd/></rdg><note>2 pages
    missing</note></app> stopped every output (its note was left out of the entry); a
    unit inside a footnote lost its variant in text and print."""
    source = read_source(LACUNA).tree
    if kind == "html":
        page = html.fromstring(render_html(source).encode())
        entries = [" ".join(li.text_content().split()) for li in page.find_class("app-entry")]
        assert any("C: text ends" in e and "2 pages missing" in e for e in entries), entries
        assert any("Clementem] Clementinum fn" in e for e in entries), entries
        return
    if kind == "text":
        out = render_text(source)
    else:
        if not shutil.which("pdftotext"):
            pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
        pdf = tmp_path / "out.pdf"
        pdf.write_bytes(render_pdf(source))
        out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    flat = " ".join(out.split())
    assert "C: text ends" in flat and "2 pages missing" in flat
    assert "Clementem] Clementinum fn" in flat
    if kind == "text":
        assert "ἐπιβαίνοντα] ἐπιβάντα fn (orthographic)" in flat  # no "; " before a lone variant
