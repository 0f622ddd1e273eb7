"""Where the stylesheets and schema live, installed or in a source checkout.

Installed, they sit inside the package (toolkit/xslt, toolkit/schema); in a
source checkout they are the top-level xslt/ and schema/ folders.
"""

from __future__ import annotations

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
