"""The memo-text converter: every convention, lossless round trip, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MEMOS, assert_tei_all_valid, one_line
from helpers import body_content, convert, errors_of, roundtrip, same_tei

from toolkit.errors import TeikitError
from toolkit.xmlio import serialize

T = "{http://www.tei-c.org/ns/1.0}"
FIXTURES = sorted(MEMOS.glob("*.txt"))


def test_there_are_a_dozen_memo_fixtures():
    assert len(FIXTURES) >= 12


@pytest.mark.parametrize("memo", FIXTURES, ids=lambda p: p.stem)
def test_fixture_converts_validates_and_round_trips(memo: Path):
    source = memo.read_text(encoding="utf-8")
    tree = convert(source, memo.name)
    assert errors_of(tree) == []
    for width in (0, 60):
        text, again = roundtrip(tree, width)
        assert same_tei(tree, again), f"width={width}:\n{text}"
    text, _ = roundtrip(tree)
    assert body_content(text) == body_content(source)


def test_fixtures_are_valid_tei_all(tmp_path):
    files = []
    for memo in FIXTURES:
        out = tmp_path / f"{memo.stem}.xml"
        out.write_bytes(serialize(convert(memo.read_text(encoding="utf-8"), memo.name)))
        files.append(out)
    assert_tei_all_valid(*files)


def test_seed_structure(seed_text):
    tree = convert(seed_text.read_text(encoding="utf-8"), seed_text.name)
    div = tree.find(f".//{T}div[@type='document']")
    head = div.find(f"{T}head")
    assert head.text.endswith("to the Secretary of State")
    assert head.find(f"{T}note").get("n") == "1"
    assert div.findtext(f"{T}opener/{T}seg[@type='classification']") == "top secret"
    assert div.findtext(f"{T}list[@type='subject']/{T}item") == "Disposition of Anti-Communist POWs"
    pb = div.find(f"{T}pb")
    assert pb.get("n") == "728" and pb.get("{http://www.w3.org/XML/1998/namespace}id") == "pg_728"
    sections = div.findall(f"{T}div[@type='section']")
    assert [len(s.findall(f"{T}p")) for s in sections] == [1, 4, 1]
    note2 = sections[2].find(f"{T}p/{T}note")
    assert note2.get("{http://www.w3.org/XML/1998/namespace}id") == "d1fn2"
    assert note2.getprevious() is None and sections[2].find(f"{T}p").text.endswith("lines.")
    assert note2.tail.startswith(" Upon the completion")
    assert "34,000 Koreans" in "".join(sections[1].itertext())


def test_seed_every_character_survives(seed_text):
    source = seed_text.read_text(encoding="utf-8")
    tree = convert(source, seed_text.name)
    text, again = roundtrip(tree)
    assert same_tei(tree, again)
    assert body_content(text) == body_content(source)


def test_dateline_and_closer():
    tree = convert((MEMOS / "letter-closer.txt").read_text())
    date = tree.find(f".//{T}dateline/{T}date")
    assert date.get("when") == "1952-12-19"
    assert tree.findtext(f".//{T}dateline/{T}placeName") == "Washington"
    closer = tree.find(f".//{T}closer")
    assert closer.findtext(f"{T}salute") == "Sincerely yours,"
    signed = closer.find(f"{T}signed")
    assert signed.text == "Omar N. Bradley" and signed.find(f"{T}lb").tail == "Chairman"


def test_dateline_with_time():
    tree = convert((MEMOS / "telegram-hands.txt").read_text())
    assert tree.find(f".//{T}dateline/{T}date").get("when") == "1953-01-05T15:00:00"


def test_markers_told_from_numbers():
    tree = convert((MEMOS / "numbers-and-markers.txt").read_text())
    p = tree.find(f".//{T}div[@type='document']/{T}p")
    notes = p.findall(f"{T}note")
    assert [n.get("n") for n in notes] == ["2", "3"]
    assert notes[0].getprevious() is None and p.text.endswith("Your 315.")
    assert notes[1].tail.startswith(" Release would involve 34,000 Koreans")
    assert "Resolution 610 (VII)" in notes[0].tail


def test_numbered_paragraphs_are_paragraphs():
    tree = convert((MEMOS / "numbers-and-markers.txt").read_text())
    texts = [p.text for p in tree.iter(f"{T}p")]
    assert "1. Consult the ROK Government." in texts
    assert "2. Report its views." in texts
    assert len(list(tree.iter(f"{T}note"))) == 4


def test_hands_encoded():
    tree = convert((MEMOS / "telegram-hands.txt").read_text())
    hands = tree.findall(f".//{T}handNotes/{T}handNote")
    assert [h.get("{http://www.w3.org/XML/1998/namespace}id") for h in hands] == ["h1", "h2", "h3"]
    assert hands[1].get("medium") == "pencil" and hands[1].findtext(f"{T}persName") == "Dean Acheson"
    assert [s.get("new") for s in tree.iter(f"{T}handShift")] == ["#h2", "#h3"]
    assert tree.find(f".//{T}del").get("hand") == "#h2" and tree.find(f".//{T}del").text == "never"
    assert tree.find(f".//{T}add").text == "not readily"


def test_page_marker_mid_word_keeps_both_halves():
    tree = convert((MEMOS / "midsentence-page.txt").read_text())
    p = tree.find(f".//{T}body//{T}p")
    pb = p.find(f"{T}pb")
    assert p.text.endswith("repatri") and pb.tail.startswith("ation has occupied")


def test_editorial_brackets():
    tree = convert((MEMOS / "brackets.txt").read_text())
    gaps = list(tree.iter(f"{T}gap"))
    assert [g.findtext(f"{T}desc") for g in gaps] == ["text not declassified",
                                                       "2 lines of source text not declassified"]
    supplied = [s.text for s in tree.iter(f"{T}supplied")]
    assert "Here follows a table of the camps and the number of prisoners held in each." in supplied
    assert "by the Secretary" in supplied


def test_source_note_typed():
    tree = convert((MEMOS / "telegram-hands.txt").read_text())
    assert tree.find(f".//{T}head/{T}note").get("type") == "source"


def test_date_warning_does_not_stop(tmp_path):
    from toolkit.convert import convert_file

    tree, warnings = convert_file(MEMOS / "bad-date-warning.txt")
    assert tree.find(f".//{T}dateline/{T}date").get("when") is None
    assert len(warnings) == 1 and "not a real date" in str(warnings[0])
    assert str(warnings[0]).startswith(f"{MEMOS / 'bad-date-warning.txt'}:4:1: warning:")


def test_page_before_heading_goes_before_the_document():
    tree = convert((MEMOS / "roman-pages.txt").read_text())
    body = tree.find(f".//{T}body")
    assert body[0].tag == f"{T}pb" and body[0].get("n") == "xii"


def test_leading_and_trailing_page_marks_leave_the_paragraph():
    tree = convert("Heading\n\n[Page 5] Some text here. [Page 6]\nMore text.\n")
    div = tree.find(f".//{T}div")
    assert [c.tag.split("}")[1] for c in div] == ["head", "pb", "p", "pb", "p"]
    assert div.findall(f"{T}p")[0].text == "Some text here."


# --- bad input -------------------------------------------------------------------------

BAD = {
    "marker without note": ("Heading\n\nText with a mark.1 And another.2\n\n  1. Only one note.\n",
                            "3:32", "note marker 2 has no note 2"),
    "note never referenced": ("Heading\n\nText without marks.\n\n  1. A note.\n", "5:3",
                              "note 1 has no marker in the text"),
    "markers out of sequence": ("Heading\n\nFirst mark.2 Second mark.1\n\n  1. One.\n  2. Two.\n",
                                "5:3", "comes after marker 2"),
    "notes out of sequence": ("Heading\n\nMark.1 Mark.3\n\n  1. One.\n  3. Three.\n", "6:3",
                              "note 3 follows note 1"),
    "undeclared hand": ("Heading\n\nText {+@h9 added+} here.\n", "3:6", "hand 'h9' is not declared"),
    "unterminated addition": ("---\nhand: h2 | A. Person\n---\nHeading\n\nText {+@h2 never closed.\n",
                              "6:6", "unterminated addition"),
    "unterminated deletion": ("Heading\n\nText {-never closed.\n", "3:6", "unterminated deletion"),
    "malformed hand shift": ("Heading\n\nText {@} here.\n", "3:6", "malformed hand shift"),
    "ambiguous marker": ("Heading\n\nMark.1 See 1.2 and 402.2 here.\n\n  1. One.\n  2. Which?\n",
                         "3:14", "cannot tell which"),
    "duplicate page": ("Heading\n\nText [Page 4] more [Page 4] text.\n", "3:20", "appears twice"),
    "page at the end": ("Heading\n\nText.\n[Page 9]\n", "4:1", "ends the document"),
    "unknown front matter": ("---\ntitel: x\n---\nHeading\n", "2:1", "unknown front-matter field"),
    "unclosed front matter": ("---\nid: d1\nHeading\n", "1:1", "never closed"),
    "only front matter": ("---\nid: d1\n---\n\n", None, "no heading"),
    "explicit marker with no note": ("Heading\n\nText[^3] here.\n\n  1. A.\n", None,
                                     "has no note 3"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_memo_is_a_located_error(case):
    text, where, message = BAD[case]
    with pytest.raises(TeikitError) as info:
        convert(text, "bad.txt")
    err = str(info.value)
    assert message in err
    if where:
        assert err.startswith(f"bad.txt:{where}: error: "), err


@pytest.mark.parametrize("data,message", [
    (b"", "the file is empty"),
    (b"   \n\n", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"Heading\n\nCaf\xe9 au lait.\n", "invalid UTF-8"),
    (b"Heading\n\nBell \x07 here.\n", "control character U+0007"),
])
def test_unreadable_input(cli_run, tmp_path, data, message):
    src = tmp_path / "memo.txt"
    src.write_bytes(data)
    out = tmp_path / "memo.xml"
    result = cli_run("convert", str(src), "-o", str(out))
    assert result.exit_code == 1
    line = one_line(result)
    assert line.startswith(f"{src}:") and message in line
    assert not out.exists()


def test_invalid_utf8_position(tmp_path):
    with pytest.raises(TeikitError) as info:
        convert_bytes = __import__("toolkit.convert", fromlist=["convert_text"]).convert_text
        convert_bytes(b"Heading\n\nCaf\xe9\n", "m.txt")
    assert str(info.value).startswith("m.txt:3:4: error: invalid UTF-8")


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_memo_exit_code_and_nothing_written(cli_run, tmp_path, case):
    text, where, message = BAD[case]
    src = tmp_path / "bad.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "bad.xml"
    result = cli_run("convert", str(src), "-o", str(out))
    assert result.exit_code == 1
    line = one_line(result)
    assert message in line and line.startswith(f"{src}:")
    assert not out.exists()


def test_warning_goes_to_stderr_and_conversion_goes_on(cli_run, tmp_path):
    out = tmp_path / "m.xml"
    result = cli_run("convert", str(MEMOS / "bad-date-warning.txt"), "-o", str(out))
    assert result.exit_code == 0
    assert "warning: 'February 30, 1953' is not a real date" in result.stderr
    assert out.is_file()
