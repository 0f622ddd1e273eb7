"""Schema validation: teikit's TEI profile (XSD, xmlschema), or a user's XSD / RELAX NG."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from ..errors import TeikitError, UsageError
from ..resources import schema_path
from ..xmlio import parse_xml, read_bytes
from .diagnostics import ERROR, Diagnostic, Locator

PROFILE = "teikit.xsd"
# Above this many schema errors, libxml2's own messages are reported: xmlschema explains
# better, but its time grows with errors × element size (5,000 attributes: 6 minutes)
MAX_EXPLAINED = 100


@cache
def _xsd(path: str):
    """The schema as xmlschema reads it: the reference for messages. Local files only."""
    import xmlschema

    try:
        return xmlschema.XMLSchema(str(Path(path).resolve()), allow="local", defuse="always")
    except Exception as exc:
        raise UsageError(f"cannot load the schema: {str(exc).splitlines()[0]}", path) from None


@cache
def _fast_xsd(path: str) -> etree.XMLSchema | None:
    """The same XSD compiled by libxml2, for a fast yes/no on valid documents."""
    try:
        return etree.XMLSchema(parse_xml(read_bytes(path), path, base_url=str(Path(path).resolve())))
    except (etree.XMLSchemaParseError, TeikitError):
        return None


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
    # libxml2 only for our own profile: its import loader is not under our no-network rule
    fast = _fast_xsd(path) if schema is None else None
    if fast is not None and fast.validate(tree):
        return []  # valid: libxml2 is ~30x faster than xmlschema, and they agree on validity
    if fast is not None and len(fast.error_log) > MAX_EXPLAINED:
        return _libxml2_errors(fast, loc)  # xmlschema's explanations grow quadratic here
    out = []
    for err in _xsd(path).iter_errors(tree):
        el = err.elem if isinstance(getattr(err, "elem", None), etree._Element) else None
        reason = (err.reason or str(err)).strip().rstrip(".")
        index = getattr(err, "index", None)
        if el is not None and isinstance(index, int):
            children = [c for c in el if isinstance(c.tag, str)]
            if 0 <= index < len(children):  # point at the unexpected child, not its parent
                reason = f"<{etree.QName(children[index]).localname}> is not allowed here, " \
                         f"inside <{etree.QName(el).localname}> ({reason})"
                out.append(loc.at(children[index], ERROR, "schema", reason))
                continue
        if el is not None:
            out.append(loc.at(el, ERROR, "schema", _explain(el, reason)))
        else:
            out.append(Diagnostic(loc.name, 1, 1, ERROR, "schema", reason))
    if not out and fast is not None:  # the two engines disagree: report libxml2's findings
        return _libxml2_errors(fast, loc)
    return out


def _libxml2_errors(schema: etree.XMLSchema, loc: Locator) -> list[Diagnostic]:
    return [Diagnostic(loc.name, entry.line or 1, entry.column or 1, ERROR, "schema",
                       entry.message) for entry in schema.error_log]


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


