"""What a build needs to know about the documents in a TEI file, and how to cut
one document out of a volume so it renders on its own page."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from .. import TEI_NS, XML_NS

T = "{" + TEI_NS + "}"
XML_ID = "{" + XML_NS + "}id"
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
NS = {"t": TEI_NS}


def safe_slug(value: str, fallback: str) -> str:
    """A file name that cannot leave the output folder."""
    slug = SAFE_NAME.sub("-", value).strip(".-")
    return slug[:120] or fallback


def plain(el: etree._Element | None) -> str:
    """Text as a reader sees it in a list: no notes, no deletions."""
    if el is None:
        return ""
    skip = {T + "note", T + "del"}
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
    title = plain(next(iter(tree.xpath("//t:titleStmt/t:title", namespaces=NS)), None))
    created = tree.xpath("string(//t:profileDesc/t:creation/t:date/@when)", namespaces=NS)
    if not divs:
        root = tree.getroot()
        return [{"doc_id": "", "base": safe_slug(source.stem, "document"), "n": "",
                 "date": created, "title": title or source.stem, "split": False,
                 "ids": _ids(root), "refs": _refs(root)}]
    docs = []
    for div in divs:
        doc_id = div.get(XML_ID) or ""
        when = div.xpath("string((.//t:dateline//t:date/@when)[1])", namespaces=NS)
        base = safe_slug(doc_id, source.stem) if doc_id else safe_slug(source.stem, "document")
        docs.append({"doc_id": doc_id, "base": base, "n": div.get("n") or "",
                     "date": when or (created if len(divs) == 1 else ""),
                     "title": plain(div.find(T + "head")) or title or base,
                     "split": len(divs) > 1, "ids": _ids(div), "refs": _refs(div)})
    return docs


def _ids(el: etree._Element) -> list[str]:
    return [x.get(XML_ID) for x in el.iter() if isinstance(x.tag, str) and x.get(XML_ID)]


def _refs(el: etree._Element) -> list[str]:
    own = set(_ids(el))
    found = []
    for ref in el.iter(T + "ref", T + "ptr"):
        target = ref.get("target") or ""
        if target.startswith("#") and target[1:] not in own:
            found.append(target[1:])
    return sorted(set(found))


def copy(el: etree._Element) -> etree._Element:
    clone = etree.fromstring(etree.tostring(el))
    clone.tail = None
    return clone


def split(tree: etree._ElementTree, div: etree._Element, title: str) -> etree._ElementTree:
    """One document of a volume as a TEI file of its own: the volume header (with the
    document's title, without the volume's page range) and the page breaks just before it."""
    root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    lang = tree.getroot().get(f"{{{XML_NS}}}lang")
    if lang:
        root.set(f"{{{XML_NS}}}lang", lang)
    header = tree.getroot().find(T + "teiHeader")
    if header is not None:
        header = copy(header)
        stmt = header.find(f"{T}fileDesc/{T}titleStmt")
        if stmt is not None:
            for el in stmt.findall(T + "title"):
                stmt.remove(el)
            new = etree.Element(T + "title")
            new.text = title
            stmt.insert(0, new)
        for scope in header.iterfind(f"{T}fileDesc/{T}sourceDesc//{T}biblScope"):
            scope.getparent().remove(scope)
        root.append(header)
    body = etree.SubElement(etree.SubElement(root, T + "text"), T + "body")
    before = []
    prev = div.getprevious()
    while prev is not None and prev.tag == T + "pb":
        before.insert(0, prev)
        prev = prev.getprevious()
    for pb in before:
        body.append(copy(pb))
    body.append(copy(div))
    return etree.ElementTree(root)


def link_across(tree: etree._ElementTree, pages: dict[str, str]) -> None:
    """A #pointer to another document becomes a link to that document's page."""
    for el in tree.iter(T + "ref", T + "ptr"):
        target = el.get("target") or ""
        if target.startswith("#") and target[1:] in pages:
            el.set("target", f"{pages[target[1:]]}.html{target}")


def volume_shell(tree: etree._ElementTree, slugs: dict[str, tuple[str, str]]) -> etree._ElementTree:
    """The volume without its documents: front and back matter, compilation headings, and a
    link to each document's page where the document stood."""
    shell = etree.ElementTree(copy(tree.getroot()))
    for div in document_divs(shell):
        slug, label = slugs.get(div.get(XML_ID) or "", ("", ""))
        p = etree.Element(T + "p")
        ref = etree.SubElement(p, T + "ref", {"target": f"{slug}.html"})
        ref.text = label
        p.tail = div.tail
        div.getparent().replace(div, p)
    return shell


def edition_tree(parts: list[tuple[etree._ElementTree, etree._Element | None, str]],
                 title: str) -> etree._ElementTree:
    """Every document in one TEI tree, in order, for the whole-edition PDF.

    parts: (file tree, its document div or None for a file without divs, slug)."""
    tei = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    header = etree.SubElement(tei, T + "teiHeader")
    file_desc = etree.SubElement(header, T + "fileDesc")
    etree.SubElement(etree.SubElement(file_desc, T + "titleStmt"), T + "title").text = title
    etree.SubElement(etree.SubElement(file_desc, T + "publicationStmt"), T + "p").text = title
    etree.SubElement(etree.SubElement(file_desc, T + "sourceDesc"), T + "p").text = title
    hand_notes = None
    seen_hands: set[str] = set()
    seen_files: set[int] = set()
    body = etree.SubElement(etree.SubElement(tei, T + "text"), T + "body")
    for tree, div, slug in parts:
        if id(tree) not in seen_files:
            seen_files.add(id(tree))
            for note in tree.iter(T + "handNote"):
                hid = note.get(XML_ID)
                if hid and hid not in seen_hands:
                    if hand_notes is None:
                        profile = etree.SubElement(header, T + "profileDesc")
                        hand_notes = etree.SubElement(profile, T + "handNotes")
                    seen_hands.add(hid)
                    hand_notes.append(copy(note))
        if div is not None:
            body.append(copy(div))
        else:
            wrapper = etree.SubElement(body, T + "div", {"type": "document", XML_ID: slug})
            for child in tree.getroot().iterfind(f"{T}text/{T}body/*"):
                wrapper.append(copy(child))
    return etree.ElementTree(tei)
