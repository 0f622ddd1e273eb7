"""XInclude: a document assembled from the files it includes, safely.

Editions assemble manuscripts from page files (`<xi:include href="page-001.xml"/>`).
libxml2's own XInclude would fetch whatever an href names, so teikit resolves includes
itself: only local files inside the allowed folder (the including file's folder, or the
edition folder), each read and parsed by the same hardened parser as every input (size
cap, no entities, no DTD), no loops, and a missing include without `<xi:fallback>` is an
error at the include's line and column. The included root gets `xml:base` (as XInclude
says), so every finding and every word still knows the file it came from.

`@xpointer` selects one element of the included file (or, without `@href`, of the
including file), as XInclude 1.0 requires of a processor: a shorthand pointer (a bare
xml:id) and the `element()` scheme (`element(/1/2)`, `element(id/3)`). Pointer parts are
tried left to right, as the XPointer framework says; `xmlns()` binds a prefix for an
`xpointer()` part, an XPath 1.0 over the included file that may select several elements (the
TEI's tei_allPlus.odd takes every `moduleRef[@url]` of another ODD so); a scheme teikit does not
evaluate is skipped, and named in the error if nothing else matched.
"""

from __future__ import annotations

import os
import re
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
XML_ID = "{" + XML_NS + "}id"
XML_LANG = "{" + XML_NS + "}lang"
NCNAME = re.compile(r"^[^\W\d.-][\w.-]*$")  # an XML name without a colon (shorthand)
POINTER_PART = re.compile(r"\s*([^\s()]+)\(((?:[^()^]|\^[()^])*)\)\s*")
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

    pointer = (include.get("xpointer") or "").strip()
    if not href and not pointer:
        return fail("xi:include without @href or @xpointer: give the file to include")
    if pointer and parse == "text":
        raise TeikitError("xi:include with parse='text' cannot have @xpointer (XInclude "
                          "points only into XML)", path, line, 1, kind=XINCLUDE)
    if href:
        url = urlparse(href)
        if url.scheme and len(url.scheme) > 1:
            return fail(f"xi:include of {href}: only local files are included (teikit fetches "
                        "nothing)")
        target = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(path)),
                                               unquote(url.path)))
        if target != allowed and not target.startswith(allowed + os.sep):
            return fail(f"xi:include of {href}: the file is outside the folder {allowed} "
                        "(includes stay inside the edition: name its folder with --edition)")
    else:  # part of this very file
        target = os.path.realpath(path)
    named = href or f"#{pointer}"
    if (f"{target}#{pointer}" if pointer else target) in stack:
        raise TeikitError(f"xi:include of {named} makes a loop: "
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
        raise TeikitError(f"xi:include of {named}: {exc.message}", path, line, 1,
                          kind=XINCLUDE) from None
    assembly.size += len(data)
    if parse == "text":
        _splice(include, [], data.decode(include.get("encoding") or "utf-8", "replace"))
        return
    if parse != "xml":
        return fail(f"xi:include parse={parse!r}: write 'xml' or 'text'")
    _include_xml(include, path, href, target, pointer, allowed, assembly, stack, fail, data)


def _include_xml(include: etree._Element, path: str, href: str, target: str, pointer: str,
                 allowed: str, assembly: Assembly, stack: tuple[str, ...], fail,
                 data: bytes) -> None:
    """Put the file `target` (or the element `pointer` selects in it) where `include` is."""
    line = include.sourceline or 0
    included = parse_xml(data, target).getroot()
    assembly.sources.setdefault(target, data.decode("utf-8", "replace"))
    chosen = [included]
    if pointer:
        try:
            selected = select(included, pointer)
        except ValueError as exc:
            raise TeikitError(f"xi:include of {href or 'this file'}: xpointer={pointer!r} "
                              f"{exc}", path, line, 1,
                              kind=XINCLUDE) from None
        if not selected:
            return fail(f"xi:include of {href or 'this file'}: xpointer={pointer!r} selects "
                        "no element")
        for el in selected:
            _fix_language(el, include)
        chosen = [_detached(el) for el in selected]
    for part in chosen:
        _resolve(part, target, allowed, assembly,
                 (*stack, f"{target}#{pointer}" if pointer else target))
        if part.get(XML_BASE) is None and href:
            part.set(XML_BASE, os.path.relpath(target, os.path.dirname(os.path.abspath(path))))
        assembly.parts[part] = target
    _splice(include, chosen, None)


def select(root: etree._Element, pointer: str) -> list[etree._Element]:
    """The elements an XPointer selects in the document whose root is `root` (none: []):
    one, except by the xpointer() scheme, an XPath over the file (with the namespaces its
    xmlns() parts bind), which may select several — as the TEI's own ODDs use it
    (`xmlns(t=…)xpointer(//t:moduleRef[@url])`). ValueError: the pointer is malformed, or
    uses only schemes teikit does not evaluate."""
    if NCNAME.match(pointer):
        found = _by_id(root, pointer)
        return [found] if found is not None else []
    parts, at = [], 0
    while at < len(pointer):
        part = POINTER_PART.match(pointer, at)
        if part is None:
            raise ValueError("is not an XPointer (write an xml:id, or element(/1/2) or "
                             "element(id/3))")
        parts.append((part[1], re.sub(r"\^([()^])", r"\1", part[2])))
        at = part.end()
    namespaces: dict[str, str] = {}
    for scheme, body in parts:
        if scheme == "element":
            found = _element_scheme(root, body)
            if found is not None:
                return [found]
        elif scheme == "xmlns":
            prefix, _, uri = body.partition("=")
            if not NCNAME.match(prefix.strip()):
                raise ValueError(f"xmlns({body}): write xmlns(prefix=namespace)")
            namespaces[prefix.strip()] = uri.strip()
        elif scheme == "xpointer":
            try:
                found = etree.XPath(body, namespaces=namespaces)(root.getroottree())
            except etree.XPathError as exc:
                raise ValueError(f"xpointer({body}): not an XPath teikit can evaluate "
                                 f"({exc})") from None
            elements = [el for el in found if isinstance(el, etree._Element)] \
                if isinstance(found, list) else []
            if elements:
                return elements
    skipped = [scheme for scheme, _ in parts if scheme not in ("element", "xmlns", "xpointer")]
    if skipped and len(skipped) == len(parts):
        raise ValueError(f"the {', '.join(dict.fromkeys(skipped))} scheme is not supported "
                         "(teikit evaluates shorthand pointers, element() and xpointer())")
    return []


def _by_id(root: etree._Element, ident: str) -> etree._Element | None:
    for el in root.iter():
        if isinstance(el.tag, str) and el.get(XML_ID) == ident:
            return el
    return None


def _element_scheme(root: etree._Element, body: str) -> etree._Element | None:
    """element(id), element(id/2/1), element(/1/3): an id, then a child sequence (the n-th
    element child, counted from 1; /1 is the document element)."""
    head, _, steps = body.partition("/")
    if head and not NCNAME.match(head):
        raise ValueError(f"element({body}): {head!r} is not an xml:id")
    numbers = steps.split("/") if steps else []
    if not head and not numbers or not all(n.isdigit() and int(n) > 0 for n in numbers):
        raise ValueError(f"element({body}): a child sequence is /1/2/… of numbers from 1")
    if head:
        node = _by_id(root, head)
    else:
        node = root if numbers.pop(0) == "1" else None
    for n in numbers:
        if node is None:
            return None
        children = [c for c in node if isinstance(c.tag, str)]
        node = children[int(n) - 1] if int(n) <= len(children) else None
    return node


def _fix_language(selected: etree._Element, include: etree._Element) -> None:
    """XInclude's language fixup: an element taken from a context in another language
    says its language (xml:lang), so it keeps it where it is put."""
    if selected.get(XML_LANG) is not None:
        return
    theirs = next((a.get(XML_LANG) for a in selected.iterancestors()
                   if a.get(XML_LANG) is not None), None)
    ours = next((a.get(XML_LANG) for a in include.iterancestors()
                 if a.get(XML_LANG) is not None), None)
    if theirs is not None and theirs != ours:
        selected.set(XML_LANG, theirs)


def _detached(el: etree._Element) -> etree._Element:
    """The element out of its tree, without the text that followed it there."""
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)
    el.tail = None
    return el


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
