"""Schema validation: teikit's TEI profile (XSD, xmlschema), or a user's XSD / RELAX NG."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from ..errors import UsageError
from ..resources import schema_path
from ..xmlio import parse_xml, read_bytes
from .diagnostics import ERROR, Diagnostic, Locator

PROFILE = "teikit.xsd"


@cache
def _xsd(path: str):
    import xmlschema

    try:
        return xmlschema.XMLSchema(path)
    except Exception as exc:
        raise UsageError(f"cannot load the schema: {str(exc).splitlines()[0]}", path) from None


@cache
def _rng(path: str) -> etree.RelaxNG:
    tree = parse_xml(read_bytes(path), path)
    try:
        return etree.RelaxNG(tree)
    except etree.RelaxNGParseError as exc:
        raise UsageError(f"cannot load the RELAX NG schema: {exc}", path) from None


def check_schema(tree: etree._ElementTree, loc: Locator, schema: str | None = None
                 ) -> list[Diagnostic]:
    path = schema or str(schema_path(PROFILE))
    suffix = Path(path).suffix.lower()
    if schema and not Path(path).is_file():
        raise UsageError("no such schema file", path)
    if suffix == ".rng":
        return _check_rng(tree, loc, path)
    if suffix != ".xsd":
        raise UsageError("a schema must be W3C XML Schema (.xsd) or RELAX NG (.rng)", path)
    out = []
    for err in _xsd(path).iter_errors(tree):
        el = err.elem if isinstance(getattr(err, "elem", None), etree._Element) else None
        reason = (err.reason or str(err)).strip().rstrip(".")
        if el is not None:
            out.append(loc.at(el, ERROR, "schema", _explain(el, reason)))
        else:
            out.append(Diagnostic(loc.name, 1, 1, ERROR, "schema", reason))
    return out


def _explain(el: etree._Element, reason: str) -> str:
    local = etree.QName(el).localname
    if etree.QName(el).namespace != "http://www.tei-c.org/ns/1.0":
        return (f"<{local}> is not in the TEI namespace; declare "
                "xmlns=\"http://www.tei-c.org/ns/1.0\" on the root element")
    return f"<{local}>: {reason}"


def _check_rng(tree: etree._ElementTree, loc: Locator, path: str) -> list[Diagnostic]:
    rng = _rng(path)
    if rng.validate(tree):
        return []
    out = []
    for entry in rng.error_log:
        out.append(Diagnostic(loc.name, entry.line or 1, entry.column or 1, ERROR, "schema",
                              entry.message))
    return out


