"""ODD customisations (issue 37): compiled to the RELAX NG their projects compiled from them
(same jing verdict and error positions on their own files), chains, pinned releases, errors as
one line with nothing written, the cache, and validation against an ODD wherever a schema is
taken (xml-model, --schema, teikit.toml)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, SHARED, jing_available, jing_command

from toolkit.edition import build_edition
from toolkit.odd import compile_odd

CORPUS = SHARED / "corpus"
ODDS = CORPUS / "odd"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside "
                                  "the project")
POSITION = re.compile(r"^(.*?):(\d+):(\d+): (error|warning|fatal): ")


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Each test compiles into a cache of its own (what one test compiled is not another's
    cache hit)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def verdicts(schema: Path | str, files: list[Path], each: bool = False) -> list[str]:
    """jing's verdict on each file and every finding's place (file:line:col and kind).
    `each`: one jing per file (jing stops at a fatal error, such as an xi:include of a
    file the corpus does not have, and would say nothing of the files after it)."""
    ok, why = jing_available()
    if not ok:
        pytest.skip(why)
    out = []
    for batch in ([[f] for f in files] if each else [files]):
        done = subprocess.run([*jing_command(), str(schema), *map(str, batch)],
                              capture_output=True, text=True, timeout=600)
        out += [":".join(m.groups()) for m in map(POSITION.match, done.stdout.splitlines()) if m]
        if each:
            out.append(f"{batch[0]}: exit {done.returncode}")
    return sorted(out)


def broken_copies(files: list[Path], folder: Path) -> list[Path]:
    """Files of a project made invalid in a few ways (an unknown element, an attribute its
    schema does not allow, a required attribute missing), so the positions of errors are
    compared too, not only "valid". Written beside copies of the files they include (jing
    follows xi:include), with every other file of their folder."""
    shutil.copytree(files[0].parent, folder)
    out = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(<(line|p|zone|head)\b)", r"<unknownThing/>\1", text, count=1)
        text = re.sub(r"(<(hi|add|del|lb)\b)", r'\1 madeUp="x"', text, count=2)
        text = re.sub(r'(<surface\b[^>]*?) ulx="[^"]*"', r"\1", text, count=1)
        target = path.parent / f"broken-{path.name}"
        target = folder / target.name
        target.write_text(text, encoding="utf-8")
        out.append(target)
    return out


# ---- the projects' own ODDs against the schemas they compiled

@needs_corpus
def test_al_haqaiq_compiles_to_the_schema_its_project_ships(tmp_path):
    done = compile_odd(ODDS / "al-haqaiq-tei_periodical.odd")
    files = sorted((CORPUS / "facsimile" / "OpenArabicPE--journal_al-haqaiq" / "tei").glob("*.xml"))
    files += broken_copies(files, tmp_path / "broken")
    ours = verdicts(done.rng, files, each=True)
    assert ours == verdicts(ODDS / "al-haqaiq-tei_periodical.rng", files, each=True)
    assert sum(": exit 1" in v for v in ours) >= 3 and len([v for v in ours if ":error" in v]) > 5
    assert any("typeNote" in w and ":63:17: warning:" in w for w in done.warnings)


@needs_corpus
def test_the_shelley_godwin_page_odd_compiles_to_its_page_schema(tmp_path):
    done = compile_odd(CORPUS / "sga" / "data" / "odd" / "shelley-godwin-page.odd")
    pages = sorted((CORPUS / "sga" / "data" / "tei").rglob("*-0*.xml"))[:200]
    files = pages + broken_copies(pages[:20], tmp_path / "broken")
    ours = verdicts(done.rng, files)
    assert ours == verdicts(CORPUS / "sga" / "data" / "schemata" / "shelley-godwin-page.rng", files)
    assert len(ours) >= 40  # (the broken copies: errors compared, not only "valid")


@needs_corpus
def test_tei_all_odd_gives_the_bundled_tei_all_verdicts_on_the_whole_corpus(tmp_path):
    """tests/fixtures/odd/tei_all.odd is the TEI's P5/Exemplars/tei_all.odd (TEIC/TEI at
    112b3b64b, CC BY / BSD-2): compiled, it is the bundled tei_all.rng."""
    from toolkit.resources import schema_path
    done = compile_odd(FIXTURES / "odd" / "tei_all.odd")
    every = sorted(p for p in CORPUS.rglob("*.xml") if p.stat().st_size < 3_000_000)
    including = [p for p in every if b"http://www.w3.org/2001/XInclude" in p.read_bytes()]
    files = [p for p in every if p not in including]
    assert len(files) > 250 and including
    ours = verdicts(done.rng, files) + verdicts(done.rng, including, each=True)
    bundled = schema_path("tei_all.rng")
    assert ours == verdicts(bundled, files) + verdicts(bundled, including, each=True)
    assert len(ours) > 100


@needs_corpus
@pytest.mark.parametrize("name", ["tei_lite.odd", "tei_simplePrint.odd"])
def test_the_teis_own_customisations_compile(name):
    done = compile_odd(ODDS / name)
    text = Path(done.rng).read_text(encoding="utf-8")
    assert text.count("<define ") > 300 and "http://purl.oclc.org/dsdl/schematron" in text
    compiled = Path(done.odd).read_text(encoding="utf-8")
    assert 'ident="TEI"' in compiled and "<moduleRef" not in compiled  # (merged)


# ---- chains, releases, errors

CHILD = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>A customisation of a customisation</title></titleStmt>
    <publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc>
  </fileDesc></teiHeader>
  <text><body>
    <schemaSpec ident="child" start="TEI"{source}>
      <moduleRef key="tei"/>
      <moduleRef key="{core}"/>
      <moduleRef key="header"/>
      <moduleRef key="textstructure"/>
      <elementSpec ident="{hi}" mode="change">
        <attList>
          <attDef ident="rend" mode="change" usage="req">
            <valList type="closed" mode="replace">
              <valItem ident="italic"/><valItem ident="bold"/>
            </valList>
          </attDef>
        </attList>
      </elementSpec>
    </schemaSpec>
  </body></text>
</TEI>
"""
DOC = """<?xml version="1.0" encoding="UTF-8"?>
{model}<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title>
</titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>
</fileDesc></teiHeader><text><body>
<p>a <hi rend="underline">b</hi> <hi>c</hi></p>
</body></text></TEI>
"""


def child(folder: Path, source: str = ' source="tei_lite.odd"', core: str = "core",
          hi: str = "hi", name: str = "child.odd") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if CORPUS.is_dir():
        shutil.copy(ODDS / "tei_lite.odd", folder / "tei_lite.odd")
    path = folder / name
    path.write_text(CHILD.format(source=source, core=core, hi=hi), encoding="utf-8")
    return path


@needs_corpus
def test_a_customisation_of_a_customisation_is_compiled_through_its_chain(tmp_path, cli_run):
    odd = child(tmp_path)
    (tmp_path / "doc.xml").write_text(DOC.format(model=""), encoding="utf-8")
    out = tmp_path / "child.rng"
    result = cli_run("odd", "compile", str(odd), "-o", str(out), "--compiled",
                     str(tmp_path / "child.compiled.odd"))
    assert result.exit_code == 0, result.output
    places = verdicts(out, [tmp_path / "doc.xml"], each=True)
    assert sorted(p.split(":", 1)[1] for p in places) == [" exit 1", "5:27:error", "5:38:error"]
    # TEI Lite's own restrictions hold in the child: Lite has no <app> (no textcrit module)
    compiled = (tmp_path / "child.compiled.odd").read_text(encoding="utf-8")
    assert re.search(r'<elementSpec[^>]*ident="hi"', compiled)
    assert not re.search(r'<elementSpec[^>]*ident="app"', compiled)


@needs_corpus
@pytest.mark.parametrize("case, message", [
    ("loop", "the ODD chain loops: loop-a.odd → loop-b.odd → loop-a.odd"),
    ("module", "unknown module 'cores'"),
    ("element", "unknown element 'hix'"),
    ("missing", "which is not here ("),
    ("remote", "teikit fetches nothing"),
])
def test_a_broken_chain_is_one_line_exit_1_and_nothing_written(tmp_path, cli_run, case, message):
    if case == "loop":
        child(tmp_path, source=' source="loop-b.odd"', name="loop-a.odd")
        odd = child(tmp_path, source=' source="loop-a.odd"', name="loop-b.odd")
        odd = tmp_path / "loop-a.odd"
    else:
        odd = child(tmp_path, **{"module": {"core": "cores"}, "element": {"hi": "hix"},
                                 "missing": {"source": ' source="gone.odd"'},
                                 "remote": {"source": ' source="https://example.org/x.odd"'}
                                 }[case])
    out = tmp_path / "out.rng"
    result = cli_run("odd", "compile", str(odd), "-o", str(out))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], lines
    assert re.match(r"^/.*\.odd:\d+:\d+: error: ", lines[0])
    assert not out.exists()


@needs_corpus
def test_a_pinned_release_compiles_against_the_shipped_one_with_a_warning(tmp_path, cli_run):
    odd = child(tmp_path, source=' source="tei:4.8.0"')
    result = cli_run("odd", "compile", str(odd), "-o", str(tmp_path / "x.rng"))
    assert result.exit_code == 0
    assert ":7:5: warning: the ODD asks for TEI P5 4.8.0 (tei:4.8.0); teikit has 4.9.0a" in \
        result.output
    (tmp_path / "doc.xml").write_text(DOC.format(model=""), encoding="utf-8")
    checked = cli_run("validate", "--schema", str(odd), str(tmp_path / "doc.xml"))
    assert "warning: [xml-model] the ODD " in checked.output and \
        "(child.odd:7:5): the ODD asks for TEI P5 4.8.0" in checked.output  # (validate says it)
    given = cli_run("odd", "compile", str(odd), "--p5", str(tmp_path / "nope.xml"))
    assert given.exit_code == 2 and "no such P5 source file" in given.output


# ---- the cache

@needs_corpus
def test_the_cache_is_read_again_and_an_edit_anywhere_in_the_chain_compiles_again(tmp_path):
    from toolkit.odd import compiled_schema
    odd = child(tmp_path)
    first = compile_odd(odd)
    assert not first.cached and compile_odd(odd).cached
    held = compiled_schema(odd)[0]  # (the answer a long-running process keeps: serve's)
    assert held == first.rng
    lite = tmp_path / "tei_lite.odd"  # an edit in the chained ODD
    lite.write_text(lite.read_text(encoding="utf-8").replace("</schemaSpec>", """
      <elementSpec ident="hi" mode="change"><attList><attDef ident="extra" mode="add">
      <datatype><dataRef key="teidata.word"/></datatype></attDef></attList></elementSpec>
    </schemaSpec>""", 1), encoding="utf-8")
    assert compiled_schema(odd)[0] not in (held, first.rng)  # the process sees the edit
    again = compile_odd(odd)
    assert again.cached and again.rng != first.rng  # (compiled just now, for the process)
    assert 'name="extra"' in Path(again.rng).read_text(encoding="utf-8")


# ---- validate and build against an ODD

@needs_corpus
def test_validate_takes_an_odd_wherever_it_takes_a_schema(tmp_path, cli_run):
    odd = child(tmp_path)
    named = tmp_path / "named.xml"
    named.write_text(DOC.format(model='<?xml-model href="child.odd" type="application/xml" '
                                'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'),
                     encoding="utf-8")
    plain = tmp_path / "plain.xml"
    plain.write_text(DOC.format(model=""), encoding="utf-8")
    for args, line in (([str(named)], "6"), (["--schema", str(odd), str(plain)], "5")):
        result = cli_run("validate", *args)
        assert result.exit_code == 1, result.output
        errors = [line for line in result.output.splitlines() if ": error: [schema]" in line]
        assert [e.split(": error:")[0].rsplit(":", 2)[1:] for e in errors] == \
            [[line, "27"], [line, "38"]], result.output
    verbose = cli_run("validate", "-v", str(named))
    assert "child.odd (ODD, compiled)" in verbose.output


# ---- the reference of a customisation

@needs_corpus
def test_the_reference_says_what_each_element_is_and_where_it_differs(tmp_path, cli_run):
    from lxml import html
    odd = child(tmp_path / "odd")
    out = tmp_path / "ref"
    result = cli_run("odd", "doc", str(odd), "-o", str(out))
    assert result.exit_code == 0, result.output
    index = html.parse(str(out / "index.html")).getroot()
    listed = [a.text_content() for a in index.xpath("//table//th/a")]
    assert "<hi>" in listed and "<p>" in listed and "<app>" not in listed  # (Lite: no textcrit)
    assert "leaves out" in index.text_content() and "app" in index.text_content()
    page = html.parse(str(out / "elements" / "hi.html")).getroot()
    text = " ".join(page.text_content().split())
    assert "highlighted — marks a word or phrase as graphically distinct" in text
    assert "@rend: required here (optional in TEI P5)." in text
    assert "@rend: values italic, bold (closed list)" in text
    row = page.xpath("//tr[th/code='@rend']")[0]
    assert "required" in row.text_content() and row.xpath(".//li/code/text()") == ["italic", "bold"]
    assert "macro.paraContent" in page.xpath("string(//p[@class='model'])")
    parents = page.xpath("//h2[.='May appear in']/following-sibling::ul[1]//a/code/text()")
    assert "<p>" in parents and "<hi>" in parents
    p_page = " ".join(html.parse(str(out / "elements" / "p.html")).getroot().text_content().split())
    assert "Differences from TEI P5 None: as in TEI P5." in p_page or "@" in p_page


@needs_corpus
def test_the_reference_is_accessible(tmp_path):
    from test_accessibility import AXE, axe

    from toolkit.odd.doc import document
    if not AXE.is_file() or not shutil.which("chromium"):
        pytest.skip("axe-core (npm ci --prefix tests/a11y) and chromium are needed")
    out = tmp_path / "ref"
    document(ODDS / "al-haqaiq-tei_periodical.odd", out)
    for page in (out / "index.html", out / "elements" / "hi.html", out / "elements" / "TEI.html"):
        assert axe(page, tmp_path / "profile") == [], page.name


@needs_corpus
def test_a_build_validates_against_the_odd_its_settings_name_and_links_its_reference(tmp_path):
    source = tmp_path / "tei"
    child(source / "schema")
    (source / "doc.xml").write_text(DOC.format(model=""), encoding="utf-8")
    (source / "teikit.toml").write_text('schema = "schema/child.odd"\n', encoding="utf-8")
    from toolkit.edition.config import load
    report = build_edition(source, tmp_path / "out", load(source))
    found = " ".join(report.errors + report.warnings)
    assert "token \"underline\" invalid" in found and "missing required attribute" in found
    index = (tmp_path / "out" / "html" / "index.html").read_text(encoding="utf-8")
    assert 'href="schema/index.html">Schema reference</a>' in index
    assert (tmp_path / "out" / "html" / "schema" / "elements" / "hi.html").is_file()


def test_an_odd_naming_the_teis_svg_schema_by_address_compiles_offline(tmp_path):
    """tests/fixtures/odd/tei_svg.odd is the TEI's P5/Exemplars/tei_svg.odd (112b3b64b): its
    moduleRef names https://www.tei-c.org/release/…/svg11.rng; the copy teikit ships is used
    (schema/external/), nothing is fetched, and an SVG figure is valid."""
    done = compile_odd(FIXTURES / "odd" / "tei_svg.odd")
    doc = tmp_path / "svg.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
                   '<title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>'
                   '<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body><p>x</p>'
                   '<figure><svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">'
                   '<circle cx="4" cy="4" r="3"/></svg></figure></body></text></TEI>',
                   encoding="utf-8")
    assert verdicts(done.rng, [doc], each=True) == [f"{doc}: exit 0"]
    bad = tmp_path / "bad.xml"
    bad.write_text(doc.read_text().replace("<circle", "<notSvg"), encoding="utf-8")
    assert any(":error" in v for v in verdicts(done.rng, [bad], each=True))


def test_bad_odd_commands_are_one_line_naming_the_command(tmp_path, cli_run):
    not_odd = tmp_path / "x.odd"
    not_odd.write_text("<x/>", encoding="utf-8")
    for args in (["odd", "compile", str(not_odd)], ["odd", "doc", str(not_odd), "-o",
                                                     str(tmp_path / "ref")]):
        result = cli_run(*args)
        assert result.exit_code == 1 and result.output.strip() == \
            f"{not_odd}:1:1: error: no <schemaSpec>: this is not an ODD customisation"
    assert not (tmp_path / "ref").exists()
    (tmp_path / "file").write_text("x")
    usage = cli_run("odd", "doc", str(not_odd), "-o", str(tmp_path / "file"))
    assert usage.exit_code == 2 and "(see 'teikit odd doc --help')" in usage.output
