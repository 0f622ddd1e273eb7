"""Schema validation: W3C XML Schema (teikit's profile, a user's XSD) with libxml2 and
xmlschema; RELAX NG (tei_all, a project's ODD) with jing."""

from __future__ import annotations

import bisect
from functools import cache
from pathlib import Path

from lxml import etree

from ..errors import TeikitError, UsageError
from ..resources import schema_path
from ..xmlio import parse_xml, read_bytes
from . import catalog, jing
from .diagnostics import ERROR, Diagnostic, Locator

PROFILE = "teikit.xsd"
# Above this many schema errors, libxml2's own messages are reported: xmlschema explains
# better, but its time grows with errors × element size (5,000 attributes: 6 minutes)
MAX_EXPLAINED = 100


VERSIONING = "{http://www.w3.org/2007/XMLSchema-versioning}minVersion"


@cache
def _xsd(path: str):
    """The schema as xmlschema reads it: the reference for messages. Local files only,
    URLs through the XML catalogs (every ODD-generated XSD imports the W3C's xml.xsd).
    XSD 1.1 when the schema asks for it (`vc:minVersion="1.1"`: a 1.0 processor must skip
    what it marks, and the Schnitzler XSD marks its whole content)."""
    import xmlschema

    asked = parse_xml(read_bytes(path), path).getroot().get(VERSIONING, "1.0")
    try:
        eleven = float(asked) >= 1.1
    except ValueError:
        eleven = False  # not a version: the schema is read as XSD 1.0, as it always was
    version = xmlschema.XMLSchema11 if eleven else xmlschema.XMLSchema10
    try:
        return version(str(Path(path).resolve()), allow="local", defuse="always",
                       uri_mapper=lambda url: catalog.resolve(url) or url)
    except Exception as exc:
        raise UsageError(f"cannot load the schema: {str(exc).splitlines()[0]}", path) from None


@cache
def _fast_xsd(path: str) -> etree.XMLSchema | None:
    """The same XSD compiled by libxml2, for a fast yes/no on valid documents."""
    try:
        return etree.XMLSchema(parse_xml(read_bytes(path), path, base_url=str(Path(path).resolve())))
    except (etree.XMLSchemaParseError, TeikitError):
        return None


def check_xsd(tree: etree._ElementTree, loc: Locator, user: str | None = None
              ) -> list[Diagnostic]:
    """Against a W3C XML Schema: teikit's profile, or the user's XSD at `user`."""
    path = user or str(schema_path(PROFILE))
    # libxml2 only for our own profile: its import loader is not under our no-network rule
    fast = _fast_xsd(path) if user is None else None
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
    if etree.QName(el).namespace != "http://www.tei-c.org/ns/1.0" and \
            "not an element of the schema" in reason:
        return (f"<{local}> is not in the TEI namespace; declare "
                "xmlns=\"http://www.tei-c.org/ns/1.0\" on the root element")
    return f"<{local}>: {reason}"


def start_rng(sources: list[tuple[etree._ElementTree, Locator, bytes]], path: str,
              compact: bool):
    """Against a RELAX NG schema, by jing: all documents in one run (one Java start),
    started now; ask the answer for its findings. sources: (tree, its locator, the bytes
    checked_bytes gives)."""
    inputs = [data for _, _, data in sources]
    return _Pending(sources, inputs, jing.Run(path, inputs, compact))


def checked_bytes(tree: etree._ElementTree, loc: Locator, data: bytes) -> bytes:
    """What the validators in other processes (jing, Schematron) read: the very bytes
    that were screened, so lines match; for a file assembled by XInclude, the tree as
    serialized."""
    if loc.assembly is None:
        return data
    return etree.tostring(tree, encoding="UTF-8", xml_declaration=True)


class _Pending:
    def __init__(self, sources, inputs: list[bytes], run: jing.Run):
        self.sources, self.inputs, self.run = sources, inputs, run

    def findings(self) -> list[list[Diagnostic]]:
        return _rng_diagnostics(self.sources, self.inputs, self.run.findings())

    def close(self) -> None:
        self.run.close()  # stops jing if the caller gave up waiting (Ctrl-C, an error)


def _rng_diagnostics(sources, inputs: list[bytes], found) -> list[list[Diagnostic]]:
    out = []
    for (tree, loc, _), data, findings in zip(sources, inputs, found, strict=True):
        if not findings:
            out.append([])
            continue
        seen = tree if loc.assembly is None else parse_xml(data, loc.name)
        place = _placer(seen, loc, {f.line for f in findings})
        mirror = None if loc.assembly is None else \
            dict(zip(seen.iter(etree.Element), tree.iter(etree.Element), strict=True))
        diags = []
        for f in findings:
            el = place(f.line, f.col)
            if el is None:
                diags.append(Diagnostic(loc.name, f.line or 1, f.col or 1, f.severity,
                                        "schema", f.message))
            elif mirror is None:
                diags.append(Diagnostic(loc.name, f.line or 1, f.col or 1, f.severity,
                                        "schema", f.message, loc.xpath(el)))
            else:  # where the element stands in the file it came from
                original = mirror[el]
                diags.append(Diagnostic(loc.file(original), original.sourceline or 1,
                                        loc.col(original), f.severity, "schema", f.message,
                                        loc.xpath(original)))
        out.append(diags)
    return out


def _placer(tree: etree._ElementTree, loc: Locator, lines: set[int]):
    """The element a finding at (line, col) is about: the last one whose start tag ends on
    that line before the column (jing reports the end of the start tag), else the last one
    before that line."""
    elements = list(tree.iter(etree.Element))
    starts = [el.sourceline or 0 for el in elements]
    own = Locator(tree, loc.source, loc.name) if loc.assembly is not None else loc

    def place(line: int, col: int) -> etree._Element | None:
        lo, hi = bisect.bisect_left(starts, line), bisect.bisect_right(starts, line)
        if lo < hi:
            before = [el for el in elements[lo:hi] if own.col(el) < col]
            return before[-1] if before else elements[lo]
        return elements[hi - 1] if hi > 0 else None
    return place
