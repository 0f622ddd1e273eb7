"""Schema and editorial rules: each rule fails on a broken document and passes on a good one;
20+ kinds of broken documents give the expected rule id and line."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, MEMOS, ROOT, assert_tei_all_valid
from helpers import convert

from toolkit.validate import RULES, validate_file, validate_tree
from toolkit.xmlio import parse_xml, serialize

HEADER = """<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p>
</publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>{profile}</teiHeader>"""
HANDS = """<profileDesc><handNotes><handNote xml:id="h1"><persName>A</persName></handNote>
</handNotes></profileDesc>"""


def doc(body: str, hands: bool = False) -> str:
    """A TEI file whose body starts on line 4 (line 3 when the header has no hands)."""
    header = HEADER.format(profile=HANDS if hands else "").replace("\n", "")
    return (f'<?xml version="1.0"?>{PROFILE_MODEL}\n<TEI xmlns="http://www.tei-c.org/ns/1.0">'
            f"{header}\n<text><body>\n{body}\n</body></text></TEI>\n")


# what teikit's converters write: the file names teikit's profile, so it gets the house rules
PROFILE_MODEL = ('<?xml-model href="teikit.xsd" type="application/xml" '
                 'schematypens="http://www.w3.org/2001/XMLSchema"?>')


def check(text: str, profile: str = "teikit"):
    tree = parse_xml(text.encode(), "f.xml")
    return validate_tree(tree, "f.xml", text, profile=profile)


GOOD_DOC = """<div type="document" subtype="historical-document" xml:id="d1" n="1">
<head>Heading<note n="1" xml:id="d1fn1" type="source">Source: files.</note></head>
<opener><dateline><date when="1952-12-19">December 19, 1952</date></dateline></opener>
<p>Text<note n="2" xml:id="d1fn2">Note.</note> more <pb n="5" xml:id="pg_5"/> text.</p>
<pb n="6" xml:id="pg_6"/>
<p>More <handShift new="#h1"/>text <add hand="#h1">added</add>. <ref target="#d1fn1">See</ref>.</p>
</div>"""

# rule id → (body with one fault, line of the fault, needs hands)
BROKEN: dict[str, tuple[str, int]] = {
    "unique-id": ('<div type="document" xml:id="d1"><head>H</head>\n<p xml:id="d1">x</p></div>', 5),
    "pointer-resolves": ('<div type="document" xml:id="d1"><head>H</head>\n'
                         '<p><ref target="#nowhere">x</ref></p></div>', 5),
    "hand-declared": ('<div type="document" xml:id="d1"><head>H</head>\n'
                      '<p>x <add hand="#h7">y</add></p></div>', 5),
    "safe-link": ('<div type="document" xml:id="d1"><head>H</head>\n'
                  '<p><ref target="javascript:alert(1)">x</ref></p></div>', 5),
    "pb-empty": ('<div type="document" xml:id="d1"><head>H</head>\n'
                 '<p>a <pb n="2" xml:id="pg_2">x</pb> b</p></div>', 5),
    "facs-target": ('<div type="document" xml:id="d1"><head>H</head>\n'
                    '<p facs="#d1">x</p></div>', 5),
    "facs-image": ('<div type="document" xml:id="d1"><head>H</head>\n<p>a <pb n="2" '
                   'xml:id="pg_2" facs="no-such-scan.jpg"/> b</p></div>', 5),
    "zone-bounds": ('<div type="document" xml:id="d1"><head>H</head><p>a</p>\n<ab><surface '
                    'xml:id="s" ulx="0" uly="0" lrx="10" lry="10"><zone xml:id="z" ulx="0" '
                    'uly="0" lrx="20" lry="5"/></surface></ab></div>', 5),
    "pb-n": ('<div type="document" xml:id="d1"><head>H</head>\n<p>a <pb/> b</p></div>', 5),
    "pb-position": ('<div type="document" xml:id="d1"><head>H</head>\n'
                    '<p><pb n="2" xml:id="pg_2"/>text</p></div>', 5),
    "pb-id": ('<div type="document" xml:id="d1"><head>H</head>\n'
              '<p>a <pb n="2" xml:id="page2"/> b</p></div>', 5),
    "pb-sequence": ('<div type="document" xml:id="d1"><head>H</head><p>a <pb n="9" xml:id="pg_9"/> b'
                    '</p>\n<p>a <pb n="8" xml:id="pg_8"/> b</p></div>', 5),
    "facs-sequence": ('<div type="document" xml:id="d1"><head>H</head><p>a <pb n="1" xml:id="pg_1" '
                      'facs="0012"/> b</p>\n<p>a <pb n="2" xml:id="pg_2" facs="0011"/> b</p></div>', 5),
    "note-nested": ('<div type="document" xml:id="d1"><head>H</head><p>a<note n="1" xml:id="d1fn1">'
                    'x\n<note n="2" xml:id="d1fn2">y</note></note></p></div>', 5),
    "note-sequence": ('<div type="document" xml:id="d1"><head>H</head><p>a<note n="1" xml:id="d1fn1">'
                      'x</note>\nb<note n="3" xml:id="d1fn3">y</note></p></div>', 5),
    "note-id": ('<div type="document" xml:id="d1"><head>H</head>\n'
                '<p>a<note n="1" xml:id="fn1">x</note></p></div>', 5),
    "note-space-before": ('<div type="document" xml:id="d1"><head>H</head>\n'
                          '<p>a <note n="1" xml:id="d1fn1">x</note></p></div>', 5),
    "date-format": ('<div type="document" xml:id="d1"><head>H</head>\n'
                    '<p><date when="12/19/1952">x</date></p></div>', 5),
    "date-range": ('<div type="document" xml:id="d1"><head>H</head>\n'
                   '<p><date from="1953-01-08" to="1953-01-06">x</date></p></div>', 5),
    "date-zulu": ('<div type="document" xml:id="d1"><head>H</head>\n'
                  '<p><date when="1953-01-08T12:00:00Z">x</date></p></div>', 5),
    "doc-head": ('<div type="compilation" xml:id="c"><head>C</head>\n'
                 '<div type="document" xml:id="d1"><p>No head.</p></div></div>', 5),
    "doc-id": ('<div type="compilation" xml:id="c"><head>C</head>\n'
               '<div type="document"><head>H</head></div></div>', 5),
    "not-empty": ('<div type="document" xml:id="d1"><head>H</head>\n<p/></div>', 5),
    "hi-rend": ('<div type="document" xml:id="d1"><head>H</head>\n<p><hi>x</hi></p></div>', 5),
    "pointer-elsewhere": ('<div type="document" xml:id="d1"><head>H</head>\n'
                          '<p><ref target="../elsewhere/other.xml#x">x</ref></p></div>', 5),
    "noncharacter": ('<div type="document" xml:id="d1"><head>H</head>\n<p>a \ufdd3 b</p></div>', 5),
}
FRUS_ONLY = {
    "source-note": ('<div type="document" subtype="historical-document" xml:id="d1">\n<head>H</head>'
                    '<opener><dateline><date when="1952">1952</date></dateline></opener></div>', 4),
    "dateline-date": ('<div type="document" subtype="historical-document" xml:id="d1">\n<head>H<note '
                      'n="1" xml:id="d1fn1" type="source">Source: x</note></head></div>', 4),
}


def test_every_rule_has_a_failing_fixture():
    ids = {r.id for r in RULES}
    assert ids == set(BROKEN) | set(FRUS_ONLY)


@pytest.mark.parametrize("rule", sorted(BROKEN))
def test_rule_fails_with_line(rule):
    body, line = BROKEN[rule]
    found = [d for d in check(doc(body, hands=True)) if d.rule == rule]
    assert found, f"{rule} did not fire"
    assert found[0].line == line, found[0].text()
    assert found[0].col >= 1 and found[0].xpath.startswith("/TEI/")
    assert found[0].message


@pytest.mark.parametrize("rule", sorted(FRUS_ONLY))
def test_frus_profile_rules(rule):
    body, line = FRUS_ONLY[rule]
    assert not [d for d in check(doc(body), "teikit") if d.rule == rule]
    found = [d for d in check(doc(body), "frus") if d.rule == rule]
    assert found and found[0].line == line


@pytest.mark.parametrize("profile", ["teikit", "frus"])
def test_good_document_passes_every_rule(profile):
    assert check(doc(GOOD_DOC, hands=True), profile) == []


def test_good_document_is_tei_all_valid(tmp_path):
    path = tmp_path / "good.xml"
    path.write_text(doc(GOOD_DOC, hands=True))
    assert_tei_all_valid(path)


# --- broken documents beyond the rules -----------------------------------------------

MALFORMED = {
    "malformed XML": ('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text>\n</TEI>', "well-formed", 3),
    "wrong namespace": (doc("<p>x</p>").replace("http://www.tei-c.org/ns/1.0", "urn:other"),
                        "schema", 2),
    "no namespace": ('<?xml version="1.0"?>\n<TEI><text><body><p>x</p></body></text></TEI>',
                     "schema", 2),
    "unknown element": (doc("<div><head>H</head>\n<p><foo>x</foo></p></div>"), "schema", 5),
    "unknown attribute": (doc('<div><head>H</head>\n<p bogus="1">x</p></div>'), "schema", 5),
    "missing header": ('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">'
                       "<text><body><p>x</p></body></text></TEI>", "schema", 2),
    "p inside list": (doc("<div><head>H</head>\n<list><p>x</p></list></div>"), "schema", 5),
    "text after closer": (doc("<div><head>H</head><p>x</p><closer>C</closer>\n<p>late</p></div>"),
                          "schema", 5),
    "bad date type": (doc('<div><head>H</head>\n<p><date when="soon">x</date></p></div>'),
                      "schema", 5),
    "entity declaration": ('<!DOCTYPE TEI [<!ENTITY e "x">]>\n<TEI/>', "well-formed", 1),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_broken_document_reports_rule_and_line(tmp_path, case):
    text, rule, line = MALFORMED[case]
    path = tmp_path / "broken.xml"
    path.write_text(text)
    found = validate_file(path)
    assert any(d.rule == rule and d.line == line for d in found), [d.text() for d in found]


def test_more_than_twenty_kinds_of_broken_documents():
    assert len(BROKEN) + len(FRUS_ONLY) + len(MALFORMED) >= 20


def test_message_format_and_json(cli_run, tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text(doc(BROKEN["hand-declared"][0], hands=True))
    result = cli_run("validate", str(path))
    assert result.exit_code == 1
    line = result.stdout.strip().splitlines()[0]
    assert line.startswith(f"{path}:5:") and ": error: [hand-declared] " in line
    as_json = json.loads(cli_run("validate", "--format", "json", str(path)).stdout)["diagnostics"]
    assert as_json[0]["rule"] == "hand-declared" and as_json[0]["line"] == 5
    assert as_json[0]["xpath"].startswith("/TEI/text/body/div/p")


def test_warnings_fail_only_when_strict(cli_run, tmp_path):
    path = tmp_path / "warn.xml"
    path.write_text(doc(BROKEN["hi-rend"][0]))
    assert cli_run("validate", str(path)).exit_code == 0
    assert cli_run("validate", "--strict", str(path)).exit_code == 1


def test_user_schema_rng(cli_run, tmp_path):
    rng = tmp_path / "tiny.rng"
    rng.write_text('<element name="TEI" ns="http://www.tei-c.org/ns/1.0" '
                   'xmlns="http://relaxng.org/ns/structure/1.0"><empty/></element>')
    good = tmp_path / "good.xml"
    good.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')
    assert cli_run("validate", "--schema", str(rng), str(good)).exit_code == 0
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><x/></TEI>')
    result = cli_run("validate", "--schema", str(rng), str(bad))
    assert result.exit_code == 1 and "[schema]" in result.stdout


def test_missing_schema_is_usage_error(cli_run, tmp_path):
    good = tmp_path / "good.xml"
    good.write_text(doc("<p>x</p>"))
    result = cli_run("validate", "--schema", str(tmp_path / "none.xsd"), str(good))
    assert result.exit_code == 2


def test_folder_validation(cli_run):
    result = cli_run("validate", str(ROOT / "tei"), str(FIXTURES / "tei"))
    assert result.exit_code == 0, result.stdout
    count = len(list((ROOT / "tei").glob("*.xml"))) + len(list((FIXTURES / "tei").glob("*.xml")))
    assert f"{count} files checked: 0 errors, 0 warnings" in result.stderr


# --- our outputs are valid under our schema and under tei_all --------------------------

def test_converter_outputs_are_valid_under_both_schemas(tmp_path):
    files = []
    for memo in sorted(MEMOS.glob("*.txt")):
        tree = convert(memo.read_text(encoding="utf-8"), memo.name)
        path = tmp_path / f"{memo.stem}.xml"
        path.write_bytes(serialize(tree))
        assert [d.text() for d in validate_file(path) if d.severity == "error"] == []
        files.append(path)
    files.append(FIXTURES / "tei" / "frus-volume.xml")
    files += sorted((ROOT / "tei").glob("*.xml"))
    assert_tei_all_valid(*files)


def test_new_document_is_valid(cli_run, tmp_path):
    out = tmp_path / "new.xml"
    result = cli_run("new", str(out), "--title", "Memorandum of Conversation", "--source",
                     "FRUS 1952–1954, XV", "--page", "800", "--hand", "h2 | Dean Acheson | pencil",
                     "--date", "1953-02-01")
    assert result.exit_code == 0, result.stderr
    assert validate_file(out) == []
    assert_tei_all_valid(out)
    txt = tmp_path / "new.txt"
    assert cli_run("new", str(txt), "--title", "Letter").exit_code == 0
    assert txt.read_text().startswith("---\nid: d1\ntitle: Letter\n---\n")
    again = cli_run("new", str(txt), "--title", "Letter")
    assert again.exit_code == 2  # exists; needs --force


def test_profile_doc_lists_every_rule():
    text = (ROOT / "docs" / "profile.md").read_text(encoding="utf-8")
    for r in RULES:
        assert f"| `{r.id}` | {r.severity} |" in text, r.id


PAGE = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="../schemata/page.rng" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>
<?xml-model href="../schemata/page.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<surface xmlns="http://www.tei-c.org/ns/1.0" xml:id="p{n}" ulx="0" uly="0" lrx="10" lry="10">
  <zone><line>Page {n} of the notebook{bad}</line></zone>
</surface>
"""
MANUSCRIPT = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="schemata/manuscript.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">
  <teiHeader><fileDesc><titleStmt><title>A notebook</title></titleStmt>
    <publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc>
  </fileDesc></teiHeader>
  <sourceDoc>{includes}</sourceDoc>
</TEI>
"""


def test_a_missing_schema_of_page_files_is_said_once_and_tei_all_not_imposed(cli_run, tmp_path):
    """A manuscript's page files (root <surface>, assembled by XInclude) name a schema that
    is not here: one warning for all of them (with the path tried), no tei_all errors for
    a root it does not allow, and the assembled manuscript still checked (issue 40)."""
    (tmp_path / "pages").mkdir()
    for n in range(1, 6):
        bad = "<unknownThing/>" if n == 3 else ""
        (tmp_path / "pages" / f"p{n}.xml").write_text(PAGE.format(n=n, bad=bad))
    (tmp_path / "ms.xml").write_text(MANUSCRIPT.format(includes="".join(
        f'<xi:include href="pages/p{n}.xml"/>' for n in range(1, 6))))
    result = cli_run("validate", str(tmp_path))
    lines = result.output.splitlines()
    missing = [line for line in lines if "[xml-model]" in line and "page.rng" in line]
    assert len(missing) == 1, missing
    assert str(tmp_path / "pages" / ".." / "schemata" / "page.rng") in missing[0]
    assert "its grammar is not checked" in missing[0] and "4 more files" in missing[0]
    assert not [line for line in lines if "not allowed here; expected element \"TEI\"" in line]
    # the manuscript, assembled, is checked against tei_all (its own schema is not here
    # either, and tei_all allows its root): the page's error is found, at the page's line
    errors = [line for line in lines if "error:" in line]
    assert errors and all(line.startswith(str(tmp_path / "pages" / "p3.xml") + ":5:")
                          for line in errors), errors
    assert "unknownThing" in errors[0] and result.exit_code == 1
