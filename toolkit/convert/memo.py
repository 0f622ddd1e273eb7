"""The block structure of a memo text: what each line is.

A FRUS web-text memo reads top to bottom as: heading; classification,
dateline, subject and participants lines; body paragraphs in sections
separated by two or more blank lines; an optional complimentary close and
signature; and the numbered notes list. This module decides which line is
which and keeps every line, so the TEI builder can place all of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import TeikitError
from .frontmatter import FrontMatter, split_front_matter
from .inline import Block, Text

LEVELS = r"(?:top secret|secret|confidential|restricted|unclassified|limited official use|" \
         r"official use only|official-informal|personal and confidential|eyes only)"
HANDLING = r"(?:priority|niact|immediate|operational immediate|routine|flash|eyes only|noforn|" \
           r"nodis|exdis|limdis|limited distribution|security information|" \
           r"personal|official-informal|personal and confidential|for the secretary only)"
CLASS_RE = re.compile(rf"^{LEVELS}(?:\s*[;,]\s*{HANDLING})*\.?$", re.IGNORECASE)
PAGE_LINE_RE = re.compile(r"^\[Page [^\]\s]+\]$")
SUBJECT_RE = re.compile(r"^•[ \t]+(\S.*)$")
PARTICIPANTS_RE = re.compile(r"^Participants:(.*)$")
NOTE_LINE_RE = re.compile(r"^[ \t]+(\d+)\.[ \t]+(\S.*)$")
SALUTE_RE = re.compile(
    r"^(?:(?:very )?(?:sincerely|respectfully|faithfully|cordially|truly)(?: yours)?|"
    r"yours(?: (?:sincerely|faithfully|truly|respectfully|ever))?|"
    r"with (?:best|kind|warm)(?:est)? (?:regards|wishes)|best regards|regards),$",
    re.IGNORECASE)
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass
class Item:
    """One block of the memo: kind is heading, classification, dateline, subject,
    participants-head, participant, page, paragraph, salute or signed."""

    kind: str
    block: Block
    rows: list[list[list[Block]]] = field(default_factory=list)  # list items / table cells


@dataclass
class Note:
    n: int
    paragraphs: list[Block]
    line: int
    col: int
    kind: str = "foot"  # foot, end or comment (Word input)


@dataclass
class Memo:
    name: str
    meta: FrontMatter
    before: list[Item] = field(default_factory=list)  # page lines before the heading
    head: list[Item] = field(default_factory=list)
    sections: list[list[Item]] = field(default_factory=list)
    closer: list[Item] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    # Word input: blocks already parsed into inline nodes, and block kinds by line index
    prebuilt: dict[int, Block] = field(default_factory=dict)
    kinds: dict[int, str] = field(default_factory=dict)


def decode(data: bytes, name: str) -> str:
    """Bytes to text, refusing binary files and invalid UTF-8 with a position."""
    if not data.strip():
        raise TeikitError("the file is empty; expected a memo text", name, 1, 1)
    if b"\x00" in data[:8192]:
        raise TeikitError("this is a binary file, not a memo text (UTF-8)", name, 1, 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise TeikitError(f"invalid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as "
                          "UTF-8", name, line, col) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    bad = CONTROL_RE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise TeikitError(f"control character U+{ord(bad.group()):04X} cannot appear in XML; "
                          "delete it", name, line, col)
    return text


def read_lines(lines: list[str], name: str, meta: FrontMatter, notes: list[Note],
               prebuilt: dict[int, Block], kinds: dict[int, str]) -> Memo:
    """Structure for text that arrives already parsed (Word): one entry per paragraph."""
    memo = Memo(name, meta, prebuilt=prebuilt, kinds=kinds, notes=notes)
    pos = _read_head(memo, lines, 0, len(lines))
    _read_body(memo, lines, pos, len(lines), False)
    return memo


def read_memo(text: str, name: str) -> Memo:
    lines = text.split("\n")
    meta = split_front_matter(lines, name)
    memo = Memo(name, meta)
    first = meta.lines_used
    wrapped = meta.get("layout", "lines") == "wrapped"
    notes_start = _notes_start(lines, first)
    memo.notes = _read_notes(lines, notes_start, name, wrapped)
    pos = _read_head(memo, lines, first, notes_start)
    _read_body(memo, lines, pos, notes_start, wrapped)
    return memo


def _line_block(lines: list[str], index: int, name: str, memo: Memo | None = None,
                skip: int = 0) -> Block:
    """The block of one line; `skip` drops a leading prefix (the '• ' of a subject line)."""
    if memo is not None and index in memo.prebuilt:
        return memo.prebuilt[index].without_prefix(skip)
    raw = lines[index]
    stripped = raw.strip()
    col = len(raw) - len(raw.lstrip()) + 1
    return Block([(index + 1, col, stripped)], name)


def _notes_start(lines: list[str], first: int) -> int:
    """Index of the `  1. ` line that opens the trailing notes list, or len(lines)."""
    index = len(lines)
    start = len(lines)
    while index > first:
        line = lines[index - 1]
        if line.strip() and not line[:1].isspace():
            break
        index -= 1
        if NOTE_LINE_RE.match(line) and NOTE_LINE_RE.match(line).group(1) == "1":
            start = index
    return start


def _read_notes(lines: list[str], start: int, name: str, wrapped: bool) -> list[Note]:
    found: list[tuple[int, int, int, list[list[tuple[int, int, str]]]]] = []
    blank_before = False
    for index in range(start, len(lines)):
        raw = lines[index]
        if not raw.strip():
            blank_before = True
            continue
        m = NOTE_LINE_RE.match(raw)
        if m and int(m.group(1)) == len(found) + 1:
            piece = (index + 1, m.start(2) + 1, m.group(2).rstrip())
            found.append((len(found) + 1, index + 1, m.start(1) + 1, [[piece]]))
        elif m and len(found) + 1 < int(m.group(1)) <= len(found) + 3:
            raise TeikitError(f"note {m.group(1)} follows note {len(found)}; number the notes "
                              "1, 2, 3… in order", name, index + 1, m.start(1) + 1)
        else:
            piece = (index + 1, len(raw) - len(raw.lstrip()) + 1, raw.strip())
            paragraphs = found[-1][3]
            if wrapped and not blank_before:
                paragraphs[-1].append(piece)
            else:
                paragraphs.append([piece])
        blank_before = False
    return [Note(n, [Block(p, name) for p in paras], line, col)
            for n, line, col, paras in found]


def _read_head(memo: Memo, lines: list[str], first: int, end: int) -> int:
    name = memo.name
    index = first
    while index < end and not lines[index].strip():
        index += 1
    while index < end and PAGE_LINE_RE.match(lines[index].strip()):
        memo.before.append(Item("page", _line_block(lines, index, name, memo)))
        index += 1
        while index < end and not lines[index].strip():
            index += 1
    if index >= end:
        raise TeikitError("the text has no heading: the first line should be the document's "
                          "heading", name, index + 1 if index < len(lines) else 1, 1)
    memo.head.append(Item("heading", _line_block(lines, index, name, memo)))
    index += 1
    seen: set[str] = set()
    while index < end:
        stripped = lines[index].strip()
        if not stripped:
            index += 1
            continue
        kind = None if index in memo.kinds else _head_kind(stripped, seen)
        if kind is None:
            break
        if kind == "participants-head":
            seen.add(kind)
            block = _line_block(lines, index, name, memo)
            rest = PARTICIPANTS_RE.match(stripped).group(1)
            head_text = "Participants:"
            if index in memo.prebuilt:  # Word: the words are already inline nodes
                memo.head.append(Item(kind, Block.parsed([Text(head_text, 0)], head_text, name,
                                                         index + 1)))
                skip = len(lines[index]) - len(rest.lstrip())
                if rest.strip():
                    memo.head.append(Item("participant", block.without_prefix(skip)))
            else:
                memo.head.append(Item(kind, Block([(index + 1, block.starts[0][2], head_text)],
                                                  name)))
            if rest.strip() and index not in memo.prebuilt:
                col = block.starts[0][2] + len(stripped) - len(rest.lstrip())
                memo.head.append(Item("participant", Block([(index + 1, col, rest.strip())],
                                                           name)))
            index += 1
            while index < end and lines[index].strip():
                memo.head.append(Item("participant", _line_block(lines, index, name, memo)))
                index += 1
            continue
        seen.add(kind)
        block = _line_block(lines, index, name, memo)
        if kind == "subject":
            text = SUBJECT_RE.match(stripped).group(1)
            if index in memo.prebuilt:
                block = _line_block(lines, index, name, memo, len(lines[index]) - len(text))
            else:
                col = block.starts[0][2] + stripped.index(text)
                block = Block([(index + 1, col, text)], name)
        memo.head.append(Item(kind, block))
        index += 1
    return index


def _head_kind(stripped: str, seen: set[str]) -> str | None:
    from .dateline import looks_like_dateline

    if PAGE_LINE_RE.match(stripped):
        return "page"
    if "classification" not in seen and CLASS_RE.match(stripped):
        return "classification"
    if "dateline" not in seen and looks_like_dateline(stripped):
        return "dateline"
    if SUBJECT_RE.match(stripped):
        return "subject"
    if "participants-head" not in seen and PARTICIPANTS_RE.match(stripped):
        return "participants-head"
    return None


def _read_body(memo: Memo, lines: list[str], start: int, end: int, wrapped: bool) -> None:
    name = memo.name
    sections: list[list[Item]] = [[]]
    blank_run = 0
    pending: list[tuple[int, int, str]] = []

    def flush_paragraph() -> None:
        if pending:
            sections[-1].append(Item("paragraph", Block(list(pending), name)))
            pending.clear()

    for index in range(start, end):
        raw = lines[index]
        stripped = raw.strip()
        if not stripped:
            blank_run += 1
            flush_paragraph()
            continue
        if blank_run >= 2 and sections[-1]:
            sections.append([])
        blank_run = 0
        if index in memo.kinds:  # Word: a table, a list or a section heading
            flush_paragraph()
            kind = memo.kinds[index]
            if kind == "section-head" and sections[-1]:
                sections.append([])
            item = Item(kind, memo.prebuilt[index], memo.prebuilt[index].rows)
            sections[-1].append(item)
            continue
        if index in memo.prebuilt:
            sections[-1].append(Item("page" if PAGE_LINE_RE.match(stripped) else "paragraph",
                                     memo.prebuilt[index]))
            continue
        col = len(raw) - len(raw.lstrip()) + 1
        if PAGE_LINE_RE.match(stripped):
            flush_paragraph()
            sections[-1].append(Item("page", Block([(index + 1, col, stripped)], name)))
            continue
        if not wrapped:
            sections[-1].append(Item("paragraph", Block([(index + 1, col, stripped)], name)))
        else:
            pending.append((index + 1, col, stripped))
    flush_paragraph()
    memo.sections = [s for s in sections if s]
    if memo.sections:
        memo.closer = _split_closer(memo.sections[-1])


def _signature_like(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= 6 and text[0].isupper() and text[-1] not in ".?!:;"
            and not any(ch.isdigit() for ch in text) and not set(text) & set("[]{}\\"))


def _split_closer(section: list[Item]) -> list[Item]:
    """Take the complimentary close and signature lines off the end of the last section."""
    paragraphs = [i for i, item in enumerate(section) if item.kind == "paragraph"]
    if len(paragraphs) < 2:
        return []
    tail: list[int] = []
    for i in reversed(paragraphs):
        text = section[i].block.text
        if SALUTE_RE.match(text) or _signature_like(text):
            tail.insert(0, i)
            if SALUTE_RE.match(text) or len(tail) == 4:
                break
        else:
            break
    if not tail or tail[0] != paragraphs[len(paragraphs) - len(tail)]:
        return []
    salute_at = next((n for n, i in enumerate(tail) if SALUTE_RE.match(section[i].block.text)),
                     None)
    if salute_at is not None:
        tail = tail[salute_at:]
    elif len(tail) > 3:
        tail = tail[-3:]
    if len(tail) == len(paragraphs):
        return []
    first = tail[0]
    if any(item.kind == "page" for item in section[first:]):
        return []
    closer = []
    for n, i in enumerate(tail):
        kind = "salute" if n == 0 and salute_at is not None else "signed"
        closer.append(Item(kind, section[i].block))
    del section[first:]
    return closer
