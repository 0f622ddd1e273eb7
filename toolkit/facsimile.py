"""Page images: which image a page break, a line or a region of a transcription stands on.

TEI ties text to images in several ways, all of them in real editions (../shared/corpus):
`pb/@facs` as a URL, as a `#surface`, `#zone` or `#graphic` pointer, as a `prefix:rest`
private URI, or as a bare name the edition's `facs_pattern` completes; `facsimile/surface/
graphic` with zones (`@ulx…@lry` or `@points`) that lines and paragraphs point to; and
`sourceDoc` surfaces that hold the transcription itself. They are read here once, into
surfaces (an image, its size, its zones) and references (an `@facs` value → surface and
zone), which the web page's viewer, the IIIF manifest, print's plates and the checks all
use: one reading of the forms, not one per output.

Images are only ever addresses (nothing is fetched): a IIIF Image service (its base URL),
an `http(s)` image, a local file inside the edition, or a raster `data:image/…` URL; any
other reference is named, never loaded.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from . import TEI_NS, XML_NS
from .pointers import expand, prefix_defs

T = "{" + TEI_NS + "}"
XML_ID = "{" + XML_NS + "}id"
# a IIIF Image API request (…/{region}/{size}/{rotation}/{quality}.{format}): its service base
IIIF_REQUEST = re.compile(r"^(?P<base>https?://.+?)/(full|square|\d+,\d+,\d+,\d+|pct:[\d.,]+)/"
                          r"\^?(full|max|!?\d*,\d*|pct:[\d.]+)/!?\d+(\.\d+)?/"
                          r"(default|color|gray|grey|bitonal|native)\.\w+$")
IIIF_INFO = re.compile(r"^(?P<base>https?://.+?)/info\.json$")
RASTER_DATA = re.compile(r"^data:image/(png|jpeg|gif|webp)[;,]", re.IGNORECASE)
WEB = re.compile(r"^https?://", re.IGNORECASE)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# files a browser (and Typst) shows as they are; others (TIFF, JPEG 2000…) are converted
SHOWN = (".jpg", ".jpeg", ".png", ".gif", ".webp")
IMAGE_FILE = re.compile(r"\.(jpe?g|png|gif|webp|tiff?|jp2|j2k|bmp)$", re.IGNORECASE)
MILESTONES = {T + "lb", T + "cb", T + "milestone"}  # an @facs here is the line that follows


@dataclass
class Image:
    """One page image, as an address. kind: "iiif" (url: the service base), "web" (url: an
    image a browser shows), "local" (path: a file of the edition; exists or not), "none"
    (ref names something teikit does not load: `anno:…`, a `.jp2` on the web…)."""

    ref: str
    kind: str
    url: str = ""
    path: str = ""

    @property
    def exists(self) -> bool:
        return self.kind == "local" and os.path.isfile(self.path)


@dataclass
class Zone:
    """A region of a page image, in the image's pixels: its box, and its outline when the
    source gives one (`@points`)."""

    id: str
    x: int
    y: int
    w: int
    h: int
    points: list[tuple[int, int]] = field(default_factory=list)
    element: etree._Element | None = None


@dataclass
class Surface:
    key: str
    label: str
    width: int | None
    height: int | None
    image: Image | None
    zones: dict[str, Zone] = field(default_factory=dict)
    element: etree._Element | None = None  # None: a page known only from a pb's URL


@dataclass
class Facsimile:
    surfaces: dict[str, Surface] = field(default_factory=dict)
    refs: dict[str, tuple[str, str]] = field(default_factory=dict)  # @facs → (surface, zone)
    order: list[str] = field(default_factory=list)  # surfaces as the text reaches them
    used: set[str] = field(default_factory=set)  # surfaces the text points into at all
    named: bool = False  # page breaks name images only by a name a facs_pattern completes
    problems: list[tuple[etree._Element, str]] = field(default_factory=list)

    def pages(self) -> list[Surface]:
        """Every surface once: in the order the text's page breaks reach them, then those no
        page break names (a sourceDoc's pages; pages of a facsimile the text skips)."""
        seen = dict.fromkeys(self.order)
        seen.update(dict.fromkeys(self.surfaces))
        return [self.surfaces[key] for key in seen]

    def local_images(self) -> list[Image]:
        """Every local image the file names, there or not yet: an edition keys its images
        by these, so one added beside an unchanged file is published at the next build."""
        found: dict[str, Image] = {}
        for surface in self.pages():
            if surface.image is not None and surface.image.kind == "local":
                found.setdefault(surface.image.path, surface.image)
        return list(found.values())


def _number(value: str | None) -> float | None:
    """A coordinate or size: "1924", "1924px", "12.5" (other units are not pixels)."""
    m = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*(px)?\s*", value or "")
    return float(m.group(1)) if m else None


def _points(value: str) -> list[tuple[int, int]]:
    found = []
    for pair in value.split():
        x, _, y = pair.partition(",")
        a, b = _number(x), _number(y)
        if a is None or b is None:
            return []
        found.append((round(a), round(b)))
    return found


def _zone(el: etree._Element, origin: tuple[float, float]) -> Zone | None:
    """A zone's region relative to its surface's image (None: it gives no coordinates)."""
    ox, oy = origin
    points = _points(el.get("points") or "")
    if points:
        xs, ys = [p[0] - ox for p in points], [p[1] - oy for p in points]
        shifted = [(round(x), round(y)) for x, y in zip(xs, ys, strict=True)]
        return Zone(el.get(XML_ID) or "", round(min(xs)), round(min(ys)),
                    round(max(xs) - min(xs)), round(max(ys) - min(ys)), shifted, el)
    box = [_number(el.get(a)) for a in ("ulx", "uly", "lrx", "lry")]
    if None in box:
        return None
    ulx, uly, lrx, lry = box  # type: ignore[misc]
    return Zone(el.get(XML_ID) or "", round(ulx - ox), round(uly - oy), round(lrx - ulx),
                round(lry - uly), [], el)


class _Reader:
    """Reads one file's forms; `image` decides what a reference is."""

    def __init__(self, tree: etree._ElementTree, source: str, root: str, pattern: str):
        self.tree = tree
        self.folder = os.path.dirname(os.path.abspath(source)) if source else ""
        self.root = os.path.abspath(root) if root else self.folder
        self.pattern = pattern
        self.prefixes = prefix_defs(tree)
        self.found = Facsimile()
        self.first_pb: dict[str, etree._Element] = {}  # a page known from a pb: that pb
        self.ids: dict[str, etree._Element] = {}
        for el in tree.iter(etree.Element):
            ident = el.get(XML_ID)
            if ident is not None:
                self.ids.setdefault(ident, el)

    def image(self, ref: str, el: etree._Element | None = None) -> Image:
        ref = expand(ref.strip(), self.prefixes) if self.prefixes else ref.strip()
        m = IIIF_REQUEST.match(ref) or IIIF_INFO.match(ref)
        if m:
            return Image(ref, "iiif", url=m.group("base"))
        if WEB.match(ref):
            path = ref.split("?")[0].split("#")[0]
            last = path.rstrip("/").rpartition("/")[2]
            if "?" not in ref and "." not in last:  # a IIIF service's base (the viewer
                # shows it as a plain image if it has no info.json)
                return Image(ref, "iiif", url=path.rstrip("/"))
            shown = not IMAGE_FILE.search(path) or path.lower().endswith(SHOWN)
            return Image(ref, "web" if shown else "none", url=ref)
        if RASTER_DATA.match(ref):
            return Image(ref, "web", url=ref)
        if SCHEME.match(ref) or not self.folder:
            return Image(ref, "none")
        path = os.path.normpath(os.path.join(self.folder_of(el), unquote(ref.split("#")[0])))
        if os.path.commonpath([path, self.root]) != self.root:
            if el is not None:
                self.found.problems.append((el, f"page image {ref!r} is outside the edition "
                                                f"folder {self.root}: it is not published"))
            return Image(ref, "none")
        return Image(ref, "local", path=path)

    def folder_of(self, el: etree._Element | None) -> str:
        """Where a relative image address starts: beside the file the element came from
        (an XInclude'd page file sets xml:base), else beside the source."""
        base = el.base if el is not None else None
        if not base or SCHEME.match(base) and not base.startswith("file:"):
            return self.folder
        base = unquote(base[len("file://"):] if base.startswith("file://") else base)
        return os.path.dirname(os.path.join(self.folder, base))

    def surfaces(self) -> None:
        root = self.tree.getroot()
        for i, el in enumerate(s for s in root.iter(T + "surface")
                               if next(s.iterancestors(T + "surface"), None) is None):
            self.surface(el, i + 1)

    def surface(self, el: etree._Element, number: int) -> None:
        key = el.get(XML_ID) or f"surface-{number}"
        box = [_number(el.get(a)) for a in ("ulx", "uly", "lrx", "lry")]
        graphics = [g for g in el.iter(T + "graphic")
                    if next(g.iterancestors(T + "zone"), None) is None]
        width = height = None
        if None not in box[2:]:
            width, height = round(box[2] - (box[0] or 0)), round(box[3] - (box[1] or 0))
        else:
            sized = [g for g in graphics if _number(g.get("width")) and _number(g.get("height"))]
            if sized:
                width, height = round(_number(sized[0].get("width"))), \
                    round(_number(sized[0].get("height")))
        refs = [(g.get("url"), g) for g in graphics if g.get("url")]
        refs += [(v, el) for v in (el.get("facs") or "").split()[:1] if not v.startswith("#")]
        images = [self.image(ref, g) for ref, g in refs]
        label = el.get("n") or next((" ".join(lb.itertext()).strip() for lb in
                                     el.iterchildren(T + "label")), "") or ""
        surface = Surface(key, label.strip(), width, height, _best(images), element=el)
        origin = (box[0] or 0, box[1] or 0)
        named = []
        for number, z in enumerate(el.iter(T + "zone", T + "line", T + "path"), 1):
            zone = _zone(z, origin)
            if zone is not None:  # (one without xml:id cannot be pointed to: checked only)
                if zone.id:
                    named.append(zone)
                zone.id = zone.id or f"{key}-zone-{number}"
                surface.zones[zone.id] = zone
        self.found.surfaces[key] = surface
        if next(el.iterancestors(T + "facsimile"), None) is None:  # a transcription's page
            self.found.used.add(key)  # (sourceDoc, a page file): shown with its text
        self.found.refs["#" + key] = (key, "")
        for g in graphics:
            if g.get(XML_ID):
                self.found.refs["#" + g.get(XML_ID)] = (key, "")
        for zone in named:
            self.found.refs["#" + zone.id] = (key, zone.id)

    def references(self) -> None:
        """Every @facs of the text (not of the facsimile itself): page breaks reach
        surfaces in order; other elements (lines, paragraphs) are tied to their zones."""
        by_image: dict[str, str] = {}
        for key, surface in self.found.surfaces.items():
            if surface.image is not None:
                by_image.setdefault(surface.image.url or surface.image.path, key)
        header, facsimiles = T + "teiHeader", (T + "facsimile", T + "sourceDoc")
        for el in self.tree.getroot().iter(etree.Element):
            value = (el.get("facs") or "").split()
            if not value or el.tag in (T + "surface", T + "graphic") or \
                    any(a.tag == header or a.tag in facsimiles for a in el.iterancestors()):
                continue
            ref = value[0]
            if ref in self.found.refs:
                self.reached(el, self.found.refs[ref])
                continue
            if ref.startswith("#"):
                target = self.ids.get(ref[1:])
                if target is not None:
                    name = etree.QName(target).localname
                    self.found.problems.append((el, (
                        f"@facs=\"{ref}\" points to <{name}>, which is neither a surface, "
                        "a zone nor a graphic: no page image is shown for it")))
                continue  # (a pointer to nothing: the pointer check says so)
            if el.tag != T + "pb":
                continue
            self.page(el, ref, by_image)

    def page(self, pb: etree._Element, ref: str, by_image: dict[str, str]) -> None:
        """A page break whose @facs is an address, not a pointer: the surface with that
        image, else a page of its own."""
        address = ref  # (the references stay keyed by @facs as the text has it)
        if not SCHEME.match(ref) and not IMAGE_FILE.search(ref) and self.pattern:
            address = self.pattern.replace("{facs}", ref).replace("{n}", pb.get("n") or "")
        image = self.image(address, pb)
        key = by_image.get(image.url or image.path)
        if key is None and image.kind == "local" and not image.exists and \
                not IMAGE_FILE.search(image.path):  # a name, no file: the edition's
            self.found.named = True  # facs_pattern makes it an address (FRUS: facs="0758")
            return  # (none is set)
        if key is None:
            key = f"page-{len(self.found.surfaces) + 1}"
            self.found.surfaces[key] = Surface(key, "", None, None, image)
            by_image[image.url or image.path] = key
            self.first_pb[key] = pb
        zone = ""
        corresp = (pb.get("corresp") or "").split()[:1]
        if corresp and corresp[0] in self.found.refs and \
                self.found.refs[corresp[0]][0] == key:  # the half of a double-page scan
            zone = self.found.refs[corresp[0]][1]
        self.found.refs[ref] = (key, zone)
        self.reached(pb, (key, zone))

    def reached(self, el: etree._Element, target: tuple[str, str]) -> None:
        self.found.used.add(target[0])
        if el.tag == T + "pb":
            surface = self.found.surfaces[target[0]]
            if not surface.label and el.get("n"):
                surface.label = el.get("n") or ""
            self.found.order.append(target[0])


def _best(images: list[Image]) -> Image | None:
    """Of a surface's images: a local file that exists, else one on the web, else a local
    one that is missing (a warning says so), else one only named."""
    for wanted in (lambda i: i.exists, lambda i: i.kind in ("iiif", "web"),
                   lambda i: i.kind == "local", lambda i: True):
        for image in images:
            if wanted(image):
                return image
    return None


def read_facsimile(tree: etree._ElementTree, source: str = "", root: str = "",
                   pattern: str = "") -> Facsimile:
    """The file's page images and what points to them. source: the file (relative image
    paths start beside it); root: the edition folder (no image outside it is used);
    pattern: facs_pattern, for page breaks that give only a name."""
    reader = _Reader(tree, source, root, pattern)
    reader.surfaces()
    reader.references()
    found = reader.found
    for number, surface in enumerate(found.pages(), 1):
        if not surface.label:
            surface.label = f"image {number}"
        if surface.image is not None and surface.image.kind == "local" and \
                not surface.image.exists:
            where = surface.element if surface.element is not None else \
                reader.first_pb.get(surface.key, tree.getroot())
            found.problems.append((where, f"page image {surface.image.ref!r} does not exist "
                                          f"({surface.image.path}); the page shows without it"))
    return found


def image_size(path: str) -> tuple[int, int] | None:
    """A local image's pixel size, from its header (None: not an image Pillow reads)."""
    from PIL import Image as Picture
    from PIL import UnidentifiedImageError

    try:
        with Picture.open(path) as picture:
            return picture.size
    except (OSError, UnidentifiedImageError, ValueError):
        return None


def figures(tree: etree._ElementTree, source: str, root: str) -> dict[str, Image]:
    """The local images the file's graphics name (figures, a surface's picture), by their
    @url, each read as the viewer reads a page image (inside the edition, relative to an
    XInclude'd file's xml:base): what an ebook holds, and what its key stamps."""
    graphics = [(el, (el.get("url") or "").strip()) for el in tree.iter(T + "graphic")]
    if not any(url for _el, url in graphics):
        return {}
    reader = _Reader(tree, source, root, "")
    found: dict[str, Image] = {}
    for el, url in graphics:
        if url and url not in found:
            image = reader.image(url, el)
            if image.kind == "local":
                found[url] = image
    return found


JPEG_QUALITY = 85  # of converted images (TIFF…) and of a scan's smaller copies


def jpeg(picture) -> bytes:
    """A Pillow image as JPEG bytes: how teikit converts an image a browser or a reading
    system cannot show."""
    import io

    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue()


def has_images(tree: etree._ElementTree) -> bool:
    """Is there anything to show beside the text (cheap: no image is looked at)?"""
    return any(el.tag == T + "surface" or el.get("facs") is not None
               for el in tree.getroot().iter(etree.Element))


def text_of_zones(tree: etree._ElementTree, found: Facsimile) -> dict[str, str]:
    """The transcription of each zone the text points to: a line begins at its `lb` (or
    `cb`, `milestone`) and runs to the next; a paragraph, a `line` or a `zone` of a
    sourceDoc is its own text. For the manifest's supplementing annotations."""
    texts: dict[str, list[str]] = {}
    current: list[str] | None = None
    skip = 0
    for event, el in etree.iterwalk(tree.getroot(), events=("start", "end")):
        if not isinstance(el.tag, str):
            if event == "end" and current is not None and el.tail and not skip:
                current.append(el.tail)
            continue
        if el.tag in (T + "teiHeader", T + "facsimile"):
            skip += 1 if event == "start" else -1
            continue
        if skip:
            continue
        if event == "start":
            value = (el.get("facs") or "").split()[:1]
            target = found.refs.get(value[0]) if value else None
            zone = target[1] if target else ""
            if el.tag in MILESTONES:
                current = texts.setdefault(zone, []) if zone else None
            elif el.tag == T + "pb":
                current = None
            elif zone:
                texts.setdefault(zone, []).append(" ".join(el.itertext()))
            elif el.tag in (T + "zone", T + "line") and el.get(XML_ID) in _zone_ids(found):
                texts.setdefault(el.get(XML_ID), []).append(" ".join(el.itertext()))
            if current is not None and el.text:
                current.append(el.text)
        elif current is not None and el.tail:
            current.append(el.tail)
    return {zone: " ".join(" ".join(parts).split()) for zone, parts in texts.items()
            if "".join(parts).strip()}


def _zone_ids(found: Facsimile) -> set[str]:
    return {z for s in found.surfaces.values() for z in s.zones}


def viewer_json(found: Facsimile, href) -> str:
    """viewer_data as the stylesheets' `facsimile` parameter takes it; '' when no page has
    an image to show (a panel of "no image" notes helps no reader)."""
    data = viewer_data(found, href)
    if all(surface["kind"] == "none" for surface in data["surfaces"].values()):
        return ""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def viewer_data(found: Facsimile, href) -> dict:
    """What the web page's viewer needs (the stylesheet keeps the surfaces a page reaches):
    surfaces with their image as the page loads it (`href(image)` → a dict with kind "iiif"
    (src: the service base), "image" (src: its URL), "levels" (src: [{url, width, height}],
    smallest first) or "none"; and link, the image for a reader without the viewer), size
    and zones; and the references."""
    surfaces = {}
    for surface in found.pages():
        shown = href(surface.image) if surface.image is not None else {"kind": "none"}
        entry = {"label": surface.label, "kind": shown["kind"], "src": shown.get("src", ""),
                 "link": shown.get("link", ""),
                 "name": surface.image.ref if surface.image is not None else "",
                 "zones": [[z.id, z.x, z.y, z.w, z.h,
                            " ".join(f"{x},{y}" for x, y in z.points)]
                           for z in surface.zones.values() if "#" + z.id in found.refs]}
        if surface.width and surface.height:
            entry.update(w=surface.width, h=surface.height)
        surfaces[surface.key] = entry
    return {"surfaces": surfaces, "refs": {ref: list(t) for ref, t in found.refs.items()}}


def remote(image: Image) -> dict:
    """A web image as the viewer loads it (a IIIF service: its tiles)."""
    if image.kind == "iiif":
        request = IIIF_REQUEST.match(image.ref)
        return {"kind": "iiif", "src": image.url,
                "link": image.ref if request else image.url + "/full/max/0/default.jpg"}
    if image.kind == "web":
        return {"kind": "image", "src": image.url, "link": image.url}
    return {"kind": "none"}


def beside(start: str):
    """Images as a page in folder `start` loads them: `teikit render` of one file, whose
    page sits beside its sources (a local file by its path from there, if a browser shows
    its format)."""
    def href(image: Image) -> dict:
        if image.exists and image.path.lower().endswith(SHOWN):
            url = Path(os.path.relpath(image.path, start)).as_posix()
            return {"kind": "image", "src": url, "link": url}
        return remote(image)
    return href
