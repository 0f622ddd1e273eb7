"""Where the stylesheets and schema live, installed or in a source checkout."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


@cache
def data_dir(kind: str) -> Path:
    """Folder holding the `xslt` or `schema` files."""
    try:
        path = Path(str(resources.files(f"toolkit.{kind}")))
        if path.is_dir() and any(path.iterdir()):
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return _SOURCE_ROOT / kind


def xslt_path(name: str) -> Path:
    return data_dir("xslt") / name


def schema_path(name: str) -> Path:
    return data_dir("schema") / name
