"""What a build needs to know about the documents in a TEI file (cutting a document
out of its volume is done by the stylesheets: tk:split in common.xsl)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from copy import deepcopy
from pathlib import Path

from lxml import etree

from .. import TEI_NS, XML_NS

T = "{" + TEI_NS + "}"
XML_ID = "{" + XML_NS + "}id"
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
NS = {"t": TEI_NS}
IDS = etree.XPath("./@xml:id | .//@xml:id")
# a file's own title (as common.xsl's tk:file-title): analytic, else main, else the first
FILE_TITLE = etree.XPath("(//t:fileDesc/t:titleStmt/t:title[@level='a'] | "
                         "//t:fileDesc/t:titleStmt/t:title[@type='main'])[1] | "
                         "(//t:fileDesc/t:titleStmt/t:title)[1][not(../t:title[@level='a' or "
                         "@type='main'])]", namespaces=NS)
# when a file was written, from its header: its creation, else when a letter was sent
CREATED = etree.XPath("string((//t:profileDesc/t:creation/t:date/@when | "
                      "//t:correspAction[@type='sent']/t:date/@when | "
                      "//t:correspAction[@type='sent']/t:date/@notBefore)[1])", namespaces=NS)
DATELINE_WHEN = etree.XPath("string((.//t:dateline//t:date/@when)[1])", namespaces=NS)


def safe_slug(value: str, fallback: str) -> str:
    """A file name that cannot leave the output folder and needs no escaping in a URL:
    letters keep their base letter (Bühne -> Buhne), anything else but [A-Za-z0-9._-]
    becomes '-'."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", value)
                     if not unicodedata.combining(c))
    slug = SAFE_NAME.sub("-", folded).strip(".-")
    return slug[:120] or fallback


def plain(el: etree._Element | None, skip: tuple[str, ...] = ()) -> str:
    """Text as a reader sees it in a list: no notes, no deletions (nor what `skip` names)."""
    if el is None:
        return ""
    skip = {T + "note", T + "del", *skip}
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag not in skip:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return " ".join("".join(parts).split())


def document_divs(tree: etree._ElementTree) -> list[etree._Element]:
    return tree.xpath("//t:div[@type='document']", namespaces=NS)


def describe(source: Path, tree: etree._ElementTree) -> list[dict]:
    """One plain dict per document (kept in the build manifest): id, title, date, ids…"""
    divs = document_divs(tree)
    title = plain(next(iter(FILE_TITLE(tree)), None))
    created = CREATED(tree)
    if not divs:
        root = tree.getroot()
        own = _ids(root)
        letter = root.find(f".//{T}correspDesc") is not None
        return [{"doc_id": "", "base": safe_slug(source.stem, "document"), "n": "",
                 "date": created, "title": title or source.stem, "split": False,
                 "ids": own, "refs": _refs(root, set(own)), "part": "", "part_id": "",
                 "type": "letter" if letter else "", "mentions": mentions(root)}]
    docs = []
    parts: dict = {}  # enclosing division -> its (head, id): many documents share one
    shared = _shared_hash(tree) if len(divs) > 1 else ""
    for div in divs:
        doc_id = div.get(XML_ID) or ""
        when = DATELINE_WHEN(div)
        own = [str(i) for pb in pages_before(div) for i in pb.xpath("@xml:id")] + _ids(div)
        base = safe_slug(doc_id, source.stem) if doc_id else safe_slug(source.stem, "document")
        part_title, part_id = _part(div, parts)
        docs.append({"doc_id": doc_id, "base": base, "n": div.get("n") or "",
                     "date": when or (created if len(divs) == 1 else ""),
                     "title": plain(div.find(T + "head")) or title or base,
                     "split": len(divs) > 1, "ids": own, "refs": _refs(div, set(own)),
                     "hash": _own_hash(div, shared) if shared else "",
                     "part": part_title, "part_id": part_id,
                     "type": div.get("subtype") or "", "mentions": mentions(div)})
    return docs


# Registers: what a file declares (persons, places, organisations, terms) and what its
# documents mention (names pointing at a declaration by @ref, @corresp, @target or @key).
ENTRY_KINDS = {T + "person": "persons", T + "personGrp": "persons", T + "place": "places",
               T + "org": "organisations"}
LIST_KINDS = {"persons": "persons", "terms": "terms"}  # FRUS: div/@xml:id, list/@type
LABELS = (T + "persName", T + "placeName", T + "orgName", T + "term", T + "name",
          T + "label", T + "gloss")
MENTIONS = (T + "persName", T + "placeName", T + "orgName", T + "rs", T + "name", T + "term",
            T + "gloss")
POINTING = ("ref", "corresp", "target", "key")
HEADER = T + "teiHeader"
_NOT_TEXT = {HEADER, *ENTRY_KINDS, T + "listPerson", T + "listPlace", T + "listOrg"}


def entries(tree: etree._ElementTree) -> list[dict]:
    """Register entries a file declares: kind, id, label, description, identifiers."""
    found = []
    for el in tree.getroot().iter(*ENTRY_KINDS):
        label = next((c for c in el.iter(*LABELS) if c is not el), None)
        found.append(_entry(ENTRY_KINDS[el.tag], el, el.get(XML_ID) or "", label))
    for lst in tree.getroot().iter(T + "list"):
        holder = lst.getparent()
        kind = LIST_KINDS.get(lst.get("type") or "") or \
            (LIST_KINDS.get(holder.get(XML_ID) or "") if holder.tag == T + "div" else None)
        if kind is None:
            continue
        for item in lst.iterfind(T + "item"):
            label = next(item.iter(*LABELS), None)
            ident = item.get(XML_ID) or (label.get(XML_ID) if label is not None else "") or ""
            found.append(_entry(kind, item, ident, label))
    return found


def _entry(kind: str, el: etree._Element, ident: str, label: etree._Element | None) -> dict:
    name = plain(label) if label is not None else ""
    if label is not None and label.find(T + "surname") is not None:  # as a register sorts
        first = " ".join(plain(f) for f in label.iter(T + "forename"))
        name = ", ".join(p for p in (" ".join(plain(s) for s in label.iter(T + "surname")),
                                     first) if p)
    described = plain(el, skip=(T + "geo", T + "idno", T + "location"))
    idents = sorted({" ".join((i.text or "").split()) for i in el.iter(T + "idno")
                     if (i.text or "").strip().startswith(("http://", "https://"))} |
                    {v for k in ("sameAs", "ref") for v in (el.get(k) or "").split()
                     if v.startswith(("http://", "https://"))})
    return {"kind": kind, "id": str(ident), "label": name or described[:80] or str(ident),
            "text": described[:400], "idents": idents}


def mentions(el: etree._Element) -> dict[str, int]:
    """How often each pointer of a name in `el` is used (not in the header, not in a
    register's own entries: a place named in a person's entry is no mention in the text)."""
    counts: dict[str, int] = {}
    for name in el.iter(*MENTIONS):
        if any(a.tag in _NOT_TEXT or a.tag == T + "list" and (a.get("type") in LIST_KINDS)
               for a in name.iterancestors()):
            continue
        for attr in POINTING:
            for token in (name.get(attr) or "").split():
                counts[token] = counts.get(token, 0) + 1
    return counts


def describe_volume(tree: etree._ElementTree) -> dict:
    """What a build needs of a file as a whole: the id that names its folder of pages
    (TEI/@xml:id), its title, and the ids and pointers outside its documents (front and
    back matter, shown on the volume's own page)."""
    root = tree.getroot()
    divs = document_divs(tree)
    inside = {el for div in divs for el in div.iter()} | \
        {pb for div in divs for pb in pages_before(div)}
    outside = [el for el in root.iter(etree.Element) if el not in inside] if divs else []
    ids = [str(el.get(XML_ID)) for el in outside if el.get(XML_ID)]
    return {"volume_id": root.get(XML_ID) or "", "frame": _frame_hash(outside, divs),
            "title": plain(next(iter(FILE_TITLE(tree)), None)),
            "lang": (root.get(f"{{{XML_NS}}}lang") or "").split("-")[0].lower(),
            "ids": ids, "refs": sorted({t for el in outside if el.tag in (T + "ref", T + "ptr")
                                        for t in [_pointer(el, set(ids))] if t}),
            "entries": entries(tree)}


def pages_before(div: etree._Element) -> list[etree._Element]:
    """The page breaks that stand right before a document: the page it begins on (as
    common.xsl's tk:pages-before: a page is shown with the document that begins on it)."""
    found = []
    prev = div.getprevious()
    while prev is not None and prev.tag == T + "pb":
        found.append(prev)
        prev = prev.getprevious()
    return found[::-1]


def _part(div: etree._Element, seen: dict) -> tuple[str, str]:
    """The chapter a document stands in: its nearest enclosing division that has a head
    (its head's text and its id)."""
    parent = div.getparent()
    if parent not in seen:
        found = ("", "")
        for anc in div.iterancestors(T + "div"):
            head = anc[0] if len(anc) and anc[0].tag == T + "head" else anc.find(T + "head")
            if head is not None:
                found = (plain(head), anc.get(XML_ID) or "")
                break
        seen[parent] = found
    return seen[parent]


def _shared_hash(tree: etree._ElementTree) -> str:
    """What every document of a volume takes from the volume: its header and language."""
    root = tree.getroot()
    header = root.find(T + "teiHeader")
    h = hashlib.sha256((root.get(f"{{{XML_NS}}}lang") or "").encode())
    if header is not None:
        h.update(etree.tostring(header))
    return h.hexdigest()


def _frame_hash(outside: list[etree._Element], divs: list[etree._Element]) -> str:
    """The file without its documents (header, front and back matter, the text between
    documents): with the documents' labels, what its volume's own page is made from, so
    that editing inside a document does not make that page again."""
    h = hashlib.sha256()
    for el in outside:
        h.update(repr((el.tag, sorted(el.attrib.items()), el.text, el.tail)).encode())
    for div in divs:
        h.update(repr(div.tail).encode())
    return h.hexdigest()


def _own_hash(div: etree._Element, shared: str) -> str:
    """A document's own content (with the page breaks it begins after): when it is unchanged,
    its pages need no rendering, whatever else changed in the volume."""
    h = hashlib.sha256(shared.encode())
    for pb in pages_before(div)[::-1]:
        h.update(etree.tostring(pb, with_tail=False))
    h.update(etree.tostring(div, with_tail=False))
    return h.hexdigest()


def _ids(el: etree._Element) -> list[str]:
    return [str(value) for value in IDS(el) if value]


def _refs(el: etree._Element, own: set[str]) -> list[str]:
    """The pointers of `el` that lead out of it: `#id` elsewhere in its file, and `file.xml#id`
    or `volume-id#id` into another file (the build resolves them to pages)."""
    return sorted({t for ref in el.iter(T + "ref", T + "ptr") for t in [_pointer(ref, own)] if t})


def _pointer(ref: etree._Element, own: set[str]) -> str:
    target = (ref.get("target") or "").strip()
    if not target or " " in target or "://" in target or ":" in target.split("#")[0]:
        return ""  # several pointers, a URL, mailto:…: not a page of the edition
    if target.startswith("#"):
        return target if target[1:] not in own else ""
    return target


def copy(el: etree._Element, prefix: str = "") -> etree._Element:
    """A detached copy; with a prefix, its ids and the pointers to them (`#id` tokens of any
    attribute: target, hand, corresp, ana…) made unique within an edition of volumes."""
    clone = deepcopy(el)  # (not serialised and parsed again: ids may repeat in a source)
    clone.tail = None
    if prefix:
        for node in clone.iter(etree.Element):
            for name, value in node.attrib.items():
                if name == XML_ID:
                    node.set(name, f"{prefix}.{value}")
                elif "#" in value:
                    node.set(name, " ".join(f"#{prefix}.{t[1:]}" if t.startswith("#") else t
                                            for t in value.split()))
    return clone


def edition_tree(volumes: list[tuple[etree._ElementTree, list[etree._Element] | None, str]],
                 title: str) -> etree._ElementTree:
    """Every document in one TEI corpus, in order, for the whole-edition PDF: a TEI per
    volume with its own header (each document keeps its volume's hands and source) and
    ids prefixed with the volume's (every volume has its d1; the contents must find each).

    volumes: (file tree, its document divs, or None for a file that is one document,
    volume id)."""
    corpus = etree.Element(T + "teiCorpus", nsmap={None: TEI_NS})
    header = etree.SubElement(corpus, T + "teiHeader")
    file_desc = etree.SubElement(header, T + "fileDesc")
    etree.SubElement(etree.SubElement(file_desc, T + "titleStmt"), T + "title").text = title
    etree.SubElement(etree.SubElement(file_desc, T + "publicationStmt"), T + "p").text = title
    etree.SubElement(etree.SubElement(file_desc, T + "sourceDesc"), T + "p").text = title
    for tree, divs, volume in volumes:
        root = tree.getroot()
        tei = etree.SubElement(corpus, T + "TEI", {XML_ID: volume})
        if root.get(f"{{{XML_NS}}}lang"):
            tei.set(f"{{{XML_NS}}}lang", root.get(f"{{{XML_NS}}}lang"))
        own = root.find(T + "teiHeader")
        if own is not None:
            tei.append(copy(own, volume))
        body = etree.SubElement(etree.SubElement(tei, T + "text"), T + "body")
        if divs is not None:
            for div in divs:
                for el in [*pages_before(div), div]:
                    body.append(copy(el, volume))
        else:
            wrapper = etree.SubElement(body, T + "div", {"type": "document",
                                                         XML_ID: f"{volume}.text"})
            for child in root.iterfind(f"{T}text/{T}body/*"):
                wrapper.append(copy(child, volume))
    return etree.ElementTree(corpus)
