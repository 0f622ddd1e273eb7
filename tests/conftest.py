"""Shared fixtures: the seed, the bundled edition, jing and the CLI runner."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_DIR = SHARED / "seeds"
TEI_ALL = ROOT / "schema" / "tei_all.rng"  # bundled: the same file as ../shared/reference
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MEMOS = FIXTURES / "memos"


@pytest.fixture(scope="session")
def seed_text() -> Path:
    """The seed memo as shipped in ../shared (skips when ../shared is absent)."""
    seeds = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not seeds:
        pytest.skip("../shared/seeds is absent: the seed memo lives beside the repository")
    return seeds[0]


@pytest.fixture(scope="session")
def seed_with_header() -> Path:
    """The seed memo with its front matter, as the bundled edition encodes it."""
    return MEMOS / "seed.txt"


@pytest.fixture(scope="session")
def edition_tei() -> Path:
    return ROOT / "tei" / "frus1952-54v15p1-p728.xml"


def run_cli(*args: str, input: str | None = None):
    runner = CliRunner()
    return runner.invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def cli_run():
    return run_cli


def jing_command() -> list[str]:
    """Debian's jing when installed (an independent judge), else the jing teikit ships."""
    if shutil.which("jing"):
        return ["jing"]
    from toolkit.validate.jing import _java

    return _java()


def jing_available() -> tuple[bool, str]:
    try:
        jing_command()
    except Exception as exc:  # teikit's own dependencies are missing
        return False, f"no jing: {exc}"
    return True, ""


def jing(*files: Path) -> subprocess.CompletedProcess:
    ok, why = jing_available()
    if not ok:
        pytest.skip(why)
    return subprocess.run([*jing_command(), str(TEI_ALL), *map(str, files)], capture_output=True,
                          text=True, timeout=300)


def assert_tei_all_valid(*files: Path) -> None:
    result = jing(*files)
    assert result.returncode == 0, result.stdout[:2000]


def one_line(result) -> str:
    """The single stderr line of a failed command (and no traceback)."""
    err = result.stderr.strip()
    assert err and "Traceback" not in result.output + result.stderr
    lines = err.splitlines()
    assert len(lines) == 1, lines
    return lines[0]
