"""XInclude: a document assembled from the files it includes, safely.

Editions assemble manuscripts from page files (`<xi:include href="page-001.xml"/>`).
libxml2's own XInclude would fetch whatever an href names, so teikit resolves includes
itself: only local files inside the allowed folder (the including file's folder, or the
edition folder), each read and parsed by the same hardened parser as every input (size
cap, no entities, no DTD), no loops, and a missing include without `<xi:fallback>` is an
error at the include's line and column. The included root gets `xml:base` (as XInclude
says), so every finding and every word still knows the file it came from.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from . import XML_NS
from .errors import TeikitError
from .xmlio import MAX_INPUT_BYTES, parse_xml, read_bytes

XI_NS = "http://www.w3.org/2001/XInclude"
XI = "{" + XI_NS + "}"
XML_BASE = "{" + XML_NS + "}base"
MAX_INCLUDE_DEPTH = 32
XINCLUDE = "xinclude"  # the kind (and rule id) of an include that cannot be followed


@dataclass
class Assembly:
    """What assembling a document read: the text of every file in it (for line and
    column of findings in included files), the root element each included file became
    (held here, so lxml keeps these very element objects), and the total size."""
    path: str
    sources: dict[str, str] = field(default_factory=dict)
    parts: dict[etree._Element, str] = field(default_factory=dict)
    size: int = 0

    @property
    def assembled(self) -> bool:
        return True  # includes were resolved (even if only to a fallback's text)

    def file_of(self, el: etree._Element) -> str:
        """The file an element of the assembled tree came from."""
        if self.parts:
            for node in (el, *el.iterancestors()):
                if node in self.parts:
                    return self.parts[node]
        return self.path


def has_includes(tree: etree._ElementTree) -> bool:
    return next(tree.getroot().iter(XI + "include"), None) is not None


def assemble(tree: etree._ElementTree, path: str, data: bytes, root: str | None = None
             ) -> Assembly:
    """Replace every xi:include in `tree` (parsed from `path`) with what it names."""
    assembly = Assembly(str(path), {str(path): data.decode("utf-8", "replace")}, size=len(data))
    allowed = os.path.realpath(root or os.path.dirname(os.path.abspath(path)))
    _resolve(tree.getroot(), str(path), allowed, assembly, (os.path.realpath(path),))
    return assembly


def _resolve(root: etree._Element, path: str, allowed: str, assembly: Assembly,
             stack: tuple[str, ...]) -> None:
    for include in list(root.iter(XI + "include")):
        if include.getparent() is None:
            raise TeikitError("the root element cannot be an xi:include", path,
                              include.sourceline or 0, 1, kind=XINCLUDE)
        _replace(include, path, allowed, assembly, stack)


def _replace(include: etree._Element, path: str, allowed: str, assembly: Assembly,
             stack: tuple[str, ...]) -> None:
    line = include.sourceline or 0
    href = (include.get("href") or "").strip()
    parse = include.get("parse") or "xml"
    fallback = include.find(XI + "fallback")

    def fail(message: str) -> None:
        if fallback is not None:
            _splice(include, list(fallback), fallback.text)
            return
        raise TeikitError(message, path, line, 1, kind=XINCLUDE)

    if not href:
        return fail("xi:include without @href (teikit does not include parts of the same "
                    "file); give the file to include")
    if include.get("xpointer"):
        return fail("xi:include with @xpointer is not supported; include the whole file")
    url = urlparse(href)
    if url.scheme and len(url.scheme) > 1:
        return fail(f"xi:include of {href}: only local files are included (teikit fetches "
                    "nothing)")
    target = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(path)),
                                           unquote(url.path)))
    if target != allowed and not target.startswith(allowed + os.sep):
        return fail(f"xi:include of {href}: the file is outside the folder {allowed} "
                    "(includes stay inside the edition: name its folder with --edition)")
    if target in stack:
        raise TeikitError(f"xi:include of {href} makes a loop: "
                          f"{' → '.join(Path(s).name for s in (*stack, target))}", path, line, 1,
                          kind=XINCLUDE)
    if len(stack) > MAX_INCLUDE_DEPTH:
        raise TeikitError(f"xi:include nested more than {MAX_INCLUDE_DEPTH} deep", path, line, 1,
                          kind=XINCLUDE)
    if not os.path.isfile(target):
        return fail(f"xi:include of {href}: no such file ({target})")
    try:
        data = read_bytes(target, MAX_INPUT_BYTES - assembly.size)
    except TeikitError as exc:
        raise TeikitError(f"xi:include of {href}: {exc.message}", path, line, 1,
                          kind=XINCLUDE) from None
    assembly.size += len(data)
    if parse == "text":
        _splice(include, [], data.decode(include.get("encoding") or "utf-8", "replace"))
        return
    if parse != "xml":
        return fail(f"xi:include parse={parse!r}: write 'xml' or 'text'")
    included = parse_xml(data, target).getroot()
    assembly.sources[target] = data.decode("utf-8", "replace")
    _resolve(included, target, allowed, assembly, (*stack, target))
    if included.get(XML_BASE) is None:
        included.set(XML_BASE, os.path.relpath(target, os.path.dirname(os.path.abspath(path))))
    assembly.parts[included] = target
    _splice(include, [included], None)


def _splice(include: etree._Element, nodes: list[etree._Element], text: str | None) -> None:
    """Put nodes (and text before them) where the include was, keeping its tail."""
    parent = include.getparent()
    tail = include.tail
    before = include.getprevious()
    if text:
        if before is not None:
            before.tail = (before.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
    at = parent.index(include)
    parent.remove(include)
    for offset, node in enumerate(nodes):
        node.tail = node.tail if offset < len(nodes) - 1 else (node.tail or "")
        parent.insert(at + offset, node)
    if tail:
        last = nodes[-1] if nodes else parent[at - 1] if at > 0 else None
        if last is not None:
            last.tail = (last.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
