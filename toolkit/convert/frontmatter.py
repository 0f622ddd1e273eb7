"""The optional front-matter block of a memo text: header fields and hands.

Editors write header facts once, at the top of the text, between two `---`
lines, as `field: value` lines, so that a converted document has a complete
teiHeader without anyone touching XML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import TeikitError

FIELDS = {
    "id": "xml:id of the document div (and of note ids: {id}fn{n}); default d1",
    "n": "the document number in its volume; default: the digits of id",
    "title": "the title in the header; default: the heading without its notes",
    "date": "ISO date of the document (YYYY, YYYY-MM or YYYY-MM-DD); default: from the dateline",
    "source": "the printed source, e.g. a FRUS volume",
    "page": "the page (or range) of the source",
    "editor": "who encoded or edited the document (repeatable)",
    "publisher": "the publication statement of the edition",
    "language": "ISO 639 code of the text; default en",
    "hand": "a hand: `id | person | medium` (repeatable), e.g. `h2 | Dean Acheson | pencil`",
    "facs": "page-image name pattern with {n}, e.g. `frus1952-54v15p1/{n}`",
    "layout": "`lines` (one paragraph a line, default) or `wrapped` (blank line between paragraphs)",
}

ID_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class Hand:
    id: str
    person: str
    medium: str = ""
    line: int = 0


@dataclass
class FrontMatter:
    fields: dict[str, str] = field(default_factory=dict)
    editors: list[str] = field(default_factory=list)
    hands: list[Hand] = field(default_factory=list)
    lines_used: int = 0
    field_lines: dict[str, int] = field(default_factory=dict)
    # Word input only: tracked-change revisions (id, ISO when, hand id) and file creation
    revisions: list[tuple[str, str, str]] = field(default_factory=list)

    def get(self, key: str, default: str = "") -> str:
        return self.fields.get(key, default)

    @property
    def hand_ids(self) -> set[str]:
        return {h.id for h in self.hands}


def split_front_matter(lines: list[str], name: str) -> FrontMatter:
    """Parse a leading `---` block; return an empty FrontMatter when there is none."""
    fm = FrontMatter()
    if not lines or lines[0].strip() != "---":
        return fm
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            for number, raw in enumerate(lines[1:index], start=2):
                _parse_field(fm, raw, number, name)
            fm.lines_used = index + 1
            _check(fm, name)
            return fm
    raise TeikitError("front matter opened with '---' is never closed; add a '---' line", name, 1, 1)


def _parse_field(fm: FrontMatter, raw: str, line: int, name: str) -> None:
    if not raw.strip() or raw.lstrip().startswith("#"):
        return
    key, sep, value = raw.partition(":")
    key, value = key.strip().lower(), value.strip()
    if not sep or not key:
        raise TeikitError(f"front-matter line is not 'field: value': {raw.strip()!r}", name, line, 1)
    if key not in FIELDS:
        known = ", ".join(sorted(FIELDS))
        raise TeikitError(f"unknown front-matter field {key!r}; known fields: {known}", name, line, 1)
    if not value:
        raise TeikitError(f"front-matter field {key!r} is empty; give a value or delete it",
                          name, line, len(key) + 2)
    if key == "hand":
        parts = [p.strip() for p in value.split("|")]
        if len(parts) > 3 or not parts[0] or len(parts) < 2 or not parts[1]:
            raise TeikitError("hand must be 'id | person | medium' (medium optional), "
                              f"got {value!r}", name, line, 1)
        if not ID_RE.match(parts[0]):
            raise TeikitError(f"hand id {parts[0]!r} must start with a letter and hold only "
                              "letters, digits, '_', '.' or '-'", name, line, 1)
        if parts[0] in fm.hand_ids:
            raise TeikitError(f"hand {parts[0]!r} is declared twice", name, line, 1)
        fm.hands.append(Hand(parts[0], parts[1], parts[2] if len(parts) == 3 else "", line))
    elif key == "editor":
        fm.editors.append(value)
    else:
        if key in fm.fields:
            raise TeikitError(f"front-matter field {key!r} is given twice", name, line, 1)
        fm.fields[key] = value
        fm.field_lines[key] = line


def _check(fm: FrontMatter, name: str) -> None:
    at = fm.field_lines
    if "id" in fm.fields and not ID_RE.match(fm.fields["id"]):
        raise TeikitError(f"id {fm.fields['id']!r} must start with a letter and hold only "
                          "letters, digits, '_', '.' or '-'", name, at["id"], 1)
    if "date" in fm.fields and not DATE_RE.match(fm.fields["date"]):
        raise TeikitError(f"date {fm.fields['date']!r} must be YYYY, YYYY-MM or YYYY-MM-DD",
                          name, at["date"], 1)
    if fm.fields.get("layout", "lines") not in ("lines", "wrapped"):
        raise TeikitError("layout must be 'lines' or 'wrapped'", name, at.get("layout", 1), 1)
