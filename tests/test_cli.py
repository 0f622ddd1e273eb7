"""Every command through click's runner, on the seed: success and one-line failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit import __version__


def one_line_error(result) -> str:
    err = result.stderr.strip()
    assert err, "an error must be reported on stderr"
    assert "Traceback" not in result.output + result.stderr
    lines = err.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_version(cli_run):
    result = cli_run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"teikit {__version__}"


@pytest.mark.parametrize("command", ["convert", "validate", "render", "build", "new"])
def test_every_command_has_help(cli_run, command):
    result = cli_run(command, "--help")
    assert result.exit_code == 0
    assert "Usage: teikit " + command in result.stdout


def test_convert_seed_to_stdout(cli_run, seed_text):
    result = cli_run("convert", str(seed_text))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<?xml")
    assert '<pb n="728" xml:id="pg_728"/>' in result.stdout
    assert 'xml:id="d1fn1"' in result.stdout and 'xml:id="d1fn2"' in result.stdout


def test_convert_to_file_and_validate(cli_run, seed_with_header, tmp_path):
    out = tmp_path / "memo.xml"
    result = cli_run("convert", str(seed_with_header), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    check = cli_run("validate", str(out))
    assert check.exit_code == 0, check.stdout
    assert "1 file checked: 0 errors" in check.stderr


def test_validate_json(cli_run, edition_tei):
    result = cli_run("validate", "--format", "json", str(edition_tei))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["files"] == [str(edition_tei)] and data["unreadable"] == []
    assert data["diagnostics"] == []
    assert data["schemas"][str(edition_tei)]["rules"] == "teikit"


@pytest.mark.parametrize("fmt,needle", [("html", "<!DOCTYPE"), ("text", "[Page 728]")])
def test_render_html_and_text(cli_run, edition_tei, fmt, needle):
    result = cli_run("render", str(edition_tei), "--to", fmt)
    assert result.exit_code == 0, result.stderr
    assert needle in result.stdout


def test_render_print_writes_pdf(cli_run, edition_tei, tmp_path):
    out = tmp_path / "memo.pdf"
    result = cli_run("render", str(edition_tei), "--to", "print", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")


def test_build_writes_four_kinds_of_output(cli_run, tmp_path):
    src = tmp_path / "tei"
    src.mkdir()
    from conftest import ROOT

    for f in (ROOT / "tei").glob("*.xml"):
        (src / f.name).write_bytes(f.read_bytes())
    out = tmp_path / "out"
    result = cli_run("build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert (out / "html" / "index.html").is_file()
    v = "frus1952-54v15p1-p728"  # a file of one document is a volume of one
    assert (out / "html" / v / "index.html").is_file()
    assert (out / "print" / v / f"{v}.pdf").is_file() and (out / "print/edition.pdf").is_file()
    assert (out / "text" / v / f"{v}.txt").is_file()
    assert "1 document: 9 files rebuilt, 0 up to date; 0 errors, 0 warnings" in result.stderr


# --- failures: one line, non-zero, nothing written ------------------------------------

BAD_CASES = {
    "missing": None,
    "not-xml": b"this is not XML at all\n",
    "binary": b"\x00\x01\x02PK garbage",
}


@pytest.mark.parametrize("kind", sorted(BAD_CASES))
@pytest.mark.parametrize("command", ["validate", "render", "build-file", "convert-xml"])
def test_bad_input_one_line_error(cli_run, tmp_path, kind, command):
    if command == "convert-xml" and kind == "not-xml":
        kind = "xml-for-convert"  # plain text is a valid memo; XML is not
        BAD_CASES[kind] = b'<?xml version="1.0"?><TEI/>'
    path = tmp_path / f"{kind}.xml"
    if BAD_CASES[kind] is not None:
        path.write_bytes(BAD_CASES[kind])
    out = tmp_path / "out"
    if command == "validate":
        result = cli_run("validate", str(path))
    elif command == "render":
        result = cli_run("render", str(path), "--to", "html", "-o", str(out))
    elif command == "convert-xml":
        result = cli_run("convert", str(path), "-o", str(out))
    else:
        src = tmp_path / "src"
        src.mkdir()
        if path.exists():
            (src / path.name).write_bytes(path.read_bytes())
        result = cli_run("build", str(src if path.exists() else path), "-o", str(out))
    assert result.exit_code != 0
    assert "Traceback" not in result.output + result.stderr
    if command == "build-file" and path.exists():
        # one line per failed file, then the summary line
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 2 and lines[-1].startswith("0 documents: 0 files rebuilt")
        line = lines[0]
    elif command == "validate" and kind != "missing":
        line = result.stdout.strip()
        assert len(line.splitlines()) == 1
    else:
        line = one_line_error(result)
    assert path.name in line or "no such" in line
    assert not out.exists()


@pytest.mark.parametrize("command", [["convert", "x.txt", "--bogus"], ["render", "x.xml"],
                                     ["render", "x.xml", "--to", "docx"],
                                     ["validate", "--format", "yaml", "x.xml"],
                                     ["build", "--nope"], ["frobnicate"]])
def test_wrong_option_is_usage_error(cli_run, command):
    result = cli_run(*command)
    assert result.exit_code == 2
    line = one_line_error(result)
    assert line.startswith("teikit: error:")


def test_validate_reports_invalid_file_with_location(cli_run, tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>')
    result = cli_run("validate", str(bad))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{bad}:1:")
    assert "[schema]" in result.stdout


def test_convert_refuses_to_overwrite_input(cli_run, tmp_path, seed_with_header):
    copy = tmp_path / "memo.txt"
    copy.write_bytes(seed_with_header.read_bytes())
    result = cli_run("convert", str(copy), "-o", str(copy))
    assert result.exit_code == 2
    assert copy.read_bytes() == seed_with_header.read_bytes()


def test_render_rejects_non_tei_xml(cli_run, tmp_path):
    other = tmp_path / "other.xml"
    other.write_text("<html><body>hi</body></html>")
    out = tmp_path / "out.html"
    result = cli_run("render", str(other), "--to", "html", "-o", str(out))
    assert result.exit_code == 1
    assert "not a TEI document" in one_line_error(result)
    assert not out.exists()


def test_failed_render_keeps_previous_output(cli_run, tmp_path, edition_tei):
    out = tmp_path / "page.html"
    out.write_text("previous")
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI")
    result = cli_run("render", str(bad), "--to", "html", "-o", str(out))
    assert result.exit_code == 1
    assert out.read_text() == "previous"
    assert [p.name for p in Path(tmp_path).iterdir() if p.name.startswith(".")] == []
