"""Print through Typst: source text as data, tagged and deterministic PDFs, bookmarks,
metadata, and the edition PDF only while the edition is small enough (or asked for).

Footnotes on the page of their mark, [Page N], running heads and contents page numbers
are in test_render.py and test_edition.py."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from toolkit.render import render_pdf
from toolkit.xmlio import parse_xml

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo") and shutil.which("pdftohtml")),
    reason="poppler is not installed (apt-get install poppler-utils; .ci/run does this)")

# Typst markup and code, which must print as these characters and do nothing else
HOSTILE = ['#read("/etc/passwd")', '#set page(width: 3cm)', '$x^2 + y$', '@fig-one',
           '<label-one>', '*not bold*', '_not emph_', '#link("https://example.org")[x]',
           '#import "@preview/cetz:0.3.0": *', '= Not a heading', '`raw text`',
           '#sys.inputs.at("data")', '#{ panic("boom") }', '\\u{41} backslash', '] closes [',
           '/* not a comment */', '#pagebreak()']


def tei(body: str, header: str = "") -> str:
    return ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
            f'<title>Hostile &lt;title&gt; #read("/etc/hosts")</title>{header}</titleStmt>'
            '<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>'
            f'</fileDesc></teiHeader><text><body>{body}</body></text></TEI>')


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def pdf_text(pdf: bytes, tmp_path: Path, *options: str) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=120).stdout


def pdf_info(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                         timeout=60).stdout
    return {k.strip(): v.strip() for k, _, v in (ln.partition(":") for ln in out.splitlines())}


@needs_poppler
def test_source_text_reaches_typst_as_data_never_as_code(tmp_path):
    paras = "".join(f"<p>{escape(s)}</p>" for s in HOSTILE)
    note = f'<p>Noted<note n="1">{escape(HOSTILE[0])} {escape(HOSTILE[4])}</note>.</p>'
    page = f'<pb n="{escape(HOSTILE[1])}"/>'
    body = (f'<div type="document" xml:id="d1" n="1"><head>{escape(HOSTILE[2])}</head>{paras}'
            f'{note}{page}<p><hi rend="{escape(HOSTILE[5])}">{escape(HOSTILE[6])}</hi></p></div>')
    pdf = render_pdf(parse_xml(tei(body).encode(), "hostile.xml"), "hostile.xml")
    text = " ".join(pdf_text(pdf, tmp_path).split())
    for s in HOSTILE:
        assert s in text, s
    assert f"[Page {HOSTILE[1]}]" in text
    assert "root:" not in text and "localhost" not in text  # no file was read
    info = pdf_info(pdf, tmp_path)
    assert info["Page size"].startswith("595.") and int(info["Pages"]) <= 2  # no layout change
    assert info["Title"] == '$x^2 + y$'  # the one document's title, as text


def test_a_pdf_is_byte_identical_in_another_process_zone_and_folder(tmp_path, edition_tei):
    """No timestamp, no machine fonts, no locale: the same bytes wherever it is made."""
    here = render_pdf(parse_xml(edition_tei.read_bytes(), str(edition_tei)), str(edition_tei))
    script = ("import sys; from toolkit.render import render_pdf; from toolkit.xmlio import "
              "parse_xml; p = sys.argv[1]; sys.stdout.buffer.write(render_pdf(parse_xml("
              "open(p, 'rb').read(), p), p))")
    env = {"PATH": "/usr/bin:/bin", "TZ": "Pacific/Chatham", "LANG": "de_DE.UTF-8",
           "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    there = subprocess.run([sys.executable, "-c", script, str(edition_tei)], cwd=tmp_path,
                           env=env, capture_output=True, timeout=300, check=True).stdout
    assert there == here and there.startswith(b"%PDF")
    assert b"CreationDate" not in here and b"ModDate" not in here


@needs_poppler
def test_pdf_is_tagged_pdf_ua_with_language_title_and_header_metadata(tmp_path):
    header = "<author>Ann Editor</author><editor>Bo Second</editor>"
    text = tei('<div type="document" xml:id="d1"><head>Tagged memo</head><p>Wörter.</p></div>',
               header).replace("<TEI ", '<TEI xml:lang="de" ')
    text = text.replace("</fileDesc></teiHeader>", "</fileDesc><profileDesc><textClass><keywords>"
                        "<term>Korea</term><term>Prisoners of war</term></keywords></textClass>"
                        "</profileDesc></teiHeader>")
    pdf = render_pdf(parse_xml(text.encode(), "t.xml"), "t.xml")
    info = pdf_info(pdf, tmp_path)
    assert info["Tagged"] == "yes"
    assert info["Title"] == "Tagged memo"
    assert info["Author"] == "Ann Editor, Bo Second"
    assert info["Keywords"] == "Korea, Prisoners of war"
    path = tmp_path / "t.pdf"
    path.write_bytes(pdf)
    xmp = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True).stdout
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp and "<rdf:li>de</rdf:li>" in xmp


def outline(pdf: Path) -> list[tuple[int, str]]:
    """The PDF's bookmarks as (depth, title)."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", str(pdf)], capture_output=True,
                         text=True, timeout=120).stdout
    found, depth = [], 0
    for tag in re.finditer(r"<(/?)outline>|<item[^>]*>([^<]*)</item>", xml):
        if tag.group(2) is not None:
            found.append((depth, tag.group(2)))
        else:
            depth += -1 if tag.group(1) else 1
    return found


@needs_poppler
def test_edition_pdf_has_a_bookmark_per_volume_and_document_without_note_text(tmp_path):
    from test_edition import second_volume

    src = tmp_path / "tei"
    src.mkdir()
    shutil.copy(FIXTURES / "tei" / "frus-volume.xml", src / "a.xml")
    (src / "b.xml").write_text(second_volume(), encoding="utf-8")
    from toolkit.edition import Settings, build_edition

    report = build_edition(src, tmp_path / "out", Settings(outputs=("print",), title="Two"))
    assert report.errors == []
    marks = outline(tmp_path / "out/print/edition.pdf")
    volumes = [title for depth, title in marks if depth == 1 and title != "Contents"]
    documents = [title for depth, title in marks if depth == 2]
    assert len(volumes) == 2 and len(documents) == 6
    assert documents[0].startswith("1. Memorandum by the Assistant Secretary")
    assert not [t for t in documents if "Source:" in t]  # a heading's note is not its title


def test_the_edition_pdf_is_left_out_above_the_size_limit_unless_asked(tmp_path, cli_run):
    src = tmp_path / "tei"
    src.mkdir()
    shutil.copy(FIXTURES / "tei" / "frus-volume.xml", src / "vol.xml")
    (src / "teikit.toml").write_text("edition_pdf_max_mb = 0.001\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli_run("build", str(src), "-o", str(out), "--only", "html,print")
    assert result.exit_code == 0, result.stderr
    assert "no edition PDF: the edition's TEI is 0.0 MB, above edition_pdf_max_mb" in \
        result.stderr
    assert not (out / "print/edition.pdf").exists()
    assert list((out / "print").glob("*/*.pdf"))  # the volume's PDF is made all the same
    assert "edition.pdf" not in (out / "html/index.html").read_text()
    result = cli_run("build", str(src), "-o", str(out), "--only", "html,print", "--edition-pdf")
    assert result.exit_code == 0 and (out / "print/edition.pdf").is_file()
    assert "../print/edition.pdf" in (out / "html/index.html").read_text()
    result = cli_run("build", str(src), "-o", str(out), "--only", "html,print")
    assert not (out / "print/edition.pdf").exists()  # no longer wanted: removed
    (src / "teikit.toml").write_text("edition_pdf = false\n", encoding="utf-8")
    cli_run("build", str(src), "-o", str(out), "--only", "html,print", "--edition-pdf")
    assert (out / "print/edition.pdf").is_file()  # the option overrides the file


@needs_poppler
def test_a_character_no_shipped_font_has_prints_as_its_code(tmp_path):
    """The Shelley-Godwin notebooks mark insertions with N'Ko U+07F6, which neither
    Libertinus nor DejaVu draws: PDF/UA forbids a blank box, so it prints as its code."""
    body = ('<div type="document" xml:id="d1"><head>Caret</head><p>an ߶ insertion, é ſ.</p>'
            "<p>MUFI's private-use \ue42c letter</p></div>")
    pdf = render_pdf(parse_xml(tei(body).encode(), "c.xml"), "c.xml")
    text = " ".join(pdf_text(pdf, tmp_path).split())
    assert "an [U+07F6] insertion, é ſ." in text
    assert "private-use [U+E42C] letter" in text


def test_a_big_page_tree_is_laid_out_in_a_process_of_its_own_with_the_same_bytes(
        monkeypatch, edition_tei):
    """Typst's cache outlives a compilation (0.6 GB per MB of TEI, for ten compilations):
    big trees go to a child process, which must give exactly what this process gives."""
    from toolkit.render import render_print_tree, typeset

    tree = render_print_tree(parse_xml(edition_tei.read_bytes(), str(edition_tei)))
    here = typeset.typeset(tree, "memo.xml")
    calls = []
    real_run = subprocess.run
    monkeypatch.setattr(typeset.subprocess, "run",
                        lambda *a, **k: calls.append(a[0]) or real_run(*a, **k))
    monkeypatch.setattr(typeset, "IN_PROCESS", 0)
    assert typeset.typeset(tree, "memo.xml") == here
    assert calls and calls[0][1:] == ["-m", "toolkit.render.typeset"]


@needs_poppler
def test_what_stands_between_table_rows_is_printed_not_dropped(tmp_path):
    """A page break or a note between rows is no cell: Typst's table would drop it."""
    body = ('<div type="document" xml:id="d1"><head>Table</head><table><head>Caption words'
            '</head><row><cell>Alpha</cell><cell>Beta</cell></row><pb n="99"/><row><cell>Gamma'
            '</cell><cell>Delta</cell></row></table><list><item>One</item><pb n="100"/>'
            '<item>Two</item></list></div>')
    tree = parse_xml(tei(body).encode(), "t.xml")
    text = " ".join(pdf_text(render_pdf(tree, "t.xml"), tmp_path).split())
    for words in ("Caption words", "Alpha", "Delta", "[Page 99]", "One", "Two", "[Page 100]"):
        assert words in text, words


@needs_poppler
def test_a_quotation_or_link_holding_a_block_prints_whole(tmp_path):
    """A quotation, a link or a heading holding a paragraph, a list or an apparatus (as the
    Patristic Text Archive's and Calpurnius Siculus's critical texts do) cannot be one
    tagged element in PDF/UA: Typst refused the whole PDF. It is set without that tag."""
    body = ('<div type="document" xml:id="d1"><head>Quoted <app><lem>lemma words</lem>'
            '<rdg>variant words</rdg></app> Heading</head>'
            '<p>Before <q>quoted <list><item>listed item</item></list> after list</q> tail.</p>'
            '<p><ref target="https://example.org/">linked <lg><l>a verse line</l></lg></ref>'
            ' and <ref target="#d1">inner <p>paragraph in link</p></ref> end.</p>'
            '<p><bibl><q>cited <p>within bibl</p></q></bibl> ΤΟΥ ΑΓΙΟΥ ΚΩΝΩΝΟΣ ΤΟΥ ΕΝ</p></div>')
    tree = parse_xml(tei(body).encode(), "t.xml")
    text = " ".join(pdf_text(render_pdf(tree, "t.xml"), tmp_path).split())
    for words in ("lemma words", "variant words", "quoted", "listed item", "after list",
                  "linked", "a verse line", "paragraph in link", "within bibl", "ΚΩΝΩΝΟΣ"):
        assert words in text, words


@needs_poppler
def test_a_volume_shared_out_among_workers_prints_every_document(tmp_path):
    """150 documents: pages enough for two workers, each rendering half with the other half
    emptied out of its tree. The volume's PDF and ebook come from the whole file (the PDF
    was made after the cut and held half the volume, with its check passing)."""
    import zipfile

    from test_scale import long_volume

    from toolkit.edition import Settings, build_edition

    src = tmp_path / "tei"
    src.mkdir()
    (src / "volume.xml").write_text(long_volume(150), encoding="utf-8")
    report = build_edition(src, tmp_path / "out", Settings(
        outputs=("html", "print", "text", "epub")), jobs=2)
    assert report.errors == []
    # the volume's PDF (print/edition.pdf, made from every volume apart, was always whole)
    pdf = (tmp_path / "out" / "print" / "frus-test-v1" / "frus-test-v1.pdf").read_bytes()
    text = " ".join(pdf_text(pdf, tmp_path).split())
    assert [k for k in range(4, 151) if f"Paragraph {k}." not in text] == []
    with zipfile.ZipFile(next((tmp_path / "out" / "epub").rglob("*.epub"))) as book:
        pages = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))
    assert [k for k in range(4, 151) if f"Paragraph {k}." not in pages] == []
