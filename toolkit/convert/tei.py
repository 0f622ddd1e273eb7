"""Building the TEI document from a parsed memo.

Follows the FRUS conventions where they exist: `div[@type='document']`,
`pb/@xml:id = pg_N`, note ids `{div id}fn{n}`, `note[@type='source']`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .. import TEI_NS, XML_NS
from ..errors import TeikitError
from ..xmlio import indent_structure
from .dateline import parse_dateline
from .inline import (
    Bracket,
    Break,
    Change,
    Explicit,
    Hi,
    Link,
    NoteRef,
    Page,
    Shift,
    Text,
    parse_block,
    walk,
)
from .markers import place_markers
from .memo import Item, Memo

T = f"{{{TEI_NS}}}"
XML_ID = f"{{{XML_NS}}}id"
NCNAME_PART = re.compile(r"^[A-Za-z0-9_.-]+$")


@dataclass
class Warning_:
    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: warning: {self.message}"


@dataclass
class Context:
    memo: Memo
    doc_id: str
    hands: set[str]
    notes: dict[int, etree._Element] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    warnings: list[Warning_] = field(default_factory=list)


def E(tag: str, attrib: dict[str, str] | None = None, text: str | None = None) -> etree._Element:
    el = etree.Element(T + tag, attrib or {})
    if text:
        el.text = text
    return el


def sub(parent: etree._Element, tag: str, attrib: dict[str, str] | None = None,
        text: str | None = None) -> etree._Element:
    el = E(tag, attrib, text)
    parent.append(el)
    return el


def add_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def build_tei(memo: Memo) -> tuple[etree._ElementTree, list[Warning_]]:
    meta = memo.meta
    doc_id = meta.get("id", "d1")
    ctx = Context(memo, doc_id, meta.hand_ids)
    _parse_all(memo, ctx)

    tei = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    tei.set(f"{{{XML_NS}}}lang", meta.get("language", "en"))
    header = _header(memo, ctx)
    tei.append(header)
    text = sub(tei, "text")
    body = sub(text, "body")
    for item in memo.before:
        _page_element(body, item, ctx)
    div = sub(body, "div", {"type": "document", "subtype": "historical-document",
                            XML_ID: doc_id})
    n = meta.get("n") or "".join(ch for ch in doc_id if ch.isdigit())
    if n:
        div.set("n", n)
    _head_part(div, memo.head, ctx)
    _body_part(div, memo, ctx)
    _check_last(div, memo)
    indent_structure(tei)
    tree = etree.ElementTree(tei)
    tei.addprevious(etree.ProcessingInstruction("xml-model", PROFILE_MODEL.format(href=PROFILE_HREF)))
    return tree, ctx.warnings


# Every document a converter writes names teikit's profile, so `teikit validate` checks it
# against the profile and the house rules (a name, not a path: any href whose file name is
# teikit.xsd means the bundled profile; editors may point it at a copy with --xml-model).
PROFILE_HREF = "teikit.xsd"
PROFILE_MODEL = 'href="{href}" type="application/xml" schematypens="http://www.w3.org/2001/XMLSchema"'


def _parse_all(memo: Memo, ctx: Context) -> None:
    if memo.prebuilt:
        return  # Word input: blocks come parsed, and its note references are explicit
    marker_blocks = []
    for item in memo.before + memo.head:
        parse_block(item.block)
        marker_blocks.append((item.block, item.kind == "heading"))
    for section in memo.sections:
        for item in section:
            parse_block(item.block)
            marker_blocks.append((item.block, False))
    for item in memo.closer:
        parse_block(item.block)
        marker_blocks.append((item.block, False))
    for note in memo.notes:
        for para in note.paragraphs:
            for node, _ in walk(parse_block(para)):
                if isinstance(node, Explicit):
                    raise para.error("a note cannot contain a note marker", node.start)
    place_markers(marker_blocks, len(memo.notes), [(n.line, n.col) for n in memo.notes],
                  memo.name)


# --- header ---------------------------------------------------------------------------

def _header(memo: Memo, ctx: Context) -> etree._Element:
    meta = memo.meta
    header = E("teiHeader")
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    title = meta.get("title") or _plain(memo.head[0].block.nodes)
    sub(title_stmt, "title", {"type": "complete"}, title)
    for editor in meta.editors:
        sub(title_stmt, "editor", None, editor)
    pub = sub(file_desc, "publicationStmt")
    sub(pub, "p", None, meta.get("publisher", "Encoded with teikit; not yet published."))
    source_desc = sub(file_desc, "sourceDesc")
    if meta.get("source") or meta.get("page"):
        bibl = sub(source_desc, "bibl")
        if meta.get("source"):
            sub(bibl, "title", None, meta.get("source"))
        if meta.get("page"):
            if len(bibl):
                add_text(bibl, ", ")
            sub(bibl, "biblScope", {"unit": "page"}, meta.get("page"))
    else:
        sub(source_desc, "p", None, "Source not recorded.")
    when = meta.get("date") or _dateline_when(memo)
    if when or meta.hands:
        profile = sub(header, "profileDesc")
        if when:
            creation = sub(profile, "creation")
            sub(creation, "date", {"when": when}, when)
        if meta.hands:
            notes = sub(profile, "handNotes")
            for hand in meta.hands:
                attrs = {XML_ID: hand.id}
                if hand.medium:
                    attrs["medium"] = hand.medium
                note = sub(notes, "handNote", attrs)
                sub(note, "persName", None, hand.person)
    if meta.get("facs"):
        encoding = sub(header, "encodingDesc")
        sub(encoding, "p", None, f"Page images: {meta.get('facs')}")
    if meta.revisions or meta.get("created"):
        revisions = sub(header, "revisionDesc")
        if meta.get("created"):
            sub(revisions, "change", {"when": meta.get("created")}, "Word transcription created.")
        for rev_id, when, hand in meta.revisions:
            attrs = {XML_ID: rev_id, "who": "#" + hand}
            if when:
                attrs["when"] = when
            sub(revisions, "change", attrs, "Tracked change in the Word transcription.")
    return header


def _dateline_when(memo: Memo) -> str:
    for item in memo.head:
        if item.kind == "dateline":
            parsed = parse_dateline(item.block.text)
            if parsed and parsed.when:
                return parsed.when[:10]
    return ""


def _plain(nodes: list) -> str:
    out = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(node.s)
        elif isinstance(node, (Change, Bracket)) and not (
                isinstance(node, Change) and node.kind == "del"):
            out.append(_plain(node.children))
    return "".join(out).strip()


# --- document div ---------------------------------------------------------------------

OPENER_KINDS = {"classification", "dateline"}


def _head_part(div: etree._Element, items: list[Item], ctx: Context) -> None:
    index = 0
    while index < len(items):
        item = items[index]
        if item.kind == "heading":
            inline(sub(div, "head"), item.block.nodes, ctx)
            index += 1
        elif item.kind in OPENER_KINDS:
            end = index
            last_part = index
            while end < len(items) and items[end].kind in OPENER_KINDS | {"page"}:
                if items[end].kind in OPENER_KINDS:
                    last_part = end
                end += 1
            opener = sub(div, "opener")
            for part in items[index:last_part + 1]:
                _opener_part(opener, part, ctx)
            index = last_part + 1
        elif item.kind == "subject":
            lst = sub(div, "list", {"type": "subject"})
            while index < len(items) and items[index].kind == "subject":
                inline(sub(lst, "item"), items[index].block.nodes, ctx)
                index += 1
        elif item.kind == "participants-head":
            lst = sub(div, "list", {"type": "participants"})
            inline(sub(lst, "head"), item.block.nodes, ctx)
            index += 1
            while index < len(items) and items[index].kind == "participant":
                inline(sub(lst, "item"), items[index].block.nodes, ctx)
                index += 1
        elif item.kind == "page":
            _page_element(div, item, ctx)
            index += 1
        else:  # pragma: no cover - memo.py only makes the kinds above
            raise AssertionError(item.kind)


def _opener_part(opener: etree._Element, item: Item, ctx: Context) -> None:
    if item.kind == "page":
        _page_element(opener, item, ctx)
    elif item.kind == "classification":
        inline(sub(opener, "seg", {"type": "classification"}), item.block.nodes, ctx)
    else:
        _dateline(opener, item, ctx)


def _dateline(opener: etree._Element, item: Item, ctx: Context) -> None:
    dl = sub(opener, "dateline")
    parsed = parse_dateline(item.block.text)
    if parsed is None or any(not isinstance(n, Text) for n in item.block.nodes):
        inline(dl, item.block.nodes, ctx)
        return
    if parsed.warning:
        line, col = item.block.where(0)
        ctx.warnings.append(Warning_(ctx.memo.name, line, col, parsed.warning))
    if parsed.place:
        sub(dl, "placeName", None, parsed.place)
        add_text(dl, ", ")
    date = sub(dl, "date", None, parsed.date_text)
    if parsed.when:
        date.set("when", parsed.when)
    add_text(dl, parsed.end)


def _body_part(div: etree._Element, memo: Memo, ctx: Context) -> None:
    sections = memo.sections
    if not sections and not memo.closer:
        return
    headed = any(s and s[0].kind == "section-head" for s in sections)
    if len(sections) <= 1 and not headed:
        for item in sections[0] if sections else []:
            _body_item(div, item, ctx)
        _closer(div, memo.closer, ctx)
        return
    for number, section in enumerate(sections):
        lead = 0
        while lead < len(section) and section[lead].kind == "page":
            _page_element(div, section[lead], ctx)
            lead += 1
        trail = len(section)
        is_last = number == len(sections) - 1
        while trail > lead and section[trail - 1].kind == "page" and not (
                is_last and memo.closer):
            trail -= 1
        if trail > lead or (is_last and memo.closer):
            sec = sub(div, "div", {"type": "section"})
            for item in section[lead:trail]:
                _body_item(sec, item, ctx)
            if is_last:
                _closer(sec, memo.closer, ctx)
        for item in section[trail:]:
            _page_element(div, item, ctx)


def _body_item(parent: etree._Element, item: Item, ctx: Context) -> None:
    if item.kind == "page":
        _page_element(parent, item, ctx)
        return
    if item.kind == "section-head":
        inline(sub(parent, "head"), item.block.nodes, ctx)
        return
    if item.kind in ("list", "table"):
        _rows(parent, item, ctx)
        return
    nodes = list(item.block.nodes)
    lead, trail = _edge_pages(nodes), _edge_pages(nodes[::-1])[::-1]
    if len(lead) + len(trail) >= len(nodes):  # the paragraph is only page marks
        inline(parent, nodes, ctx)
        return
    # a page break at the very start or end of a paragraph belongs outside it
    inline(parent, [n for n in lead if isinstance(n, Page)], ctx)
    body = nodes[len(lead):len(nodes) - len(trail)]
    if body and isinstance(body[0], Text) and lead:
        body[0] = Text(body[0].s.lstrip(), body[0].start, body[0].literal)
    if body and isinstance(body[-1], Text) and trail:
        body[-1] = Text(body[-1].s.rstrip(), body[-1].start, body[-1].literal)
    inline(sub(parent, "p"), body, ctx)
    inline(parent, [n for n in trail if isinstance(n, Page)], ctx)


def _rows(parent: etree._Element, item: Item, ctx: Context) -> None:
    """A Word list (rows of one cell) or table (rows of cells); a cell holds paragraphs."""
    if item.kind == "list":
        container = sub(parent, "list", {"rend": item.block.text or "bulleted"})
        for cells in item.rows:
            _cell(sub(container, "item"), cells[0], ctx)
        return
    table = sub(parent, "table", {"rows": str(len(item.rows)),
                                   "cols": str(max(len(r) for r in item.rows))})
    for cells in item.rows:
        row = sub(table, "row")
        for blocks in cells:
            _cell(sub(row, "cell"), blocks, ctx)


def _cell(el: etree._Element, blocks: list, ctx: Context) -> None:
    if len(blocks) == 1:
        inline(el, blocks[0].nodes, ctx)
    else:
        for block in blocks:
            inline(sub(el, "p"), block.nodes, ctx)


def _edge_pages(nodes: list) -> list:
    """Leading Page nodes (and the blank text between them) of a node list."""
    edge: list = []
    for node in nodes:
        if isinstance(node, Page) or (isinstance(node, Text) and not node.s.strip()
                                      and not node.literal):
            edge.append(node)
        else:
            break
    while edge and not isinstance(edge[-1], Page):
        edge.pop()
    return edge


def _closer(parent: etree._Element, items: list[Item], ctx: Context) -> None:
    if not items:
        return
    closer = sub(parent, "closer")
    signed = None
    for item in items:
        if item.kind == "salute":
            inline(sub(closer, "salute"), item.block.nodes, ctx)
        elif signed is None:
            signed = sub(closer, "signed")
            inline(signed, item.block.nodes, ctx)
        else:
            sub(signed, "lb")
            inline(signed, item.block.nodes, ctx)


def _check_last(div: etree._Element, memo: Memo) -> None:
    last = div[-1] if len(div) else None
    if last is not None and last.tag == T + "pb" and not (last.tail or "").strip():
        line, col = memo.sections[-1][-1].block.where(0) if memo.sections else (1, 1)
        raise TeikitError(f"page marker [Page {last.get('n')}] ends the document with nothing "
                          "after it; move it to the next document or delete it",
                          memo.name, line, col)


def _page_element(parent: etree._Element, item: Item, ctx: Context) -> None:
    inline(parent, item.block.nodes, ctx)


# --- inline ---------------------------------------------------------------------------

def inline(parent: etree._Element, nodes: list, ctx: Context) -> None:
    for node in nodes:
        if isinstance(node, Text):
            add_text(parent, node.s)
        elif isinstance(node, Page):
            parent.append(_pb(node, ctx))
        elif isinstance(node, Shift):
            _check_hand(node.hand, node, ctx)
            sub(parent, "handShift", {"new": "#" + node.hand})
        elif isinstance(node, Change):
            attrs = {}
            if node.hand:
                _check_hand(node.hand, node, ctx)
                attrs["hand"] = "#" + node.hand
            if node.change:
                attrs["change"] = "#" + node.change
            inline(sub(parent, node.kind, attrs), node.children, ctx)
        elif isinstance(node, Bracket):
            if node.is_gap:
                gap = sub(parent, "gap", {"reason": "not-declassified"})
                sub(gap, "desc", None, "".join(c.s for c in node.children))
            else:
                inline(sub(parent, "supplied", {"reason": "editorial"}), node.children, ctx)
        elif isinstance(node, NoteRef):
            parent.append(_note(node.k, ctx))
        elif isinstance(node, Hi):
            inline(sub(parent, "hi", {"rend": node.rend}), node.children, ctx)
        elif isinstance(node, Link):
            inline(sub(parent, "ref", {"target": node.target}), node.children, ctx)
        elif isinstance(node, Break):
            sub(parent, "lb")
        elif isinstance(node, Explicit):  # pragma: no cover - markers.py replaced them all
            raise AssertionError("unplaced marker")


def _check_hand(hand: str, node, ctx: Context) -> None:
    if hand not in ctx.hands:
        declared = ", ".join(sorted(ctx.hands)) or "none"
        raise _block_error(ctx, node, f"hand {hand!r} is not declared (declared: {declared}); "
                                      f"add 'hand: {hand} | person | medium' to the front matter")


def _pb(node: Page, ctx: Context) -> etree._Element:
    n = node.n
    if not NCNAME_PART.match(n):
        raise _block_error(ctx, node, f"page number {n!r} can hold only letters, digits, "
                                      "'.', '-' and '_'")
    if n in ctx.pages:
        raise _block_error(ctx, node, f"[Page {n}] appears twice; page numbers must be unique")
    ctx.pages[n] = n
    attrs = {"n": n, XML_ID: f"pg_{n}"}
    pattern = ctx.memo.meta.get("facs")
    if pattern:
        attrs["facs"] = pattern.replace("{n}", n)
    return E("pb", attrs)


def _block_error(ctx: Context, node, message: str) -> TeikitError:
    memo = ctx.memo
    blocks = [i.block for i in memo.before + memo.head + memo.closer]
    blocks += [i.block for s in memo.sections for i in s]
    blocks += [p for n in memo.notes for p in n.paragraphs]
    for block in blocks:
        for candidate, _ in walk(block.nodes):
            if candidate is node:
                return block.error(message, node.start)
    return TeikitError(message, memo.name, 1, 1)


def _note(k: int, ctx: Context) -> etree._Element:
    note = ctx.memo.notes[k - 1]
    el = E("note", {"n": str(k), XML_ID: f"{ctx.doc_id}fn{k}"})
    first_text = _plain(note.paragraphs[0].nodes)
    if note.kind == "comment":
        el.set("type", "comment")
    elif first_text.startswith("Source:"):
        el.set("type", "source")
    if note.kind == "end":
        el.set("place", "end")
    if len(note.paragraphs) == 1 and not note.paragraphs[0].rows:
        inline(el, note.paragraphs[0].nodes, ctx)
    else:
        for para in note.paragraphs:
            if para.rows:  # a list or table inside a Word note keeps its structure
                _rows(el, Item("table" if para.text == "table" else "list", para, para.rows), ctx)
            else:
                inline(sub(el, "p"), para.nodes, ctx)
    return el
