"""Validation for everyone's TEI: which schema a file gets, rules that fit it, pointers as
TEI reads them, XInclude, and jing's verdict on real corpora."""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from conftest import SHARED, TEI_ALL, jing_available
from lxml import etree

from toolkit.validate import validate_file, validate_paths
from toolkit.validate.choice import choose
from toolkit.xmlio import parse_xml

CORPUS = SHARED / "corpus"
HEADER = ('<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p>'
          '</publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>')
TEI_ALL_URL = "https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"


def tei(body: str, model: str = "", header: str = HEADER) -> str:
    pi = f'<?xml-model href="{model}" type="application/xml" ' \
         f'schematypens="http://relaxng.org/ns/structure/1.0"?>' if model else ""
    return (f'<?xml version="1.0"?>{pi}\n<TEI xmlns="http://www.tei-c.org/ns/1.0">{header}\n'
            f'<text><body>\n{body}\n</body></text></TEI>\n')


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- which schema ----------------------------------------------------------------------

def test_no_xml_model_means_tei_all_and_the_generic_rules(tmp_path, cli_run):
    path = write(tmp_path, "a.xml", tei("<p>a <pb facs='x.jpg'/> b</p>"))
    choice = choose(parse_xml(path.read_bytes(), str(path)), str(path))
    assert (Path(choice.grammar.path).name, choice.grammar.why, choice.rules) == \
        ("tei_all.rng", "default", "tei")
    result = cli_run("validate", "-v", str(path))
    assert result.exit_code == 0, result.output  # no pb-n, pb-position: house rules only
    assert ("schema tei_all (bundled) (default), schematron rules embedded in tei_all (bundled) "
            "(embedded), rules tei") in result.stderr


def test_teikit_profile_by_name_gets_the_house_rules(tmp_path, cli_run):
    text = tei("<p>a <pb/> b</p>").replace(
        '<?xml version="1.0"?>', '<?xml version="1.0"?><?xml-model href="teikit.xsd" '
        'type="application/xml" schematypens="http://www.w3.org/2001/XMLSchema"?>')
    path = write(tmp_path, "a.xml", text)
    result = cli_run("validate", "-v", str(path))
    assert "schema teikit profile (xml-model), rules teikit" in result.stderr
    assert "[pb-n]" in result.stdout and result.exit_code == 1


def test_tei_published_address_means_the_bundled_tei_all(tmp_path):
    path = write(tmp_path, "a.xml", tei("<p>x</p>", TEI_ALL_URL))
    choice = choose(parse_xml(path.read_bytes(), str(path)), str(path))
    assert Path(choice.grammar.path).name == "tei_all.rng" and choice.grammar.why == "xml-model"
    assert not choice.warnings


@pytest.mark.parametrize("model", ["https://example.org/odd/project.rng", "schemata/missing.rng"])
def test_a_schema_that_is_not_here_is_one_warning_then_tei_all(tmp_path, cli_run, model):
    path = write(tmp_path, "a.xml", tei("<p>x</p>", model))
    result = cli_run("validate", str(path))
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and f"{path}:1:1: warning: [xml-model]" in lines[0]
    assert model in lines[0] and "tei_all instead" in lines[0]


def test_the_files_own_local_schema_is_used(tmp_path, cli_run):
    write(tmp_path, "schema/tiny.rng",
          '<grammar xmlns="http://relaxng.org/ns/structure/1.0" '
          'ns="http://www.tei-c.org/ns/1.0"><start><element name="TEI"><element name="p">'
          '<text/></element></element></start></grammar>')
    good = write(tmp_path, "good.xml", '<?xml-model href="schema/tiny.rng" schematypens='
                 '"http://relaxng.org/ns/structure/1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0">'
                 '<p>x</p></TEI>')
    assert cli_run("validate", str(good)).exit_code == 0  # tei_all would refuse it
    bad = write(tmp_path, "bad.xml", good.read_text().replace("<p>x</p>", "<q>x</q>"))
    result = cli_run("validate", str(bad))
    assert result.exit_code == 1 and '[schema] element "q" not allowed' in result.stdout


BAD_SCHEMAS = {
    "includes a URL": ('<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
                       '<include href="http://127.0.0.1:9/x.rng"/></grammar>', "not a local file"),
    "does not compile": ("<grammar xmlns='http://relaxng.org/ns/structure/1.0'><start>"
                         "<ref name='nowhere'/></start></grammar>", "cannot load the schema"),
}


@pytest.mark.parametrize("case", sorted(BAD_SCHEMAS))
def test_a_schema_that_cannot_be_used_is_one_line(tmp_path, cli_run, case):
    text, message = BAD_SCHEMAS[case]
    rng = write(tmp_path, "bad.rng", text)
    path = write(tmp_path, "a.xml", tei("<p>x</p>"))
    result = cli_run("validate", "--schema", str(rng), str(path))
    assert result.exit_code == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_bundled_names_work_without_shared(tmp_path, cli_run):
    path = write(tmp_path, "a.xml", tei("<p>x <foo/></p>"))
    result = cli_run("validate", "--schema", "tei_all", str(path))
    assert result.exit_code == 1
    line = result.stdout.strip().splitlines()[0]
    assert re.match(rf"{re.escape(str(path))}:4:\d+: error: \[schema\] element \"foo\" "
                    r"not allowed", line)
    found = validate_file(path, "tei_all")
    assert found[0].xpath == "/TEI/text/body/p/foo"  # jing's position, the element's path


# --- rules that fit the file -----------------------------------------------------------

HOUSE_ONLY = ("pb-n", "pb-position", "pb-id", "note-id", "doc-head", "doc-id", "safe-link",
              "hi-rend", "not-empty", "date-zulu", "note-sequence")


def test_no_house_rule_fires_outside_its_profile(tmp_path):
    body = ('<div type="document"><p><pb/>a <hi>b</hi> <pb n="3" xml:id="p3"/> '
            '<note n="4" xml:id="n1">x</note><ref target="myproj:item">c</ref>'
            '<date when="1953-01-01T12:00:00Z">d</date></p><p/></div>')
    path = write(tmp_path, "a.xml", tei(body))
    tei_rules = {d.rule for d in validate_file(path)}
    assert not tei_rules & set(HOUSE_ONLY), tei_rules
    frus_rules = {d.rule for d in validate_file(path, profile="frus")}
    assert {"pb-n", "pb-position", "pb-id", "doc-id", "safe-link"} <= frus_rules


def test_generic_rules_advise_on_tei_and_fail_under_the_house_profiles(tmp_path):
    path = write(tmp_path, "a.xml", tei('<p><ref target="#nowhere">x</ref></p>'))
    tei_found = [d for d in validate_file(path) if d.rule == "pointer-resolves"]
    assert tei_found and tei_found[0].severity == "warning"
    teikit_found = [d for d in validate_file(path, profile="teikit")
                    if d.rule == "pointer-resolves"]
    assert teikit_found and teikit_found[0].severity == "error"


def test_handshift_without_new_is_fine_in_generic_tei(tmp_path):
    path = write(tmp_path, "a.xml", tei('<p>a <handShift scribe="Olga"/> b</p>'))
    assert not [d for d in validate_file(path) if d.rule == "hand-declared"]
    assert [d for d in validate_file(path, profile="teikit") if d.rule == "hand-declared"]


# --- pointers as TEI reads them -----------------------------------------------------------

@pytest.mark.parametrize("target, ok", [
    ("#range(a,b)", True), ("#range(a,zz)", False), ("#string-range(a,0,4)", True),
    ("#string-range(zz,0,4)", False), ("#xpath(//p[1])", True), ("#element(a/1)", True),
    ("#a", True), ("#zz", False),
])
def test_xpointer_schemes_are_understood(tmp_path, target, ok):
    body = f'<p><anchor xml:id="a"/>text<anchor xml:id="b"/><ref target="{target}">r</ref></p>'
    path = write(tmp_path, "a.xml", tei(body))
    found = [d for d in validate_file(path) if d.rule == "pointer-resolves"]
    assert (not found) is ok, [d.text() for d in found]


def test_prefix_definitions_are_expanded_first(tmp_path):
    header = HEADER.replace("</fileDesc>", "</fileDesc><encodingDesc><listPrefixDef><prefixDef "
                            'ident="loc" matchPattern="([a-z]+)" replacementPattern="#$1"><p>local'
                            "</p></prefixDef></listPrefixDef></encodingDesc>")
    good = write(tmp_path, "good.xml", tei('<p xml:id="here"><ref target="loc:here">x</ref></p>',
                                           header=header))
    assert not [d for d in validate_file(good) if d.rule == "pointer-resolves"]
    bad = write(tmp_path, "bad.xml", tei('<p xml:id="here"><ref target="loc:gone">x</ref></p>',
                                         header=header))
    found = [d for d in validate_file(bad) if d.rule == "pointer-resolves"]
    assert found and '"#gone"' in found[0].message


def test_pointers_into_other_files_of_the_edition(tmp_path, cli_run):
    write(tmp_path, "ed/other.xml", tei('<p xml:id="there">x</p>'))
    good = write(tmp_path, "ed/a.xml", tei('<p><ref target="other.xml#there">x</ref></p>'))
    bad = write(tmp_path, "ed/b.xml", tei('<p><ref target="other.xml#gone">x</ref></p>'))
    outside = write(tmp_path, "ed/c.xml", tei('<p><ref target="../far.xml#x">x</ref></p>'))
    results = {Path(c.name).name: c.diagnostics for c in validate_paths(
        [good, bad, outside], None, "teikit", root=str(tmp_path / "ed"))}
    assert not [d for d in results["a.xml"] if d.rule.startswith("pointer")]
    assert [d.rule for d in results["b.xml"] if d.rule.startswith("pointer")] == \
        ["pointer-resolves"]
    elsewhere = [d for d in results["c.xml"] if d.rule.startswith("pointer")]
    assert [(d.rule, d.severity) for d in elsewhere] == [("pointer-elsewhere", "info")]
    result = cli_run("validate", str(tmp_path / "ed"))
    assert result.exit_code == 0  # tei rule set: advice and infos never fail
    assert "1 info" in result.stderr


# --- XInclude --------------------------------------------------------------------------

XI = 'xmlns:xi="http://www.w3.org/2001/XInclude"'


def manifest(body: str) -> str:
    return tei(body).replace('<TEI xmlns="http://www.tei-c.org/ns/1.0">',
                             f'<TEI xmlns="http://www.tei-c.org/ns/1.0" {XI}>')


def test_an_xinclude_manifest_validates_as_assembled(tmp_path, cli_run):
    write(tmp_path, "pages/p1.xml", '<p xmlns="http://www.tei-c.org/ns/1.0">One</p>')
    write(tmp_path, "pages/p2.xml", '<p xmlns="http://www.tei-c.org/ns/1.0">Two <foo/></p>')
    path = write(tmp_path, "m.xml", manifest('<xi:include href="pages/p1.xml"/>\n'
                                             '<xi:include href="pages/p2.xml"/>'))
    result = cli_run("validate", str(path))
    assert result.exit_code == 1
    line = result.stdout.strip().splitlines()[0]  # the error is where it is: in p2.xml
    assert line.startswith(f"{tmp_path / 'pages' / 'p2.xml'}:1:") and '"foo"' in line
    raw = cli_run("validate", "--no-xinclude", str(path))
    assert raw.exit_code == 1 and "xi:include" in raw.stdout  # as written: not TEI


@pytest.mark.parametrize("href, message", [
    ("pages/missing.xml", "no such file"), ("../outside.xml", "outside the folder"),
    ("http://127.0.0.1:9/x.xml", "only local files"), ("m.xml", "makes a loop"),
])
def test_bad_includes_are_one_line_at_the_include(tmp_path, cli_run, href, message):
    write(tmp_path, "outside.xml", '<p xmlns="http://www.tei-c.org/ns/1.0">x</p>')
    path = write(tmp_path, "ed/m.xml", manifest(f'<p>a</p>\n<xi:include href="{href}"/>'))
    result = cli_run("validate", str(path))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path}:5:1: error: [xinclude] ") and message in result.stdout
    rendered = cli_run("render", str(path), "--to", "html")
    assert rendered.exit_code == 1 and message in rendered.stderr
    assert len(rendered.stderr.strip().splitlines()) == 1


def test_a_fallback_stands_in_for_a_missing_include(tmp_path):
    path = write(tmp_path, "m.xml", manifest(
        '<p>a <xi:include href="gone.xml"><xi:fallback>fallback text</xi:fallback>'
        '</xi:include> b</p>'))
    assert [d for d in validate_file(path) if d.severity == "error"] == []


def test_text_of_included_files_is_rendered(tmp_path, cli_run):
    write(tmp_path, "pages/p1.xml", '<p xmlns="http://www.tei-c.org/ns/1.0">Included words</p>')
    path = write(tmp_path, "m.xml", manifest('<xi:include href="pages/p1.xml"/>'))
    assert "Included words" in cli_run("render", str(path), "--to", "text").stdout



PARTS = ('<div xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">\n<p xml:id="first">First part</p>\n'
         '<p xml:id="second">Second <hi>part</hi> <seg>here</seg></p>\n</div>')


@pytest.mark.parametrize("pointer, words, absent", [
    ("second", "Second part here", "First part"),  # shorthand: an xml:id
    ("element(second)", "Second part here", "First part"),
    ("element(/1/2)", "Second part here", "First part"),  # the document element's 2nd child
    ("element(second/2)", "here", "Second"),  # the id, then its 2nd element child
    ("element(nowhere) element(/1/1)", "First part", "Second"),  # parts tried in turn
    ("xmlns(t=http://www.tei-c.org/ns/1.0) element(/1/1)", "First part", "Second"),
    # xpointer(): an XPath, its prefixes bound by xmlns(); it may select several elements
    ("xmlns(t=http://www.tei-c.org/ns/1.0)xpointer(//t:p[@xml:id='first'])", "First part",
     "Second"),
    ("xmlns(t=http://www.tei-c.org/ns/1.0)xpointer(//t:p)", "First part Second part here",
     "nothing"),
])
def test_xpointer_selects_part_of_an_included_file(tmp_path, cli_run, pointer, words, absent):
    write(tmp_path, "parts.xml", PARTS)
    path = write(tmp_path, "m.xml", manifest(f"<p>Before.</p>\n<xi:include href='parts.xml' "
                                             f'xpointer="{pointer}"/>\n<p>After.</p>'))
    text = cli_run("render", str(path), "--to", "text")
    assert text.exit_code == 0, text.stderr
    flat = " ".join(text.stdout.split())
    assert words in flat and absent not in flat and "Before." in flat and "After." in flat


def test_xpointer_findings_name_the_included_files_line_and_language_is_kept(tmp_path):
    write(tmp_path, "parts.xml", PARTS.replace("<seg>here</seg>", "<seg><foo/></seg>"))
    path = write(tmp_path, "m.xml", manifest('<xi:include href="parts.xml" xpointer="second"/>'))
    errors = [d for d in validate_file(path) if d.severity == "error"]
    assert errors and errors[0].file == str(tmp_path / "parts.xml") and errors[0].line == 3
    from toolkit.xinclude import assemble

    tree = parse_xml(path.read_bytes(), str(path))
    assemble(tree, str(path), path.read_bytes())
    included = tree.find(".//{http://www.tei-c.org/ns/1.0}p[@{http://www.w3.org/XML/1998/namespace}id='second']")
    assert included.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"  # language fixup


@pytest.mark.parametrize("include, message", [
    ('href="parts.xml" xpointer="nowhere"', "selects no element"),
    ('href="parts.xml" xpointer="xpointer(//p[1])"', "selects no element"),  # (p: no prefix)
    ('href="parts.xml" xpointer="range(//p)"', "the range scheme is not supported"),
    ('href="parts.xml" xpointer="xpointer(//p[)"', "not an XPath teikit can evaluate"),
    ('href="parts.xml" xpointer="element(/1/x)"', "child sequence"),
    ('href="parts.xml" xpointer="(("', "is not an XPointer"),
    ('href="parts.xml" xpointer="first" parse="text"', "cannot have @xpointer"),
    ('xpointer="loop"', "makes a loop"),
    ('href="../outside.xml" xpointer="first"', "outside the folder"),
])
def test_bad_xpointers_are_one_line_at_the_include(tmp_path, cli_run, include, message):
    write(tmp_path, "outside.xml", PARTS)
    write(tmp_path, "ed/parts.xml", PARTS)
    path = write(tmp_path, "ed/m.xml", manifest(f'<p>a</p>\n<div xml:id="loop"><xi:include '
                                                f'{include}/></div>'))
    result = cli_run("validate", str(path))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path}:5:") and message in result.stdout, result.stdout
    rendered = cli_run("render", str(path), "--to", "html")
    assert rendered.exit_code == 1 and message in rendered.stderr
    assert len(rendered.stderr.strip().splitlines()) == 1


def test_an_include_of_part_of_the_same_file_and_a_fallback_for_a_missing_part(tmp_path,
                                                                                cli_run):
    path = write(tmp_path, "m.xml", manifest(
        '<p xml:id="src">Said once.</p>\n<p>Again: <xi:include xpointer="element(src)"/></p>\n'
        '<p><xi:include href="m.xml" xpointer="gone"><xi:fallback>stand-in</xi:fallback>'
        "</xi:include></p>"))
    text = " ".join(cli_run("render", str(path), "--to", "text").stdout.split())
    assert text.count("Said once.") == 2 and "stand-in" in text

# --- the corpus: jing's verdict ----------------------------------------------------------

def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent (the real-world TEI lives beside the repo)")
    return sorted(CORPUS.rglob("*.xml"))


def _jing_errors(files: list[Path], schema: Path | None = None) -> Counter:
    ok, why = jing_available()
    if not ok:
        pytest.skip(why)
    from conftest import TEI_ALL, jing_command

    run = subprocess.run([*jing_command(), str(schema or TEI_ALL), *map(str, files)],
                         capture_output=True, text=True, timeout=600)
    counts: Counter = Counter()
    for line in run.stdout.splitlines():
        m = re.match(r"^(.*?):\d+:\d+: (?:error|fatal)", line)
        if m:
            counts[m.group(1)] += 1
    return counts


@pytest.mark.slow
def test_the_corpus_gets_jings_verdict_with_no_fewer_errors(tmp_path):
    """Each file against the schema it names (its project's RELAX NG, where that is beside
    it), else tei_all: jing's verdict on that schema, and no fewer schema errors."""
    # what `teikit validate --no-schematron CORPUS` does (jing runs no Schematron); files
    # whose own schema is an XSD (Schnitzler's xsi:schemaLocation) are not jing's to judge
    everything = _corpus_files()
    results = validate_paths(everything, root=str(CORPUS), embedded=False)
    # a file whose named schema is not here, and whose root tei_all does not allow (a PAGE
    # export naming PAGE's XSD by URL), gets no grammar: said, never judged by tei_all
    ungrammared = [c for c in results if c.choice is not None and not c.choice.grammars]
    assert ungrammared
    said = " ".join(d.message for c in ungrammared for d in c.diagnostics)
    assert "its grammar is not checked" in said
    checked = [c for c in results if c not in ungrammared and
               (c.choice is None or all(g.kind != "xsd" for g in c.choice.grammars))]
    files = [Path(c.name) for c in checked]
    assert len(everything) - len(files) >= 100  # the Schnitzler letters
    manifests = [f for f in files if b"XInclude" in f.read_bytes()]
    ours: Counter = Counter()  # errors per file checked (an included file's count with it)
    schema_errors: Counter = Counter()
    for c in checked:
        for d in c.diagnostics:
            if d.severity == "error":
                ours[c.name] += 1
                schema_errors[c.name] += d.rule == "schema"
    # XInclude manifests are judged as assembled: jing gets lxml's own assembly of them
    judged: dict[Path, Path] = {}
    for i, f in enumerate(files):
        if f in manifests:
            tree = etree.parse(str(f), etree.XMLParser(collect_ids=False, resolve_entities=False,
                                                       no_network=True))
            tree.xinclude()
            copy = tmp_path / f"{i}-{f.name}"
            copy.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
            judged[f] = copy
        else:
            judged[f] = f
    by_schema: dict[Path, list[Path]] = {}
    for f in files:
        by_schema.setdefault(_named_rng(f), []).append(f)
    own = [f for schema, group in by_schema.items() if schema != TEI_ALL for f in group]
    assert len(own) >= 20 and all("/sga/" in str(f) for f in own), own[:3]  # SGA's own RNG
    jing: Counter = Counter()
    for schema, group in by_schema.items():
        jing.update(_jing_errors([judged[f] for f in group], schema))
    for f in files:
        theirs = jing[str(judged[f])]
        assert bool(ours[str(f)]) == bool(theirs), (f, ours[str(f)], theirs)
        if f not in manifests:
            assert schema_errors[str(f)] >= theirs, (f, schema_errors[str(f)], theirs)
    house = {"pb-n", "pb-position", "pb-id", "note-id", "doc-head", "doc-id", "source-note",
             "dateline-date", "note-sequence", "safe-link"}
    assert not [d for c in checked for d in c.diagnostics if d.rule in house]


def _named_rng(path: Path) -> Path:
    """The RELAX NG a file names in an <?xml-model?> and that is here, else tei_all (read
    here on its own, not by teikit's choice of schema: that is what is being tested)."""
    head = re.sub(r"<!--.*?-->", "", path.read_bytes()[:4000].decode("utf-8", "replace"),
                  flags=re.S)
    for pi in re.findall(r"<\?xml-model\s(.*?)\?>", head, re.S):
        attrs = dict((k, v) for k, _, v in re.findall(r"""([\w:-]+)\s*=\s*(["'])(.*?)\2""", pi))
        href = attrs.get("href", "")
        if "schematron" in attrs.get("schematypens", "") or "://" in href:
            continue
        if href.endswith(".rng") or attrs.get("schematypens") == \
                "http://relaxng.org/ns/structure/1.0":
            local = (path.parent / href).resolve()
            return local if local.is_file() else TEI_ALL
    return TEI_ALL


@pytest.mark.slow
def test_frus_history_with_the_frus_profile_shows_the_frus_findings(cli_run):
    _corpus_files()
    result = cli_run("validate", "--profile", "frus", "--format", "json",
                     str(CORPUS / "frus-history"))
    rules = {d["rule"] for d in json.loads(result.stdout)["diagnostics"]}
    assert {"doc-id"} <= rules, rules
