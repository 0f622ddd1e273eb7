"""Build .docx files in code: exact, reviewable WordprocessingML for the tests."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def r(text: str = "", *, b: bool = False, i: bool = False, u: bool = False, style: str = "",
      sc: bool = False) -> str:
    props = "".join([f'<w:rStyle w:val="{style}"/>' if style else "", "<w:b/>" if b else "",
                     "<w:i/>" if i else "", "<w:smallCaps/>" if sc else "",
                     '<w:u w:val="single"/>' if u else ""])
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{t(text) if text else ''}</w:r>"


def p(*parts: str, style: str = "", num: str = "") -> str:
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + \
        (f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>' if num else "")
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{''.join(parts)}</w:p>"


def fn(note_id: int) -> str:
    return ('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f'<w:footnoteReference w:id="{note_id}"/></w:r>')


def en(note_id: int) -> str:
    return f'<w:r><w:endnoteReference w:id="{note_id}"/></w:r>'


def comment(note_id: int) -> str:
    return f'<w:r><w:commentReference w:id="{note_id}"/></w:r>'


def ins(author: str, date: str, *runs: str, rev: int = 1) -> str:
    return f'<w:ins w:id="{rev}" w:author="{escape(author)}" w:date="{date}">{"".join(runs)}</w:ins>'


def dele(author: str, date: str, text: str, rev: int = 2) -> str:
    return (f'<w:del w:id="{rev}" w:author="{escape(author)}" w:date="{date}"><w:r>'
            f'<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')


def link(rid: str, *runs: str) -> str:
    return f'<w:hyperlink r:id="{rid}">{"".join(runs)}</w:hyperlink>'


def page_break() -> str:
    return '<w:r><w:br w:type="page"/></w:r>'


def table(*rows: list[str]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{p(r(c))}</w:tc>" for c in row) + "</w:tr>"
                    for row in rows)
    return f"<w:tbl><w:tblPr/>{cells}</w:tbl>"


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {NS}>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="character" w:styleId="Hand-h9"><w:name w:val="Hand-h9"/></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/></w:style>
</w:styles>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {NS}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def notes_xml(tag: str, notes: list[str]) -> str:
    body = "".join(f'<w:{tag} w:id="{i}">{xml}</w:{tag}>' for i, xml in enumerate(notes, start=1))
    sep = "" if tag == "comment" else (f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
                                       f'</w:r></w:p></w:{tag}>')
    root = "comments" if tag == "comment" else tag + "s"
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} {NS}>{sep}{body}</w:{root}>'


def make_docx(path: Path, body: str, *, footnotes: list[str] = (), endnotes: list[str] = (),
              comments: list[str] = (), links: dict[str, str] | None = None,
              footnote_links: dict[str, str] | None = None, core: dict[str, str] | None = None,
              extra: dict[str, bytes] | None = None) -> Path:
    def rels(targets: dict[str, str]) -> str:
        items = "".join(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/'
                        f'officeDocument/2006/relationships/hyperlink" Target="{escape(url)}" '
                        'TargetMode="External"/>' for rid, url in targets.items())
        return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                f'openxmlformats.org/package/2006/relationships">{items}</Relationships>')

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   f"<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>")
        z.writestr("word/styles.xml", STYLES)
        z.writestr("word/numbering.xml", NUMBERING)
        z.writestr("word/_rels/document.xml.rels", rels(links or {}))
        if footnotes:
            z.writestr("word/footnotes.xml", notes_xml("footnote", list(footnotes)))
            z.writestr("word/_rels/footnotes.xml.rels", rels(footnote_links or {}))
        if endnotes:
            z.writestr("word/endnotes.xml", notes_xml("endnote", list(endnotes)))
        if comments:
            z.writestr("word/comments.xml", notes_xml("comment", list(comments)))
        if core:
            props = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in core.items())
            z.writestr("docProps/core.xml", '<?xml version="1.0"?><cp:coreProperties xmlns:cp='
                       '"http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                       'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/'
                       f'dc/terms/">{props}</cp:coreProperties>')
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def memo_as_docx(text: str, path: Path) -> Path:
    """A memo in our text conventions (bare or [^k] marks) typed into Word with real footnotes."""
    import re

    lines = text.split("\n")
    notes_at = next((i for i in range(len(lines)) if re.match(r"^\s+1\. ", lines[i])), len(lines))
    notes = [re.sub(r"^\s+\d+\. ", "", ln) for ln in lines[notes_at:] if ln.strip()]
    body_lines = lines[:notes_at]
    while body_lines and not body_lines[-1].strip():
        body_lines.pop()
    paras, k = [], 1
    front = 0
    if body_lines and body_lines[0].strip() == "---":  # front matter is typed as it is
        front = body_lines.index("---", 1) + 1
        paras += [p(r(line)) for line in body_lines[:front]]
    heading = next(i for i in range(front, len(body_lines)) if body_lines[i].strip())
    for index, line in enumerate(body_lines[front:], start=front):
        runs, rest = [], line.strip()
        while k <= len(notes):
            pattern = rf"(?: |(?<=[A-Za-z.,;:)\]”’\"'])){k}$" if index == heading else \
                rf"(?<=[A-Za-z.,;:)\]”’\"']){k}(?=\s|$)|\[\^{k}\]"
            m = re.search(pattern, rest)
            if not m:
                break
            runs += [r(rest[:m.start()]), fn(k)]
            rest = rest[m.end():]
            k += 1
        runs.append(r(rest) if rest else "")
        paras.append(p(*runs))
    footnotes = [p(r(note)) for note in notes]
    return make_docx(path, "".join(paras), footnotes=footnotes)
