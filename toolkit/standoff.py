"""A stand-off apparatus read in: readings that point (`ptr`) into witness files instead of
holding words, as the Frankenstein Variorum's spine does (`rdg wit="#f1818"` with a `ptr` to
`f1818_C01.xml#C01_app1-f1818__I` and one to `…__F`: the witness's text from the start of
the `seg part="I"` to the end of its `seg part="F"`). teikit renders what a reader needs,
the words: each such reading gets the text it points at, so that the critical text, the
apparatus and every witness view show (and the completeness check counts) them.

Only files inside the edition are read, as for XInclude. A pointer by absolute URL (the
spine names its chunks on GitHub) is taken for the local copy whose path ends the same way
("…/fv-data/master/variorum-chunks/f1818_C01.xml" → "variorum-chunks/f1818_C01.xml" in the
edition); nothing is fetched. A pointer that leads to no local file, or to no element, is
left as it is (it renders as its address).
"""

from __future__ import annotations

from copy import deepcopy as copy_tree
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from . import TEI_NS
from .errors import TeikitError
from .xmlio import parse_xml, read_bytes

T = "{" + TEI_NS + "}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
READINGS = (T + "rdg", T + "lem")
# where words of one element end and the next one's begin (never run together)
BREAKS = {T + n for n in ("p", "head", "div", "lb", "l", "lg", "ab", "pb", "cb", "milestone",
                          "item", "list", "note", "closer", "opener", "salute", "signed",
                          "dateline", "quote", "table", "row", "cell", "fw")}


def has_standoff(tree: etree._ElementTree) -> bool:
    """Does a reading hold pointers into other files (and no words of its own)?"""
    return any(_pointers(r) for r in tree.getroot().iter(*READINGS))


def read_in(tree: etree._ElementTree, path: str, root: str) -> etree._ElementTree:
    """A copy of the tree whose pointing readings hold the words they point at (the tree
    itself when none does)."""
    if not has_standoff(tree):
        return tree
    copy = copy_tree(tree)  # (keeps each element's line, for errors about it)
    files = _Files(path, root)
    for reading in list(copy.getroot().iter(*READINGS)):
        ptrs = _pointers(reading)
        if not ptrs:
            continue
        text = files.text(ptrs)
        if text is None:
            continue
        for ptr in ptrs:
            reading.remove(ptr)
        seg = etree.SubElement(reading, T + "seg", type="witness-text")
        seg.text = text
    return copy


def _pointers(reading: etree._Element) -> list[etree._Element]:
    kids = [c for c in reading if isinstance(c.tag, str)]
    if not kids or any(c.tag != T + "ptr" for c in kids) or (reading.text or "").strip():
        return []
    return [k for k in kids if "#" in (k.get("target") or "")]


class _Files:
    """The witness files a spine points into, each parsed once."""

    def __init__(self, path: str, root: str):
        self.here = Path(path).resolve().parent
        self.root = Path(root).resolve()
        self.parsed: dict[Path, dict[str, etree._Element] | None] = {}

    def text(self, ptrs: list[etree._Element]) -> str | None:
        """The words from the first pointer's element to the end of the last's."""
        first, last = (self.element(p.get("target")) for p in (ptrs[0], ptrs[-1]))
        if first is None or last is None or first.getroottree().getroot() is not last.getroottree().getroot():
            return None
        return _words_between(first, last)

    def element(self, target: str) -> etree._Element | None:
        address, _, ident = target.partition("#")
        local = self.local(address)
        if local is None:
            return None
        if local not in self.parsed:
            self.parsed[local] = self._ids(local)
        ids = self.parsed[local]
        return ids.get(ident) if ids is not None else None

    def local(self, address: str) -> Path | None:
        """The file inside the edition an address names (a URL: the longest ending of its
        path that is a file here)."""
        parts = urlsplit(address)
        if parts.scheme in ("http", "https"):
            steps = [unquote(s) for s in parts.path.split("/") if s]
            for k in range(len(steps)):
                found = self._inside(self.root.joinpath(*steps[k:]))
                if found is not None:
                    return found
            return None
        if parts.scheme or not address:
            return None
        return self._inside(self.here / unquote(address))

    def _inside(self, candidate: Path) -> Path | None:
        try:
            real = candidate.resolve()
        except OSError:
            return None
        if real.is_file() and (real == self.root or self.root in real.parents):
            return real
        return None

    def _ids(self, path: Path) -> dict[str, etree._Element] | None:
        try:
            tree = parse_xml(read_bytes(path), str(path))
        except TeikitError:
            return None  # a witness file that does not parse: its pointers stay pointers
        return {el.get(XML_ID): el for el in tree.iter() if isinstance(el.tag, str)
                and el.get(XML_ID) is not None}


def _words_between(first: etree._Element, last: etree._Element) -> str:
    """The text from the start of `first` to the end of `last`, in document order, a space
    where a block or a break stands between words."""
    out: list[str] = []
    inside = False
    for event, el in etree.iterwalk(first.getroottree().getroot(), events=("start", "end")):
        if event == "start" and el is first:
            inside = True
        if inside and isinstance(el.tag, str):
            if el.tag in BREAKS:
                out.append(" ")
            if event == "start" and el.text:
                out.append(el.text)
        if event == "end" and el is last:
            break
        if inside and event == "end" and el.tail:
            out.append(el.tail)
    return " ".join("".join(out).split())

