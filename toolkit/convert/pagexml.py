"""PAGE XML (PRImA, every schema version from 2010 to 2019, as Transkribus, eScriptorium
and OCR-D write it) → the recognition model (see recognition.py).

What decides what: the namespace (never the file name) says it is PAGE; `ReadingOrder`
(ordered and unordered groups, nested, by `@index`) the order of regions, else Transkribus's
`custom="readingOrder {index:N;}"`, else the file's order; a region's `@type` (or
Transkribus's `custom="structure {type:…}"`) the TEI element; of several `TextEquiv`, the
one with the lowest `@index` (the PAGE schema: "the main text content"; LAREX and OCR-D
ground truth put the correction at 0, the OCR at 1), else the most confident, else the
first; a line's text, else its words', else its region's cut at line ends. Transkribus's
`textStyle` spans and PAGE's `TextStyle` become styles. Text anywhere else stops the
conversion (it cannot be placed).
"""

from __future__ import annotations

import re

from lxml import etree

from ..errors import TeikitError
from .recognition import (
    PAGE_NS,
    TAGS,
    Export,
    ExportReader,
    Line,
    Page,
    Region,
    points_of,
    where,
)

# PAGE TextRegion/@type → the TEI element and its attributes
TYPES = {
    "heading": ("head", {}), "paragraph": ("p", {}), "floating": ("p", {}),
    "marginalia": ("note", {"place": "margin"}), "footnote": ("note", {"place": "foot"}),
    "footnote-continued": ("note", {"place": "foot", "type": "continued"}),
    "endnote": ("note", {"place": "end"}),
    "header": ("fw", {"type": "header"}), "footer": ("fw", {"type": "footer"}),
    "page-number": ("fw", {"type": "pageNum"}), "catch-word": ("fw", {"type": "catch"}),
    "signature-mark": ("fw", {"type": "sig"}),
    "caption": ("ab", {"type": "caption"}), "drop-capital": ("ab", {"type": "drop-capital"}),
    "credit": ("ab", {"type": "credit"}), "TOC-entry": ("ab", {"type": "TOC-entry"}),
    "list-label": ("ab", {"type": "list-label"}), "other": ("ab", {"type": "other"}),
}
CUSTOM = re.compile(r"(\w+)\s*\{([^}]*)\}")


def custom(el: etree._Element) -> list[tuple[str, dict[str, str]]]:
    """Transkribus's @custom: "readingOrder {index:0;} textStyle {offset:0; length:5; bold:true;}"."""
    found = []
    for name, body in CUSTOM.findall(el.get("custom") or ""):
        props = {}
        for part in body.split(";"):
            key, _, value = part.partition(":")
            if key.strip():
                props[key.strip()] = value.strip()
        found.append((name, props))
    return found


def _index(el: etree._Element) -> int | None:
    for name, props in custom(el):
        if name == "readingOrder" and props.get("index", "").isdigit():
            return int(props["index"])
    return None


class _Reader(ExportReader):
    def __init__(self, tree: etree._ElementTree, source: str, words: bool):
        super().__init__(tree, source, words)
        self.version = PAGE_NS.match(self.ns).group(1)
        self.disagree: list[etree._Element] = []  # lines whose words read otherwise

    def local(self, el: etree._Element) -> str:
        return etree.QName(el).localname if isinstance(el.tag, str) else ""

    def coords(self, el: etree._Element) -> list[tuple[float, float]]:
        coords = el.find(self.q("Coords"))
        if coords is None:
            return []
        if coords.get("points"):
            return points_of(coords.get("points"))
        return [(float(p.get("x", 0)), float(p.get("y", 0)))  # PAGE 2010: <Point x y/>
                for p in coords.iter(self.q("Point"))]

    def text_equiv(self, el: etree._Element) -> tuple[str, list[tuple[str, str]]]:
        """The chosen text of an element's own TextEquivs, and the others (text, conf)."""
        equivs = [e for e in el.iterchildren(self.q("TextEquiv"))]
        if not equivs:
            return "", []

        def text(e: etree._Element) -> str:
            unicode = e.find(self.q("Unicode"))
            return (unicode.text or "") if unicode is not None else ""

        def conf(e: etree._Element) -> float:
            try:
                return float(e.get("conf") or -1)
            except ValueError:
                return -1
        indexed = [e for e in equivs if (e.get("index") or "").strip().lstrip("-").isdigit()]
        chosen = min(indexed, key=lambda e: int(e.get("index"))) if indexed else None
        if chosen is None:
            chosen = max(equivs, key=conf) if any(e.get("conf") for e in equivs) else equivs[0]
        others = [(text(e), e.get("conf") or "") for e in equivs if e is not chosen and text(e)]
        return text(chosen), others

    def styles(self, el: etree._Element, length: int) -> list[tuple[int, int, str]]:
        """Transkribus textStyle spans, and PAGE's TextStyle (the whole element)."""
        found = []
        for name, props in custom(el):
            if name == "textStyle":
                try:
                    offset, span = int(props.get("offset", 0)), int(props.get("length", 0))
                except ValueError:
                    continue
                found += [(offset, span, key) for key, value in props.items()
                          if value == "true" and key in STYLE_KEYS]
        style = el.find(self.q("TextStyle"))
        if style is not None:
            found += [(0, length, key) for key in STYLE_KEYS if style.get(key) == "true"]
        return found

    def line(self, el: etree._Element) -> Line:
        text, alternatives = self.text_equiv(el)
        words = [Line(w.get("id") or f"word-{w.sourceline}-{i}",
                      self.coords(w) if self.words else [], self.text_equiv(w)[0], w)
                 for i, w in enumerate(el.iterchildren(self.q("Word")))]
        if not text and any(w.text for w in words):  # no line text: the words'
            text = " ".join(w.text for w in words if w.text)
        elif text and words and any(w.text for w in words) and \
                " ".join(w.text for w in words if w.text).split() != text.split():
            self.disagree.append(el)
        line = Line(el.get("id") or f"line-{el.sourceline}", self.coords(el), text, el, words,
                    alternatives, self.styles(el, len(text)))
        line.tags = self.tags(el, text)
        return line

    def tags(self, el: etree._Element, text: str) -> list[tuple[int, int, str, dict]]:
        """Transkribus's tags on stretches of the line (person, place, abbrev…); one that
        reaches beyond the line is cut at its end."""
        found = []
        for name, props in custom(el):
            if name not in TAGS:
                continue
            try:
                offset, length = int(props.get("offset", "")), int(props.get("length", ""))
            except ValueError:
                continue
            if 0 <= offset < len(text) and length > 0:
                found.append((offset, min(length, len(text) - offset), name, props))
        return found

    def region(self, el: etree._Element) -> Region:
        name = self.local(el)
        points = self.coords(el)
        ident = el.get("id") or f"{name}-{el.sourceline}"  # (PAGE requires ids; old files)
        if name != "TextRegion":
            return Region(ident, "", points, el, name)
        kind_type = el.get("type") or "paragraph"
        for key, props in custom(el):
            if key == "structure" and props.get("type"):
                kind_type = props["type"]
        kind, attrs = TYPES.get(kind_type, ("ab", {"type": re.sub(r"[^\w.-]", "-", kind_type)}))
        region = Region(ident, kind, points, el, kind_type, attrs=dict(attrs),
                        lang=el.get("primaryLanguage") or "",
                        direction=el.get("readingDirection") or "")
        lines = list(el.iterchildren(self.q("TextLine")))
        if any(_index(line) is not None for line in lines):
            lines.sort(key=lambda line: (_index(line) is None, _index(line) or 0))
        region.lines = [self.line(line) for line in lines]
        own, _others = self.text_equiv(el)
        if own and not any(line.text for line in region.lines):  # the region's text only
            parts = own.split("\n")
            if len(parts) == len(region.lines):
                for line, part in zip(region.lines, parts, strict=True):
                    line.text = part
            else:
                region.lines += [Line("", [], part, el) for part in parts]
        elif own and region.lines and " ".join(own.split()) != " ".join(
                " ".join(line.text for line in region.lines).split()):
            self.warnings.append(f"{self.source}:{el.sourceline}: warning: region "
                                 f"{el.get('id')!r}: its text reads otherwise than its lines'; "
                                 "the lines' text is kept")
        return region

    def reading_order(self, page: etree._Element) -> list[str]:
        order = page.find(self.q("ReadingOrder"))
        found: list[str] = []
        if order is None:
            return found

        def walk(group: etree._Element) -> None:
            if group.get("regionRef"):
                found.append(group.get("regionRef"))
            kids = [c for c in group if isinstance(c.tag, str)]
            if any(c.get("index") is not None for c in kids):
                kids.sort(key=lambda c: int(c.get("index") or 0)
                          if (c.get("index") or "").isdigit() else 0)
            for kid in kids:
                if self.local(kid) in ("RegionRefIndexed", "RegionRef"):
                    found.append(kid.get("regionRef") or "")
                elif "Group" in self.local(kid):
                    walk(kid)
        for group in order:
            if isinstance(group.tag, str):
                walk(group)
        return found

    def page(self, page: etree._Element) -> Page:
        regions = [self.region(el) for el in page.iter(self.q("*"))
                   if el.tag.endswith("Region")]
        self.unplaced(page)
        by_id = {r.id: r for r in regions if r.id}
        order = self.reading_order(page)
        if not order and any(_index(r.element) is not None for r in regions):
            order = [r.id for r in sorted(regions, key=lambda r: (_index(r.element) is None,
                                                                  _index(r.element) or 0))]
        placed: list[Region] = []
        seen: set[int] = set()

        def place(region: Region) -> None:
            if id(region) in seen:
                return
            seen.add(id(region))
            placed.append(region)
            for inner in regions:  # regions inside it that the order does not name
                if inner.id not in order and inner.element.getparent() is region.element:
                    place(inner)
        for rid in order:
            if rid in by_id:
                place(by_id[rid])
            elif rid:
                self.warnings.append(f"{self.source}:{page.sourceline}: warning: the reading "
                                     f"order names region {rid!r}, which the page lacks")
        rest = [r for r in regions if id(r) not in seen]
        if order and [r for r in rest if r.kind and any(line.text for line in r.lines)]:
            self.warnings.append(f"{self.source}:{page.sourceline}: warning: regions not in "
                                 f"the reading order follow it: "
                                 f"{', '.join(r.id for r in rest[:5])}")
        for region in rest:
            place(region)
        try:
            width, height = float(page.get("imageWidth") or 0), float(page.get("imageHeight") or 0)
        except ValueError:
            width = height = 0
        return Page(self.source, page.get("imageFilename") or "", width, height, placed, page)

    def unplaced(self, page: etree._Element) -> None:
        """Text in a TextEquiv of anything but a text region, line, word or glyph: nowhere
        to put it, so the conversion stops there."""
        for equiv in page.iter(self.q("TextEquiv")):
            owner = self.local(equiv.getparent())
            if owner in ("TextRegion", "TextLine", "Word", "Glyph"):
                continue
            unicode = equiv.find(self.q("Unicode"))
            if unicode is not None and (unicode.text or "").strip():
                raise TeikitError(f"text in a TextEquiv of <{owner}> "
                                  f"('{unicode.text.strip()[:30]}'): teikit cannot place it "
                                  "in the TEI; nothing was written", *where(equiv, self.source))


STYLE_KEYS = ("bold", "italic", "underlined", "strikethrough", "superscript", "subscript",
              "smallCaps", "letterSpaced")


def read_page(tree: etree._ElementTree, source: str, words: bool = False) -> Export:
    reader = _Reader(tree, source, words)
    pages = [reader.page(p) for p in tree.getroot().iter(reader.q("Page"))]
    if reader.disagree:  # (one warning, not one a line: OCR-D ground truth has dozens)
        first = reader.disagree[0]
        more = f" and {len(reader.disagree) - 1} more" if len(reader.disagree) > 1 else ""
        reader.warnings.append(f"{source}:{first.sourceline}: warning: the words of line "
                               f"{first.get('id')!r}{more} read otherwise than the line's "
                               "text; the lines' text is kept")
    if not pages:
        raise TeikitError("a PAGE file without a <Page>: nothing to convert",
                          *where(tree.getroot(), source))
    meta = tree.getroot().find(reader.q("Metadata"))

    def field(name: str) -> str:
        el = meta.find(reader.q(name)) if meta is not None else None
        return " ".join((el.text or "").split()) if el is not None else ""
    creator = field("Creator")
    if meta is not None:  # OCR-D, Transkribus: the tools that made it
        steps = [m.get("value") for m in meta.iter(reader.q("MetadataItem"))
                 if m.get("type") == "processingStep" and m.get("value")]
        creator = ", ".join(dict.fromkeys([c for c in [creator, *steps] if c]))
    export = Export(pages, f"PAGE {reader.version}", creator, field("Created"),
                    field("LastChange"), warnings=reader.warnings)
    if meta is not None and re.match(r"^https?://", meta.get("externalRef") or ""):
        export.image_urls[source] = meta.get("externalRef")  # eScriptorium: the IIIF image
    return export
