"""Converters: memo text (and Word files) → TEI P5."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import TeikitError
from ..xmlio import read_bytes
from .memo import decode, read_memo
from .tei import Warning_, build_tei

__all__ = ["convert_text", "convert_file", "Warning_"]


def convert_text(data: bytes, name: str) -> tuple[etree._ElementTree, list[Warning_]]:
    """Memo text (UTF-8 bytes) → TEI tree and warnings; raises TeikitError."""
    return build_tei(read_memo(decode(data, name), name))


def convert_file(path: str | Path) -> tuple[etree._ElementTree, list[Warning_]]:
    suffix = Path(path).suffix.lower()
    data = read_bytes(path)
    if suffix in (".docx", ".docm", ".dotx"):
        raise TeikitError("Word (.docx) conversion is not available in this version; "
                          "save the document as plain text (UTF-8) and convert that",
                          str(path))
    if data[:4] == b"PK\x03\x04":
        raise TeikitError("this is a zip archive (a Word file?), not a memo text", str(path), 1, 1)
    return convert_text(data, str(path))
