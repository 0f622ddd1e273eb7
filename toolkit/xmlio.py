"""Reading and writing XML safely.

Every XML document teikit reads goes through `parse_xml`: one hardened lxml
configuration (no entity expansion, no DTD loading, no network, no XInclude),
so a hostile file can neither read local files nor fetch URLs nor blow up
memory. Errors come back as TeikitError with file:line:col.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from lxml import etree

from .errors import TeikitError

_PARSER_OPTIONS = dict(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_blank_text=False,
    remove_comments=False,
    collect_ids=False,
)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(**_PARSER_OPTIONS)


def parse_xml(data: bytes, name: str, base_url: str | None = None) -> etree._ElementTree:
    """Parse bytes as XML, refusing entity declarations and DTD tricks.

    base_url is only for our own schema files, whose imports are relative paths.
    """
    if not data.strip():
        raise TeikitError("the file is empty; expected a TEI XML document", name, 1, 1)
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TeikitError("this is a binary file, not XML", name, 1, 1)
    _screen_doctype(data, name)
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser(), base_url=base_url))
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        msg = exc.msg or "not well-formed XML"
        msg = msg.split(f", line {line}")[0]
        if msg.startswith("Excessive depth in document"):
            raise TeikitError("elements are nested 256 levels deep here; teikit reads up to 255 "
                              "(flatten the nesting)", name, line, col + 1) from None
        undefined = re.match(r"Entity '([^']+)' not defined", msg)
        if undefined:
            raise TeikitError(f"undefined entity &{undefined.group(1)}; — write the character "
                              "itself (teikit never expands entities)", name, line, col + 1) from None
        raise TeikitError(f"not well-formed XML: {msg}", name, line, col + 1) from None
    _refuse_entities(tree, name)
    return tree


DOCTYPE_RE = re.compile(rb"<!DOCTYPE\b(?P<body>(?:[^\[>]|\[.*?\])*)>", re.DOTALL)


def _screen_doctype(data: bytes, name: str) -> None:
    """Refuse entity declarations and external DTDs before libxml2 sees them."""
    m = DOCTYPE_RE.search(data, 0, 1 << 20) if b"<!DOCTYPE" in data[:65536] else None
    if not m:
        return
    line = data.count(b"\n", 0, m.start()) + 1
    body = m.group("body")
    if b"<!ENTITY" in body:
        raise TeikitError("the document declares XML entities; teikit never expands entities "
                          "(remove the DOCTYPE internal subset and write the characters directly)",
                          name, line, 1)
    if re.search(rb"\b(SYSTEM|PUBLIC)\b", body.split(b"[")[0]):
        raise TeikitError("the document points to an external DTD; teikit does not load DTDs "
                          "(remove the DOCTYPE declaration)", name, line, 1)


def _refuse_entities(tree: etree._ElementTree, name: str) -> None:
    docinfo = tree.docinfo
    dtd = docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise TeikitError(
            "the document declares XML entities; teikit never expands entities "
            "(remove the DOCTYPE internal subset and write the characters directly)",
            name, 1, 1,
        )
    if docinfo.system_url or docinfo.public_id:
        raise TeikitError(
            "the document points to an external DTD; teikit does not load DTDs "
            "(remove the DOCTYPE declaration)",
            name, 1, 1,
        )
    for node in tree.iter(etree.Entity):
        raise TeikitError(
            f"undefined entity reference {node.text}; write the character itself",
            name, node.sourceline or 0, 1,
        )


def root_tag(data: bytes) -> str | None:
    """The root element's {namespace}name, reading no further than its start tag (None: the
    bytes do not begin as XML; parse_xml says why). For telling TEI from other XML cheaply."""
    try:
        parser = etree.XMLPullParser(events=("start",), **_PARSER_OPTIONS)
        for at in range(0, len(data), 65536):
            parser.feed(data[at:at + 65536])
            for _event, el in parser.read_events():
                return el.tag
    except etree.XMLSyntaxError:
        return None
    return None


def read_xml(path: str | Path) -> etree._ElementTree:
    """Read and parse a file, turning OS and parse failures into TeikitError."""
    name = str(path)
    data = read_bytes(path)
    return parse_xml(data, name)


MAX_INPUT_BYTES = 128 * 1024 * 1024
UNREADABLE = "unreadable"  # the kind of error a file that cannot be read gets


def read_bytes(path: str | Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a whole input file, refusing anything larger than `limit` before reading it."""
    name = os.fspath(path)
    try:
        info = os.stat(name)
    except FileNotFoundError:
        raise TeikitError("no such file", name, kind=UNREADABLE) from None
    except OSError as exc:
        raise TeikitError(f"cannot read the file: {exc.strerror}", name, kind=UNREADABLE) from None
    if stat.S_ISDIR(info.st_mode):
        raise TeikitError("is a folder, expected a file", name, kind=UNREADABLE)
    if not stat.S_ISREG(info.st_mode):  # a FIFO would block forever, a device never end
        raise TeikitError("is not a regular file (a FIFO, device or socket); teikit reads "
                          "only regular files", name, kind=UNREADABLE)
    try:
        size = info.st_size
        if size > limit:
            raise TeikitError(f"the file is {size // 2**20} MiB; teikit reads files up to "
                              f"{limit // 2**20} MiB (split the volume into smaller files)", name,
                              kind=UNREADABLE)
        with open(name, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise TeikitError(f"cannot read the file: {exc.strerror}", name, kind=UNREADABLE) from None


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """Serialise as UTF-8 with an XML declaration and a final newline."""
    out = etree.tostring(tree, encoding="UTF-8", xml_declaration=True)
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    for node in root.itersiblings(preceding=True):  # each instruction before the root on its
        piece = etree.tostring(node, with_tail=False)  # own line (lxml runs them together)
        out = out.replace(piece + b"<", piece + b"\n<", 1)
    return out if out.endswith(b"\n") else out + b"\n"


ELEMENT_ONLY = {
    "TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "sourceDesc", "profileDesc",
    "handNotes", "encodingDesc", "revisionDesc", "listChange", "text", "front", "body", "back",
    "group", "div", "list", "facsimile", "surface", "creation",
}


def indent_structure(root: etree._Element, level: int = 0) -> None:
    """Indent only element-only containers, so mixed content keeps its exact text."""
    name = etree.QName(root).localname
    if name not in ELEMENT_ONLY or not len(root):
        return
    if (root.text or "").strip() or any((c.tail or "").strip() for c in root):
        return
    pad = "\n" + "  " * (level + 1)
    root.text = pad
    for child in root:
        child.tail = pad
        if isinstance(child.tag, str):
            indent_structure(child, level + 1)
    root[-1].tail = "\n" + "  " * level
