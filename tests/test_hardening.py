"""Hostile input: every attack is refused or neutralised quickly, with a clear message."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from conftest import ROOT, one_line
from helpers import convert
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.edition import Settings, build_edition, safe_slug
from toolkit.errors import TeikitError
from toolkit.render import render_html, render_text
from toolkit.render.saxon import _all_compiled, processor
from toolkit.validate import validate_tree
from toolkit.xmlio import parse_xml

TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>{}</p></body></text></TEI>'
SECRET = Path("/etc/hostname")

ATTACKS = {
    "external entity (file)": (f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{SECRET}">]>'
                               + TEI.format("&x;"), "entities"),
    "external entity (url)": ('<!DOCTYPE TEI [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>'
                              + TEI.format("&x;"), "entities"),
    "external DTD": ('<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei.dtd">' + TEI.format("x"),
                     "DTD"),
    "parameter entity": (f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "file://{SECRET}"> %p;]>'
                         + TEI.format("x"), "entities"),
    "billion laughs": ('<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa">'
                       + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'
                                 for i in range(9))
                       + "]>" + TEI.format("&j;"), "entities"),
    "undefined entity": (TEI.format("&nbsp;"), "undefined entity &nbsp;"),
    "deep nesting": ('<TEI xmlns="http://www.tei-c.org/ns/1.0">' + "<hi>" * 100_000 + "x"
                     + "</hi>" * 100_000 + "</TEI>", "nested 256 levels deep"),
    "huge text node": (TEI.format("a" * (20 * 2**20)), "not well-formed"),
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_hostile_xml_is_refused_fast(attack, tmp_path, cli_run):
    text, message = ATTACKS[attack]
    path = tmp_path / "evil.xml"
    path.write_text(text)
    start = time.perf_counter()
    with pytest.raises(TeikitError) as info:
        parse_xml(path.read_bytes(), str(path))
    assert time.perf_counter() - start < 2
    assert message in str(info.value)
    for args in (["validate", str(path)], ["render", str(path), "--to", "html"]):
        result = cli_run(*args)
        assert result.exit_code == 1
        assert message in (result.stdout + result.stderr)
        assert "Traceback" not in result.stderr
    if SECRET.is_file():
        secret = SECRET.read_text().strip()
        assert not secret or secret not in cli_run("render", str(path), "--to", "text").stdout


def test_oversized_file_is_refused_before_reading(tmp_path, cli_run):
    big = tmp_path / "big.xml"
    with big.open("wb") as handle:  # a sparse 200 MB file: instant to make, never read
        handle.truncate(200 * 2**20)
    start = time.perf_counter()
    for args in (["validate", str(big)], ["render", str(big), "--to", "text"],
                 ["convert", str(big)]):
        result = cli_run(*args)
        assert result.exit_code == 1
        assert "teikit reads files up to 128 MiB" in result.stdout + result.stderr
    assert time.perf_counter() - start < 2


def test_xinclude_is_not_processed(tmp_path):
    text = ('<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">'
            f'<text><body><p>before <xi:include href="file://{SECRET}" parse="text"/> after</p>'
            "</body></text></TEI>")
    tree = parse_xml(text.encode(), "xi.xml")
    out = render_html(tree) + render_text(tree)
    if SECRET.is_file() and SECRET.read_text().strip():
        assert SECRET.read_text().strip() not in out
    assert "before" in out and "after" in out
    found = validate_tree(tree, "xi.xml", text)
    assert any(d.rule == "schema" and "include" in d.message for d in found)


def test_stylesheets_cannot_fetch_anything():
    _all_compiled()  # compiles ours, then forbids all further access
    proc = processor()
    sheet = proc.new_xslt30_processor().compile_stylesheet(stylesheet_text=(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:template match="/"><r><xsl:value-of select="unparsed-text(\'file:///etc/hostname\')"/>'
        "</r></xsl:template></xsl:stylesheet>"))
    with pytest.raises(Exception, match="prohibited"):
        sheet.transform_to_string(xdm_node=proc.parse_xml(xml_text="<a/>"))


def test_our_stylesheets_never_load_documents():
    for sheet in (ROOT / "xslt").glob("*.xsl"):
        source = re.sub(r"<!--.*?-->", "", sheet.read_text(encoding="utf-8"), flags=re.DOTALL)
        calls = re.findall(r"(?<![\w:.-])(document|doc|unparsed-text(?:-lines|-available)?|"
                           r"collection|json-doc|transform)\s*\(|xsl:source-document", source)
        assert calls == [], (sheet.name, calls)


# --- files -----------------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["../../etc/passwd", "/etc/passwd", "..", ".hidden", "a/b\\c",
                                 "CON:", "é\u0000x", ""])
def test_output_names_cannot_escape(raw):
    slug = safe_slug(raw, "fallback")
    assert "/" not in slug and "\\" not in slug and not slug.startswith(".")
    assert slug and slug not in (".", "..")


def test_document_ids_cannot_escape_the_output_folder(tmp_path):
    src = tmp_path / "tei"
    src.mkdir()
    tree_text = (ROOT / "tei" / "frus1952-54v15p1-p728.xml").read_text()
    (src / "..evil.xml").write_text(tree_text)  # a file name that is hostile as a path
    out = tmp_path / "out"
    report = build_edition(src, out, Settings(outputs=("html", "text")))
    assert report.errors == []
    written = [p.resolve() for p in out.rglob("*") if p.is_file()]
    assert written and all(str(p).startswith(str(out.resolve())) for p in written)


def test_failing_build_keeps_previous_outputs(tmp_path, monkeypatch):
    src = tmp_path / "tei"
    src.mkdir()
    (src / "a.xml").write_bytes((ROOT / "tei" / "frus1952-54v15p1-p728.xml").read_bytes())
    out = tmp_path / "out"
    build_edition(src, out, Settings(outputs=("html", "text")))
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    import toolkit.edition.jobs as worker

    real = worker.render_pages

    def boom(kind, *args, **kwargs):
        if kind == "text":  # the HTML page is written, then the user presses Ctrl-C
            raise KeyboardInterrupt
        return real(kind, *args, **kwargs)

    monkeypatch.setattr(worker, "render_pages", boom)
    (src / "a.xml").write_bytes((src / "a.xml").read_bytes() + b"<!-- edited -->\n")
    with pytest.raises(KeyboardInterrupt):
        build_edition(src, out, Settings(outputs=("html", "text")))
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    journal = out / ".teikit-journal.json"  # what the build was about to write
    assert after.keys() == before.keys() | {journal}  # no temp files left behind
    assert json.loads(journal.read_text()) == ["html/a/index.html", "text/a/a.txt"]
    pages = [p for p in before if p.name != "parts.json"]  # (the search index's parts say
    assert [p for p in pages if after[p] != before[p]] == []  # what is out of date): whole
    assert '"stale": [\n  "g-1-of-1"\n ]' in (out / "html/pagefind/parts.json").read_text()
    assert not list(out.rglob(".*.tmp"))  # no temporary files left behind
    monkeypatch.undo()
    again = build_edition(src, out, Settings(outputs=("html", "text")))
    assert again.files_written == 2 and not journal.exists()  # the journal's pages made again


def test_convert_never_overwrites_its_input(cli_run, tmp_path):
    memo = tmp_path / "memo.txt"
    memo.write_text("Heading\n\nText.\n")
    link = tmp_path / "same.txt"
    link.symlink_to(memo)
    result = cli_run("convert", str(memo), "-o", str(link))
    assert result.exit_code == 2 and "overwrite the input" in one_line(result)
    assert memo.read_text() == "Heading\n\nText.\n"


# --- fuzzing ----------------------------------------------------------------------------

import os  # noqa: E402

FUZZ = settings(max_examples=int(os.environ.get("TEIKIT_FUZZ_EXAMPLES", "60")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
SEED_MEMO = (ROOT / "tests" / "fixtures" / "memos" / "telegram-hands.txt").read_text()
SEED_TEI = (ROOT / "tei" / "frus1952-54v15p1-p728.xml").read_text()


def mutate(text: str, data) -> str:
    """Delete, duplicate or insert a few characters at random places."""
    chars = list(text)
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(0, len(chars)))
        op = data.draw(st.sampled_from(["del", "dup", "ins"]))
        if op == "del" and i < len(chars):
            del chars[i]
        elif op == "dup" and i < len(chars):
            chars.insert(i, chars[i])
        else:
            chars.insert(i, data.draw(st.sampled_from(list("[]{}+-@^\\<>&;/0123456789 \n•“”"))))
    return "".join(chars)


@FUZZ
@given(st.data())
def test_fuzz_converter_only_clean_errors(data):
    text = mutate(SEED_MEMO, data)
    try:
        tree = convert(text)
    except TeikitError as exc:
        assert str(exc).startswith("memo.txt:") or str(exc).startswith("memo.txt: error")
        return
    render_text(tree)  # whatever converts must also render


@FUZZ
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_fuzz_converter_random_bytes(blob):
    try:
        convert_bytes = __import__("toolkit.convert", fromlist=["convert_text"]).convert_text
        convert_bytes(blob, "r.txt")
    except TeikitError:
        pass


@FUZZ
@given(st.data())
def test_fuzz_validator_and_renderers_on_mutated_tei(data):
    text = mutate(SEED_TEI, data)
    try:
        tree = parse_xml(text.encode(), "m.xml")
    except TeikitError as exc:
        assert str(exc).startswith("m.xml:")
        return
    validate_tree(tree, "m.xml", text)
    try:
        render_html(tree)
        render_text(tree)
    except TeikitError as exc:  # a clean error is fine; an uncaught one is not
        assert "m.xml" in str(exc) or "<input>" in str(exc)
