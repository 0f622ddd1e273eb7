"""Word accounting: does a rendered page hold every word of its source's transcription?

A renderer that meets an element it does not know must still keep its text; this module
is how teikit proves it, and how a page that lost words becomes an error instead of an
exit 0. The rule (docs/rendering.md):

- the transcription is the document's `<text>` (and a `<sourceDoc>`, a `<standOff>`, the
  zones of a `<facsimile>`), notes included, the header excluded; a file whose root is not
  TEI (an included page) is all transcription;
- every text node of it must appear, whole, in the output: its letters and digits in the
  same order, whatever punctuation, spacing, markup or escapes the output puts between them
  (the output may have more: labels, metadata, page numbers);
- of a `choice`, the reading shown counts (`corr`, `reg`, `expan`, else the first; in the
  diplomatic view `sic`, `orig`, `abbr`); the other is reachable (HTML: on hover and by the
  page's switch; text: the source format keeps both);
- of a critical apparatus (`app`), the critical text holds the lemma and the apparatus every
  other reading, note and witness detail (gathered after the text, like notes); a witness
  view (`witness`) holds what that witness reads in each unit: the reading whose `@wit`
  names it (or a group, `listWit`, it belongs to), else the lemma, and no apparatus;
- a reading text (`--reading`) leaves deletions out, so their text is not asked for;
- a PDF is read back with pdftotext, whose reading order puts running heads and margin
  notes between the lines of a page: there each word (run of letters and digits) must
  appear, rather than each whole text node — whole, or broken where one line ends and
  another begins (a word hyphenated at the foot of a page resumes after the next page's
  running head), or with a letter that carries marks given twice, as pdftotext does at times
  ("rüͤüͤſteten"). A character no shipped font draws is printed as its code, `[U+XXXX]`
  (typeset.stand_ins), which counts as that character. In right-to-left scripts (Arabic,
  Syriac, Hebrew…) pdftotext reorders the letters of ligatures (لا, لإ: one glyph each;
  "والالم" comes out "وااللم"), repeats letters that carry marks ("وقدّسها": "وقددسها") and
  cuts some words in two or runs two together, so there a word counts when a word of the
  PDF, or two that follow each other, hold all its letters. (The page tree a build checks
  before Typst lays it out is held to the exact rule.)
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from lxml import etree

from .. import TEI_NS

T = "{" + TEI_NS + "}"
NOT_WORD = re.compile(r"[\W_]+")
PARTS = (T + "text", T + "sourceDoc", T + "standOff")
DOUBLED = re.compile(r"(.)\1+")
STAND_IN = re.compile(r"\[U\+([0-9A-F]{4,6})\]")
RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")  # Hebrew … Arabic forms
SHOWN = ("corr", "reg", "expan")
DIPLOMATIC = ("sic", "orig", "abbr")
READINGS = (T + "lem", T + "rdg")
GATHERED = (T + "note", T + "witDetail")  # an app's own notes and details: in its entry
TEXT, NOTE, APPARATUS = "text", "note", "apparatus"  # where outputs put a piece

def squash(text: str) -> str:
    """Letters and digits only, without their marks (ü, u + ̈ and u all count as u: an
    output may compose what the source wrote apart, or a hand's added accent with the letter
    before it), case folded: what no renderer may lose. (Folded, not lower
    case: a Greek word's final sigma lowers to ς alone but to σ when the next word runs on
    after it, as it does once spaces are squashed; folding makes both σ.)"""
    return NOT_WORD.sub("", unicodedata.normalize("NFD", text)).casefold()


def transcription(tree: etree._ElementTree | etree._Element) -> list[etree._Element]:
    """The parts of a file that hold its transcription."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    if root.tag not in (T + "TEI", T + "teiCorpus"):
        return [root]
    found = [el for el in root.iter(*PARTS)
             if not any(a.tag in PARTS for a in el.iterancestors())]
    found += [f for f in root.iter(T + "facsimile") if next(f.iter(T + "line"), None) is not None]
    return found


@dataclass(frozen=True)
class View:
    """What a rendering shows: a reading text (deletions dropped), one witness's text, the
    diplomatic forms of choices (see the module's rule)."""

    reading: bool = False
    witness: str = ""
    diplomatic: bool = False


DEFAULT = View()


def pieces(parts: list[etree._Element], reading: bool = False, split: bool = False,
           view: View | None = None) -> list[tuple]:
    """Each text node of the transcription that has letters or digits: (its squashed
    text, or with split its words, the element it belongs to, where outputs put it)."""
    view = view or View(reading=reading)
    out: list[tuple] = []
    groups = _witness_groups(parts[0]) if parts and view.witness else {}
    method = _method(parts[0].getroottree().getroot()) if parts else ""
    for part in parts:
        _Walk(out, view, split, groups, method).element(part, TEXT)
    return out


class _Walk:
    def __init__(self, out: list, view: View, split: bool, groups: dict[str, set[str]],
                 method: str):
        self.out, self.view, self.split, self.groups = out, view, split, groups
        self.method = method  # the file's variantEncoding, looked up once

    def add(self, text: str | None, el: etree._Element, where: str) -> None:
        if text and squash(text):
            self.out.append((_words(text) if self.split else squash(text), el, where))

    def element(self, el: etree._Element, where: str) -> None:
        if not isinstance(el.tag, str) or el.tag == T + "teiHeader" and \
                el.getparent() is not None and el.getparent().tag in (T + "TEI", T + "teiCorpus"):
            return
        if self.view.reading and el.tag == T + "del":
            return
        if el.tag == T + "choice":
            kids = [c for c in el if isinstance(c.tag, str)]
            names = DIPLOMATIC if self.view.diplomatic else SHOWN
            shown = next((c for name in names for c in kids if c.tag == T + name),
                         kids[0] if kids else None)
            if shown is not None:
                self.element(shown, where)
            self.loose(el, where)
            return
        if el.tag == T + "app":
            self.app(el, where)
            return
        if el.tag == T + "note" and where == TEXT:
            where = NOTE
        self.add(el.text, el, where)
        for child in el:
            self.element(child, where)
            self.add(child.tail, el, where)

    def app(self, app: etree._Element, where: str) -> None:
        """The shown reading where the unit stands; in the critical text the others, and
        the unit's notes and details, in the apparatus. A unit apart from its text (see
        apart): all of it in the apparatus, in every view."""
        self.loose(app, where)
        readings = app_readings(app)
        lemma = app_lemma(app, readings)
        if apart(app, self.method):
            for child in app.iter(*READINGS, *GATHERED):
                if _owner(child) is app:
                    self.element(child, APPARATUS)
            return
        if self.view.witness:
            shown = next((r for r in readings if self.view.witness in self._wits(r)), lemma)
            if shown is not None:
                self.element(shown, where)
            return
        for child in app.iter(*READINGS, *GATHERED):
            if _owner(child) is app:
                self.element(child, where if child is lemma else APPARATUS)

    def loose(self, el: etree._Element, where: str) -> None:
        """Words standing in a choice or a unit outside its readings (outputs keep them)."""
        self.add(el.text, el, where)
        for child in el:
            if child.tag not in (*READINGS, *GATHERED, T + "rdgGrp", T + "sic", T + "corr",
                                 T + "orig", T + "reg", T + "abbr", T + "expan") \
                    and el.tag == T + "app":
                self.element(child, where)
            self.add(child.tail, el, where)

    def _wits(self, rdg: etree._Element) -> set[str]:
        ids = {w.lstrip("#") for w in (rdg.get("wit") or "").split()}
        return ids | {m for w in ids for m in self.groups.get(w, ())}


def apart(app: etree._Element, method: str | None = None) -> bool:
    """Is a unit kept apart from the text it describes (location-referenced or
    double-end-point: @from, a listApp, or the header's variantEncoding)? As
    apparatus.xsl's tk:apart."""
    if app.get("from") is not None or next(app.iterancestors(T + "listApp"), None) is not None:
        return True
    if method is None:
        method = _method(app.getroottree().getroot())
    return method in ("location-referenced", "double-end-point")


def _method(root: etree._Element) -> str:
    """The file's variantEncoding method (in its header: not the whole tree searched)."""
    header = next((c for c in root if c.tag == T + "teiHeader"), None)
    found = next(header.iter(T + "variantEncoding"), None) if header is not None else None
    return (found.get("method") or "") if found is not None else ""


def app_readings(app: etree._Element) -> list[etree._Element]:
    """The readings of a unit (in rdgGrp too), not those of units nested in them: as
    apparatus.xsl's tk:readings."""
    return [r for r in app.iter(*READINGS) if _owner(r) is app]


def app_lemma(app: etree._Element, readings: list[etree._Element]) -> etree._Element | None:
    """The reading the critical text shows: as apparatus.xsl's tk:lemma."""
    def designated(r: etree._Element) -> bool:
        marks = (r.get("type") or "").split() + [a.lstrip("#") for a in (r.get("ana") or "").split()]
        return bool({"lemma", "base"} & set(marks))
    for found in (r for pick in (lambda r: r.tag == T + "lem", designated, lambda r: True)
                  for r in readings if pick(r)):
        return found
    return None


def _owner(el: etree._Element) -> etree._Element | None:
    """The unit a reading is a reading of, or whose entry a note or detail belongs to (one
    in no reading of it): as apparatus.xsl's tk:of-app."""
    if el.tag in READINGS:
        return next(el.iterancestors(T + "app"), None)
    up = next(el.iterancestors(T + "app", *READINGS), None)
    return up if up is not None and up.tag == T + "app" else None


def cited_witnesses(tree: etree._ElementTree) -> list[str]:
    """The witnesses a file's readings cite (a group as its members), declared ones in the
    order of its list of witnesses: the witness views it has (as tk:cited-witnesses)."""
    root = tree.getroot()
    groups = _witness_groups(root)
    cited: dict[str, None] = {}
    for r in root.iter(*READINGS):
        for w in (r.get("wit") or "").split():
            w = w.lstrip("#")
            cited.update(dict.fromkeys([w, *sorted(groups.get(w, ()))]))
    declared = [w.get(XML_ID) for w in root.iter(T + "witness") if w.get(XML_ID) in cited]
    return declared + [w for w in cited if w not in declared and w not in groups]


def _witness_groups(el: etree._Element) -> dict[str, set[str]]:
    """Each witness group (listWit with an id) and the witnesses in it."""
    root = el.getroottree().getroot()
    return {g.get(XML_ID): {w.get(XML_ID) for w in g.iter(T + "witness") if w.get(XML_ID)}
            for g in root.iter(T + "listWit") if g.get(XML_ID)}


XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _words(text: str) -> list[str]:
    """The words of a text; a combining mark (a vowel sign, a tanween) is dropped, not taken
    for a space: pdftotext may give it in the middle of a word ("جاهًال" for "جاهلاً")."""
    text = _marks().sub("", unicodedata.normalize("NFD", text))
    return [w for w in NOT_WORD.split(text.casefold()) if w]


@cache
def _marks() -> re.Pattern:
    """Nonspacing marks (Unicode category Mn) of the Basic Multilingual Plane."""
    return re.compile("[" + "".join(re.escape(chr(c)) for c in range(0x300, 0x10000)
                                    if unicodedata.category(chr(c)) == "Mn") + "]")


def output_stream(kind: str, output: str) -> str:
    """The output's letters and digits, in order (HTML: what a reader sees in the body)."""
    if kind == "html":
        output = re.sub(r"(?is)<head\b.*?</head>", "", output)
        output = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", output)
        output = html.unescape(C1_REFERENCE.sub(_c1, re.sub(r"<[^>]*>", "", output)))
    return squash(output)


# A C1 control character (U+0080–U+009F) in the source (mojibake: "c\x9cur" for "cœur") is
# written by the serializer as a character reference, which HTML's unescape reads as the
# Windows-1252 letter (œ), a letter the source does not have: read it as the code point it names.
C1_REFERENCE = re.compile(r"&#(?:(1[2-5][0-9])|[xX]0*([89][0-9a-fA-F]));")


def _c1(ref: re.Match) -> str:
    code = int(ref.group(1)) if ref.group(1) else int(ref.group(2), 16)
    return chr(code) if 0x80 <= code <= 0x9F else ref.group(0)


def missing(parts: list[etree._Element], kind: str, output: str, reading: bool = False,
            view: View | None = None) -> list[tuple[str, etree._Element]]:
    """The pieces of the transcription the output lacks, in source order (kind: html,
    text, or pdf for the text pdftotext reads out of a PDF)."""
    view = view or View(reading=reading)
    if kind == "pdf":
        return _missing_in_pdf(parts, output, view)
    stream = output_stream(kind, output)
    # Outputs keep the source's order (running text in order, and notes and the apparatus
    # in order where they are gathered), so each piece is looked for after the one before
    # it: a search from the start for every piece would grow with the square of a
    # volume's size.
    at = {TEXT: 0, NOTE: 0, APPARATUS: 0}  # where the last piece of each kind ended
    lost = []
    for text, el, note in pieces(parts, view=view):
        found = stream.find(text, at[note])
        if found < 0:
            found = stream.find(text)  # out of order (the check for order is apart)
            if found < 0:
                lost.append((text, el))
                continue
        at[note] = found + len(text)
    return lost


def _missing_in_pdf(parts: list[etree._Element], output: str, view: View
                    ) -> list[tuple[str, etree._Element]]:
    """The words of the transcription that pdftotext's text of a PDF lacks (see above)."""
    output = STAND_IN.sub(_stood_in, output)
    stream = output_stream("pdf", output)
    lost = [(word, el) for words, el, _ in pieces(parts, split=True, view=view)
            for word in words if word not in stream]
    if lost:  # a letter with marks pdftotext gives twice ("rüͤüͤſteten", "ст꙯т꙯ааго")
        once = DOUBLED.sub(r"\1", stream)
        lost = [(word, el) for word, el in lost if DOUBLED.sub(r"\1", word) not in once]
    if lost:
        ends, starts = _line_edges(output)
        lost = [(word, el) for word, el in lost if not _broken(word, ends, starts)]
    if any(RTL.search(word) for word, _ in lost):
        words = _words(output)  # a word, or two it was cut into (at a line's end)
        letters = {frozenset(w) for w in words if RTL.search(w)} | {
            frozenset(a + b) for a, b in zip(words, words[1:], strict=False)
            if RTL.search(a) and RTL.search(b)}
        lost = [(word, el) for word, el in lost if not (RTL.search(word) and any(
            frozenset(word) <= found for found in letters))]
    return lost


def _stood_in(code: re.Match) -> str:
    """The character a [U+XXXX] in a PDF stands for (only one no shipped font draws: a
    transcription may hold that text itself)."""
    from .typeset import drawable

    char = chr(int(code[1], 16)) if int(code[1], 16) <= 0x10FFFF else ""
    return char if char and ord(char) not in drawable() else code[0]


def _line_edges(output: str) -> tuple[set[str], set[str]]:
    """The words that end a line of the text, and those that begin one."""
    lines = [words for line in output.splitlines() if (words := _words(line))]
    return {w[-1] for w in lines}, {w[0] for w in lines}


def _broken(word: str, ends: set[str], starts: set[str]) -> bool:
    """Is the word in a PDF's text broken across two lines with other lines between (the
    last line of a page, then its notes, page number and the next page's running head)? Its
    first part ends a line, the rest begins one."""
    return any(word[:i] in ends and word[i:] in starts for i in range(1, len(word)))


def out_of_order(parts: list[etree._Element], kind: str, output: str
                 ) -> tuple[str, etree._Element] | None:
    """The first piece of running text (notes, which outputs gather at the end, aside) that
    the output has only before the piece preceding it: the source's order not kept."""
    stream = output_stream(kind, output)
    at = 0
    for text, el, where in pieces(parts):
        if where != TEXT:
            continue
        found = stream.find(text, at)
        if found < 0:
            return (text, el) if text in stream else None
        at = found + len(text)
    return None
