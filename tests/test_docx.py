"""Word (.docx) conversion: fixtures are built in code (tests/docx_builder.py)."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
from conftest import MEMOS, assert_tei_all_valid, one_line
from docx_builder import comment, dele, en, fn, ins, link, make_docx, memo_as_docx, p, page_break, r, table
from lxml import etree

from toolkit.convert import convert_file
from toolkit.validate import validate_file
from toolkit.xmlio import serialize

T = "{http://www.tei-c.org/ns/1.0}"
X = "{http://www.w3.org/XML/1998/namespace}"


def text_element(tree) -> bytes:
    return etree.tostring(tree.find(f"{T}text"))


@pytest.mark.parametrize("memo", ["seed.txt", "brackets.txt", "letter-closer.txt",
                                  "numbers-and-markers.txt", "conversation-participants.txt",
                                  "midsentence-page.txt"])
def test_memo_typed_in_word_gives_the_same_tei_body(memo, tmp_path):
    source = (MEMOS / memo).read_text(encoding="utf-8")
    docx = memo_as_docx(source, tmp_path / "memo.docx")
    from_word, _ = convert_file(docx)
    from_text, _ = convert_file(MEMOS / memo)
    assert text_element(from_word) == text_element(from_text)


def test_seed_from_shared_as_word(seed_text, tmp_path):
    docx = memo_as_docx(seed_text.read_text(encoding="utf-8"), tmp_path / "seed.docx")
    assert text_element(convert_file(docx)[0]) == text_element(convert_file(seed_text)[0])


@pytest.fixture(scope="module")
def rich(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "rich.docx"
    body = "".join([
        p(r("Memorandum From the Secretary of State to the President"), fn(1)),
        p(r("top secret")),
        p(r("Washington, January 15, 1953.")),
        p(), p(),
        p(r("The "), r("Joint Chiefs", b=True), r(" have "),
          dele("Dean Acheson", "2024-03-01T10:00:00Z", "never "),
          ins("Dean Acheson", "2024-03-01T10:01:00Z", r("not yet "), rev=3), r("agreed."), fn(2),
          r(" See "), link("rId5", r("the Office of the Historian")), r(".")),
        p(r("[Page 731] A page marker typed in the text. "),
          ins("Paul Nitze", "2024-03-02T09:00:00Z", r("Nitze added this."), rev=4)),
        p(page_break(), r("After a manual page break, "), r("in another hand", style="Hand-h9"),
          r(" and back."), comment(1)),
        p(r("Results"), style="Heading1"),
        table(["Nationality", "Number"], ["Korean", "34,000"]),
        p(r("First point"), num="2"), p(r("Second point"), num="2"),
        p(r("Page "), '<w:fldSimple w:instr=" REF BMfig \\h "><w:r><w:t>Figure 1</w:t></w:r>'
          "</w:fldSimple>", r(" is cited."), en(1)),
        p(r("Odd "), "<w:foo><w:r><w:t>unknown content</w:t></w:r></w:foo>", r(" kept.")),
        p(r("Acheson", i=True)),
    ])
    make_docx(path, body,
              footnotes=[p(r("Source: Department of State, Central Files.")),
                         p(r("See "), link("rId9", r("FRUS online")), r(" and:"))
                         + p(r("one item"), num="1") + p(r("another item"), num="1")],
              endnotes=[p(r("An endnote."))],
              comments=[p(r("Check this against the carbon copy."))],
              links={"rId5": "https://history.state.gov/"},
              footnote_links={"rId9": "https://history.state.gov/historicaldocuments"},
              core={"dc:title": "Memo to the President", "dc:creator": "A. Transcriber",
                    "dcterms:created": "2024-02-28T12:00:00Z"})
    tree, warnings = convert_file(path)
    return path, tree, [str(w) for w in warnings]


def test_rich_docx_is_valid_tei(rich, tmp_path):
    _, tree, _ = rich
    out = tmp_path / "rich.xml"
    out.write_bytes(serialize(tree))
    assert validate_file(out) == []
    assert_tei_all_valid(out)


def test_tracked_changes_become_hands_with_dates(rich):
    _, tree, _ = rich
    hands = {h.get(f"{X}id"): h.findtext(f"{T}persName") for h in tree.iter(f"{T}handNote")}
    assert hands["h1"] == "Dean Acheson" and hands["h2"] == "Paul Nitze"
    deleted = tree.find(f".//{T}del")
    assert deleted.text == "never " and deleted.get("hand") == "#h1"
    change = tree.find(f".//{T}change[@{X}id='{deleted.get('change')[1:]}']")
    assert change.get("when") == "2024-03-01T10:00:00+00:00" and change.get("who") == "#h1"
    added = [a.text for a in tree.iter(f"{T}add")]
    assert added == ["not yet ", "Nitze added this."]
    # the deletion does not leak into the reading text
    p = deleted.getparent()
    assert "".join(t for t in p.itertext() if t != "never ").startswith("The Joint Chiefs have not")


def test_footnote_keeps_links_and_list(rich):
    _, tree, _ = rich
    note = tree.find(f".//{T}note[@n='2']")
    assert note.find(f".//{T}ref").get("target") == "https://history.state.gov/historicaldocuments"
    assert [i.text for i in note.iter(f"{T}item")] == ["one item", "another item"]
    assert tree.find(f".//{T}head/{T}note").get("type") == "source"


def test_pages_formatting_table_list_comment_field(rich):
    _, tree, warnings = rich
    assert [pb.get("n") for pb in tree.iter(f"{T}pb")] == ["731", "732"]
    assert any("page break without a page number: numbered 732" in w for w in warnings)
    assert tree.find(f".//{T}hi[@rend='bold']").text == "Joint Chiefs"
    assert [ref.get("target") for ref in tree.iter(f"{T}ref")
            if ref.text == "the Office of the Historian"] == ["https://history.state.gov/"]
    rows = [[c.text for c in row] for row in tree.iter(f"{T}row")]
    assert rows == [["Nationality", "Number"], ["Korean", "34,000"]]
    assert [i.text for i in tree.find(f".//{T}list[@rend='numbered']")] == ["First point",
                                                                             "Second point"]
    comment_note = tree.find(f".//{T}note[@type='comment']")
    assert comment_note.text == "Check this against the carbon copy."
    assert tree.find(f".//{T}note[@place='end']").text == "An endnote."
    assert any("field 'REF BMfig \\\\h'" in w and "<w:fldSimple>" in w for w in warnings)
    assert "Figure 1" in "".join(tree.find(f".//{T}body").itertext())
    assert any("<w:foo> is not converted; its text is kept" in w for w in warnings)
    assert "unknown content" in "".join(tree.find(f".//{T}body").itertext())
    assert tree.find(f".//{T}div[@type='section']/{T}head").text == "Results"


def test_hand_style_is_a_hand_shift(rich):
    _, tree, _ = rich
    shifts = [s.get("new") for s in tree.iter(f"{T}handShift")]
    assert shifts == ["#h9", "#main"]


def test_core_properties_fill_the_header(rich):
    _, tree, _ = rich
    assert tree.findtext(f".//{T}titleStmt/{T}title") == "Memo to the President"
    assert tree.findtext(f".//{T}titleStmt/{T}editor") == "A. Transcriber"
    created = tree.find(f".//{T}revisionDesc/{T}change")
    assert created.get("when") == "2024-02-28T12:00:00+00:00"


def test_front_matter_typed_in_word(tmp_path):
    body = p(r("---")) + p(r("id: d44")) + p(r("source: FRUS 1952–1954, XV")) + \
        p(r("hand: h2 | Dean Acheson | pencil")) + p(r("---")) + p(r("A Heading")) + \
        p(r("Text "), r("in pencil", style="Hand-h2"), r("."))
    tree, _ = convert_file(make_docx(tmp_path / "fm.docx", body))
    assert tree.find(f".//{T}div").get(f"{X}id") == "d44"
    assert tree.findtext(f".//{T}sourceDesc/{T}bibl/{T}title") == "FRUS 1952–1954, XV"
    assert tree.find(f".//{T}handNote[@{X}id='h2']").get("medium") == "pencil"


def test_front_matter_as_first_table(tmp_path):
    body = table(["id", "d45"], ["title", "A Title From the Table"]) + p(r("The Heading")) + \
        p(r("Text."))
    tree, _ = convert_file(make_docx(tmp_path / "tbl.docx", body))
    assert tree.find(f".//{T}div").get(f"{X}id") == "d45"
    assert tree.findtext(f".//{T}titleStmt/{T}title") == "A Title From the Table"


# --- bad input --------------------------------------------------------------------------

def zip_bomb(path: Path) -> Path:
    """A zip whose central directory declares a 1 GB document.xml (the data is tiny)."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", b"<w:document/>")
    data = bytearray(path.read_bytes())
    cd = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, cd + 24, 1 << 30)  # uncompressed size in the directory
    path.write_bytes(bytes(data))
    return path


BAD_DOCX = {
    "not a zip": (lambda p: _write(p, b"just some text, not a zip"), "not a Word .docx file"),
    "zip without document.xml": (lambda p: _zip(p, {"word/other.xml": b"<x/>"}),
                                 "word/document.xml is missing"),
    "encrypted (OLE container)": (lambda p: _write(p, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
                                                   + b"\x00" * 512),
                                  "encrypted (password-protected)"),
    "zip bomb": (zip_bomb, "a zip bomb?"),
    "broken document.xml": (lambda p: _zip(p, {"word/document.xml": b"<w:document"}),
                            "not well-formed XML"),
    "hostile entity in a part": (lambda p: _zip(p, {"word/document.xml": (
        b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/hostname">]><d>&x;</d>')}),
        "entities"),
    "empty document": (lambda p: make_docx(p, p_empty()), "has no text"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def p_empty() -> str:
    return p()


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


@pytest.mark.parametrize("case", sorted(BAD_DOCX))
def test_bad_docx_one_line_error_nothing_written(case, tmp_path, cli_run):
    make, message = BAD_DOCX[case]
    path = make(tmp_path / "bad.docx")
    out = tmp_path / "out.xml"
    result = cli_run("convert", str(path), "-o", str(out))
    assert result.exit_code == 1
    line = one_line(result)
    assert message in line and str(path) in line
    assert not out.exists()
