"""Word (.docx) transcriptions → TEI, keeping the editorial evidence.

The WordprocessingML parts are read from the zip with teikit's hardened XML
parser. Every paragraph becomes a block of inline nodes (text, formatting,
links, tracked insertions and deletions by author, note references, page
breaks) and then goes through the same structure reader and TEI builder as
memo text, so a memo typed in Word and the same memo as text give the same
TEI. Anything not understood is kept as text, with a warning naming the part
and element; nothing aborts on an unknown construct.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import TeikitError
from ..xmlio import parse_xml, read_bytes
from .frontmatter import FIELDS, FrontMatter, Hand, split_front_matter
from .inline import PAGE_RE, Block, Bracket, Break, Change, Hi, Link, NoteRef, Page, Shift, Text
from .memo import Memo, Note, read_lines
from .tei import Warning_

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
w = f"{{{W}}}"

MAX_PART = 64 * 2**20
MAX_TOTAL = 256 * 2**20
MAX_RATIO = 200
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HAND_STYLE = re.compile(r"^Hand-([A-Za-z_][A-Za-z0-9_.-]*)$")
KNOWN_FIELDS = {"PAGE", "NUMPAGES", "DATE", "TIME", "REF", "NOTEREF", "PAGEREF", "HYPERLINK",
                "SEQ", "TOC", "AUTHOR", "TITLE", "FILENAME", "CREATEDATE", "SAVEDATE"}
SILENT = {"bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd", "pPr", "rPr",
          "commentRangeStart", "commentRangeEnd", "lastRenderedPageBreak", "footnoteRef",
          "endnoteRef", "annotationRef", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr",
          "separator", "continuationSeparator", "moveFromRangeStart", "moveFromRangeEnd",
          "moveToRangeStart", "moveToRangeEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd"}
DESCEND = {"smartTag", "customXml", "sdt", "sdtContent", "dir", "bdo"}


def local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


class Package:
    """The parts of a .docx, read with size limits."""

    def __init__(self, path: str | Path):
        self.name = str(path)
        data = read_bytes(path)
        if data.startswith(OLE_MAGIC):
            raise TeikitError("this Word file is encrypted (password-protected) or an old binary "
                              ".doc; remove the password or save it as .docx", self.name, 1, 1)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError):
            raise TeikitError("not a Word .docx file (not a zip archive)", self.name, 1, 1) from None
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL or any(i.file_size > MAX_PART for i in infos):
            raise TeikitError(f"the archive declares {total // 2**20} MiB of content; teikit reads "
                              f"parts up to {MAX_PART // 2**20} MiB and {MAX_TOTAL // 2**20} MiB "
                              "in all (a zip bomb?)", self.name, 1, 1)
        for info in infos:
            if info.flag_bits & 0x1:
                raise TeikitError("this Word file is encrypted; remove the password and save "
                                  "it again", self.name, 1, 1)
            if info.compress_size and info.file_size > 2**20 and \
                    info.file_size / info.compress_size > MAX_RATIO:
                raise TeikitError(f"part {info.filename} expands {info.file_size // info.compress_size}"
                                  " times; refusing it (a zip bomb?)", self.name, 1, 1)
        self.names = {i.filename for i in infos}
        if "word/document.xml" not in self.names:
            raise TeikitError("a zip archive, but not a Word document: word/document.xml is "
                              "missing", self.name, 1, 1)

    def where(self, part: str) -> str:
        return f"{self.name}[{part}]"

    def xml(self, part: str) -> etree._Element | None:
        if part not in self.names:
            return None
        with self.zip.open(part) as handle:
            data = handle.read(MAX_PART + 1)
        if len(data) > MAX_PART:
            raise TeikitError(f"part {part} is larger than {MAX_PART // 2**20} MiB", self.name)
        return parse_xml(data, self.where(part)).getroot()

    def rels(self, part: str) -> dict[str, str]:
        folder, _, base = part.rpartition("/")
        root = self.xml(f"{folder}/_rels/{base}.rels")
        if root is None:
            return {}
        return {r.get("Id"): r.get("Target", "") for r in root.iter(f"{{{REL}}}Relationship")}


@dataclass
class Para:
    """One body element as the structure reader sees it."""

    text: str
    block: Block | None
    kind: str = ""  # "", "list", "table", "section-head", "empty"


@dataclass
class Reader:
    pkg: Package
    warnings: list[Warning_] = field(default_factory=list)
    styles: dict[str, str] = field(default_factory=dict)
    ordered_lists: set[str] = field(default_factory=set)
    hands: list[Hand] = field(default_factory=list)
    revisions: list[tuple[str, str, str]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    note_parts: dict[str, dict[str, etree._Element]] = field(default_factory=dict)
    last_page: int = 0
    uses_main_hand: bool = False
    pending: dict[int, tuple[str, etree._Element]] = field(default_factory=dict)

    def warn(self, part: str, el: etree._Element | None, message: str) -> None:
        self.warnings.append(Warning_(self.pkg.where(part), el.sourceline if el is not None
                                      else 1, 1, message))

    # --- setup -------------------------------------------------------------------------

    def load(self) -> None:
        styles = self.pkg.xml("word/styles.xml")
        if styles is not None:
            for style in styles.iter(w + "style"):
                name = style.find(w + "name")
                self.styles[style.get(w + "styleId", "")] = \
                    name.get(w + "val", "") if name is not None else ""
        numbering = self.pkg.xml("word/numbering.xml")
        if numbering is not None:
            abstract_ordered = set()
            for abstract in numbering.iter(w + "abstractNum"):
                fmt = abstract.find(f"{w}lvl/{w}numFmt")
                if fmt is not None and fmt.get(w + "val") not in ("bullet", "none"):
                    abstract_ordered.add(abstract.get(w + "abstractNumId"))
            for num in numbering.iter(w + "num"):
                ref = num.find(w + "abstractNumId")
                if ref is not None and ref.get(w + "val") in abstract_ordered:
                    self.ordered_lists.add(num.get(w + "numId"))
        for part, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote"),
                          ("word/comments.xml", "comment")):
            root = self.pkg.xml(part)
            found = {}
            if root is not None:
                for note in root.iter(w + tag):
                    if note.get(w + "type") in ("separator", "continuationSeparator",
                                                "continuationNotice"):
                        continue
                    found[note.get(w + "id")] = note
            self.note_parts[tag] = found

    def hand_for(self, author: str) -> str:
        author = author.strip() or "unknown author"
        for hand in self.hands:
            if hand.person == author:
                return hand.id
        taken = {h.id for h in self.hands}
        n = len(self.hands) + 1
        while f"h{n}" in taken:
            n += 1
        self.hands.append(Hand(f"h{n}", author, ""))
        return f"h{n}"

    def style_hand(self, hand_id: str) -> str:
        if hand_id not in {h.id for h in self.hands}:
            self.hands.append(Hand(hand_id, f"hand {hand_id} (Word style Hand-{hand_id})", ""))
        return hand_id

    # --- paragraphs --------------------------------------------------------------------

    def paragraph(self, p: etree._Element, part: str, rels: dict[str, str]) -> list:
        state = {"hand": "", "field": []}
        nodes = text_markup(merge(self.children(p, part, rels, state)))
        self.number_pages(nodes)
        return nodes

    def number_pages(self, nodes: list) -> None:
        """Word page breaks get the number after the last page known, in reading order."""
        for node in nodes:
            if isinstance(node, (Hi, Link, Change, Bracket)):
                self.number_pages(node.children)
            elif isinstance(node, Page) and node.n.isdigit():
                self.last_page = int(node.n)
            elif isinstance(node, Page) and not node.n:
                part, el = self.pending.pop(id(node))
                number = self.last_page + 1
                self.warn(part, el, f"<w:br w:type=\"page\">: a Word page break without a "
                          f"page number: numbered {number} (after "
                          f"{self.last_page or 'no known page'}); check it against the source")
                node.n = str(number)
                self.last_page = number

    def children(self, el: etree._Element, part: str, rels: dict[str, str], state: dict) -> list:
        out: list = []
        for child in el:
            name = local(child)
            if not name or name in SILENT:
                continue
            if name == "r":
                out += self.run(child, part, rels, state)
            elif name == "hyperlink":
                target = rels.get(child.get(f"{{{R}}}id", ""), "")
                anchor = child.get(w + "anchor")
                target = target or (f"#{anchor}" if anchor else "")
                inner = self.children(child, part, rels, state)
                out.append(Link(target, inner) if target else Hi("underline", inner))
            elif name in ("ins", "moveTo", "del", "moveFrom"):
                kind = "add" if name in ("ins", "moveTo") else "del"
                hand = self.hand_for(child.get(w + "author", ""))
                rev = f"rev{len(self.revisions) + 1}"
                self.revisions.append((rev, iso_when(child.get(w + "date", "")), hand))
                out.append(Change(kind, hand, self.children(child, part, rels, state), 0, rev))
            elif name == "fldSimple":
                instr = " ".join((child.get(w + "instr") or "").split())
                self.field_warning(part, child, instr)
                out += self.children(child, part, rels, state)
            elif name in DESCEND:
                out += self.children(child, part, rels, state)
            elif name == "p":  # nested paragraph (text box): keep its text
                out += self.children(child, part, rels, state)
            else:
                self.warn(part, child, f"<w:{name}> is not converted; its text is kept")
                out += self.children(child, part, rels, state)
        return out

    def run(self, r: etree._Element, part: str, rels: dict[str, str], state: dict) -> list:
        props = r.find(w + "rPr")
        rends, hand = run_format(props, self.styles)
        out: list = []
        if hand is not None or state["hand"]:
            new = self.style_hand(hand) if hand else "main"
            if new != (state["hand"] or "main"):
                if new == "main":
                    self.uses_main_hand = True
                out.append(Shift(new, 0))
            state["hand"] = hand or ""
        content: list = []
        for child in r:
            name = local(child)
            if name in ("t", "delText"):
                if not state["field"] or state["field"][-1] == "result":
                    content.append(Text(child.text or "", 0))
            elif name == "instrText":
                if state["field"]:
                    state["field"][-1] = "code"
                    self.field_warning(part, child, " ".join((child.text or "").split()))
            elif name == "fldChar":
                kind = child.get(w + "fldCharType")
                if kind == "begin":
                    state["field"].append("code")
                elif kind == "separate" and state["field"]:
                    state["field"][-1] = "result"
                elif kind == "end" and state["field"]:
                    state["field"].pop()
            elif name == "tab":
                content.append(Text("\t", 0))
            elif name in ("br", "cr"):
                if child.get(w + "type") == "page":
                    content.append(self.page_break(part, child))
                else:
                    content.append(Break())
            elif name == "noBreakHyphen":
                content.append(Text("\u2011", 0))
            elif name == "softHyphen":
                content.append(Text("\u00ad", 0))
            elif name == "sym":
                code = child.get(w + "char", "")
                if re.fullmatch(r"[0-9A-Fa-f]{1,6}", code):
                    content.append(Text(chr(int(code, 16) & 0xFFFF or 0xFFFD), 0))
            elif name in ("footnoteReference", "endnoteReference", "commentReference"):
                content.append(self.note_ref(name[:-9], child.get(w + "id"), part, child))
            elif name in ("drawing", "pict", "object"):
                boxes = [p for p in child.iter(w + "p")]
                self.warn(part, child, f"<w:{name}> (an image or object) is not converted"
                          + ("; the text in it is kept" if boxes else ""))
                for box in boxes:
                    content += self.children(box, part, rels, state) + [Break()]
            elif name and name not in SILENT:
                self.warn(part, child, f"<w:{name}> in a run is not converted; its text is kept")
                content += [Text(t, 0) for t in child.itertext()]
        if rends and content:
            out.append(Hi(" ".join(rends), content))
        else:
            out += content
        return out

    def field_warning(self, part: str, el: etree._Element, instr: str) -> None:
        code = instr.split()[0].upper() if instr.split() else "?"
        what = "" if code in KNOWN_FIELDS else "unknown "
        self.warn(part, el, f"<w:{local(el)}>: {what}field {instr!r}: kept as its displayed text")

    def page_break(self, part: str, el: etree._Element) -> Page:
        page = Page("", 0)  # numbered by number_pages, in reading order
        self.pending[id(page)] = (part, el)
        return page

    def note_ref(self, kind: str, note_id: str | None, part: str, el: etree._Element):
        source = self.note_parts.get(kind, {}).get(note_id or "")
        if source is None:
            self.warn(part, el, f"a {kind} reference (id {note_id}) with no {kind}; kept as a mark")
            return Text("*", 0)
        k = len(self.notes) + 1
        part_name = {"footnote": "word/footnotes.xml", "endnote": "word/endnotes.xml",
                     "comment": "word/comments.xml"}[kind]
        rels = self.pkg.rels(part_name)
        paragraphs = self.blocks(list(source), part_name, rels)
        if not paragraphs:
            paragraphs = [Block.parsed([], "", self.pkg.where(part_name), source.sourceline or 1)]
        note_kind = {"footnote": "foot", "endnote": "end", "comment": "comment"}[kind]
        self.notes.append(Note(k, paragraphs, el.sourceline or 1, 1, note_kind))
        return NoteRef(k)

    def blocks(self, elements: list, part: str, rels: dict[str, str]) -> list[Block]:
        """Paragraphs of a note (lists and tables inside it keep their structure)."""
        return [p.block for p in self.body(elements, part, rels, first_heading=False)
                if p.block is not None and p.kind != "empty"]

    # --- body --------------------------------------------------------------------------

    def body(self, elements: list, part: str, rels: dict[str, str],
             first_heading: bool = True) -> list[Para]:
        paras: list[Para] = []
        where = self.pkg.where(part)
        seen_text = not first_heading
        for el in elements:
            name = local(el)
            if name in ("sdt", "sdtContent", "customXml"):
                paras += self.body(list(el.iter(w + "p", w + "tbl"))
                                   if name == "sdt" else list(el), part, rels, first_heading)
                continue
            if name == "tbl":
                rows = []
                for tr in el.iter(w + "tr"):
                    cells = []
                    for tc in tr.iter(w + "tc"):
                        cells.append([Block.parsed(self.paragraph(p, part, rels),
                                                   plain(self.paragraph(p, part, rels)), where,
                                                   p.sourceline or 1)
                                      for p in tc.iter(w + "p")] or
                                     [Block.parsed([], "", where, tc.sourceline or 1)])
                    if cells:
                        rows.append(cells)
                if rows:
                    block = Block.parsed([], "table", where, el.sourceline or 1)
                    block.rows = rows
                    paras.append(Para("table", block, "table"))
                continue
            if name != "p":
                if name and name not in SILENT:
                    self.warn(part, el, f"<w:{name}> is not converted; its text is kept")
                    text = "".join(el.itertext())
                    if text.strip():
                        paras.append(Para(text, Block.parsed([Text(text, 0)], text, where,
                                                             el.sourceline or 1)))
                continue
            nodes = self.paragraph(el, part, rels)
            text = plain(nodes)
            style = self.styles.get(paragraph_style(el), "")
            num = el.find(f"{w}pPr/{w}numPr/{w}numId")
            block = Block.parsed(nodes, text, where, el.sourceline or 1)
            if not text.strip() and not any(isinstance(n, (Page, NoteRef)) for n in nodes):
                paras.append(Para("", None, "empty"))
                continue
            if num is not None and num.get(w + "val") not in (None, "0"):
                ordered = num.get(w + "val") in self.ordered_lists
                rend = "numbered" if ordered else "bulleted"
                if paras and paras[-1].kind == "list" and paras[-1].block.text == rend:
                    paras[-1].block.rows.append([[block]])
                else:
                    holder = Block.parsed([], rend, where, el.sourceline or 1)
                    holder.rows = [[[block]]]
                    paras.append(Para("list", holder, "list"))
                seen_text = True
                continue
            heading = style.lower().startswith("heading") or style.lower() == "title"
            kind = "section-head" if heading and seen_text else ""
            seen_text = True
            paras.append(Para(text, block, kind))
        return paras


def paragraph_style(p: etree._Element) -> str:
    style = p.find(f"{w}pPr/{w}pStyle")
    return style.get(w + "val", "") if style is not None else ""


def run_format(props: etree._Element | None, styles: dict[str, str]
               ) -> tuple[list[str], str | None]:
    if props is None:
        return [], None
    rends = []
    for tag, rend in (("b", "bold"), ("i", "italic"), ("u", "underline"),
                      ("smallCaps", "smallcaps"), ("caps", "allcaps"), ("strike", "strikethrough")):
        el = props.find(w + tag)
        if el is not None and el.get(w + "val", "true") not in ("0", "false", "none"):
            rends.append(rend)
    align = props.find(w + "vertAlign")
    if align is not None and align.get(w + "val") in ("superscript", "subscript"):
        rends.append("sup" if align.get(w + "val") == "superscript" else "sub")
    style = props.find(w + "rStyle")
    hand = None
    if style is not None:
        name = styles.get(style.get(w + "val", ""), style.get(w + "val", ""))
        m = HAND_STYLE.match(name) or HAND_STYLE.match(style.get(w + "val", ""))
        if m:
            hand = m.group(1)
    return rends, hand


def iso_when(value: str) -> str:
    value = value.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?",
                        value):
        return ""
    value = re.sub(r"\.\d+", "", value)
    if re.fullmatch(r".*T\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})?", value):
        value = re.sub(r"(T\d{2}:\d{2})", r"\1:00", value)
    return value[:-1] + "+00:00" if value.endswith("Z") else value


def merge(nodes: list) -> list:
    out: list = []
    for node in nodes:
        if isinstance(node, (Hi, Link, Change)):
            node.children = merge(node.children)
        if isinstance(node, Text) and out and isinstance(out[-1], Text) and not out[-1].literal:
            out[-1] = Text(out[-1].s + node.s, out[-1].start)
        elif not (isinstance(node, Text) and not node.s):
            out.append(node)
    return out


def plain(nodes: list) -> str:
    out = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(node.s)
        elif isinstance(node, (Hi, Link, Change, Bracket)):
            out.append(plain(node.children))
        elif isinstance(node, Page):
            out.append(f"[Page {node.n}]")
    return "".join(out)


BRACKET_RE = re.compile(r"\[([^\[\]]+)\]")


def text_markup(nodes: list) -> list:
    """`[Page N]` and editorial brackets typed in Word mean what they mean in memo text."""
    out: list = []
    for node in nodes:
        if isinstance(node, (Hi, Link, Change)):
            node.children = text_markup(node.children)
            out.append(node)
            continue
        if not isinstance(node, Text):
            out.append(node)
            continue
        s, pos = node.s, 0
        for m in re.finditer(rf"{PAGE_RE.pattern}|{BRACKET_RE.pattern}", s):
            if m.start() > pos:
                out.append(Text(s[pos:m.start()], 0))
            if m.group(1):
                out.append(Page(m.group(1), 0))
            else:
                out.append(Bracket([Text(m.group(2), 0)], 0))
            pos = m.end()
        if pos < len(s):
            out.append(Text(s[pos:], 0))
    return out


def _front_matter(paras: list[Para], pkg: Package) -> tuple[FrontMatter, list[Para]]:
    """Front matter typed at the top (--- lines) or as a first two-column table."""
    texts = [p.text.strip() for p in paras]
    start = next((i for i, p in enumerate(paras) if p.kind != "empty"), None)
    if start is not None and texts[start] == "---":
        end = next((i for i in range(start + 1, len(paras)) if texts[i] == "---"), None)
        if end is not None:
            fm = split_front_matter([p.text for p in paras[start:end + 1]], pkg.where("word/document.xml"))
            return fm, paras[end + 1:]
    if start is not None and paras[start].kind == "table":
        rows = paras[start].block.rows
        pairs = [(plain_cells(r[0]).strip().lower(), plain_cells(r[1]).strip())
                 for r in rows if len(r) == 2]
        if pairs and len(pairs) == len(rows) and all(k in FIELDS for k, _ in pairs):
            lines = ["---"] + [f"{k}: {v}" for k, v in pairs if v] + ["---"]
            fm = split_front_matter(lines, pkg.where("word/document.xml"))
            return fm, paras[start + 1:]
    return FrontMatter(), paras


def plain_cells(blocks: list[Block]) -> str:
    return " ".join(b.text for b in blocks)


def _core(pkg: Package, fm: FrontMatter) -> None:
    core = pkg.xml("docProps/core.xml")
    if core is None:
        return
    title = (core.findtext(f"{{{DC}}}title") or "").strip()
    creator = (core.findtext(f"{{{DC}}}creator") or "").strip()
    created = (core.findtext(f"{{{DCTERMS}}}created") or "").strip()
    if title and "title" not in fm.fields:
        fm.fields["title"] = title
    if creator and not fm.editors:
        fm.editors.append(creator)
    when = iso_when(created)
    if when and "created" not in fm.fields:
        fm.fields["created"] = when


def read_docx(path: str | Path) -> tuple[Memo, list[Warning_]]:
    pkg = Package(path)
    reader = Reader(pkg)
    reader.load()
    document = pkg.xml("word/document.xml")
    body = document.find(w + "body") if document is not None else None
    if body is None:
        raise TeikitError("word/document.xml has no body", pkg.where("word/document.xml"), 1, 1)
    rels = pkg.rels("word/document.xml")
    paras = reader.body(list(body), "word/document.xml", rels)
    fm, paras = _front_matter(paras, pkg)
    _core(pkg, fm)
    declared = {h.id for h in fm.hands}
    for hand in reader.hands:
        if hand.id not in declared:
            fm.hands.append(hand)
    if reader.uses_main_hand and "main" not in {h.id for h in fm.hands}:
        fm.hands.insert(0, Hand("main", "the main hand of the document", ""))
    fm.revisions = reader.revisions
    lines, prebuilt, kinds = [], {}, {}
    for index, para in enumerate(paras):
        lines.append("" if para.kind == "empty" else (para.text or para.kind))
        if para.block is not None:
            prebuilt[index] = para.block
        if para.kind in ("list", "table", "section-head"):
            kinds[index] = para.kind
    if not any(line.strip() for line in lines):
        raise TeikitError("the Word document has no text", pkg.where("word/document.xml"), 1, 1)
    memo = read_lines(lines, pkg.where("word/document.xml"), fm, reader.notes, prebuilt, kinds)
    return memo, reader.warnings
