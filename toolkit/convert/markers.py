"""Finding note markers in running text.

FRUS web text prints a note marker as bare digits glued to the word before it
(`lines.2`, `(Young)1`, `”3`, `State 1` at the end of a heading). Numbers in
the text (`34,000`, `Resolution 610`, `Deptel 402.`) look alike, so markers are
found by their sequence: with N notes in the notes list we look for 1..N in
reading order, preferring an explicit `[^k]`, then a digit glued to a letter or
to punctuation, then a digit glued to punctuation after another number
(`402.2`). Two equally good candidates are an error, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import TeikitError
from .inline import Block, Explicit, NoteRef, Text, walk

PUNCT_BEFORE = set(".,;:)]\"'”’»?!")
FOLLOW_OK = set(".,;:)]\"'”’»?!—–-/")
DIGITS_RE = re.compile(r"\d+")
EXPLICIT, STRONG, WEAK = 3, 2, 1
LEVEL_NAMES = {EXPLICIT: "explicit", STRONG: "attached", WEAK: "after a number"}


@dataclass
class Candidate:
    k: int
    level: int
    order: int
    block: Block
    node: object
    offset: int  # within block text
    length: int
    trim_space: bool = False  # heading-final " 1": the space is layout

    def where(self) -> str:
        line, col = self.block.where(self.offset)
        return f"{line}:{col}"


def _candidates(blocks: list[tuple[Block, bool]]) -> list[Candidate]:
    found: list[Candidate] = []
    order = 0
    for block, is_heading in blocks:
        texts = [n for n, _ in walk(block.nodes)]
        last_text = next((n for n in reversed(texts) if isinstance(n, Text)), None)
        for node in texts:
            if isinstance(node, Explicit):
                found.append(Candidate(node.k, EXPLICIT, order, block, node, node.start, 0))
                order += 1
            elif isinstance(node, Text) and not node.literal:
                s = node.s
                for m in DIGITS_RE.finditer(s):
                    a, b = m.start(), m.end()
                    nxt = s[b] if b < len(s) else ""
                    if nxt and not (nxt.isspace() or nxt in FOLLOW_OK):
                        continue
                    prev = s[a - 1] if a else ""
                    level = 0
                    trim = False
                    if prev.isalpha():
                        level = STRONG
                    elif prev in PUNCT_BEFORE:
                        before = s[a - 2] if a >= 2 else ""
                        level = WEAK if before.isdigit() else STRONG
                    elif prev == " " and is_heading and node is last_text and b == len(s):
                        level, trim = STRONG, True
                    if level:
                        found.append(Candidate(int(m.group()), level, order, block, node,
                                               node.start + a, b - a, trim))
                        order += 1
    return found


def place_markers(blocks: list[tuple[Block, bool]], count: int, notes_at: list[tuple[int, int]],
                  name: str) -> None:
    """Replace the chosen marker digits by NoteRef nodes, or raise TeikitError."""
    cands = _candidates(blocks)
    explicit = [c for c in cands if c.level == EXPLICIT]
    for c in explicit:
        if c.k < 1 or c.k > count:
            line, col = c.block.where(c.offset)
            have = f"only {count} notes" if count else "no notes list"
            raise TeikitError(f"note marker [^{c.k}] has no note {c.k}: the text has {have}",
                              name, line, col)
    by_k: dict[int, list[Candidate]] = {}
    for c in cands:
        by_k.setdefault(c.k, []).append(c)

    latest: dict[int, float] = {count + 1: float("inf")}
    for k in range(count, 0, -1):
        options = [c.order for c in by_k.get(k, []) if c.order < latest[k + 1]]
        if not options:
            line, col = notes_at[k - 1]
            later = [c for c in by_k.get(k, []) if c.level >= STRONG]
            if later and k < count:
                nxt = _pick_hint(by_k, k + 1, latest[k + 1])
                raise TeikitError(
                    f"note marker {k} at {later[0].where()} comes after marker {k + 1}"
                    f"{' at ' + nxt if nxt else ''}; markers must run 1, 2, 3… in reading order",
                    name, line, col)
            raise TeikitError(
                f"note {k} has no marker in the text; put {k} right after the word it "
                f"annotates, or write [^{k}] there", name, line, col)
        latest[k] = max(options)

    chosen: list[Candidate] = []
    prev = -1
    for k in range(1, count + 1):
        window = [c for c in by_k.get(k, []) if prev < c.order <= latest[k]]
        best = max(c.level for c in window)
        top = [c for c in window if c.level == best]
        if len(top) > 1:
            places = " and ".join(c.where() for c in top[:3])
            line, col = top[0].block.where(top[0].offset)
            if best == EXPLICIT:
                raise TeikitError(f"note marker [^{k}] appears twice (at {places})", name,
                                  line, col)
            raise TeikitError(
                f"cannot tell which {k} is the marker of note {k}: {places}; "
                f"write the marker as [^{k}]", name, line, col)
        chosen.append(top[0])
        prev = top[0].order

    for c in explicit:
        if c not in chosen:
            line, col = c.block.where(c.offset)
            raise TeikitError(f"note marker [^{c.k}] is out of sequence", name, line, col)
    stray = [c for c in by_k.get(count + 1, []) if c.level >= STRONG and c.order > prev]
    if stray:
        line, col = stray[0].block.where(stray[0].offset)
        raise TeikitError(
            f"note marker {count + 1} has no note {count + 1} in the notes list; add the note, "
            f"or escape the digits as \\{count + 1} if they are text", name, line, col)
    for c in reversed(chosen):  # from the end, so earlier offsets stay valid
        _insert(c)


def _pick_hint(by_k: dict[int, list[Candidate]], k: int, limit: float) -> str:
    opts = [c for c in by_k.get(k, []) if c.order < limit]
    return opts[-1].where() if opts else ""


def _insert(c: Candidate) -> None:
    for node, siblings in walk(c.block.nodes):
        if node is c.node:
            index = next(i for i, n in enumerate(siblings) if n is node)
            if isinstance(node, Explicit):
                siblings[index] = NoteRef(c.k)
                return
            rel = c.offset - node.start
            before, after = node.s[:rel], node.s[rel + c.length:]
            if c.trim_space and before.endswith(" "):
                before = before[:-1]
            node.s = before  # the node keeps its identity for earlier candidates
            repl: list = [NoteRef(c.k)]
            if after:
                repl.append(Text(after, c.offset + c.length))
            siblings[index + 1:index + 1] = repl
            return
    raise AssertionError("marker candidate vanished")  # pragma: no cover
