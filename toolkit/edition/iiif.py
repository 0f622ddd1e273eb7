"""A IIIF Presentation 3.0 manifest per volume with page images (html/{volume}/manifest.json):
a canvas per page image, the image as its painting annotation, the transcription of each
zone as a supplementing annotation, the volume's title and header as metadata. Mirador,
Universal Viewer and the like open it by its URL (drag the page's IIIF link into them).

IIIF names everything by the URL it is published at, so a manifest needs the edition's
`base_url`; without one the build makes none and says so.
"""

from __future__ import annotations

import json
import re

from lxml import etree

from .. import TEI_NS, XML_NS
from ..facsimile import Facsimile, Surface, text_of_zones
from .documents import plain

T = "{" + TEI_NS + "}"
CONTEXT = "http://iiif.io/api/presentation/3/context.json"
NOMINAL = (1000, 1414)  # a canvas's size when the source gives none (A-series proportions)
FORMATS = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
           ".gif": "image/gif", ".webp": "image/webp"}
# rights IIIF accepts: Creative Commons and RightsStatements.org URIs
RIGHTS = re.compile(r"^https?://(creativecommons\.org/(licenses|publicdomain)/|"
                    r"rightsstatements\.org/vocab/)")
HEADER_FIELDS = (("Title", ".//t:titleStmt/t:title"), ("Author", ".//t:titleStmt/t:author"),
                 ("Editor", ".//t:titleStmt/t:editor"),
                 ("Publisher", ".//t:publicationStmt/t:publisher"),
                 ("Date", ".//t:publicationStmt/t:date"),
                 ("Source", ".//t:sourceDesc/t:bibl | .//t:sourceDesc//t:msIdentifier"))


def _text(value: str, lang: str = "none") -> dict:
    return {lang: [value]}


def _metadata(tree: etree._ElementTree) -> tuple[list[dict], dict | None, str | None]:
    """Label/value pairs from the header; the licence as required statement and rights."""
    header = tree.getroot().find(T + "teiHeader")
    if header is None:
        header = next(tree.getroot().iter(T + "teiHeader"), None)
    pairs: list[dict] = []
    statement, rights = None, None
    if header is None:
        return pairs, statement, rights
    ns = {"t": TEI_NS}
    for label, path in HEADER_FIELDS:
        values = [" ".join(plain(el).split()) for el in header.xpath(path, namespaces=ns)]
        values = list(dict.fromkeys(v for v in values if v))
        if values:
            pairs.append({"label": _text(label, "en"), "value": {"none": values}})
    licence = next(iter(header.xpath(".//t:availability//t:licence | .//t:availability/t:p",
                                     namespaces=ns)), None)
    if licence is not None:
        words = " ".join(plain(licence).split())
        target = (licence.get("target") or "").strip()
        if words or target:
            statement = {"label": _text("Licence", "en"), "value": _text(words or target)}
        if RIGHTS.match(target):
            rights = target.replace("https://", "http://", 1)  # (IIIF lists them as http)
    return pairs, statement, rights


def _painting(surface: Surface, shown: dict, canvas: str, site: str, size: tuple[int, int]
              ) -> list[dict]:
    """The image as the canvas's painting annotation (none for an image teikit cannot show)."""
    kind = shown.get("kind")
    if kind == "none":
        return []
    body: dict = {"type": "Image", "width": size[0], "height": size[1]}
    if kind == "iiif":
        body.update(id=shown["link"], format="image/jpeg",
                    service=[{"@id": shown["src"], "@type": "ImageService2",
                              "profile": "http://iiif.io/api/image/2/level1.json"}])
    else:
        link = shown["link"]
        url = link if re.match(r"^https?://", link) else site + link
        ext = re.search(r"\.[A-Za-z0-9]+$", url.split("?")[0])
        body.update(id=url, format=FORMATS.get(ext.group(0).lower() if ext else "",
                                               "image/jpeg"))
    return [{"id": f"{canvas}/page/painting", "type": "AnnotationPage", "items": [
        {"id": f"{canvas}/annotation/painting", "type": "Annotation", "motivation": "painting",
         "body": body, "target": canvas}]}]


def manifest(tree: etree._ElementTree, found: Facsimile, href, title: str, site: str,
             homepage: str) -> str:
    """The manifest's JSON. href: how the site shows each image (as for the viewer);
    site: the URL of the volume's folder (ends with /); homepage: the volume's page URL."""
    lang = (tree.getroot().get(f"{{{XML_NS}}}lang") or "").split("-")[0].lower() or "none"
    texts = text_of_zones(tree, found)
    pairs, statement, rights = _metadata(tree)
    base = site + "manifest.json"
    canvases = []
    for number, surface in enumerate(found.pages(), 1):
        canvas = f"{site}canvas/{number}"
        shown = href(surface.image) if surface.image is not None else {"kind": "none"}
        size = (surface.width, surface.height) if surface.width and surface.height else \
            _shown_size(shown) or NOMINAL
        item = {"id": canvas, "type": "Canvas", "label": _text(surface.label),
                "width": size[0], "height": size[1],
                "items": _painting(surface, shown, canvas, site, size) or
                [{"id": f"{canvas}/page/painting", "type": "AnnotationPage", "items": []}]}
        lines = [{"id": f"{canvas}/annotation/{i}", "type": "Annotation",
                  "motivation": "supplementing",
                  "body": {"type": "TextualBody", "value": texts[zone.id], "format": "text/plain",
                           **({"language": lang} if lang != "none" else {})},
                  "target": f"{canvas}#xywh={max(zone.x, 0)},{max(zone.y, 0)},"
                            f"{max(zone.w, 1)},{max(zone.h, 1)}"}
                 for i, zone in enumerate(surface.zones.values(), 1) if zone.id in texts]
        if lines:
            item["annotations"] = [{"id": f"{canvas}/page/transcription",
                                    "type": "AnnotationPage", "items": lines}]
        canvases.append(item)
    data: dict = {"@context": CONTEXT, "id": base, "type": "Manifest",
                  "label": _text(title or "Page images"), "metadata": pairs,
                  "homepage": [{"id": homepage, "type": "Text", "label": _text(title),
                                "format": "text/html"}],
                  "items": canvases}
    if statement:
        data["requiredStatement"] = statement
    if rights:
        data["rights"] = rights
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _shown_size(shown: dict) -> tuple[int, int] | None:
    """A published local image's own size."""
    return (shown["width"], shown["height"]) if "width" in shown else None
