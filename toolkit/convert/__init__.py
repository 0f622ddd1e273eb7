"""Converters: memo text (and Word files) → TEI P5."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import TeikitError
from ..xmlio import read_bytes
from .memo import decode, read_memo
from .tei import PROFILE_MODEL, Warning_, build_tei

__all__ = ["convert_text", "convert_file", "finish_tei", "is_recognition", "Warning_"]


def convert_text(data: bytes, name: str) -> tuple[etree._ElementTree, list[Warning_]]:
    """Memo text (UTF-8 bytes) → TEI tree and warnings; raises TeikitError."""
    return build_tei(read_memo(decode(data, name), name))


def convert_file(path: str | Path, **recognition) -> tuple[etree._ElementTree, list]:
    """Memo text, Word, or a text recognition export (a PAGE or ALTO file, or a folder of
    them: known by their namespace) → TEI and warnings. `recognition`: title, source, words,
    alternatives, output (see recognition.export_to_tei)."""
    if Path(path).is_dir() or is_recognition(path):
        from .recognition import export_to_tei

        return export_to_tei(str(path), **recognition)
    suffix = Path(path).suffix.lower()
    if suffix in (".docx", ".docm", ".dotx"):
        from .docx import read_docx

        memo, warnings = read_docx(path)
        tree, more = build_tei(memo)
        return tree, warnings + more
    data = read_bytes(path)
    if data.lstrip()[:5] in (b"<?xml", b"<TEI ", b"<TEI>"):
        raise TeikitError("this is already XML; teikit convert reads memo text "
                          "(use teikit validate or render on TEI)", str(path), 1, 1)
    if data[:4] == b"PK\x03\x04":
        raise TeikitError("this is a zip archive (a Word file?); name it .docx to convert it as "
                          "Word", str(path), 1, 1)
    return convert_text(data, str(path))


def is_recognition(path: str | Path) -> bool:
    """Is this XML a PAGE or ALTO file (by its root's namespace)?"""
    from ..xmlio import read_bytes, root_tag
    from .recognition import kind_of

    try:
        tag = root_tag(read_bytes(path))
    except TeikitError:
        return False
    return tag is not None and kind_of(tag) in ("page", "alto")


def finish_tei(tree: etree._ElementTree, name: str, xml_model: str | None = None
               ) -> tuple[bytes, list[str]]:
    """Check converted TEI against our schema and rules, then serialise it.

    A converter must never write TEI that fails its own checks; if it would,
    that is reported as an error naming the rule, and nothing is written.
    """
    from ..validate import ERROR, validate_tree
    from ..xmlio import serialize

    if xml_model:
        if '"' in xml_model or "?>" in xml_model:
            raise TeikitError("the --xml-model address cannot contain quotes or '?>'")
        for pi in tree.getroot().itersiblings(preceding=True):
            if isinstance(pi, etree._ProcessingInstruction) and pi.target == "xml-model":
                pi.text = PROFILE_MODEL.format(href=xml_model)
    data = serialize(tree)
    found = validate_tree(tree, name, schema="teikit")
    errors = [d for d in found if d.severity == ERROR]
    if errors:
        first = errors[0]
        raise TeikitError(f"the converted TEI would break rule [{first.rule}] "
                          f"({first.message}); fix the input there", name)
    return data, [f"{name}: warning: converted TEI: [{d.rule}] {d.message}" for d in found]
