"""The edition build: a folder of TEI in, HTML pages, PDFs and text files out.

Each source file is read once, checked, and rendered to every requested
output; a file with errors is reported and skipped while the rest still
build. Every output is written atomically, so a failed build never leaves a
half-written page behind.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .. import TEI_NS, XML_NS
from ..errors import TeikitError, UsageError
from ..files import write_atomic
from ..render import css, render_html, render_pdf, render_text
from ..render.saxon import transform
from ..validate import ERROR, collect_xml, validate_tree
from ..xmlio import parse_xml, read_bytes

T = "{" + TEI_NS + "}"
XML_ID = "{" + XML_NS + "}id"
OUTPUTS = ("html", "print", "text")
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class Document:
    source: Path
    tree: etree._ElementTree
    doc_id: str  # "" when the file has no document divs
    slug: str
    n: str
    date: str
    title: str
    split: bool = False  # one document cut out of a volume


@dataclass
class BuildReport:
    documents: int = 0
    files_written: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"built {self.documents} documents, wrote {self.files_written} files, "
                f"{len(self.errors)} errors, {len(self.warnings)} warnings "
                f"in {self.seconds:.1f} s")


def safe_slug(value: str, fallback: str) -> str:
    """A file name that cannot leave the output folder."""
    slug = SAFE_NAME.sub("-", value).strip(".-")
    return slug[:120] or fallback


def _plain(el: etree._Element | None) -> str:
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


def _split(tree: etree._ElementTree, div: etree._Element, title: str) -> etree._ElementTree:
    """One document of a volume as a TEI file of its own: the volume header (with the
    document's title, without the volume's page range) and the page breaks just before it."""
    root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    lang = tree.getroot().get(f"{{{XML_NS}}}lang")
    if lang:
        root.set(f"{{{XML_NS}}}lang", lang)
    header = tree.getroot().find(T + "teiHeader")
    if header is not None:
        header = _copy(header)
        for el in header.iterfind(f"{T}fileDesc/{T}titleStmt/{T}title"):
            el.getparent().remove(el)
        stmt = header.find(f"{T}fileDesc/{T}titleStmt")
        if stmt is not None:
            etree.SubElement(stmt, T + "title").text = title
            stmt.insert(0, stmt[-1])
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
        body.append(_copy(pb))
    body.append(_copy(div))
    return etree.ElementTree(root)


def _link_across(docs: list[Document]) -> None:
    """In split documents, a #pointer to another document becomes a link to its page."""
    home: dict[str, str] = {}
    for doc in docs:
        for el in doc.tree.iter():
            value = el.get(XML_ID) if isinstance(el.tag, str) else None
            if value:
                home.setdefault(value, doc.slug)
    for doc in docs:
        if not doc.split:
            continue
        local = {el.get(XML_ID) for el in doc.tree.iter() if isinstance(el.tag, str)}
        for el in doc.tree.iter(T + "ref", T + "ptr"):
            target = el.get("target") or ""
            if target.startswith("#") and target[1:] not in local and target[1:] in home:
                el.set("target", f"{home[target[1:]]}.html{target}")


def documents_of(source: Path, tree: etree._ElementTree) -> list[Document]:
    ns = {"t": TEI_NS}
    divs = tree.xpath("//t:div[@type='document']", namespaces=ns)
    title = _plain(next(iter(tree.xpath("//t:titleStmt/t:title", namespaces=ns)), None))
    created = tree.xpath("string(//t:profileDesc/t:creation/t:date/@when)", namespaces=ns)
    if not divs:
        return [Document(source, tree, "", safe_slug(source.stem, "document"), "", created,
                         title or source.stem)]
    docs = []
    for div in divs:
        doc_id = div.get(XML_ID) or ""
        head = div.find(T + "head")
        when = div.xpath("string((.//t:dateline//t:date/@when)[1])", namespaces=ns)
        slug = safe_slug(doc_id, source.stem) if doc_id else safe_slug(source.stem, "document")
        doc_title = _plain(head) or title or slug
        own = tree if len(divs) == 1 else _split(tree, div, doc_title)
        docs.append(Document(source, own, doc_id, slug, div.get("n") or "",
                             when or (created if len(divs) == 1 else ""), doc_title,
                             split=len(divs) > 1))
    return docs


def build_edition(source: str | Path, out: str | Path, outputs: tuple[str, ...] = OUTPUTS,
                  title: str = "", progress: Callable[[str], None] | None = None
                  ) -> BuildReport:
    start = time.monotonic()
    source, out = Path(source), Path(out)
    if not source.is_dir():
        raise UsageError("no such folder", str(source))
    unknown = set(outputs) - set(OUTPUTS)
    if unknown:
        raise UsageError(f"unknown output {sorted(unknown)[0]!r}; choose from html, print, text")
    report = BuildReport()
    files = collect_xml([str(source)])
    if not files:
        raise TeikitError("no TEI files (*.xml) in this folder", str(source))
    docs: list[Document] = []
    for path in files:
        try:
            data = read_bytes(path)
            tree = parse_xml(data, str(path))
        except TeikitError as exc:
            report.errors.append(str(exc))
            continue
        problems = validate_tree(tree, str(path), data.decode("utf-8", "replace"))
        errors = [d for d in problems if d.severity == ERROR]
        report.warnings += [d.text() for d in problems if d.severity != ERROR]
        if errors:
            report.errors += [d.text() for d in errors]
            continue
        docs.extend(documents_of(path, tree))
    _unique_slugs(docs)
    _link_across(docs)
    edition_title = title or "Edition"
    written = 0
    for index, doc in enumerate(docs):
        if progress:
            progress(f"[{index + 1}/{len(docs)}] {doc.source.name} {doc.doc_id}".rstrip())
        try:
            written += _render_document(doc, docs, index, out, outputs)
        except TeikitError as exc:
            report.errors.append(str(exc))
    if "print" in outputs and docs:
        written += _render_per_file_pdfs(docs, out)
        write_atomic(out / "print" / "edition.pdf",
                     render_pdf(_edition_tree(docs, edition_title), "edition",
                                **{"edition-title": edition_title}))
        written += 1
    if "html" in outputs and docs:
        write_atomic(out / "html" / "index.html", _index_html(docs, edition_title, outputs))
        written += 1
    report.documents = len(docs)
    report.files_written = written
    report.seconds = time.monotonic() - start
    return report


def _unique_slugs(docs: list[Document]) -> None:
    seen: dict[str, int] = {}
    for doc in docs:
        base = doc.slug
        count = seen.get(base, 0)
        seen[base] = count + 1
        if count:
            doc.slug = f"{base}-{count + 1}"


def _render_document(doc: Document, docs: list[Document], index: int, out: Path,
                     outputs: tuple[str, ...]) -> int:
    written = 0
    name = str(doc.source)
    if "html" in outputs:
        params = {"index-href": "index.html"}  # each document has a tree of its own
        if index > 0:
            params.update({"prev-href": f"{docs[index - 1].slug}.html",
                           "prev-title": docs[index - 1].title})
        if index + 1 < len(docs):
            params.update({"next-href": f"{docs[index + 1].slug}.html",
                           "next-title": docs[index + 1].title})
        write_atomic(out / "html" / f"{doc.slug}.html", render_html(doc.tree, name, **params))
        written += 1
    if "text" in outputs:
        write_atomic(out / "text" / f"{doc.slug}.txt",
                     render_text(doc.tree, name))
        written += 1
    return written


def _render_per_file_pdfs(docs: list[Document], out: Path) -> int:
    written = 0
    done: set[Path] = set()
    for doc in docs:
        if doc.source in done:
            continue
        done.add(doc.source)
        slug = safe_slug(doc.source.stem, "document")
        whole = doc.tree if not doc.split else parse_xml(read_bytes(doc.source), str(doc.source))
        write_atomic(out / "print" / f"{slug}.pdf", render_pdf(whole, str(doc.source)))
        written += 1
    return written


def _edition_tree(docs: list[Document], title: str) -> etree._ElementTree:
    """All documents in one TEI tree, for the whole-edition PDF."""
    tei = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    header = etree.SubElement(tei, T + "teiHeader")
    file_desc = etree.SubElement(header, T + "fileDesc")
    etree.SubElement(etree.SubElement(file_desc, T + "titleStmt"), T + "title").text = title
    etree.SubElement(etree.SubElement(file_desc, T + "publicationStmt"), T + "p").text = title
    etree.SubElement(etree.SubElement(file_desc, T + "sourceDesc"), T + "p").text = title
    hand_notes = None
    seen_hands: set[str] = set()
    body = etree.SubElement(etree.SubElement(tei, T + "text"), T + "body")
    for doc in docs:
        for note in doc.tree.iter(T + "handNote"):
            hid = note.get(XML_ID)
            if hid and hid not in seen_hands:
                if hand_notes is None:
                    profile = etree.SubElement(header, T + "profileDesc")
                    hand_notes = etree.SubElement(profile, T + "handNotes")
                seen_hands.add(hid)
                hand_notes.append(_copy(note))
        if doc.doc_id:
            div = doc.tree.xpath("//t:div[@xml:id=$id]", namespaces={"t": TEI_NS},
                                 id=doc.doc_id)[0]
            body.append(_copy(div))
        else:
            div = etree.SubElement(body, T + "div", {"type": "document", XML_ID: doc.slug})
            for child in doc.tree.getroot().iterfind(f"{T}text/{T}body/*"):
                div.append(_copy(child))
    return etree.ElementTree(tei)


def _copy(el: etree._Element) -> etree._Element:
    clone = etree.fromstring(etree.tostring(el))
    clone.tail = None
    return clone


def _index_html(docs: list[Document], title: str, outputs: tuple[str, ...]) -> str:
    edition = etree.Element("edition", title=title,
                            pdf="../print/edition.pdf" if "print" in outputs else "")
    for doc in docs:
        etree.SubElement(edition, "doc", n=doc.n, date=doc.date, title=doc.title,
                         href=f"{doc.slug}.html",
                         text=f"../text/{doc.slug}.txt" if "text" in outputs else "",
                         pdf=f"../print/{safe_slug(doc.source.stem, 'document')}.pdf"
                         if "print" in outputs else "")
    return transform("index.xsl", etree.ElementTree(edition), {"css": css()}, "index")
