"""Inline syntax of memo text: page marks, note marks, hands, editorial brackets.

The parser turns one block of text into a small tree of inline nodes and keeps
the offset of every node, so that every error can name line and column and no
character is ever dropped: what is not markup is text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import TeikitError

ESCAPABLE = set("\\[]{}0123456789")
PAGE_RE = re.compile(r"\[Page ([^\]\s]+)\]")
EXPLICIT_RE = re.compile(r"\[\^(\d+)\]")
SHIFT_RE = re.compile(r"\{@([A-Za-z_][A-Za-z0-9_.-]*)\}")
HAND_PREFIX_RE = re.compile(r"@([A-Za-z_][A-Za-z0-9_.-]*)[ \t]")
GAP_RE = re.compile(r"not declassified", re.IGNORECASE)


@dataclass
class Text:
    s: str
    start: int
    literal: bool = False  # escaped characters: never a note marker


@dataclass
class Page:
    n: str
    start: int


@dataclass
class Explicit:
    k: int
    start: int


@dataclass
class Shift:
    hand: str
    start: int


@dataclass
class Change:
    kind: str  # "add" or "del"
    hand: str | None
    children: list = field(default_factory=list)
    start: int = 0
    change: str | None = None  # Word: id of the revision (→ revisionDesc/change)


@dataclass
class Bracket:
    children: list = field(default_factory=list)
    start: int = 0

    @property
    def is_gap(self) -> bool:
        plain = all(isinstance(c, Text) for c in self.children)
        return plain and bool(GAP_RE.search("".join(c.s for c in self.children)))


@dataclass
class NoteRef:
    k: int


@dataclass
class Hi:
    rend: str
    children: list = field(default_factory=list)


@dataclass
class Link:
    target: str
    children: list = field(default_factory=list)


@dataclass
class Break:
    """A line break inside a paragraph (Word input)."""


Inline = Text | Page | Explicit | Shift | Change | Bracket | NoteRef | Hi | Link | Break


class Block:
    """A run of text from the input with a map back to line and column."""

    def __init__(self, pieces: list[tuple[int, int, str]], name: str):
        # pieces: (line, col, text) joined by single spaces
        self.name = name
        self.starts: list[tuple[int, int, int]] = []
        parts = []
        offset = 0
        for line, col, text in pieces:
            self.starts.append((offset, line, col))
            parts.append(text)
            offset += len(text) + 1
        self.text = " ".join(parts)
        self.nodes: list = []
        self.preparsed = False
        self.rows: list = []  # Word lists and tables: rows of cells of blocks

    @classmethod
    def parsed(cls, nodes: list, text: str, name: str, line: int = 1) -> Block:
        """A block whose inline nodes are already known (Word input)."""
        block = cls([(line, 1, text)], name)
        block.nodes = nodes
        block.preparsed = True
        return block

    def without_prefix(self, count: int) -> Block:
        """The same pre-parsed block minus its first `count` characters of text."""
        if not count:
            return self
        nodes = list(self.nodes)
        while count and nodes and isinstance(nodes[0], Text):
            head = nodes[0]
            cut = min(count, len(head.s))
            count -= cut
            rest = head.s[cut:]
            nodes = ([Text(rest, head.start + cut, head.literal)] if rest else []) + nodes[1:]
        return Block.parsed(nodes, self.text[len(self.text) - len(plain_text(nodes)):], self.name,
                            self.starts[0][1])

    def where(self, offset: int) -> tuple[int, int]:
        line, col, base = self.starts[0][1], self.starts[0][2], 0
        for start, ln, cl in self.starts:
            if start <= offset:
                line, col, base = ln, cl, start
        return line, col + (offset - base)

    def error(self, message: str, offset: int) -> TeikitError:
        line, col = self.where(offset)
        return TeikitError(message, self.name, line, col)


def parse_block(block: Block) -> list:
    nodes, end, stopped = _parse(block, 0, ())
    block.nodes = nodes
    return nodes


def _parse(block: Block, i: int, stops: tuple[str, ...]) -> tuple[list, int, str | None]:
    s = block.text
    nodes: list = []
    buf: list[str] = []
    buf_start = i

    def flush(at: int) -> None:
        nonlocal buf, buf_start
        if buf:
            nodes.append(Text("".join(buf), buf_start))
            buf = []
        buf_start = at

    while i < len(s):
        for stop in stops:
            if s.startswith(stop, i):
                flush(i)
                return nodes, i, stop
        c = s[i]
        if c == "\\" and i + 1 < len(s) and s[i + 1] in ESCAPABLE:
            flush(i)
            nodes.append(Text(s[i + 1], i, literal=True))
            i += 2
            buf_start = i
            continue
        if c == "[":
            m = PAGE_RE.match(s, i) or EXPLICIT_RE.match(s, i)
            if m:
                flush(i)
                if m.re is PAGE_RE:
                    nodes.append(Page(m.group(1), i))
                else:
                    nodes.append(Explicit(int(m.group(1)), i))
                i = m.end()
                buf_start = i
                continue
            inner, end, stop = _parse(block, i + 1, ("]",) + stops)
            if stop == "]" and inner:
                flush(i)
                nodes.append(Bracket(inner, i))
                i = end + 1
                buf_start = i
                continue
            buf.append(c)  # a lone '[' is text
            i += 1
            continue
        if c == "{" and i + 1 < len(s) and s[i + 1] in "+-":
            kind = "add" if s[i + 1] == "+" else "del"
            close = "+}" if kind == "add" else "-}"
            flush(i)
            j = i + 2
            hand = None
            m = HAND_PREFIX_RE.match(s, j)
            if m:
                hand = m.group(1)
                j = m.end()
            inner, end, stop = _parse(block, j, (close,) + stops)
            if stop != close:
                what = "addition '{+'" if kind == "add" else "deletion '{-'"
                raise block.error(f"unterminated {what}: close it with '{close}'", i)
            nodes.append(Change(kind, hand, inner, i))
            i = end + 2
            buf_start = i
            continue
        if c == "{" and i + 1 < len(s) and s[i + 1] == "@":
            m = SHIFT_RE.match(s, i)
            if not m:
                raise block.error("malformed hand shift: write {@id}, e.g. {@h2}", i)
            flush(i)
            nodes.append(Shift(m.group(1), i))
            i = m.end()
            buf_start = i
            continue
        buf.append(c)
        i += 1
    flush(i)
    return nodes, i, None


def walk(nodes: list):
    """Yield (node, parent_list) depth first, in reading order."""
    for node in nodes:
        yield node, nodes
        if isinstance(node, (Change, Bracket, Hi, Link)):
            yield from walk(node.children)


def plain_text(nodes: list) -> str:
    out = []
    for node, _ in walk(nodes):
        if isinstance(node, Text):
            out.append(node.s)
    return "".join(out)
