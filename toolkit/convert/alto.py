"""ALTO (v1 as the NDNP writes it, v2, v3, v4: Tesseract, eScriptorium/Kraken, OCR-D,
library OCR) → the recognition model (see recognition.py).

A line's text is its `String`s' `@CONTENT`, a word each: a space between two (an `SP` says so
too, but OCR-D ground truth often has none), with a line-end
`HYP` (or a `String` marked `HypPart1`) kept and the next line joined to it (`lb
break="no"`); the order is the file's (ALTO has no other); a block's type is its tag
(`TAGREFS` → `OtherTag/@LABEL`: eScriptorium's SegmOnto zones, MainZone, MarginTextZone…) or
its `@TYPE`; coordinates are `Shape/Polygon/@POINTS`, else the box `HPOS VPOS WIDTH HEIGHT`.
`@STYLE`/`STYLEREFS` (bold, italics, underline, superscript, subscript, smallcaps) become
styles; a `String`'s `@LANG` (or its block's `@LANG`/`@language`) its language.
"""

from __future__ import annotations

import re

from lxml import etree

from ..errors import TeikitError
from .recognition import ALTO1_NS, Export, ExportReader, Line, Page, Region, box, points_of, where

# SegmOnto zone types (eScriptorium) and other block labels → the TEI element
ZONES = {
    "MainZone": ("p", {}), "MarginTextZone": ("note", {"place": "margin"}),
    "NumberingZone": ("fw", {"type": "pageNum"}), "RunningTitleZone": ("fw", {"type": "header"}),
    "QuireMarksZone": ("fw", {"type": "sig"}), "DropCapitalZone": ("ab", {"type": "drop-capital"}),
    "TitlePageZone": ("ab", {"type": "title-page"}), "StampZone": ("ab", {"type": "stamp"}),
    "MusicZone": ("ab", {"type": "music"}), "TableZone": ("ab", {"type": "table"}),
    "SealZone": ("ab", {"type": "seal"}), "DamageZone": ("ab", {"type": "damage"}),
    "DigitizationArtefactZone": ("ab", {"type": "artefact"}),
    "GraphicZone": ("ab", {"type": "graphic"}), "CustomZone": ("ab", {"type": "custom"}),
}
STYLE_WORDS = {"bold": "bold", "italics": "italic", "italic": "italic",
               "underline": "underlined", "superscript": "superscript",
               "subscript": "subscript", "smallcaps": "smallCaps"}


class _Reader(ExportReader):
    def __init__(self, tree: etree._ElementTree, source: str, words: bool):
        super().__init__(tree, source, words)
        version = re.search(r"ns-v(\d)", self.ns)
        self.version = f"ALTO v{version.group(1)}" if version else \
            "ALTO v1" if self.ns == ALTO1_NS else "ALTO"
        self.tags = {t.get("ID"): t.get("LABEL") or "" for t in self.root.iter()
                     if isinstance(t.tag, str) and t.get("ID") and t.get("LABEL") is not None}
        self.fonts = {s.get("ID"): (s.get("FONTSTYLE") or "") for s in
                      self.root.iter(self.q("TextStyle")) if s.get("ID")}

    def coords(self, el: etree._Element) -> list[tuple[float, float]]:
        polygon = el.find(f"{self.q('Shape')}/{self.q('Polygon')}")
        if polygon is not None and polygon.get("POINTS"):
            return points_of(polygon.get("POINTS"))
        try:
            values = [float(el.get(a)) for a in ("HPOS", "VPOS", "WIDTH", "HEIGHT")]
        except (TypeError, ValueError):
            return []
        return box(*values)

    def labels(self, el: etree._Element) -> list[str]:
        return [self.tags.get(ref, "") for ref in (el.get("TAGREFS") or "").split()]

    def styles(self, el: etree._Element) -> set[str]:
        words = (el.get("STYLE") or "").split()
        for ref in (el.get("STYLEREFS") or "").split():
            words += self.fonts.get(ref, "").split()
        return {STYLE_WORDS[w] for w in words if w in STYLE_WORDS}

    def line(self, el: etree._Element, joined: bool) -> tuple[Line, bool]:
        """The line, and whether it ends in a marked hyphen (the next one is joined to it)."""
        text, words, styles = "", [], []
        hyphen = False
        string, space, hyp = self.q("String"), self.q("SP"), self.q("HYP")
        previous = ""
        for child in el:
            name = "String" if child.tag == string else "SP" if child.tag == space else \
                "HYP" if child.tag == hyp else ""
            if name == "String":
                content = child.get("CONTENT") or ""
                if previous == "String" and text and content:
                    text += " "  # each String is a word: an SP between them is optional
                start = len(text)
                text += content
                words.append(Line(child.get("ID") or f"word-{child.sourceline}-{len(words)}",
                                  self.coords(child) if self.words else [], content, child))
                styles += [(start, len(content), s) for s in self.styles(child)]
                hyphen = child.get("SUBS_TYPE") == "HypPart1"
            elif name == "SP":
                text += " "
            elif name == "HYP":
                text += child.get("CONTENT") or ""
                hyphen = True
            if name and (name != "String" or child.get("CONTENT")):
                previous = name
        styles += [(0, len(text), s) for s in self.styles(el)]
        line = Line(el.get("ID") or f"line-{el.sourceline}", self.coords(el), text, el, words,
                    styles=styles, joined=joined)  # (an export without ids: its line number)
        line.heading = any(label.startswith("HeadingLine") for label in self.labels(el))
        return line, hyphen

    def block(self, el: etree._Element, joined: bool) -> tuple[Region, bool]:
        labels = [label for label in self.labels(el) if label]
        kind, attrs = ("p", {})
        for label in labels:
            base = label.split(":")[0]
            if base in ZONES:
                kind, attrs = ZONES[base]
                break
        else:
            if el.get("TYPE"):
                attrs = {"type": re.sub(r"[^\w.-]", "-", el.get("TYPE"))}
                kind = "ab"
        region = Region(el.get("ID") or f"block-{el.sourceline}", kind, self.coords(el), el,
                        labels[0] if labels else (el.get("TYPE") or "TextBlock"),
                        attrs=dict(attrs),
                        lang=el.get("LANG") or el.get("language") or "")
        for line_el in el.iterchildren(self.q("TextLine")):
            line, joined = self.line(line_el, joined)
            region.lines.append(line)
        if region.lines and all(line.heading for line in region.lines) and kind == "p":
            region.kind, region.attrs = "head", {}
        return region, joined

    def page(self, el: etree._Element, image: str, unit: str) -> Page:
        regions, joined = [], False
        q = self.q
        for item in el.iter(q("TextBlock"), q("Illustration"), q("GraphicalElement")):
            name = etree.QName(item).localname
            if name == "TextBlock":
                region, joined = self.block(item, joined)
                regions.append(region)
            elif name in ("Illustration", "GraphicalElement"):
                regions.append(Region(item.get("ID") or f"{name}-{item.sourceline}", "",
                                      self.coords(item), item, name))
        for string in el.iter(self.q("String")):  # a String outside a line: nowhere to go
            if etree.QName(string.getparent()).localname != "TextLine" and string.get("CONTENT"):
                raise TeikitError(f"a <String> outside a <TextLine> "
                                  f"('{string.get('CONTENT')[:30]}'): teikit cannot place it; "
                                  "nothing was written", *where(string, self.source))
        try:
            width, height = float(el.get("WIDTH") or 0), float(el.get("HEIGHT") or 0)
        except ValueError:
            width = height = 0
        return Page(self.source, image, width, height, regions, el, unit)


def read_alto(tree: etree._ElementTree, source: str, words: bool = False) -> Export:
    reader = _Reader(tree, source, words)
    root = tree.getroot()
    description = root.find(reader.q("Description"))

    def field(path: str) -> str:
        el = description.find(path) if description is not None else None
        return " ".join((el.text or "").split()) if el is not None else ""
    q = reader.q
    unit = field(q("MeasurementUnit")) or "pixel"
    if unit != "pixel":
        reader.warnings.append(f"{source}: warning: coordinates are in {unit}, not pixels; "
                               "the zones keep them as they are, on a surface of that grid")
    image = field(f"{q('sourceImageInformation')}/{q('fileName')}")
    remote = field(f"{q('sourceImageInformation')}/{q('fileIdentifier')}")
    pages = [reader.page(p, image, unit) for p in root.iter(q("Page"))]
    if not pages:
        raise TeikitError("an ALTO file without a <Page>: nothing to convert",
                          *where(root, source))
    software = [" ".join(s for s in (field_text(p, q("softwareName")),
                                     field_text(p, q("softwareVersion"))) if s)
                for p in root.iter(q("processingSoftware"), q("Processing"))]
    when = next((field_text(p, q("processingDateTime")) for p in
                 root.iter(q("OCRProcessing"), q("Processing"), q("processingStep"))), "")
    export = Export(pages, reader.version, ", ".join(dict.fromkeys(s for s in software if s)),
                    when, "", warnings=reader.warnings)
    if re.match(r"^https?://", remote):
        export.image_urls[source] = remote
    return export


def field_text(el: etree._Element, name: str) -> str:
    found = next(el.iter(name), None)
    return " ".join((found.text or "").split()) if found is not None else ""
