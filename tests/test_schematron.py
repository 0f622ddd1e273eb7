"""Schematron as oXygen runs it: standalone and embedded rules, the schemas a file names
(xml-model, xsi:schemaLocation), catalogs, messages in teikit's form, and a hostile schema
that gets nothing."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import SHARED

from toolkit.validate import catalog as catalogs
from toolkit.validate import validate_paths
from toolkit.validate.diagnostics import Locator
from toolkit.validate.schematron import Run, rule_set
from toolkit.xmlio import parse_xml

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
HEADER = ('<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p>'
          '</publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>')


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    """Each test its own compiled-schema cache, and no catalogs from the environment."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv(catalogs.ENV, "")  # restored after the test, whatever --catalog set


def tei(body: str, models: str = "", root_attrs: str = "") -> str:
    return (f'<?xml version="1.0"?>{models}\n<TEI xmlns="http://www.tei-c.org/ns/1.0"{root_attrs}>'
            f'{HEADER}\n<text><body>\n{body}\n</body></text></TEI>\n')


def sch_model(href: str, ns: str = SCH_NS) -> str:
    return f'<?xml-model href="{href}" type="application/xml" schematypens="{ns}"?>'


def schema(body: str, attrs: str = "") -> str:
    return (f'<sch:schema xmlns:sch="{SCH_NS}" queryBinding="xslt2"{attrs}>\n'
            '<sch:ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>\n' + body +
            '\n</sch:schema>\n')


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def findings(path: Path, **options) -> list[str]:
    """The file's findings from Schematron only, as `file:line:col: severity: [tag] text`."""
    [checked] = validate_paths([path], **options)
    return [d.text() for d in checked.diagnostics if d.rule.startswith("sch")]


CONFORMANCE = schema('''
<sch:let name="limit" value="2"/>
<sch:phase id="names"><sch:active pattern="persons"/></sch:phase>
<sch:phase id="counts"><sch:active pattern="counting"/></sch:phase>
<sch:pattern id="persons">
  <sch:rule context="tei:persName">
    <sch:let name="who" value="normalize-space(.)"/>
    <sch:assert test="@ref" role="warning" diagnostics="hint">&lt;<sch:name/>&gt; <sch:value-of
      select="$who"/> has no @ref</sch:assert>
    <sch:report test="$who = 'Nobody'" role="info">a <sch:name/> of nobody</sch:report>
  </sch:rule>
</sch:pattern>
<sch:pattern id="counting">
  <sch:rule context="tei:body">
    <sch:assert test="count(.//tei:p) le $limit">more than <sch:value-of select="$limit"/>
      paragraphs: <sch:value-of select="count(.//tei:p)"/></sch:assert>
  </sch:rule>
</sch:pattern>
<sch:pattern abstract="true" id="required">
  <sch:rule context="$element"><sch:assert test="$attribute" role="fatal"><sch:name/> needs
    <sch:value-of select="'$attribute'"/></sch:assert></sch:rule>
</sch:pattern>
<sch:pattern id="dates" is-a="required">
  <sch:param name="element" value="tei:date"/><sch:param name="attribute" value="@when"/>
</sch:pattern>
<sch:pattern id="abstract-rules">
  <sch:rule abstract="true" id="typed">
    <sch:assert test="@type" role="warn">untyped <sch:name/></sch:assert></sch:rule>
  <sch:rule context="tei:note"><sch:extends rule="typed"/></sch:rule>
</sch:pattern>
<sch:include href="parts/more.sch"/>
<sch:diagnostics>
  <sch:diagnostic id="hint">add @ref pointing into the register</sch:diagnostic></sch:diagnostics>
''')
MORE = f'''<sch:pattern xmlns:sch="{SCH_NS}" id="included">
  <sch:rule context="tei:hi"><sch:report test="@rend = 'caps'" role="information">caps in
    <sch:value-of select="local-name(..)"/></sch:report></sch:rule>
</sch:pattern>'''
DOC = tei('<p><persName>Ann</persName> and <persName ref="#n">Nobody</persName></p>\n'
          '<p><date>then</date> <note>n</note> <hi rend="caps">X</hi></p>\n<p>three</p>')


def _conformance(tmp_path: Path) -> Path:
    write(tmp_path, "rules.sch", CONFORMANCE)
    write(tmp_path, "parts/more.sch", MORE)
    return write(tmp_path, "doc.xml", DOC.replace("<?xml version=\"1.0\"?>",
                                                  '<?xml version="1.0"?>' + sch_model("rules.sch")))


def test_assert_report_let_value_of_name_diagnostics_roles_abstract_and_include(tmp_path):
    path = _conformance(tmp_path)
    found = findings(path)
    at = f"{path}:"
    assert f"{at}4:4: warning: [sch:persons] <persName> Ann has no @ref (add @ref pointing " \
           "into the register)" in found  # let, name, value-of, diagnostics, role
    assert f"{at}4:33: info: [sch:persons] a persName of nobody" in found  # report
    assert f"{at}3:7: error: [sch:counting] more than 2 paragraphs: 3" in found  # schema let
    assert f"{at}5:4: error: [sch:dates] date needs @when" in found  # abstract pattern, fatal
    assert f"{at}5:22: warning: [sch:abstract-rules] untyped note" in found  # abstract rule
    assert f"{at}5:37: info: [sch:included] caps in p" in found  # sch:include
    assert len(found) == 6, found


def test_phases_choose_patterns(tmp_path, cli_run):
    path = _conformance(tmp_path)
    assert [f for f in findings(path, phase="counts")] == \
        [f"{path}:3:7: error: [sch:counting] more than 2 paragraphs: 3"]
    assert {f.split("[")[1].split("]")[0] for f in findings(path, phase="names")} == {"sch:persons"}
    result = cli_run("validate", "--phase", "nowhere", str(path))
    assert result.exit_code == 2
    assert "no phase 'nowhere' (it has: names, counts)" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    default = write(tmp_path, "default.sch", CONFORMANCE.replace(
        'queryBinding="xslt2"', 'queryBinding="xslt2" defaultPhase="names"'))
    assert {f.split("]")[0] for f in findings(path, schematron=str(default))} == \
        {f"{path}:4:4: warning: [sch:persons", f"{path}:4:33: info: [sch:persons"}


def test_cli_line_json_and_verbose(tmp_path, cli_run):
    path = _conformance(tmp_path)
    result = cli_run("validate", "-v", str(path))
    assert result.exit_code == 1
    assert f"{path}:3:7: error: [sch:counting] more than 2 paragraphs: 3" in result.stdout
    assert ("schema tei_all (bundled) (default), schematron rules.sch (xml-model), "
            "schematron rules embedded in tei_all (bundled) (embedded), rules tei") in result.stderr
    result = cli_run("validate", "--format", "json", str(path))
    data = json.loads(result.stdout)
    counting = [d for d in data["diagnostics"] if d["rule"] == "sch:counting"]
    assert counting[0]["schema"] == str((tmp_path / "rules.sch").resolve())
    assert (counting[0]["line"], counting[0]["col"], counting[0]["severity"]) == (3, 7, "error")
    assert [s["why"] for s in data["schemas"][str(path)]["schemas"]] == \
        ["default", "xml-model", "embedded"]
    assert cli_run("validate", "--no-schematron", str(path)).exit_code == 0
    # --schematron replaces the file's .sch: a broken one it names is not even read
    write(tmp_path, "rules.sch", "<not-schematron/>")
    other = write(tmp_path, "other.sch", CONFORMANCE.replace("more than", "over"))
    result = cli_run("validate", "--schematron", str(other), str(path))
    assert "[sch:counting] over 2 paragraphs: 3" in result.stdout and result.exit_code == 1
    assert "[sch:counting] more than" not in result.stdout
    write(tmp_path, "rules.sch", CONFORMANCE)
    # --schema replaces the grammars, not the Schematron the file names
    result = cli_run("validate", "-v", "--schema", "teikit", str(path))
    assert "schema teikit profile (--schema), schematron rules.sch (xml-model)" in result.stderr
    assert "[sch:counting]" in result.stdout


def test_the_schema_is_transpiled_once_and_kept(tmp_path):
    path = _conformance(tmp_path)
    findings(path)
    kept = sorted((tmp_path / "cache" / "teikit" / "schematron").glob("*.xsl"))
    assert len(kept) == 2  # rules.sch, and tei_all's embedded rules
    stamps = [k.stat().st_mtime_ns for k in kept]
    findings(path)
    assert [k.stat().st_mtime_ns for k in kept] == stamps  # read, not written again
    write(tmp_path, "parts/more.sch", MORE.replace("caps in", "capitals in"))
    assert any("capitals in p" in f for f in findings(path))  # an include changed: new key
    assert len(list((tmp_path / "cache" / "teikit" / "schematron").glob("*.xsl"))) == 3


def test_a_document_in_another_encoding_is_read_as_it_declares(tmp_path):
    write(tmp_path, "words.sch", schema(
        '<sch:pattern id="words"><sch:rule context="tei:body/tei:p"><sch:report test="true()">'
        '<sch:value-of select="."/></sch:report></sch:rule></sch:pattern>'))
    text = tei("<p>café Ærø</p>", sch_model("words.sch")).replace(
        '<?xml version="1.0"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>')
    latin = tmp_path / "latin.xml"
    latin.write_bytes(text.encode("latin-1"))
    wide = tmp_path / "wide.xml"
    wide.write_bytes(text.replace("ISO-8859-1", "UTF-16").encode("utf-16"))
    for path in (latin, wide):
        assert [f.split("] ", 1)[1] for f in findings(path)] == ["café Ærø"], path


# --- where the rules come from -----------------------------------------------------------

RNG_WITH_RULES = f'''<grammar xmlns="http://relaxng.org/ns/structure/1.0" xmlns:sch="{SCH_NS}"
  ns="http://www.tei-c.org/ns/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <sch:ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
  <start><element name="TEI"><sch:pattern><sch:rule context="tei:TEI">
    <sch:assert test="@n">the TEI element needs @n</sch:assert></sch:rule></sch:pattern>
    <zeroOrMore><choice><attribute><anyName/></attribute><text/><ref name="any"/></choice></zeroOrMore>
  </element></start>
  <define name="any"><element><anyName/><zeroOrMore><choice><attribute><anyName/></attribute>
    <text/><ref name="any"/></choice></zeroOrMore></element></define>
</grammar>'''


def test_rules_embedded_in_the_files_relax_ng_run_and_all_schemas_must_pass(tmp_path, cli_run):
    write(tmp_path, "schema/own.rng", RNG_WITH_RULES)
    rng = "http://relaxng.org/ns/structure/1.0"
    both = sch_model("schema/own.rng", rng) + sch_model("schema/own.rng")
    path = write(tmp_path, "a.xml", tei("<p>x</p>", both))
    result = cli_run("validate", "-v", str(path))
    assert result.exit_code == 1
    assert f"{path}:2:1: error: [sch:tei:TEI] the TEI element needs @n" in result.stdout
    assert "schema schema/own.rng (xml-model), schematron rules embedded in schema/own.rng " \
           "(xml-model), rules tei" in result.stderr  # named twice, run once
    assert cli_run("validate", "--no-schematron", str(path)).exit_code == 0
    fixed = write(tmp_path, "b.xml", tei("<p>x</p>", both).replace("<TEI ", '<TEI n="1" '))
    assert cli_run("validate", str(fixed)).exit_code == 0
    # named only as RELAX NG: its embedded rules run all the same (as in oXygen)
    only = write(tmp_path, "c.xml", tei("<p>x</p>", sch_model("schema/own.rng", rng)))
    assert "[sch:tei:TEI]" in cli_run("validate", str(only)).stdout


def test_tei_alls_own_constraints_run_by_default(tmp_path, cli_run):
    path = write(tmp_path, "a.xml", tei('<p xml:id="a">x <ptr target="#a" cRef="x"/>\n'
                                        '<addSpan spanTo="#a"/></p>'))
    result = cli_run("validate", str(path))
    assert result.exit_code == 1
    assert re.search(r":4:17: error: \[sch:tei_all-ptr-[\w.-]+\] Only one of the attributes "
                     r"@target and @cRef may be supplied on ptr\.", result.stdout)
    assert re.search(r":5:1: error: \[sch:[\w.-]+spanTo[\w.-]+\] The element indicated by "
                     r"@spanTo \(#a\) must follow the current element addSpan", result.stdout)
    assert cli_run("validate", "--no-schematron", str(path)).exit_code == 0


XSD = '''<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  targetNamespace="http://www.tei-c.org/ns/1.0" elementFormDefault="qualified">
  <xs:import namespace="http://www.w3.org/XML/1998/namespace"
             schemaLocation="http://www.w3.org/2001/xml.xsd"/>
  <xs:annotation><xs:appinfo><sch:pattern xmlns:sch="http://purl.oclc.org/dsdl/schematron">
    <sch:rule context="tei:TEI"><sch:assert test="@xml:lang">say the language</sch:assert>
    </sch:rule></sch:pattern></xs:appinfo></xs:annotation>
  <xs:element name="TEI"><xs:complexType><xs:sequence>
    <xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
    <xs:attribute ref="xml:lang"/><xs:attribute name="n"/></xs:complexType></xs:element>
</xs:schema>'''
XSI = ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' \
      'xsi:schemaLocation="http://www.tei-c.org/ns/1.0 meta/own.xsd"'


def test_xsd_by_schema_location_with_xml_xsd_from_the_package(tmp_path, cli_run):
    write(tmp_path, "meta/own.xsd", XSD)
    path = write(tmp_path, "a.xml", tei("<p>x</p>", root_attrs=XSI))
    result = cli_run("validate", "-v", str(path))
    assert "schema meta/own.xsd (xsi:schemaLocation), schematron rules embedded in " \
           "meta/own.xsd (embedded)" in result.stderr
    assert f"{path}:2:1: error: [sch:tei:TEI] say the language" in result.stdout
    assert "[schema]" not in result.stdout and "warning" not in result.stdout, result.stdout
    bad = write(tmp_path, "b.xml", tei("<p>x</p>", root_attrs=XSI + ' xml:lang="en" m="1"'))
    result = cli_run("validate", str(bad))
    assert result.exit_code == 1 and "[schema]" in result.stdout and "'m'" in result.stdout
    assert "[sch:" not in result.stdout
    good = write(tmp_path, "c.xml", tei("<p>x</p>", root_attrs=XSI + ' xml:lang="en"'))
    assert cli_run("validate", str(good)).exit_code == 0
    # --schema with the same XSD: xml.xsd no longer refused as "not a local file"
    assert cli_run("validate", "--schema", str(tmp_path / "meta/own.xsd"), str(good)).exit_code == 0


def test_no_namespace_schema_location(tmp_path, cli_run):
    write(tmp_path, "plain.xsd", '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
          '<xs:element name="TEI"><xs:complexType><xs:attribute name="n" use="required"/>'
          '</xs:complexType></xs:element></xs:schema>')
    path = write(tmp_path, "a.xml", '<TEI xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xsi:noNamespaceSchemaLocation="plain.xsd"/>')
    result = cli_run("validate", "-v", str(path))
    assert "schema plain.xsd (xsi:noNamespaceSchemaLocation)" in result.stderr
    assert "[schema]" in result.stdout and "'n'" in result.stdout


CATALOG = '''<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <uri name="https://example.org/odd/project.rng" uri="schemas/project.rng"/>
  <rewriteURI uriStartString="https://example.org/rules/" rewritePrefix="schemas/"/>
</catalog>'''


def test_catalogs_map_urls_to_local_files(tmp_path, cli_run, monkeypatch):
    write(tmp_path, "schemas/project.rng", RNG_WITH_RULES)
    write(tmp_path, "schemas/extra.sch", schema(
        '<sch:pattern id="extra"><sch:rule context="tei:p"><sch:report test="true()">a p'
        '</sch:report></sch:rule></sch:pattern>'))
    cat = write(tmp_path, "catalog.xml", CATALOG)
    models = sch_model("https://example.org/odd/project.rng",
                       "http://relaxng.org/ns/structure/1.0") + \
        sch_model("https://example.org/rules/extra.sch")
    path = write(tmp_path, "doc/a.xml", tei("<p>x</p>", models))
    unmapped = cli_run("validate", str(path))
    lines = [ln for ln in unmapped.stdout.splitlines() if "warning: [xml-model]" in ln]
    assert len(lines) == 2, unmapped.stdout
    assert "https://example.org/odd/project.rng, which is not here and no XML catalog maps " \
           "it (teikit fetches nothing); validated against tei_all instead" in lines[0]
    assert "https://example.org/rules/extra.sch" in lines[1] and "rules are not run" in lines[1]
    mapped = cli_run("validate", "-v", "--catalog", str(cat), str(path))
    assert "warning" not in mapped.stdout
    assert "[sch:tei:TEI] the TEI element needs @n" in mapped.stdout
    assert "[sch:extra] a p" in mapped.stdout
    broken = write(tmp_path, "broken.xml", "<catalog>")
    result = cli_run("validate", "--catalog", str(broken), str(path))
    assert result.exit_code == 2 and result.stderr.strip().splitlines() == [
        f"{broken}:1:11: error: not well-formed XML: Premature end of data in tag catalog line 1"]
    monkeypatch.setenv(catalogs.ENV, str(cat))
    assert "[sch:extra] a p" in cli_run("validate", str(path)).stdout


# --- a schema comes with the file: it may be hostile -----------------------------------------

HOSTILE = {
    "unparsed-text": "unparsed-text('/etc/passwd')",
    "doc": "string(doc('file:///etc/hostname'))",
    "url": "string(doc('https://example.org/secret.xml'))",
    "collection": "count(collection('/etc'))",
    "source-document": None,
}


@pytest.mark.parametrize("how", HOSTILE)
def test_a_hostile_schema_reads_nothing(tmp_path, how):
    if HOSTILE[how] is None:
        body = '<sch:pattern id="p" documents="\'/etc/passwd\'"><sch:rule context="/*">' \
               '<sch:report test="true()">read <sch:value-of select="."/></sch:report>' \
               '</sch:rule></sch:pattern>'
    else:
        body = ('<sch:pattern id="p"><sch:rule context="tei:TEI"><sch:report test="true()">'
                f'read <sch:value-of select="{HOSTILE[how]}"/></sch:report></sch:rule></sch:pattern>')
    write(tmp_path, "evil.sch", schema(body))
    path = write(tmp_path, "a.xml", tei("<p>x</p>", sch_model("evil.sch")))
    [found] = findings(path)  # the rule's report never comes: one line says why
    assert re.fullmatch(rf"{re.escape(str(path))}:1:1: error: \[sch\] a Schematron rule of "
                        rf"{re.escape(str(tmp_path / 'evil.sch'))} failed \([\w:]+\): (Access to "
                        r"URI \S+ has been prohibited|URI scheme 'file' has been disallowed); "
                        r"the rules after it were not run", found), found


REFUSED = {
    "writes files": (
        '<xsl:function xmlns:xsl="http://www.w3.org/1999/XSL/Transform" name="Q{urn:x}f">'
        '<xsl:result-document href="/tmp/teikit-pwned.txt">x</xsl:result-document>'
        '</xsl:function><sch:pattern><sch:rule context="/"><sch:assert test="true()">x'
        '</sch:assert></sch:rule></sch:pattern>',
        r"{schema}:3:\d+: error: the schema holds xsl:result-document, which teikit does not "
        r"run \(a schema may not write files or load code\)"),
    "includes a URL": (
        '<sch:include href="https://example.org/x.sch"/>',
        r"{schema}:3:\d+: error: the schema includes https://example\.org/x\.sch, which is not "
        r"a local file and no catalog maps it \(teikit fetches nothing\)"),
    "has an XPath error": (
        '<sch:pattern>\n<sch:rule context="tei:p">\n'
        '<sch:assert test="count(. ">x</sch:assert></sch:rule></sch:pattern>',
        r"{schema}:5:1: error: the Schematron rules do not compile: XPST0003 .*"),
}


@pytest.mark.parametrize("how", REFUSED)
@pytest.mark.parametrize("named", [True, False], ids=["xml-model", "--schematron"])
def test_a_schema_that_cannot_be_run_is_one_line_at_its_place(tmp_path, cli_run, how, named):
    body, expected = REFUSED[how]
    bad = write(tmp_path, "bad.sch", schema(body)).resolve()
    path = write(tmp_path, "a.xml", tei("<p>x</p>", sch_model("bad.sch") if named else ""))
    result = cli_run("validate", str(path), *([] if named else ["--schematron", str(bad)]))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and re.fullmatch(expected.format(schema=re.escape(str(bad))),
                                            lines[0]), lines
    assert not os.path.exists("/tmp/teikit-pwned.txt")


def test_a_rule_that_never_ends_is_stopped(tmp_path):
    write(tmp_path, "loop.sch", schema(
        '<xsl:function xmlns:xsl="http://www.w3.org/1999/XSL/Transform" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" name="Q{urn:x}spin" as="xs:integer">'
        '<xsl:param name="n" as="xs:integer"/>'
        '<xsl:sequence select="if ($n lt 0) then 0 else Q{urn:x}spin($n + 1)"/>'
        '</xsl:function><sch:pattern id="p"><sch:rule context="tei:TEI">'
        '<sch:assert test="Q{urn:x}spin(1) gt 0">x</sch:assert>'
        '</sch:rule></sch:pattern>'))
    docs = [write(tmp_path, f"{n}.xml", tei("<p>x</p>")) for n in "ab"]
    trees = [parse_xml(d.read_bytes(), str(d)) for d in docs]
    locs = [Locator(t, d.read_text(), str(d)) for t, d in zip(trees, docs, strict=True)]
    run = Run(rule_set(str(tmp_path / "loop.sch"), False), [d.read_bytes() for d in docs],
              locs, limit=3)
    found = run.findings()
    for doc, diags in zip(docs, found, strict=True):  # the second in a worker of its own
        assert [(d.file, d.severity, d.message) for d in diags] == [(str(doc), "error", (
            "the Schematron rules did not finish within 3 s (a rule that loops?): the rules of "
            f"{(tmp_path / 'loop.sch').resolve()} were not run to the end on this file"))]


# --- the corpus: the same findings as SchXslt2 on Saxon, driven directly ------------------------

def _reference(schema_text: str, files: list[Path]) -> dict[str, list[tuple[int, str]]]:
    """SchXslt2 run by saxonche itself, each finding placed by lxml's own XPath."""
    from lxml import etree
    from saxonche import PySaxonProcessor

    from toolkit.resources import xslt_path

    proc = PySaxonProcessor(license=False)
    xslt = proc.new_xslt30_processor()
    transpiler = xslt.compile_stylesheet(stylesheet_file=str(xslt_path("schxslt2/transpile.xsl")))
    compiled = xslt.compile_stylesheet(stylesheet_text=transpiler.transform_to_string(
        xdm_node=proc.parse_xml(xml_text=schema_text)))
    out = {}
    for f in files:
        svrl = etree.fromstring(compiled.transform_to_string(
            xdm_node=proc.parse_xml(xml_text=f.read_text(encoding="utf-8"))).encode())
        tree = etree.parse(str(f))
        found = []
        for el in svrl.iter("{http://purl.oclc.org/dsdl/svrl}failed-assert",
                            "{http://purl.oclc.org/dsdl/svrl}successful-report"):
            steps = re.findall(r"/Q\{([^}]*)\}([^\[/]+)\[(\d+)\]", el.get("location"))
            xpath = "".join(f"/*[namespace-uri()='{ns}' and local-name()='{n}'][{i}]"
                            for ns, n, i in steps)
            line = tree.xpath(xpath)[0].sourceline if steps else 1
            text = " ".join("".join(el.find("{http://purl.oclc.org/dsdl/svrl}text").itertext()).split())
            notes = [" ".join("".join(d.itertext()).split()) for d in el.iter(
                "{http://purl.oclc.org/dsdl/svrl}diagnostic-reference")]
            found.append((line, text + "".join(f" ({n})" for n in notes if n)))
        out[str(f)] = sorted(found)
    return out


def _ours(files: list[Path]) -> dict[str, list[tuple[int, str]]]:
    checked = validate_paths(files, root=str(files[0].parents[2]))
    return {c.name: sorted((d.line, d.message) for d in c.diagnostics if d.rule.startswith("sch:"))
            for c in checked}


def _with_xs(text: str) -> str:
    return text.replace("<sch:ns ", '<sch:ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/>'
                        "<sch:ns ", 1)


def _embedded(grammar: Path) -> str:
    """A grammar's embedded rules as a schema, gathered here on its own."""
    from lxml import etree

    tree = etree.parse(str(grammar))
    patterns = tree.xpath("//sch:pattern | //sch:ns", namespaces={"sch": SCH_NS})
    prefixes = {p: u for p, u in tree.getroot().nsmap.items() if p and "schematron" not in u
                and "XMLSchema" not in u}
    decl = "".join(f'<sch:ns prefix="{p}" uri="{u}"/>' for p, u in prefixes.items()
                   if not any(n.get("prefix") == p for n in patterns if n.tag.endswith("}ns")))
    body = "".join(etree.tostring(p, encoding="unicode") for p in patterns)
    return (f'<sch:schema xmlns:sch="{SCH_NS}" queryBinding="xslt2">'
            f'<sch:ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/>{decl}{body}</sch:schema>')


@pytest.mark.slow
def test_the_corpus_gets_the_reference_runs_findings():
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared/corpus is not here (the real TEI of other projects)")
    meta = SHARED / "corpus/schnitzler/data/meta"
    letters = sorted((SHARED / "corpus/schnitzler/data/editions").glob("*.xml"))
    ours = _ours(letters)
    standalone = _reference(_with_xs((meta / "schnitzler-briefe-schematron.sch").read_text()),
                            letters)
    embedded = _reference(_embedded(meta / "schnitzler-briefe-schema.xsd"), letters)
    assert sum(len(v) for v in standalone.values()) >= 150  # the corpus has findings
    for f in letters:
        assert ours[str(f)] == sorted(standalone[str(f)] + embedded[str(f)]), f
    sga = SHARED / "corpus/sga/data"
    pages = sorted((sga / "tei").rglob("*.xml"))
    named = {}
    for page in pages:
        m = re.search(rb'<\?xml-model href="([^"]+)"[^?]*schematron"\?>', page.read_bytes())
        if m:
            named.setdefault((page.parent / m.group(1).decode()).resolve(), []).append(page)
    assert sum(map(len, named.values())) >= 20
    for grammar, group in named.items():
        ours = _ours(group)
        theirs = _reference(_embedded(grammar), group)
        for page in group:
            assert [x for x in ours[str(page)]] == theirs[str(page)], page
