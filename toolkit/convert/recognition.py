"""Text recognition exports → TEI: what PAGE XML and ALTO readers (pagexml.py, alto.py)
give, as one model (pages of regions of lines), and the TEI written from it.

Handwriting and text recognition (Transkribus, eScriptorium, OCR-D, Tesseract) export
PAGE or ALTO; an editor corrects the result in TEI. The TEI keeps everything an edition
needs of the export: a `surface` per page with its image and size, a `zone` per region and
per line (polygons as `@points`, boxes as `@ulx…@lry`), and the text in reading order, each
region as the element its type calls for (`head`, `p`, `note place="margin"`, `fw`…), each
line after an `lb` pointing to its zone. Nothing is lost: every line's text is looked for, in
order, in the TEI written (`check_nothing_lost`), and what cannot be placed stops the
conversion with file:line:col.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .. import TEI_NS, XML_NS
from ..errors import TeikitError

T = "{" + TEI_NS + "}"
XML_ID = "{" + XML_NS + "}id"
XML_LANG = "{" + XML_NS + "}lang"
STYLES = ("bold", "italic", "underlined", "strikethrough", "superscript", "subscript",
          "smallCaps", "letterSpaced")


@dataclass
class Line:
    id: str
    points: list[tuple[float, float]]
    text: str
    element: etree._Element
    words: list[Line] = field(default_factory=list)  # (words: lines of one word each)
    alternatives: list[tuple[str, str]] = field(default_factory=list)  # (text, confidence)
    styles: list[tuple[int, int, str]] = field(default_factory=list)  # offset, length, style
    # Transkribus's tags on a stretch of the line: (offset, length, tag, its properties)
    tags: list[tuple[int, int, str, dict[str, str]]] = field(default_factory=list)
    joined: bool = False  # the line before ends in a hyphen the export marks: no word break
    heading: bool = False  # a line the export types as a heading (ALTO/segmonto)


@dataclass
class Region:
    id: str
    kind: str  # TEI element: head, p, ab, note, fw, or "" (no text: a zone only)
    points: list[tuple[float, float]]
    element: etree._Element
    source_type: str  # as the export names it: paragraph, marginalia, MainZone…
    lines: list[Line] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)  # @type, @place… of the TEI element
    lang: str = ""
    direction: str = ""  # right-to-left, top-to-bottom…


@dataclass
class Page:
    source: str  # the export file
    image: str  # the image's address (a file name or URL, as the export gives it)
    width: float
    height: float
    regions: list[Region]  # every region (nested ones too), in reading order
    element: etree._Element
    unit: str = "pixel"  # ALTO's MeasurementUnit: inch1200 and mm10 are not the image's pixels


@dataclass
class Export:
    pages: list[Page]
    format: str  # "PAGE 2019-07-15", "ALTO v4"…
    creator: str = ""
    created: str = ""
    changed: str = ""
    image_urls: dict[str, str] = field(default_factory=dict)  # page source → a remote image
    warnings: list[str] = field(default_factory=list)


# PAGE names languages in English (its schema's list); TEI's xml:lang wants a BCP 47 code
LANGUAGES = {
    "Arabic": "ar", "Bengali": "bn", "Bulgarian": "bg", "Chinese": "zh", "Croatian": "hr",
    "Czech": "cs", "Danish": "da", "Dutch": "nl", "English": "en", "Estonian": "et",
    "Finnish": "fi", "French": "fr", "German": "de", "Greek": "el", "Hebrew": "he",
    "Hindi": "hi", "Hungarian": "hu", "Icelandic": "is", "Irish": "ga", "Italian": "it",
    "Japanese": "ja", "Korean": "ko", "Latin": "la", "Latvian": "lv", "Lithuanian": "lt",
    "Norwegian": "no", "Persian": "fa", "Polish": "pl", "Portuguese": "pt", "Romanian": "ro",
    "Russian": "ru", "Serbian": "sr", "Slovak": "sk", "Slovenian": "sl", "Spanish": "es",
    "Swedish": "sv", "Turkish": "tr", "Ukrainian": "uk", "Welsh": "cy", "Yiddish": "yi",
}


def language(value: str) -> str:
    """A region's language as xml:lang: a code as it is, a PAGE language name as its code,
    else '' (an unknown name is not a language tag)."""
    value = value.strip()
    if value in LANGUAGES:
        return LANGUAGES[value]
    return value if re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*", value) else ""


class ExportReader:
    """What the PAGE and ALTO readers share: the file, its namespace, the warnings."""

    def __init__(self, tree: etree._ElementTree, source: str, words: bool):
        self.words = words  # word zones wanted: each word's place is read (else skipped)
        self.root = tree.getroot()
        self.source = source
        self.ns = etree.QName(self.root).namespace or ""
        self.warnings: list[str] = []

    def q(self, name: str) -> str:
        """A name in the file's namespace (ALTO may have none)."""
        return f"{{{self.ns}}}{name}" if self.ns else name


def where(el: etree._Element, source: str) -> tuple[str, int, int]:
    return source, el.sourceline or 0, 1


def points_of(value: str) -> list[tuple[float, float]]:
    """PAGE's "x,y x,y …" or ALTO's "x y x y …" / "x,y x,y"."""
    numbers = re.findall(r"-?\d+(?:\.\d+)?", value or "")
    pairs = [(float(numbers[i]), float(numbers[i + 1])) for i in range(0, len(numbers) - 1, 2)]
    return pairs


def box(x: float, y: float, w: float, h: float) -> list[tuple[float, float]]:
    return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0")


def safe_id(value: str, prefix: str) -> str:
    """An xml:id from an export's id (which may start with a digit or hold odd characters)."""
    clean = re.sub(r"[^\w.-]", "_", value)
    return f"{prefix}{clean}"


# ---- TEI ----------------------------------------------------------------------------

class Writer:
    """Writes one Export as TEI: the facsimile and the text, side by side."""

    def __init__(self, export: Export, title: str, source_note: str, words: bool,
                 alternatives: bool, images: dict[str, str]):
        self.export = export
        self.words = words
        self.alternatives = alternatives
        self.images = images  # page source → the graphic/@url to write
        self.title = title
        self.source_note = source_note
        self.ids: set[str] = set()
        self.zones: dict[int, str] = {}  # id() of a region, line or word → its zone's id
        self.warnings = export.warnings

    def unique(self, wanted: str) -> str:
        ident, n = wanted, 1
        while ident in self.ids:
            n += 1
            ident = f"{wanted}-{n}"
        self.ids.add(ident)
        return ident

    def tree(self) -> etree._ElementTree:
        tei = etree.Element(T + "TEI", nsmap={None: TEI_NS})
        tei.append(self.header())
        facsimile = etree.SubElement(tei, T + "facsimile")
        text = etree.SubElement(tei, T + "text")
        body = etree.SubElement(text, T + "body")
        self.flow = _Flow(body)
        for number, page in enumerate(self.export.pages, 1):
            surface = self.surface(facsimile, page, number)
            self.flow.page(etree.Element(T + "pb", {"n": str(number),
                                                    XML_ID: self.unique(f"pg_{number}"),
                                                    "facs": "#" + surface}))
            for region in page.regions:
                self.region(region, page, number)
        self.flow.finish()
        return etree.ElementTree(tei)

    def header(self) -> etree._Element:
        e = self.export
        header = etree.Element(T + "teiHeader")
        file_desc = etree.SubElement(header, T + "fileDesc")
        title_stmt = etree.SubElement(file_desc, T + "titleStmt")
        etree.SubElement(title_stmt, T + "title").text = self.title
        publication = etree.SubElement(file_desc, T + "publicationStmt")
        etree.SubElement(publication, T + "p").text = "Unpublished transcription."
        source = etree.SubElement(file_desc, T + "sourceDesc")
        etree.SubElement(source, T + "p").text = self.source_note
        encoding = etree.SubElement(header, T + "encodingDesc")
        recognised = f" by {e.creator}" if e.creator else ""
        etree.SubElement(encoding, T + "p").text = (
            f"Converted by teikit from a text recognition export ({e.format}{recognised}): a "
            "surface per page image, a zone per region and per line; lines in reading order, "
            "each after an lb pointing to its zone.")
        changes = [(when, what) for when, what in ((e.created, "Recognition export created"),
                                                   (e.changed, "Recognition export last changed"))
                   if when]
        valid = [(when, what) for when, what in changes if _iso(when)]
        if valid:
            revisions = etree.SubElement(header, T + "revisionDesc")
            for when, what in valid:
                etree.SubElement(revisions, T + "change", when=_iso(when)).text = what
        return header

    def surface(self, facsimile: etree._Element, page: Page, number: int) -> str:
        ident = self.unique(f"facs_{number}")
        sized = page.width > 0 and page.height > 0  # (else neither export nor image says)
        surface = etree.SubElement(facsimile, T + "surface", {XML_ID: ident, "n": str(number)})
        if sized:
            surface.attrib.update({"ulx": "0", "uly": "0", "lrx": _num(page.width),
                                   "lry": _num(page.height)})
        url = self.images.get(page.source, "")
        if url:  # (an export that names no image: the surface has its size only)
            graphic = etree.SubElement(surface, T + "graphic", url=url)
            if sized and page.unit == "pixel":  # (else the surface's grid is the export's unit)
                graphic.set("width", f"{_num(page.width)}px")
                graphic.set("height", f"{_num(page.height)}px")
        self.page_number = number
        self.zones_of(surface, page.regions, page)
        return ident

    def zones_of(self, parent: etree._Element, regions: list[Region], page: Page) -> None:
        """A zone per region, its lines' zones inside it (and their words', if asked)."""
        for region in regions:
            zone = self.zone(parent, region.points, "TextRegion" if region.kind
                             else region.source_type, region.id, region.source_type, page)
            region.attrs["facs"] = "#" + zone.get(XML_ID)
            for line in region.lines:
                if not line.id:  # (a region's own text, cut at its line ends: no zone)
                    continue
                line_zone = self.zone(zone, line.points, "TextLine", line.id, "", page)
                self.zones[id(line)] = line_zone.get(XML_ID)
                for word in line.words if self.words else ():
                    self.zones[id(word)] = self.zone(line_zone, word.points, "Word", word.id,
                                                     "", page).get(XML_ID)

    def zone(self, parent: etree._Element, points: list[tuple[float, float]], kind: str,
             source_id: str, subtype: str, page: Page) -> etree._Element:
        ident = self.unique(safe_id(source_id, f"p{self.page_number}_"))
        attrs = {XML_ID: ident, "type": kind}
        if subtype and subtype != kind and re.fullmatch(r"[\w.:-]+", subtype):
            attrs["subtype"] = subtype
        if points:
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            attrs.update(ulx=_num(min(xs)), uly=_num(min(ys)), lrx=_num(max(xs)),
                         lry=_num(max(ys)))
            if len(points) >= 3:
                attrs["points"] = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
            if min(xs) < 0 or min(ys) < 0 or (page.width and max(xs) > page.width) or \
                    (page.height and max(ys) > page.height):
                self.warnings.append(f"{page.source}: warning: {kind} {source_id!r} reaches "
                                     f"outside its page image ({_num(page.width)} × "
                                     f"{_num(page.height)}); kept as the export gives it")
        return etree.SubElement(parent, T + "zone", attrs)

    def region(self, region: Region, page: Page, number: int) -> None:
        if not region.kind:
            return
        if not [line for line in region.lines if line.text]:
            self.warnings.append(f"{page.source}:{region.element.sourceline}: warning: region "
                                 f"{region.id!r} ({region.source_type}) has no text; only its "
                                 "zone is kept")
            return
        el = etree.Element(T + region.kind, {k: v for k, v in region.attrs.items()})
        if language(region.lang):
            el.set(XML_LANG, language(region.lang))
        if region.direction in ("right-to-left", "rtl"):
            el.set("style", "direction: rtl")
        for i, line in enumerate(region.lines):
            self.line(el, line, i == 0, page.source)
        self.flow.add(el)

    def line(self, parent: etree._Element, line: Line, first: bool, source: str) -> None:
        zone = self.zones.get(id(line))
        lb = etree.SubElement(parent, T + "lb", facs="#" + zone) if zone else \
            etree.SubElement(parent, T + "lb")
        if line.joined:
            lb.set("break", "no")
        before = lb.getprevious()
        if not first and before is not None:  # the line's end: a break between words
            before.tail = (before.tail or "") + "\n"  # (unless the lb says otherwise)
        elif not first:
            parent.text = (parent.text or "") + "\n"
        if self.words and line.words and _words_make(line):
            for i, word in enumerate(line.words):
                w = etree.SubElement(parent, T + "w")
                w.text = word.text
                wz = self.zones.get(id(word))
                if wz:
                    w.set("facs", "#" + wz)
                if i + 1 < len(line.words):
                    w.tail = " "
            return
        if self.words and line.words:
            self.warnings.append(f"{source}:{line.element.sourceline}: warning: line "
                                 f"{line.id!r}: its words do not spell its text; the line is "
                                 "kept without word zones")
        if self.alternatives and line.alternatives:
            choice = etree.SubElement(parent, T + "choice")
            seg = etree.SubElement(choice, T + "seg", type="recognised")
            _marked(seg, line.text, line.tags, line.styles)
            for text, conf in line.alternatives:
                alt = etree.SubElement(choice, T + "seg", type="alternative")
                if conf:
                    alt.set("cert", conf)
                alt.text = text
            return
        _marked(parent, line.text, line.tags, line.styles)


def _words_make(line: Line) -> bool:
    return " ".join(w.text for w in line.words).split() == line.text.split()


def _append_text(el: etree._Element, text: str, tail: bool) -> None:
    if tail:
        el.tail = (el.tail or "") + text
    elif len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


STYLE_RENDS = {"bold": "bold", "italic": "italic", "underlined": "underline",
               "superscript": "superscript", "subscript": "subscript",
               "smallCaps": "smallcaps", "letterSpaced": "letterspaced"}


# Transkribus tags → TEI: the element around the stretch (abbrev and sic: a choice, with
# the expansion or correction the tag gives beside the source's words)
TAGS = {"person": "persName", "place": "placeName", "organization": "orgName",
        "date": "date", "unclear": "unclear", "supplied": "supplied", "abbrev": "abbr",
        "sic": "sic"}


def _marked(parent: etree._Element, text: str, tags: list, styles: list,
            start: int = 0, end: int | None = None) -> None:
    """text[start:end] into parent: each tag an element around its stretch (nested where
    one lies in another; one that crosses another's end is cut in two), the runs between
    in their styles. Every character of the text is written once, in order."""
    end = len(text) if end is None else end
    pending = sorted(((max(o, start), min(o + n, end), kind, props)
                      for o, n, kind, props in tags if o < end and o + n > start),
                     key=lambda t: (t[0], -(t[1] - t[0])))
    pos = start
    while pending:
        s, e, kind, props = pending.pop(0)
        s = max(s, pos)
        if s >= e:
            continue
        _styled(parent, text, styles, pos, s)
        inside = [(o, n, k, p) for o, n, k, p in
                  ((o, min(x, e) - o, k, p) for o, x, k, p in pending if o < e)]
        pending = sorted([(e, x, k, p) if o < e else (o, x, k, p)
                          for o, x, k, p in pending if x > e or o >= e],
                         key=lambda t: (t[0], -(t[1] - t[0])))
        host, then = _tag(parent, kind, props)
        _marked(host, text, inside, styles, s, e)
        then()
        pos = e
    _styled(parent, text, styles, pos, end)


def _tag(parent: etree._Element, kind: str, props: dict[str, str]):
    """The element a tag makes, and what follows its words (an expansion, a correction)."""
    name = TAGS[kind]
    extra = props.get("expansion") if kind == "abbrev" else \
        props.get("correction") if kind == "sic" else None
    outer = etree.SubElement(parent, T + "choice") if extra else parent
    host = etree.SubElement(outer, T + name)
    if kind == "date":
        when = "-".join(v.zfill(w) for v, w in ((props.get("year", ""), 4),
                                                 (props.get("month", ""), 2),
                                                 (props.get("day", ""), 2)) if v.isdigit())
        if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", when):
            host.set("when", when)

    def then() -> None:
        if extra:
            etree.SubElement(outer, T + ("expan" if kind == "abbrev" else "corr")).text = extra
    return host, then


def _styled(parent: etree._Element, text: str, styles: list[tuple[int, int, str]],
            first: int = 0, last: int | None = None) -> None:
    """text[first:last], each run of it in its styles: hi for type styles, del for a
    strikethrough (spans may overlap: the text is cut at every boundary)."""
    last = len(text) if last is None else last
    cuts = sorted({first, last, *[max(first, min(last, o)) for o, n, _ in styles],
                   *[max(first, min(last, o + n)) for o, n, _ in styles]})
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = text[start:end]
        if not piece:
            continue
        on = [s for o, n, s in styles if o <= start and end <= o + n]
        rends = sorted({STYLE_RENDS[s] for s in on if s in STYLE_RENDS})
        host = parent
        if "strikethrough" in on:
            host = etree.SubElement(host, T + "del", rend="strikethrough")
        if rends:
            host = etree.SubElement(host, T + "hi", rend=" ".join(rends))
        if host is parent:
            _append_text(parent, piece, tail=False)
        else:
            host.text = piece


def _iso(value: str) -> str:
    """An export's date as ISO 8601 (the part XML Schema's dateTime takes), else ''."""
    m = re.match(r"^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2})?", value.strip())
    return (m.group(1) + (m.group(2) or "")) if m else ""


class _Flow:
    """The body as regions arrive: a heading begins a division (TEI's head opens one), and a
    page break falls between blocks, never first in a division it did not begin."""

    def __init__(self, body: etree._Element):
        self.body = body
        self.div: etree._Element | None = None
        self.pending: list[etree._Element] = []  # page breaks waiting for the next block

    def page(self, pb: etree._Element) -> None:
        self.pending.append(pb)

    def add(self, el: etree._Element) -> None:
        if el.tag == T + "head" or self.div is None:
            for pb in self.pending:
                self.body.append(pb)
            self.pending = []
            self.div = etree.SubElement(self.body, T + "div")
        for pb in self.pending:
            self.div.append(pb)
        self.pending = []
        self.div.append(el)

    def finish(self) -> None:
        """Pages with no text at the end: their breaks close the body (a body of no text at
        all still needs a block, as TEI has it)."""
        for pb in self.pending:
            self.body.append(pb)
        if self.div is None:
            etree.SubElement(self.body, T + "ab")


# ---- nothing lost ---------------------------------------------------------------------

def expected_text(export: Export) -> list[tuple[str, etree._Element, str]]:
    """Every line's text, in the order the TEI must hold it: (text, its element, source)."""
    found = []
    for page in export.pages:
        for region in page.regions:
            if not region.kind:
                continue
            for line in region.lines:
                if line.text:
                    found.append((line.text, line.element, page.source))
    return found


def _source_words(el: etree._Element) -> str:
    """An element's text without what an editor adds beside the source's words (a tag's
    expansion or correction)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag not in (T + "expan", T + "corr"):
            parts.append(_source_words(child))
        parts.append(child.tail or "")
    return "".join(parts)


def check_nothing_lost(export: Export, tree: etree._ElementTree) -> None:
    """Each line's text in the TEI's body, in order; each region and line a zone: else one
    error at the first line missing (nothing is written)."""
    body = tree.getroot().find(f"{T}text/{T}body")
    flat = " ".join(_source_words(body).split())
    at = 0
    for text, el, source in expected_text(export):
        wanted = " ".join(text.split())
        found = flat.find(wanted, at)
        if found < 0:
            raise TeikitError(f"the TEI lacks this line's text ('{wanted[:40]}'): teikit "
                              "could not place it; nothing was written (please report it)",
                              *where(el, source))
        at = found + len(wanted)
    zones = {z.get(XML_ID) for z in tree.getroot().iter(T + "zone")}
    for page in export.pages:
        for region in page.regions:
            if region.attrs.get("facs", "#")[1:] not in zones:
                raise TeikitError(f"region {region.id!r} has no zone in the TEI",
                                  *where(region.element, page.source))


# ---- reading an export -----------------------------------------------------------------

PAGE_NS = re.compile(r"^http://schema\.primaresearch\.org/PAGE/gts/pagecontent/(\d{4}-\d{2}-\d{2})$")
ALTO_NS = re.compile(r"^http://(www\.)?loc\.gov/standards/alto(/ns-v(\d)#)?$")
# ALTO 1, as CCS wrote it (the Library of Congress's NDNP: Chronicling America)
ALTO1_NS = "http://schema.ccs-gmbh.com/ALTO"
METS_NS = "http://www.loc.gov/METS/"


def kind_of(root: etree._Element | str) -> str:
    """"page", "alto", "mets" or "" for an XML file's root element, or its {ns}name tag
    (by namespace, not by name)."""
    name = etree.QName(root)
    ns = name.namespace or ""
    if PAGE_NS.match(ns):
        return "page"
    if ALTO_NS.match(ns) or ns == ALTO1_NS or (not ns and name.localname == "alto"):
        return "alto"
    if ns == METS_NS:
        return "mets"
    return ""


def image_beside(source: str, given: str) -> str:
    """The page image a local export names, found beside it (or one folder up, as
    Transkribus puts page/ files), else by the export file's own name (Transkribus renames
    images "0001_name.jpg"); '' when none is there."""
    if not given or re.match(r"^[a-z][a-z0-9+.-]*:", given, re.I):
        return ""
    folder = os.path.dirname(os.path.abspath(source))
    for base in (folder, os.path.dirname(folder)):
        candidate = os.path.normpath(os.path.join(base, given))
        if os.path.isfile(candidate):
            return candidate
    stem = Path(source).name.split(".")[0]
    for ext in (Path(given).suffix, ".jpg", ".jpeg", ".png", ".tif", ".tiff"):
        candidate = os.path.join(folder, stem + ext)
        if ext and os.path.isfile(candidate):
            return candidate
    return ""


def _natural(name: str) -> list:
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name)]


def export_files(path: str) -> list[str]:
    """The PAGE or ALTO files of an export: the file itself; for a folder, the pages its
    METS file lists in its physical order (Transkribus, eScriptorium, OCR-D), else every
    PAGE/ALTO file in it and in a page/ or alto/ folder below, in natural name order."""
    from ..xmlio import read_xml

    if not os.path.isdir(path):
        return [path]
    candidates = sorted((str(p) for folder in (Path(path), Path(path) / "page",
                                                Path(path) / "alto") if folder.is_dir()
                         for p in folder.glob("*.xml")), key=lambda p: _natural(Path(p).name))
    # (a file that is not well-formed stops the conversion: it may be a page, never skipped)
    kinds = {candidate: kind_of(read_xml(candidate).getroot()) for candidate in candidates}
    mets = [c for c, k in kinds.items() if k == "mets"]
    if mets:
        listed = _mets_order(mets[0], read_xml(mets[0]))
        found = [p for p in listed if kinds.get(p) in ("page", "alto")]
        if found:
            return found
    found = [c for c, k in kinds.items() if k in ("page", "alto")]
    if not found:
        raise TeikitError("no PAGE or ALTO file in this folder (nor in page/ or alto/)", path)
    return found


def _mets_order(mets_path: str, mets: etree._ElementTree) -> list[str]:
    """The files a METS structMap orders (physical divs by @ORDER), as local paths."""
    m = "{" + METS_NS + "}"
    xlink = "{http://www.w3.org/1999/xlink}href"
    folder = os.path.dirname(os.path.abspath(mets_path))
    files = {}
    for f in mets.getroot().iter(m + "file"):
        loc = f.find(m + "FLocat")
        if loc is not None and loc.get(xlink) and not re.match(r"^[a-z]+:", loc.get(xlink)):
            files[f.get("ID")] = os.path.normpath(os.path.join(folder, loc.get(xlink)))
    ordered = []
    for struct in mets.getroot().iter(m + "structMap"):
        if (struct.get("TYPE") or "").upper() not in ("", "PHYSICAL"):
            continue
        divs = [d for d in struct.iter(m + "div") if d.find(m + "fptr") is not None]
        divs.sort(key=lambda d: int(d.get("ORDER")) if (d.get("ORDER") or "").isdigit() else 0)
        for div in divs:
            ordered += [files[f.get("FILEID")] for f in div.iter(m + "fptr")
                        if f.get("FILEID") in files]
    return list(dict.fromkeys(ordered or files.values()))


def read_export(path: str, words: bool = False) -> Export:
    """One PAGE or ALTO file, or a folder of them, as one Export (pages in order)."""
    from ..xmlio import read_xml
    from .alto import read_alto
    from .pagexml import read_page

    parts = []
    for name in export_files(path):
        tree = read_xml(name)
        kind = kind_of(tree.getroot())
        if kind == "page":
            parts.append(read_page(tree, name, words))
        elif kind == "alto":
            parts.append(read_alto(tree, name, words))
        else:
            raise TeikitError("neither PAGE XML nor ALTO (its root element is "
                              f"<{etree.QName(tree.getroot()).localname}> in "
                              f"{etree.QName(tree.getroot()).namespace or 'no namespace'})",
                              name, tree.getroot().sourceline or 1, 1)
    first = parts[0]
    export = Export([p for part in parts for p in part.pages],
                    " and ".join(dict.fromkeys(p.format for p in parts)), first.creator,
                    first.created, parts[-1].changed or parts[-1].created)
    for part in parts:
        export.warnings += part.warnings
        export.image_urls.update(part.image_urls)
    return export


def export_to_tei(path: str, title: str = "", source: str = "", words: bool = False,
                  alternatives: bool = False, output: str | None = None
                  ) -> tuple[etree._ElementTree, list[str]]:
    """A recognition export (file or folder) → TEI and its warnings. Image addresses are
    written relative to where the TEI goes (`output`; else the export's folder)."""
    export = read_export(path, words)
    start = os.path.dirname(os.path.abspath(output)) if output and output != "-" else \
        (os.path.abspath(path) if os.path.isdir(path) else os.path.dirname(os.path.abspath(path)))
    images = {}
    for page in export.pages:
        found = image_beside(page.source, page.image)
        if found:
            images[page.source] = Path(os.path.relpath(found, start)).as_posix()
            if not page.width or not page.height:
                from ..facsimile import image_size

                page.width, page.height = image_size(found) or (page.width, page.height)
        elif page.source in export.image_urls:
            images[page.source] = export.image_urls[page.source]
        elif re.match(r"^https?://", page.image):
            images[page.source] = page.image
        elif page.image and not re.match(r"^[a-z][a-z0-9+.-]*:", page.image, re.I):
            images[page.source] = page.image
            export.warnings.append(f"{page.source}: warning: page image {page.image!r} not "
                                   "found beside the export; its name is kept")
        elif page.image:  # javascript:, data:, file:…: never written into the TEI
            export.warnings.append(f"{page.source}: warning: page image {page.image[:60]!r} is "
                                   "no web address nor a file: left out")
        else:
            export.warnings.append(f"{page.source}: warning: the export names no page image")
    name = Path(path).name if os.path.isdir(path) else Path(path).stem
    title = title or name
    note = source or (f"Text recognition export {Path(path).name} ({export.format}, "
                      f"{len(export.pages)} page{'s' if len(export.pages) != 1 else ''}).")
    writer = Writer(export, title, note, words, alternatives, images)
    tree = writer.tree()
    check_nothing_lost(export, tree)
    return tree, export.warnings
