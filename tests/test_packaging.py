"""The wheel carries the stylesheets and the schema; tei/ is valid TEI P5."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import ROOT, assert_tei_all_valid

from toolkit.resources import schema_path, xslt_path


def test_data_files_resolve():
    for name in ("common.xsl", "html.xsl", "print.xsl", "text.xsl", "index.xsl", "teikit.css",
                 "print.typ", "fonts/DejaVuSans.ttf"):
        assert xslt_path(name).is_file(), name
    for name in ("teikit.xsd", "xml.xsd"):
        assert schema_path(name).is_file(), name


def test_wheel_ships_xslt_and_schema(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    wheel = next(tmp_path.glob("teikit-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("toolkit/xslt/html.xsl", "toolkit/xslt/common.xsl", "toolkit/xslt/text.xsl",
                   "toolkit/xslt/print.xsl", "toolkit/xslt/teikit.css", "toolkit/xslt/print.typ",
                   "toolkit/xslt/fonts/DejaVuSans.ttf", "toolkit/xslt/fonts/DejaVuSans-Bold.ttf",
                   "toolkit/xslt/fonts/DejaVuSans-Oblique.ttf",
                   "toolkit/xslt/fonts/LICENSE-DejaVu.txt",
                   "toolkit/schema/teikit.xsd", "toolkit/schema/xml.xsd", "toolkit/cli.py"):
        assert needed in names, needed


def test_bundled_edition_is_tei_all_valid():
    files = sorted((ROOT / "tei").glob("*.xml"))
    assert files
    assert_tei_all_valid(*files)


def test_installed_command_builds_from_another_folder(tmp_path):
    """Run the installed package (not this source tree) on a copy of tei/."""
    src = tmp_path / "tei"
    src.mkdir()
    for f in (ROOT / "tei").glob("*.*"):  # the TEI and the edition's teikit.toml
        (src / f.name).write_bytes(f.read_bytes())
    result = subprocess.run([sys.executable, "-c", "import sys; sys.path = [p for p in sys.path "
                             f"if p not in ('', {str(ROOT)!r})]; from toolkit.cli import main; "
                             "main()", "build"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    out, volume = tmp_path / "output", "frus1952-54v15p1-p728"
    index = (out / "html" / "index.html").read_text()
    assert "teikit sample edition" in index  # the title from tei/teikit.toml
    assert (out / "html" / volume / "index.html").is_file()
    assert (out / "print" / volume / f"{volume}.pdf").is_file()
    assert (out / "text" / volume / f"{volume}.txt").is_file()


def test_bundled_edition_is_what_the_converter_makes(cli_run):
    """tei/ is generated from tests/fixtures/memos/seed.txt; keep them in step."""
    result = cli_run("convert", str(ROOT / "tests" / "fixtures" / "memos" / "seed.txt"),
                     "--xml-model", "../schema/teikit.xsd")
    assert result.exit_code == 0
    assert result.stdout == (ROOT / "tei" / "frus1952-54v15p1-p728.xml").read_text(encoding="utf-8")
