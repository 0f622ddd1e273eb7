"""Editorial rules: the checks an editor needs beyond the schema.

Each rule has a stable id (used in messages, JSON output and docs/profile.md), a
severity, a message that names the fix, and the rule sets it belongs to: the generic
TEI set ("tei": ids, pointers, hands, dates, noncharacters) fits any TEI; the house
rules of teikit's profile and FRUS (page breaks numbered pg_N, notes d1fn1, one head
per document…) only fire on files validated under those rule sets. Rules read the
parsed tree, and for pointers into other files of the edition, those files' ids: never
the network.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml import etree

from .. import TEI_NS, XML_NS
from ..pointers import expand, prefix_defs
from .diagnostics import ERROR, INFO, WARNING, Diagnostic, Locator

T = "{" + TEI_NS + "}"
XML_ID = "{" + XML_NS + "}id"
NOT_DATES = {"app", "biblScope", "citedRange", "locus", "locusGrp", "span"}  # @from/@to: not dates
POINTER_ATTRS = ("target", "corresp", "hand", "new", "facs", "ana", "scribeRef", "rendition",
                 "who", "ref", "sameAs", "calendar", "change", "resp", "source")
SAFE_SCHEMES = ("http", "https", "mailto")
ROMAN_RE = re.compile(r"^(?=[ivxlcdm]+$)m{0,4}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$",
                      re.IGNORECASE)
ISO_RE = re.compile(r"^-?\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?)?)?)?$")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    summary: str
    check: Callable[[etree._ElementTree, Locator, dict], Iterator[tuple[etree._Element, str]]]
    profiles: tuple[str, ...] = ("teikit", "frus")


RULES: list[Rule] = []
GENERIC = ("tei", "teikit", "frus")  # rules that fit any TEI
HOUSE = ("teikit", "frus")  # teikit's and FRUS's conventions


def rule(rule_id: str, severity: str, summary: str, profiles: tuple[str, ...] = HOUSE):
    def register(fn):
        RULES.append(Rule(rule_id, severity, summary, fn, profiles))
        return fn
    return register


NS = {"t": TEI_NS}
DATE_ATTRS = ("when", "from", "to", "notBefore", "notAfter")


def local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def attributed(tree: etree._ElementTree) -> list[tuple[etree._Element, dict[str, str]]]:
    """Every element that has attributes, with them, in document order: one walk that the
    attribute rules share (one pass over a 5 MB volume, not one per rule)."""
    found = []
    for el in tree.iter(etree.Element):
        items = el.items()
        if items:
            found.append((el, dict(items)))
    return found


def having(ctx: dict, names: tuple[str, ...] | frozenset[str]
           ) -> Iterator[tuple[etree._Element, list[tuple[str, str]]]]:
    """Elements with any of these attributes, and those attributes (in the given order)."""
    for el, attrs in ctx["attributed"]:
        if not attrs.keys().isdisjoint(names):
            yield el, [(name, attrs[name]) for name in names if name in attrs]


NESTED_NOTES = etree.XPath("//t:note[ancestor::t:note]", namespaces=NS)
SCHEME_RE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")


def documents(tree: etree._ElementTree) -> list[etree._Element]:
    docs = tree.xpath("//t:div[@type='document']", namespaces=NS)
    if docs:
        return docs
    return tree.xpath("//t:text/t:body", namespaces=NS)[:1]


def ids(attributed: list[tuple[etree._Element, dict[str, str]]]) -> dict[str, etree._Element]:
    found: dict[str, etree._Element] = {}
    for el, attrs in attributed:
        value = attrs.get(XML_ID)
        if value is not None:
            found.setdefault(value, el)
    return found


# --- identity and pointers ---------------------------------------------------------

@rule("unique-id", ERROR, "every xml:id is unique in its file", GENERIC)
def _unique_ids(tree, loc, ctx):
    seen: dict[str, etree._Element] = {}
    for el, attrs in ctx["attributed"]:
        value = attrs.get(XML_ID)
        if value is None:
            continue
        if value in seen:
            first = seen[value]
            yield el, (f"xml:id {value!r} is already used on line {first.sourceline}; "
                       "give this element another id")
        else:
            seen[value] = el


@rule("pointer-resolves", ERROR, "every pointer (#id, file.xml#id, prefix:…) names an element "
      "that exists", GENERIC)
def _pointers(tree, loc, ctx):
    prefixes = ctx["prefixes"]
    for el, found in having(ctx, POINTER_ATTRS):
        for attr, values in found:
            for value in values.split():
                if prefixes and ":" in value:
                    value = expand(value, prefixes)
                if "#" not in value:
                    continue
                problem = ctx["resolve"](value)
                if problem is None:  # into a file that is not part of the edition
                    ctx["outside"].setdefault(value.partition("#")[0], el)
                elif problem:
                    yield el, f"@{attr}=\"{value}\" {problem}"


@rule("pointer-elsewhere", INFO, "pointers into files outside the edition are not checked",
      GENERIC)
def _pointers_elsewhere(tree, loc, ctx):
    for where, el in ctx["outside"].items():
        yield el, (f"pointers into {where}, which is not a file of this edition, were not "
                   "checked")


XPOINTER = re.compile(r"^(?P<scheme>[A-Za-z-]+)\((?P<args>.*)\)$", re.S)
PLAIN_ID = re.compile(r"^[^\s/(),]+$")


def resolver(known: set[str] | dict, edition=None, here: str = ""):
    """What is wrong with one pointer ('' if nothing): #id in this file, TEI's XPointer
    schemes (range, string-range, xpath…) by the ids they name, file.xml#id in that file
    when it is in the edition (None when it is not: not checked), a URL never."""
    def resolve(value: str) -> str | None:
        where, _, fragment = value.partition("#")
        if SCHEME_RE.match(value) or not fragment:
            return ""  # a URL (checked by no rule), or no fragment to check
        xp = XPOINTER.match(fragment)
        names = [fragment] if not xp else [a.strip() for a in xp.group("args").split(",")
                                           if PLAIN_ID.match(a.strip())] \
            if xp.group("scheme") in ("range", "string-range", "element") else []
        if xp and xp.group("scheme") == "string-range":
            names = names[:1]  # string-range(id, offset, length)
        if not where:
            missing = [n for n in names if n not in known]
            if missing:
                return (f"points to no element; add xml:id=\"{missing[0]}\" to the element "
                        "meant, or correct the pointer")
            return ""
        ids = edition.ids(here, where) if edition is not None else None
        if ids is None:
            return None
        missing = [n for n in names if n not in ids]
        if missing:
            return f"points into {where}, which has no xml:id=\"{missing[0]}\"; correct the pointer"
        return ""
    return resolve


@rule("hand-declared", ERROR, "every @hand and handShift/@new names a declared handNote "
      "(teikit and FRUS: every handShift has @new)", GENERIC)
def _hands(tree, loc, ctx):
    hands = {el.get(XML_ID) for el in tree.iter(T + "handNote") if el.get(XML_ID)}
    house = ctx["rules"] in HOUSE
    found = [(el, "hand", attrs["hand"]) for el, attrs in ctx["attributed"] if "hand" in attrs]
    for shift in tree.iter(T + "handShift"):
        if shift.get("new") is None:
            if house:  # TEI allows a handShift that only says @scribe or @medium
                found.append((shift, "", ""))
        else:
            found.append((shift, "new", shift.get("new")))
    for el, attr, value in found:
        if not attr:
            yield el, "handShift needs @new naming the hand that begins here"
        elif not house and not value.startswith("#"):
            continue  # a hand in another file or a register: not this file's to declare
        elif not value.startswith("#") or value[1:] not in hands:
            declared = ", ".join(sorted(hands)) or "none"
            yield el, (f"@{attr}=\"{value}\" is not a declared hand (declared: {declared});"
                       " add <handNote xml:id=\"…\"> to profileDesc/handNotes")


@rule("safe-link", ERROR, "link targets use http, https, mailto, #id or a relative path")
def _safe_links(tree, loc, ctx):
    for el, found in having(ctx, ("target", "url", "facs")):
        for attr, values in found:
            if ":" not in values:
                continue
            for value in values.split():
                m = SCHEME_RE.match(value)
                if m and m.group(1).lower() not in SAFE_SCHEMES:
                    yield el, (f"@{attr}=\"{value[:60]}\" uses the unsafe scheme "
                               f"{m.group(1)}:; use http(s), mailto, #id or a relative path")


# --- page images -------------------------------------------------------------------

def _facsimile(tree, loc, ctx):
    """The file's page images as toolkit.facsimile reads them (once for the rules below);
    None for a file without any."""
    if "facsimile" not in ctx:
        from ..facsimile import has_images, read_facsimile

        edition = ctx.get("edition")
        ctx["facsimile"] = read_facsimile(
            tree, loc.name, edition.root if edition is not None else "") \
            if has_images(tree) else None
    return ctx["facsimile"]


@rule("facs-target", WARNING, "@facs leads to a page image: a surface, zone or graphic, or an "
      "image address", GENERIC)
def _facs_target(tree, loc, ctx):
    found = _facsimile(tree, loc, ctx)
    for el, message in found.problems if found is not None else ():
        if "does not exist" not in message:
            yield el, message


@rule("facs-image", WARNING, "a local page image (graphic/@url, pb/@facs) exists", GENERIC)
def _facs_image(tree, loc, ctx):
    found = _facsimile(tree, loc, ctx)
    for el, message in found.problems if found is not None else ():
        if "does not exist" in message:
            yield el, message


@rule("zone-bounds", WARNING, "a zone lies within its surface (or its image)", GENERIC)
def _zone_bounds(tree, loc, ctx):
    found = _facsimile(tree, loc, ctx)
    for surface in found.surfaces.values() if found is not None else ():
        if not surface.width or not surface.height:
            continue
        for zone in surface.zones.values():
            if zone.x < 0 or zone.y < 0 or zone.x + zone.w > surface.width or \
                    zone.y + zone.h > surface.height:
                named = f"zone {zone.id!r}" if zone.element is not None and \
                    zone.element.get(XML_ID) else "this zone"
                yield zone.element, (
                    f"{named} ({zone.x},{zone.y} {zone.w}×{zone.h}) reaches outside "
                    f"its surface {surface.key!r} ({surface.width}×{surface.height}): check "
                    "its coordinates")


# --- page breaks -------------------------------------------------------------------

def _text_before(el: etree._Element) -> str:
    prev = el.getprevious()
    if prev is not None:
        return prev.tail or ""
    parent = el.getparent()
    return (parent.text or "") if parent is not None else ""


def _is_first(el: etree._Element) -> bool:
    return el.getprevious() is None and not (el.getparent().text or "").strip()


def _is_last(el: etree._Element) -> bool:
    return el.getnext() is None and not (el.tail or "").strip()


@rule("pb-empty", ERROR, "pb is empty")
def _pb_empty(tree, loc, ctx):
    for pb in tree.iter(T + "pb"):
        if len(pb) or (pb.text or "").strip():
            yield pb, "pb must be empty; move its content after the page break"


@rule("pb-n", ERROR, "pb has @n, the page number as printed")
def _pb_n(tree, loc, ctx):
    for pb in tree.iter(T + "pb"):
        if not (pb.get("n") or "").strip():
            yield pb, "pb has no @n; give the page number as printed, e.g. n=\"728\""


@rule("pb-position", ERROR, "pb is neither the first nor the last node of its parent")
def _pb_position(tree, loc, ctx):
    for pb in tree.iter(T + "pb"):
        parent = pb.getparent()
        if parent is None or local(parent) in ("body", "front", "back"):
            continue
        if _is_first(pb):
            yield pb, (f"pb is the first node of <{local(parent)}>; move it before "
                       f"the <{local(parent)}>")
        elif _is_last(pb):
            yield pb, (f"pb is the last node of <{local(parent)}>; move it after "
                       f"the <{local(parent)}>")


@rule("pb-id", ERROR, "pb/@xml:id is pg_ followed by @n")
def _pb_id(tree, loc, ctx):
    for pb in tree.iter(T + "pb"):
        n, value = pb.get("n"), pb.get(XML_ID)
        if n and value is not None and value != f"pg_{n}":
            yield pb, f"pb xml:id is {value!r}; FRUS convention is 'pg_{n}' for page {n}"


def _page_value(n: str) -> tuple[int, int] | None:
    if n.isdigit():
        return (1, int(n))
    if ROMAN_RE.match(n):
        return (0, _roman(n))
    return None


def _roman(s: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    total = 0
    s = s.lower()
    for i, ch in enumerate(s):
        v = values[ch]
        total += -v if i + 1 < len(s) and values[s[i + 1]] > v else v
    return total


@rule("pb-sequence", ERROR, "page numbers increase within a document (roman, then arabic)")
def _pb_sequence(tree, loc, ctx):
    for doc in ctx["documents"]:
        last: tuple[tuple[int, int], str] | None = None
        for pb in doc.iter(T + "pb"):
            n = (pb.get("n") or "").strip()
            value = _page_value(n)
            if value is None:
                continue
            if last and value <= last[0]:
                yield pb, (f"page {n} comes after page {last[1]}; page numbers must increase "
                           "(check @n against the printed page)")
            last = (value, n)


@rule("facs-sequence", WARNING, "page images (pb/@facs) run in order within a document")
def _facs_sequence(tree, loc, ctx):
    for doc in ctx["documents"]:
        last: tuple[int, str] | None = None
        for pb in doc.iter(T + "pb"):
            digits = re.findall(r"\d+", pb.get("facs") or "")
            if not digits:
                continue
            value = int(digits[-1])
            if last and value <= last[0]:
                yield pb, (f"page image {pb.get('facs')!r} comes after {last[1]!r}; check "
                           "that the images match the pages")
            last = (value, pb.get("facs"))


# --- notes -------------------------------------------------------------------------

def _notes(doc: etree._Element, nested: set[etree._Element]) -> list[etree._Element]:
    return [n for n in doc.iter(T + "note") if n not in nested]


@rule("note-nested", ERROR, "a note does not contain another note")
def _note_nested(tree, loc, ctx):
    for note in ctx["nested-notes"]:
        if note.get("place") == "inline" or note.get("rend") == "inline":
            continue
        yield note, "a note inside a note; move it out, or mark it place=\"inline\""


@rule("note-sequence", WARNING, "note numbers (@n) run 1, 2, 3… within a document")
def _note_sequence(tree, loc, ctx):
    for doc in ctx["documents"]:
        previous = 0
        for note in _notes(doc, ctx["nested-notes"]):
            n = (note.get("n") or "").strip()
            if not n.isdigit() or int(n) == 0:
                continue
            if int(n) != previous + 1:
                yield note, (f"this is note {n}, but the previous note is "
                             f"{previous or 'none'}; renumber to {previous + 1}")
            previous = int(n)


@rule("note-id", ERROR, "a note's xml:id is its document's xml:id + 'fn' + its @n")
def _note_id(tree, loc, ctx):
    for doc in ctx["documents"]:
        doc_id = doc.get(XML_ID)
        if not doc_id:
            continue
        for note in _notes(doc, ctx["nested-notes"]):
            value = note.get(XML_ID)
            if value is None:
                continue
            n = (note.get("n") or "").strip()
            want = f"{doc_id}fn{n}" if n else f"{doc_id}fn…"
            if (n and value != want) or not value.startswith(doc_id + "fn"):
                yield note, f"note xml:id is {value!r}; for note {n or '?'} it must be {want!r}"


@rule("note-space-before", ERROR, "no white space before a note mark")
def _note_space(tree, loc, ctx):
    for note in tree.iter(T + "note"):
        prev = note.getprevious()
        if prev is not None and local(prev) == "note":
            continue
        before = _text_before(note)
        if before and before[-1].isspace() and before.strip():
            yield note, "white space before the note mark; attach the note to the word before it"


# --- dates -------------------------------------------------------------------------

@rule("date-format", ERROR, "date attributes are ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, dateTime)",
      GENERIC)
def _date_format(tree, loc, ctx):
    for el, found in having(ctx, DATE_ATTRS):
        if local(el) in NOT_DATES:
            continue
        for attr, value in found:
            if not ISO_RE.match(value):
                yield el, f"@{attr}=\"{value}\" is not an ISO date; write e.g. 1952-12-19"


@rule("date-range", ERROR, "@from has @to, @notBefore has @notAfter, and the range runs forward",
      GENERIC)
def _date_range(tree, loc, ctx):
    for el, _ in having(ctx, DATE_ATTRS[1:]):
        if local(el) in NOT_DATES:
            continue
        for a, b in (("from", "to"), ("notBefore", "notAfter")):
            lo, hi = el.get(a), el.get(b)
            if lo is not None and hi is None:
                yield el, f"@{a} without @{b}; add @{b} to close the range"
            elif hi is not None and lo is None:
                yield el, f"@{b} without @{a}; add @{a} to open the range"
            elif lo and hi and ISO_RE.match(lo) and ISO_RE.match(hi) and lo[:len(hi)] > hi:
                yield el, f"@{a}=\"{lo}\" is after @{b}=\"{hi}\"; swap or correct them"


@rule("date-zulu", WARNING, "no military time-zone letter Z in dates (FRUS convention)")
def _date_zulu(tree, loc, ctx):
    for el, found in having(ctx, DATE_ATTRS):
        for attr, value in found:
            if value.endswith("Z") and "T" in value:
                yield el, f"@{attr}=\"{value}\" ends in Z; write +00:00 instead"


# --- documents ---------------------------------------------------------------------

@rule("doc-head", ERROR, "every document div has exactly one non-empty head")
def _doc_head(tree, loc, ctx):
    for doc in tree.iter(T + "div"):
        if doc.get("type") != "document":
            continue
        heads = doc.findall(T + "head")
        if not heads:
            yield doc, "this document has no <head>; give it a heading"
        elif len(heads) > 1:
            yield heads[1], "a document has one <head>; merge or remove the others"
        elif not "".join(heads[0].itertext()).strip():
            yield heads[0], "the heading is empty; write the document's heading"


@rule("doc-id", ERROR, "every document div has an xml:id")
def _doc_id(tree, loc, ctx):
    for doc in tree.iter(T + "div"):
        if doc.get("type") == "document" and not doc.get(XML_ID):
            yield doc, "this document div has no xml:id; add one, e.g. xml:id=\"d1\""


def _historical(tree: etree._ElementTree) -> Iterator[etree._Element]:
    return (d for d in tree.iter(T + "div") if d.get("subtype") == "historical-document")


@rule("source-note", ERROR, "a historical document has a source note (profile frus)",
      profiles=("frus",))
def _source_note(tree, loc, ctx):
    for doc in _historical(tree):
        if not doc.xpath(".//t:note[@type='source']", namespaces={"t": TEI_NS}):
            yield doc, ("no source note; add <note type=\"source\">Source: …</note> to the "
                        "heading")


@rule("dateline-date", ERROR, "a historical document has a dateline with a date (profile frus)",
      profiles=("frus",))
def _dateline_date(tree, loc, ctx):
    for doc in _historical(tree):
        if not doc.xpath(".//t:dateline//t:date", namespaces={"t": TEI_NS}):
            yield doc, "no dateline with a <date>; add one (write 'undated' inside <date> if so)"


@rule("not-empty", WARNING, "p, head, persName, placeName, seg and item are not empty")
def _not_empty(tree, loc, ctx):
    for el in tree.iter(*(T + n for n in ("p", "head", "persName", "placeName", "seg", "item"))):
        if not len(el) and not (el.text or "").strip():
            yield el, f"empty <{local(el)}>; delete it or give it its text"


@rule("hi-rend", WARNING, "hi says how the text is highlighted (@rend or @rendition)")
def _hi_rend(tree, loc, ctx):
    for el in tree.iter(T + "hi"):
        if not el.get("rend") and not el.get("rendition"):
            yield el, "hi without @rend; say how it looks, e.g. rend=\"italic\""


# U+FDD0–U+FDEF and the last two code points of every plane: reserved for programs' own
# use (teikit's text output uses some as markers), never text.
NONCHARACTERS = "".join(map(chr, range(0xFDD0, 0xFDF0))) + "".join(
    chr(plane * 0x10000 + last) for plane in range(1, 17) for last in (0xFFFE, 0xFFFF))
NONCHARACTER_RE = re.compile(f"[{NONCHARACTERS}]")


def has_noncharacter(text: str) -> bool:
    """On a whole file, a search per character is ~3x faster than a character class
    (and a text without astral characters answers for those at once)."""
    return any(ch in text for ch in NONCHARACTERS)


def noncharacters(tree: etree._ElementTree | etree._Element
                  ) -> Iterator[tuple[etree._Element, str]]:
    """Each element whose text, tail or attributes hold a noncharacter, and the first one."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    for el in root.iter(etree.Element):
        for value in (el.text, el.tail, *el.attrib.values()):
            found = NONCHARACTER_RE.search(value or "")
            if found:
                yield el, found.group()
                break


def noncharacter_message(char: str, why: str) -> str:
    return (f"U+{ord(char):04X} is a Unicode noncharacter, {why}; it is never text: delete "
            "it or write the character meant")


@rule("noncharacter", ERROR, "no Unicode noncharacters (U+FDD0–U+FDEF, U+nFFFE, U+nFFFF)",
      GENERIC)
def _noncharacters(tree, loc, ctx):
    if has_noncharacter(loc.source):
        for el, char in noncharacters(tree):
            yield el, noncharacter_message(char, "reserved for programs' internal use")


def run_rules(tree: etree._ElementTree, loc: Locator, profile: str = "teikit", edition=None
              ) -> list[Diagnostic]:
    """The rules of one rule set ("tei", "teikit" or "frus") over a parsed file; `edition`
    (see toolkit.validate.edition) answers for pointers into other files."""
    found = attributed(tree)
    known = ids(found)
    ctx = {"attributed": found, "ids": known, "documents": documents(tree),
           "nested-notes": set(NESTED_NOTES(tree)), "rules": profile,
           "prefixes": prefix_defs(tree), "resolve": resolver(known, edition, loc.name),
           "outside": {}, "edition": edition}
    out: list[Diagnostic] = []
    for r in RULES:
        if profile not in r.profiles:
            continue
        # on TEI that another project wrote, the schema decides validity (as jing does);
        # the generic rules advise: a dangling pointer there may be the project's own way
        severity = WARNING if profile == "tei" and r.severity == ERROR else r.severity
        for el, message in r.check(tree, loc, ctx):
            out.append(loc.at(el, severity, r.id, message))
    return out
