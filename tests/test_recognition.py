"""Text recognition exports (PAGE XML, ALTO) → TEI: every file of ../shared/corpus/pagexml
converts with nothing lost (each line's text, in the export's reading order), a zone for
every region and line, valid TEI; folders of pages in METS or name order; Transkribus's
custom attributes; hyphenation; words and alternatives on request; clear errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import jing, jing_available, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from toolkit.convert import finish_tei
from toolkit.convert.recognition import export_to_tei, kind_of
from toolkit.edition import build_edition
from toolkit.edition.config import Settings
from toolkit.xmlio import read_xml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "pagexml"
FIXTURES = ROOT / "tests" / "fixtures" / "recognition"
T = "{http://www.tei-c.org/ns/1.0}"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(),
                                  reason="../shared/corpus/pagexml is not beside the project")


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*.xml") if kind_of(read_xml(p).getroot()))


def source_lines(path: Path) -> tuple[list[str], int, int]:
    """What the export holds, read independently of the converter: each text line's text
    in the export's order (PAGE: ReadingOrder, else file order; a line's TextEquiv with the
    lowest index, else its first; ALTO: each String a word), and how many regions and lines
    it has."""
    root = read_xml(path).getroot()
    ns = etree.QName(root).namespace
    if "alto" in ns:
        q = {"a": ns}
        lines = []
        for line in root.iterfind(".//a:TextLine", q):
            parts = []
            for child in line:
                name = etree.QName(child).localname
                parts.append(" " + child.get("CONTENT", "") if name == "String" else
                             child.get("CONTENT", "") if name == "HYP" else "")
            lines.append(" ".join("".join(parts).split()))
        blocks = root.findall(".//a:TextBlock", q) + root.findall(".//a:Illustration", q) + \
            root.findall(".//a:GraphicalElement", q)
        return [line for line in lines if line.strip()], len(blocks), \
            len(root.findall(".//a:TextLine", q))
    q = {"p": ns}
    regions = [r for r in root.iter() if isinstance(r.tag, str) and
               etree.QName(r).localname.endswith("Region")]
    by_id = {r.get("id"): r for r in regions}
    order = [ref.get("regionRef") for ref in root.iterfind(".//p:ReadingOrder//*[@regionRef]", q)]
    indexed = root.find(".//p:ReadingOrder/p:OrderedGroup", q)
    if indexed is not None:
        refs = [c for c in indexed if c.get("regionRef")]
        if all(c.get("index") for c in refs):
            order = [c.get("regionRef") for c in sorted(refs, key=lambda c: int(c.get("index")))]
    ordered = [by_id[r] for r in order if r in by_id]
    ordered += [r for r in regions if r not in ordered]
    texts = []
    for region in ordered:
        if etree.QName(region).localname != "TextRegion":
            continue
        for line in region.iterfind("p:TextLine", q):
            equivs = line.findall("p:TextEquiv", q)
            indexed = sorted((int(e.get("index")), n, e) for n, e in enumerate(equivs)
                             if (e.get("index") or "").isdigit())
            pick = indexed[0][2] if indexed else equivs[0] if equivs else None
            text = pick.findtext("p:Unicode", "", q) if pick is not None else ""
            if not text:
                text = " ".join(w.findtext("p:TextEquiv/p:Unicode", "", q)
                                for w in line.iterfind("p:Word", q)).strip()
            if text:
                texts.append(text)
        if not any(line.findtext("p:TextEquiv/p:Unicode", "", q) for line in
                   region.iterfind("p:TextLine", q)):
            own = region.findtext("p:TextEquiv/p:Unicode", "", q)
            texts += [t for t in own.split("\n") if t]
    return texts, len(regions), len(root.findall(".//p:TextLine", q))


@needs_corpus
def test_every_export_of_the_corpus_converts_with_nothing_lost_and_a_zone_each(tmp_path):
    files = corpus_files()
    assert len(files) >= 25
    versions = {etree.QName(read_xml(p).getroot()).namespace.rsplit("/", 1)[-1]
                for p in files}
    assert {"2010-01-12", "2013-07-15", "2019-07-15", "ns-v2#", "ns-v3#", "ns-v4#"} <= versions
    written = []
    for path in files:
        out = tmp_path / (path.parent.name + "-" + path.name)
        tree, _warnings = export_to_tei(str(path), output=str(out))
        expected, regions, lines = source_lines(path)
        body = " ".join("".join(tree.getroot().find(f"{T}text/{T}body").itertext()).split())
        at = 0
        for text in expected:  # every line, in the export's order
            found = body.find(" ".join(text.split()), at)
            assert found >= 0, (path.name, text)
            at = found
        zones = tree.getroot().findall(f".//{T}zone")
        assert len([z for z in zones if z.get("type") == "TextLine"]) == lines, path.name
        assert len([z for z in zones if z.get("type") != "TextLine"]) == regions, path.name
        assert all(z.get("points") or z.get("ulx") for z in zones)  # every zone placed
        data, _more = finish_tei(tree, str(out))  # teikit's profile and rules (raises)
        out.write_bytes(data)
        written.append(out)
    ok, why = jing_available()
    if ok:
        result = jing(*written)
        assert result.returncode == 0, result.stdout[:2000]


@needs_corpus
def test_reading_order_is_the_exports_own(tmp_path):
    """OCR-D's page orders its regions r10, r8, r9, r7… by ReadingOrder: not the file's
    order, and the TEI follows it."""
    path = next(CORPUS.rglob("OCR-D-OCR-TESS_0001.xml"))
    root = read_xml(path).getroot()
    ns = {"p": etree.QName(root).namespace}
    order = [r.get("regionRef") for r in sorted(
        root.iterfind(".//p:ReadingOrder/p:OrderedGroup/p:RegionRefIndexed", ns),
        key=lambda r: int(r.get("index")))]
    tree, _ = export_to_tei(str(path))
    facs = [el.get("facs")[1:].removeprefix("p1_") for el in
            tree.getroot().find(f"{T}text/{T}body").iter() if el.get("facs") and
            el.tag != f"{T}lb" and el.tag != f"{T}pb"]
    file_order = [r.get("id") for r in root.iterfind(".//p:TextRegion", ns)]
    assert facs == [r for r in order if r in facs] and len(facs) > 5
    assert facs != [r for r in file_order if r in facs]  # (the file's order is another)
    assert order[:3] == ["r10", "r8", "r9"]


@needs_corpus
def test_region_types_become_tei_elements():
    gt = export_to_tei(str(next(CORPUS.rglob("00000024.page.xml"))))[0].getroot()
    body = gt.find(f"{T}text/{T}body")
    assert body.findall(f".//{T}fw[@type='pageNum']") and body.findall(f".//{T}fw[@type='catch']")
    assert body.findall(f".//{T}head")
    regiontypes = next(CORPUS.rglob("regiontypes_2013-07-15.xml"))
    tree = export_to_tei(str(regiontypes))[0].getroot()
    kinds = {z.get("type") for z in tree.iter(f"{T}zone")}
    assert {"ImageRegion", "GraphicRegion", "TableRegion", "SeparatorRegion"} <= kinds


@needs_corpus
def test_alto_hyphenation_and_styles_are_kept():
    tree = export_to_tei(str(next(CORPUS.rglob("test.alto2.xml"))))[0].getroot()
    joined = tree.findall(f".//{T}lb[@break='no']")
    assert joined  # the line after a HYP continues its word
    previous = joined[0].getprevious()
    text = (previous.tail if previous is not None else joined[0].getparent().text) or ""
    assert text.rstrip("\n").endswith("\xad")  # the hyphen as the export has it
    assert tree.findall(f".//{T}hi[@rend='bold']")  # STYLE="bold"


def _body_words(tree: etree._ElementTree) -> str:
    """The body's words, a space between elements (a head and the paragraph after it)."""
    body = tree.getroot().find(f"{T}text/{T}body")
    return " ".join(" ".join(body.itertext()).split())


def test_alto_strings_are_words_with_or_without_sp_between_them():
    """OCR-D ground truth puts no SP between Strings: each is still a word of its own."""
    tree, _ = export_to_tei(str(FIXTURES / "ocrd-gt-nospace.alto2.xml"))
    assert _body_words(tree) == "Berliniſche Monatsſchrift. Zwölftes Stük. Decem- ber 1784."
    lb = tree.getroot().find(f".//{T}lb[@break='no']")
    assert lb is not None and lb.tail.startswith("ber 1784.")  # the HYP still joins the lines


def test_page_takes_the_lowest_textequiv_index_as_the_main_text():
    """LAREX/OCR-D ground truth: the correction at index 0, the OCR at 1 (listed first)."""
    tree, _ = export_to_tei(str(FIXTURES / "larex-index.page.xml"))
    words = _body_words(tree)
    assert words == "Bemerkungen über die sondere Decke des Hauſes, ohne Index."
    assert "gondere" not in words and "LDocke" not in words
    tree, _ = export_to_tei(str(FIXTURES / "larex-index.page.xml"), alternatives=True)
    alternative = tree.getroot().find(f".//{T}seg[@type='alternative']")
    assert alternative is not None and "Bemorkungen" in alternative.text  # the OCR, kept aside


def test_alto_1_of_the_newspaper_program_converts(tmp_path):
    out = tmp_path / "ndnp.xml"
    result = run_cli("convert", str(FIXTURES / "ndnp.alto1.xml"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "inch1200" in result.output  # the coordinates are kept, and said not to be pixels
    root = read_xml(out).getroot()
    assert _body_words(etree.ElementTree(root)) == "EVENING STAR. The Wash- ington news."
    assert root.find(f".//{T}lb[@break='no']") is not None
    assert "ALTO v1" in "".join(root.find(f"{T}teiHeader").itertext())
    surface = root.find(f".//{T}surface")
    assert surface.get("lrx") == "19200" and surface.find(f"{T}graphic").get("width") is None
    assert len(root.findall(f".//{T}zone[@type='TextLine']")) == 3


def test_transkribus_custom_attributes_give_types_styles_and_line_order(tmp_path):
    tree, _ = export_to_tei(str(FIXTURES / "transkribus.xml"))
    root = tree.getroot()
    head = root.find(f".//{T}head")
    assert head is not None and "".join(head.itertext()).strip() == "A Heading"
    p = root.find(f"{T}text/{T}body//{T}p")
    assert [el.get("facs") for el in p.iter(f"{T}lb")] == ["#p1_l2", "#p1_l1"]  # by index
    # tags: abbrev (with its expansion), a person crossing its end (cut in two), a date
    choice = p.find(f"{T}choice")
    assert etree.tostring(choice, encoding=str, with_tail=False).replace(
        ' xmlns="http://www.tei-c.org/ns/1.0"', "") == (
        '<choice><abbr><hi rend="bold">Sec</hi><persName><hi rend="bold">ond</hi></persName>'
        '</abbr><expan>Secundo</expan></choice>')
    assert p.find(f"{T}persName").text == " line"  # the person's second part, after the choice
    assert p.find(f"{T}date").get("when") == "1916-07" and p.find(f"{T}date").text == "first"
    assert p.find(f"{T}del[@rend='strikethrough']/{T}hi[@rend='italic']").text == "struck"
    assert " ".join("".join(p.itertext()).split()) == \
        "SecondSecundo line comes first. The first line, struck out."


def test_words_and_alternatives_on_request(tmp_path):
    tree, _ = export_to_tei(str(FIXTURES / "transkribus.xml"), words=True, alternatives=True)
    root = tree.getroot()
    words = root.findall(f".//{T}w")
    assert [w.text for w in words] == ["A", "Heading"]
    assert all(w.get("facs") for w in words)
    assert {z.get("type") for z in root.iter(f"{T}zone")} >= {"Word", "TextLine"}
    choice = root.find(f".//{T}choice[{T}seg]")
    assert [s.get("type") for s in choice] == ["recognised", "alternative"]
    assert choice[1].text == "The fast line, struck out." and choice[1].get("cert") == "0.41"


def test_a_folder_export_follows_its_mets_and_else_its_names(tmp_path):
    folder = tmp_path / "export"
    (folder / "page").mkdir(parents=True)
    for n in (1, 2, 10):
        shutil.copy(FIXTURES / "transkribus.xml", folder / "page" / f"{n:d}.xml")
    tree, _ = export_to_tei(str(folder))
    pages = [pb.get("facs") for pb in tree.getroot().iter(f"{T}pb")]
    assert len(pages) == 3  # 1, 2, 10: natural order
    sources = [s.getparent().get("n") for s in tree.getroot().iter(f"{T}graphic")]
    assert sources == [] or len(sources) == 3
    (folder / "mets.xml").write_text(METS, encoding="utf-8")
    tree, _ = export_to_tei(str(folder))
    titles = tree.getroot().findtext(f".//{T}title")
    assert titles == "export"
    assert len(list(tree.getroot().iter(f"{T}pb"))) == 2  # the two pages METS lists


METS = """<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink">
<mets:fileSec><mets:fileGrp USE="PAGEXML">
<mets:file ID="f1"><mets:FLocat LOCTYPE="OTHER" xlink:href="page/1.xml"/></mets:file>
<mets:file ID="f10"><mets:FLocat LOCTYPE="OTHER" xlink:href="page/10.xml"/></mets:file>
</mets:fileGrp></mets:fileSec>
<mets:structMap TYPE="PHYSICAL"><mets:div TYPE="document">
<mets:div TYPE="page" ORDER="2"><mets:fptr FILEID="f1"/></mets:div>
<mets:div TYPE="page" ORDER="1"><mets:fptr FILEID="f10"/></mets:div>
</mets:div></mets:structMap></mets:mets>"""


def test_the_convert_command_writes_valid_tei_that_builds_with_its_images(tmp_path):
    src = tmp_path / "export"
    src.mkdir()
    shutil.copy(FIXTURES / "transkribus.xml", src / "p1.xml")
    from standins import stand_in
    stand_in(src / "p1.jpg", 1000, 1400)
    edition = tmp_path / "edition"
    edition.mkdir()
    out = edition / "letter.xml"
    result = run_cli("convert", str(src / "p1.xml"), "-o", str(out), "--title", "A page")
    assert result.exit_code == 0, result.stderr
    assert "not found beside the export" not in result.stderr  # found, kept relative
    tree = read_xml(out)
    assert tree.getroot().findtext(f".//{T}title") == "A page"
    assert tree.getroot().find(f".//{T}graphic").get("url") == "../export/p1.jpg"
    ok, _why = jing_available()
    if ok:
        assert jing(out).returncode == 0
    shutil.copytree(src, edition / "export")  # the image inside the edition
    out.write_text(out.read_text().replace("../export/p1.jpg", "export/p1.jpg"))
    report = build_edition(edition, tmp_path / "site", Settings(outputs=("html",)))
    assert not report.errors, report.errors
    page = (tmp_path / "site" / "html" / "letter" / "index.html").read_text()
    assert 'class="facsimile"' in page and "zone-start" in page


def test_what_cannot_be_placed_stops_the_conversion(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text((FIXTURES / "transkribus.xml").read_text().replace(
        '<SeparatorRegion id="s1">',
        '<SeparatorRegion id="s1"><TextEquiv><Unicode>lost words</Unicode></TextEquiv>'),
        encoding="utf-8")
    result = run_cli("convert", str(bad), "-o", str(tmp_path / "out.xml"))
    assert result.exit_code == 1
    assert re.match(rf"^{re.escape(str(bad))}:\d+:1: error: text in a TextEquiv of "
                    r"<SeparatorRegion> \('lost words'\)", result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.xml").exists()
    broken = tmp_path / "broken"  # a page that is not XML in a folder: never skipped
    broken.mkdir()
    shutil.copy(FIXTURES / "transkribus.xml", broken / "1.xml")
    (broken / "2.xml").write_text("<PcGts><Page>", encoding="utf-8")
    result = run_cli("convert", str(broken), "-o", str(tmp_path / "b.xml"))
    assert result.exit_code == 1 and result.stderr.startswith(f"{broken / '2.xml'}:")
    assert len(result.stderr.strip().splitlines()) == 1 and not (tmp_path / "b.xml").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli("convert", str(empty))
    assert result.exit_code == 1 and "no PAGE or ALTO file in this folder" in result.stderr
    evil = tmp_path / "evil.xml"  # an image name that is a script: never into the TEI
    evil.write_text((FIXTURES / "transkribus.xml").read_text().replace(
        'imageFilename="0001_p1.jpg"', 'imageFilename="javascript:alert(1)"'), encoding="utf-8")
    result = run_cli("convert", str(evil), "-o", str(tmp_path / "evil-tei.xml"))
    assert result.exit_code == 0 and "is no web address nor a file: left out" in result.stderr
    assert "javascript" not in (tmp_path / "evil-tei.xml").read_text()
    memo = tmp_path / "memo.txt"
    memo.write_text("MEMORANDUM\n\nText.\n")
    result = run_cli("convert", str(memo), "--words")
    assert result.exit_code == 2 and "for text recognition exports" in result.stderr


@given(st.text(alphabet="ab de", max_size=24).flatmap(lambda text: st.tuples(
    st.just(text),
    st.lists(st.tuples(st.integers(0, 23), st.integers(1, 24),
                       st.sampled_from(["person", "place", "abbrev", "sic", "unclear", "date"]),
                       st.sampled_from([{}, {"expansion": "X"}, {"correction": "Y"}])),
             max_size=5),
    st.lists(st.tuples(st.integers(0, 23), st.integers(1, 24),
                       st.sampled_from(["bold", "italic", "strikethrough"])), max_size=3))))
@settings(max_examples=300, deadline=None)
def test_tags_and_styles_keep_every_character_once_in_order(case):
    """However Transkribus's tags and styles overlap or cross, the line's text is written
    whole, each character once, in order (expansions and corrections aside)."""
    from toolkit.convert.recognition import _marked, _source_words

    text, tags, styles = case
    tags = [(o, min(n, len(text) - o), k, p) for o, n, k, p in tags if o < len(text)]
    styles = [(o, min(n, len(text) - o), s) for o, n, s in styles if o < len(text)]
    p = etree.Element(f"{T}p")
    _marked(p, text, tags, styles)
    assert _source_words(p) == text
