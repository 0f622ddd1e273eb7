"""EPUB 3: a volume as an ebook, as the Office of the Historian publishes every FRUS
volume beside its web and print editions.

The content documents are the stylesheets' (epub.xsl: the reading edition's templates as
XHTML, notes as footnotes); this module makes the package around them: metadata from the
TEI header (accessibility metadata included, and only claims that hold), navigation (the
documents under their chapters, landmarks, a page-list from the source's page breaks so
that a reader can go to and cite "page 728"), the images the text shows, and a zip that
is the same bytes on any machine and at any time (nothing in it comes from the clock).

Before it is written, the package is held to the same rule as every output: each word of
the source's transcription is in its content documents (accounting), and every link in it
leads somewhere inside it or to the web (a pointer to nothing is kept as text, not a link).
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from dataclasses import dataclass, field
from urllib.parse import quote

from lxml import etree
from lxml.builder import ElementMaker

from .. import TEI_NS
from ..errors import TeikitError
from ..facsimile import figures, image_size, jpeg
from ..resources import xslt_path
from ..xmlio import parse_xml
from . import complete, plan_element, render_pages, view_of

XHTML = "http://www.w3.org/1999/xhtml"
OPS = "http://www.idpf.org/2007/ops"
X = "{" + XHTML + "}"
EPUB_TYPE = "{" + OPS + "}type"
T = "{" + TEI_NS + "}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

MIMETYPE = b"application/epub+zip"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's first moment: no build's clock
FOLDER = "EPUB"  # the package's own files, under META-INF/container.xml's rootfile
MEDIA = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
         ".webp": "image/webp"}  # raster core media types (SVG could carry script: not taken)
CONVERTED = (".tif", ".tiff")  # not a core media type: converted to JPEG
WEB = re.compile(r"^(https?:|mailto:)", re.IGNORECASE)
URL_SAFE = "%:/?#@!$&()*+,;=-._~"  # kept as they are in a web address; the rest escaped
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
ISBN = re.compile(r"^(97[89])?\d{9}[\dX]$")
W3CDTF = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TOC_DEPTH = 3  # sections of a file that is one text: how deep its contents go
CONFORMS = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
RELATORS = {"author": "aut", "editor": "edt"}


@dataclass
class Book:
    """What the build knows of a volume that the TEI alone does not say: its documents
    (as the edition names and labels them), where its pointers lead, who mentions what."""
    ident: str  # the volume's id (its folder): the package identifier when the TEI has none
    title: str
    docs: list[dict] = field(default_factory=list)  # {doc_id, slug, title, label, date, part}
    split: bool = False  # a content document per document (else the file is one)
    links: dict[str, str] = field(default_factory=dict)  # TEI pointer -> href in the package
    mentions: dict[str, dict] = field(default_factory=dict)  # token -> {href, anchor}
    mentioned: list[dict] = field(default_factory=list)  # {entry, href, label}
    url: str = ""  # the volume's page on the web, when the edition has a base_url


@dataclass
class Page:
    """A content document, with what the package needs of it (found in one walk: _sound)."""
    href: str
    root: etree._Element
    ids: set[str] = field(default_factory=set)
    breaks: list[etree._Element] = field(default_factory=list)  # its page breaks, in order
    images: list[etree._Element] = field(default_factory=list)  # its img elements


def content_name(slug: str) -> str:
    return f"{slug}.xhtml"


def epub_links(links: dict[str, str], split: bool, base_url: str) -> dict[str, str]:
    """The reading edition's links (from a page in html/{volume}/) as the package's: a page
    of this volume becomes its content document; another volume's, its web address when
    the edition has one, else no link (an ebook holds only its volume)."""
    main = "contents" if split else "text"
    found = {}
    for target, href in links.items():
        page, _, frag = href.partition("#")
        if not href:
            found[target] = ""
        elif page.startswith("../"):
            found[target] = f"{base_url}html/{page[3:]}" + (f"#{frag}" if frag else "") \
                if base_url else ""
        else:
            name = main if page in ("", "index.html") else page.removesuffix(".html")
            found[target] = content_name(name) + (f"#{frag}" if frag else "")
    return found


def render_epub(tree: etree._ElementTree, name: str, root: str, book: Book,
                **params: str) -> bytes:
    """The volume as an EPUB 3.3 package (bytes), or an error if any text would be lost."""
    images = {}
    for url, image in figures(tree, name, root).items():
        found = _package_image(image, len(images) + 1)
        if found:
            images[url] = found
    pages = _content(tree, name, book, {u: href for u, (href, _p) in images.items()}, params)
    complete(tree, "epub", "\n".join(etree.tostring(p.root, encoding="unicode") for p in pages),
             name, view=view_of(params))
    shown = {img.get("src") for p in pages for img in p.images}
    files = [(href, path) for href, path in images.values() if href in shown]
    return _package(tree, book, pages, files)


def _package_image(image, number: int) -> tuple[str, str] | None:
    """(href in the package, file) for a local image a reading system can show (a file that
    is not the image its name says is named in the text instead, like a missing one)."""
    if not image.exists or image_size(image.path) is None:
        return None
    suffix = os.path.splitext(image.path)[1].lower()
    if suffix in MEDIA:
        return f"images/{number}{suffix}", image.path
    if suffix in CONVERTED:
        return f"images/{number}.jpg", image.path
    return None


def _content(tree: etree._ElementTree, name: str, book: Book, images: dict[str, str],
             params: dict) -> list[Page]:
    """The content documents in reading order, each checked and its links made sound."""
    pages: list[dict] = [{"href": "title.xhtml", "doc": "", "page-kind": "title"}]
    labels = []
    if book.split:
        pages.append({"href": "contents.xhtml", "kind": "volume", "page-kind": "volume"})
        for i, doc in enumerate(book.docs):
            pages.append({"href": content_name(doc["slug"]), "doc": doc["doc_id"],
                          "pos": str(i + 1), "title": doc["title"],
                          "volume-hands": "contents.xhtml#hands"})
            labels.append([doc["doc_id"], doc["slug"], doc["label"], doc["date"]])
    else:
        pages.append({"href": "text.xhtml", "doc": ""})
    plan = plan_element(pages, book.links, labels, book.mentions)
    for m in book.mentioned:
        etree.SubElement(plan, "mentioned", entry=m["entry"], href=m["href"], label=m["label"])
    rendered = render_pages("epub", tree, plan, name, **{
        **params, "images": json.dumps(images) if images else "", "page-suffix": ".xhtml",
        "facsimile": ""})  # (no page images in an ebook; print's plates are print's)
    found = [Page(href, parse_xml(content.encode("utf-8"), f"{name} (ebook page {href})")
                  .getroot()) for href, content in rendered]
    _sound(found)
    return found


def _sound(pages: list[Page]) -> None:
    """Each id once per document; every link leads to a document of the package and an id
    in it (or to the web): a pointer to nothing is shown as text, as on the web."""
    for page in pages:
        for el in page.root.iter(etree.Element):
            if el.tag == X + "img":
                page.images.append(el)
            elif el.get(EPUB_TYPE) == "pagebreak":
                page.breaks.append(el)
            ident = el.get("id")
            if ident is None:
                continue
            if ident in page.ids or not ident.strip() or any(c.isspace() for c in ident):
                del el.attrib["id"]
            else:
                page.ids.add(ident)
    ids = {page.href: page.ids for page in pages}
    for page in pages:
        for el in page.root.iter(X + "a"):
            href = el.get("href")
            if href is None:
                continue
            if WEB.match(href):  # as a URL parser reads it: TEI's XPointers hold [ ] and '
                el.set("href", quote(href, safe=URL_SAFE))
                continue
            target, _, frag = href.partition("#")
            held = ids.get(target or page.href)
            if SCHEME.match(href) or held is None or frag and frag not in held:
                del el.attrib["href"]


def _page_list(pages: list[Page]) -> list[tuple[str, str]]:
    """(href, label) of every page break, in reading order; an unnumbered page is labelled
    by its place among the volume's pages, in brackets (as editors supply a number)."""
    found = []
    for page in pages:
        for el in page.breaks:
            label = (el.get("aria-label") or "").strip() or f"[{len(found) + 1}]"
            el.set("aria-label", label)
            if not el.get("id"):
                ident = f"page-{len(found) + 1}"
                while ident in page.ids:
                    ident += "-"
                el.set("id", ident)
                page.ids.add(ident)
            found.append((f"{page.href}#{el.get('id')}", label))
    return found


def _sections(page: Page) -> list[tuple[int, str, str]]:
    """A text's own sections with headings, as (depth, href, label): a one-file volume's
    contents."""
    found = []

    def walk(el: etree._Element, depth: int) -> None:
        for child in el.iterchildren(X + "section", X + "article", X + "div"):
            head = next((h for h in child.iterchildren(*(f"{X}h{n}" for n in range(1, 7)))),
                        None)
            if child.tag == X + "section" and child.get("id") and head is not None \
                    and " ".join("".join(head.itertext()).split()):
                found.append((depth, f"{page.href}#{child.get('id')}",
                              " ".join("".join(head.itertext()).split())))
                if depth < TOC_DEPTH:
                    walk(child, depth + 1)
            else:
                walk(child, depth)
    body = page.root.find(X + "body")
    if body is not None:
        walk(body, 1)
    return found


def _package(tree: etree._ElementTree, book: Book, pages: list[Page],
             images: list[tuple[str, str]]) -> bytes:
    meta = _metadata(tree, book, pages, images)
    page_list = _page_list(pages)
    files: list[tuple[str, bytes]] = [
        ("META-INF/container.xml", _container()),
        (f"{FOLDER}/package.opf", _opf(meta, pages, images)),
        (f"{FOLDER}/nav.xhtml", _nav(meta, book, pages, page_list)),
        (f"{FOLDER}/teikit.css", xslt_path("epub.css").read_bytes())]
    files += [(f"{FOLDER}/{page.href}", _xhtml_bytes(page.root)) for page in pages]
    files += [(f"{FOLDER}/{href}", _image_bytes(path)) for href, path in images]
    return zipped(files)


def zipped(files: list[tuple[str, bytes]]) -> bytes:
    """The OCF zip: `mimetype` first and stored, then the files in the order given, each
    with the same time, permissions and compression wherever and whenever it is made."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data, method in [("mimetype", MIMETYPE, zipfile.ZIP_STORED)] + \
                [(n, d, zipfile.ZIP_DEFLATED) for n, d in files]:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = method
            info.create_system = 3  # Unix, whatever the machine
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data, compresslevel=9 if method else None)
    return buffer.getvalue()


def _xhtml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True,
                          doctype="<!DOCTYPE html>")


def _image_bytes(path: str) -> bytes:
    try:
        if os.path.splitext(path)[1].lower() not in CONVERTED:
            with open(path, "rb") as f:
                return f.read()
        from PIL import Image

        with Image.open(path) as picture:
            return jpeg(picture.convert("RGB"))
    except (OSError, ValueError) as exc:  # (unreadable, or not the image its name says)
        raise TeikitError(f"cannot put this image into the ebook: {exc}", path) from None


# ---- metadata ------------------------------------------------------------------------

@dataclass
class Metadata:
    identifier: str
    title: str
    language: str
    modified: str
    people: list[tuple[str, str, str]]  # (dc element, name, MARC relator)
    publisher: str = ""
    date: str = ""
    rights: str = ""
    source: str = ""
    features: list[str] = field(default_factory=list)
    modes: list[str] = field(default_factory=list)
    sufficient: list[str] = field(default_factory=list)
    summary: str = ""


def _text(el: etree._Element | None) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _metadata(tree: etree._ElementTree, book: Book, pages: list[Page],
              images: list[tuple[str, str]]) -> Metadata:
    root = tree.getroot()
    ns = {"t": TEI_NS}
    header = root.find(f"{T}teiHeader")
    file = header.find(f"{T}fileDesc") if header is not None else None

    def first(path: str) -> str:
        found = file.xpath(path, namespaces=ns) if file is not None else []
        return next((t for t in map(_text, found) if t), "")

    lang = (root.get(XML_LANG) or "").strip() or \
        next((t.get(XML_LANG) or "" for t in root.iter(T + "text") if t.get(XML_LANG)), "")
    people: list[tuple[str, str, str]] = []
    if file is not None:
        stmt = file.find(f"{T}titleStmt")
        named = [] if stmt is None else [(el, RELATORS[etree.QName(el).localname])
                                         for el in stmt.iterchildren(T + "author", T + "editor")]
        authors = any(rel == "aut" for _el, rel in named)
        for el, rel in named:
            if _text(el):
                people.append(("creator" if rel == "aut" or not authors else "contributor",
                               _text(el), rel))
    pub = file.find(f"{T}publicationStmt") if file is not None else None
    when = [el.get("when", "") for el in (pub.iter(T + "date") if pub is not None else [])]
    shown_images = [img for p in pages for img in p.images]
    described = all((img.get("alt") or "").strip() for img in shown_images)
    pagebreaks = any(p.breaks for p in pages)
    features = ["structuralNavigation", "tableOfContents", "readingOrder",
                "displayTransformability"]
    if pagebreaks:
        features += ["pageBreakMarkers", "pageNavigation", "printPageNumbers"]
    if shown_images and described:
        features.append("alternativeText")
    modes = ["textual"] + (["visual"] if shown_images else [])
    sufficient = ["textual"] if described else ["textual,visual"]
    summary = ("The text of the edition with its headings, notes (as footnotes linked both "
               "ways) and page numbers of the source (page-list); navigation by contents "
               "and landmarks. ")
    summary += ("Every image has a text description. " if shown_images and described else
                "Some images have no text description. " if shown_images else
                "There are no images. ")
    summary += ("Made by teikit from TEI; teikit's ebooks are checked with EPUBCheck and "
                "axe-core (WCAG 2 A and AA) by its tests.")
    return Metadata(
        identifier=_identifier(file, book),
        title=book.title or first("t:titleStmt/t:title") or book.ident,
        language=lang if LANGUAGE.match(lang) else "en",
        modified=_modified(header),
        people=people,
        publisher=first("t:publicationStmt/t:publisher") or first("t:publicationStmt/t:authority"),
        date=next((w for w in when if W3CDTF.match(w)), ""),
        rights=first("t:publicationStmt/t:availability"),
        source=first("t:sourceDesc/t:bibl") or first("t:sourceDesc/t:p"),
        features=features, modes=modes, sufficient=sufficient, summary=summary)


def _identifier(file: etree._Element | None, book: Book) -> str:
    """An ISBN the header gives (as a URN), else the volume's web address, else a URN of
    the volume's id: stable from one build to the next, never made up per build."""
    for idno in file.iter(T + "idno") if file is not None else []:
        digits = re.sub(r"[\s-]", "", _text(idno)).upper()
        if (idno.get("type") or "").lower() in ("isbn", "isbn-13", "isbn-10") and \
                ISBN.match(digits):
            return f"urn:isbn:{digits}"
    return book.url or f"urn:teikit:{book.ident}"


def _modified(header: etree._Element | None) -> str:
    """dcterms:modified from the source: the latest date its header records (a change, the
    publication), never the clock; without one, the zip format's first day."""
    dates = []
    for el in header.iter(T + "change", T + "date") if header is not None else []:
        for attr in ("when", "notAfter", "to"):
            value = (el.get(attr) or "").strip()
            m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}:\d{2}:\d{2}))?", value)
            if m and m.group(1) != "0000":
                dates.append(f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}"
                             f"T{m.group(4) or '00:00:00'}Z")
    return max(dates) if dates else "1980-01-01T00:00:00Z"


# ---- package documents -----------------------------------------------------------------

def _container() -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            b'<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
            b'<rootfiles><rootfile full-path="' + FOLDER.encode() +
            b'/package.opf" media-type="application/oebps-package+xml"/></rootfiles>'
            b'</container>\n')


def _opf(meta: Metadata, pages: list[Page], images: list[tuple[str, str]]) -> bytes:
    OPF = "http://www.idpf.org/2007/opf"
    DC = "http://purl.org/dc/elements/1.1/"
    package = etree.Element(f"{{{OPF}}}package", nsmap={None: OPF}, attrib={
        "version": "3.0", "unique-identifier": "pub-id", XML_LANG: meta.language})
    metadata = etree.SubElement(package, f"{{{OPF}}}metadata", nsmap={"dc": DC})

    def dc(name: str, value: str, **attrs: str) -> etree._Element:
        el = etree.SubElement(metadata, f"{{{DC}}}{name}", attrs)
        el.text = value
        return el

    def prop(name: str, value: str, **attrs: str) -> None:
        el = etree.SubElement(metadata, f"{{{OPF}}}meta", {"property": name, **attrs})
        el.text = value

    dc("identifier", meta.identifier, id="pub-id")
    dc("title", meta.title)
    dc("language", meta.language)
    for n, (element, name, relator) in enumerate(meta.people, start=1):
        dc(element, name, id=f"person-{n}")
        prop("role", relator, refines=f"#person-{n}", scheme="marc:relators")
    for name, value in (("publisher", meta.publisher), ("date", meta.date),
                        ("rights", meta.rights), ("source", meta.source)):
        if value:
            dc(name, value)
    prop("dcterms:modified", meta.modified)
    for mode in meta.modes:
        prop("schema:accessMode", mode)
    for mode in meta.sufficient:
        prop("schema:accessModeSufficient", mode)
    for feature in meta.features:
        prop("schema:accessibilityFeature", feature)
    prop("schema:accessibilityHazard", "none")
    prop("schema:accessibilitySummary", meta.summary)
    prop("dcterms:conformsTo", CONFORMS)
    prop("a11y:certifiedBy", "teikit (automated: EPUBCheck, axe-core)")
    manifest = etree.SubElement(package, f"{{{OPF}}}manifest")

    def item(ident: str, href: str, media: str, properties: str = "") -> None:
        attrs = {"id": ident, "href": href, "media-type": media}
        if properties:
            attrs["properties"] = properties
        etree.SubElement(manifest, f"{{{OPF}}}item", attrs)

    item("nav", "nav.xhtml", "application/xhtml+xml", "nav")
    item("css", "teikit.css", "text/css")
    for n, page in enumerate(pages, start=1):
        item(f"page-{n}", page.href, "application/xhtml+xml")
    for n, (href, _path) in enumerate(images, start=1):
        item(f"image-{n}", href, MEDIA[os.path.splitext(href)[1]])
    spine = etree.SubElement(package, f"{{{OPF}}}spine")
    etree.SubElement(spine, f"{{{OPF}}}itemref", idref="page-1")
    etree.SubElement(spine, f"{{{OPF}}}itemref", idref="nav")
    for n in range(2, len(pages) + 1):
        etree.SubElement(spine, f"{{{OPF}}}itemref", idref=f"page-{n}")
    return etree.tostring(package, encoding="UTF-8", xml_declaration=True)


def _nav(meta: Metadata, book: Book, pages: list[Page], page_list: list) -> bytes:
    E = ElementMaker(namespace=XHTML, nsmap={None: XHTML, "epub": OPS})

    def link(href: str, label: str, **attrs: str) -> etree._Element:
        return E.a(label, href=href, **attrs)

    toc = E.ol()
    toc.append(E.li(link("title.xhtml", "Title page")))
    if book.split:
        toc.append(E.li(link("contents.xhtml", meta.title)))
        part_list, part = toc, None
        for doc in book.docs:
            if doc.get("part") and doc["part"] != part:
                part = doc["part"]
                part_list = E.ol()
                held = doc.get("part_id") and doc["part_id"] in pages[1].ids  # contents.xhtml
                toc.append(E.li(link(f"contents.xhtml#{doc['part_id']}", part) if held
                                else E.span(part), part_list))
            elif not doc.get("part"):
                part, part_list = None, toc
            label = doc["label"] + (f" ({doc['date']})" if doc.get("date") else "")
            part_list.append(E.li(link(content_name(doc["slug"]), label)))
    else:
        text = pages[-1]
        toc.append(E.li(link(text.href, meta.title)))
        stack = [toc]
        for depth, href, label in _sections(text):
            while len(stack) > depth:
                stack.pop()
            while len(stack) < depth:  # a deeper section: under the last entry
                parent = stack[-1][-1]
                sub = parent.find(X + "ol")
                if sub is None:
                    sub = E.ol()
                    parent.append(sub)
                stack.append(sub)
            stack[-1].append(E.li(link(href, label)))
    first = content_name(book.docs[0]["slug"]) if book.split and book.docs else pages[-1].href
    landmarks = E.ol(
        E.li(link("title.xhtml", "Title page", **{EPUB_TYPE: "titlepage"})),
        E.li(link("nav.xhtml#toc", "Contents", **{EPUB_TYPE: "toc"})),
        E.li(link(first, "Start of the text", **{EPUB_TYPE: "bodymatter"})))
    body = E.body(
        E.nav(E.h1("Contents", id="toc-head"), toc, id="toc", role="doc-toc",
              **{EPUB_TYPE: "toc", "aria-labelledby": "toc-head"}),
        E.nav(E.h2("Landmarks"), landmarks, id="landmarks", hidden="hidden",
              **{EPUB_TYPE: "landmarks", "aria-label": "Landmarks"}))
    if page_list:
        body.append(E.nav(E.h2("Pages"), E.ol(*(E.li(link(href, label))
                                                for href, label in page_list)),
                          id="page-list", hidden="hidden", role="doc-pagelist",
                          **{EPUB_TYPE: "page-list", "aria-label": "Pages"}))
    html = E.html(E.head(E.meta(charset="UTF-8"), E.title(f"{meta.title}: contents"),
                         E.link(rel="stylesheet", type="text/css", href="teikit.css")),
                  body, lang=meta.language, **{XML_LANG: meta.language})
    return _xhtml_bytes(html)
