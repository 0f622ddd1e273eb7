"""Where the stylesheets and schema live, installed or in a source checkout.

Installed, they sit inside the package (toolkit/xslt, toolkit/schema); in a
source checkout they are the top-level xslt/ and schema/ folders.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(kind: str) -> Path:
    """Folder holding the `xslt` or `schema` files."""
    installed = _PACKAGE / kind
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / kind


def xslt_path(name: str) -> Path:
    return data_dir("xslt") / name


def schema_path(name: str) -> Path:
    return data_dir("schema") / name


def worker_environment() -> dict[str, str]:
    """The environment for a worker started as `python -m toolkit.…`: this one, with the
    folder holding `toolkit` first on PYTHONPATH, so the worker runs this very teikit
    however it was started (installed, from a checkout, from a test's folder)."""
    extra = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": str(_PACKAGE.parent) + (os.pathsep + extra if extra
                                                                 else "")}
