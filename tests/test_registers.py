"""Registers across the edition: entries from what the TEI declares, one entry per person
however many volumes declare them (by id or identifier, never by name), every mention
linked both ways, and only what changed rebuilt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, SHARED
from helpers import broken_links
from lxml import html
from test_build import mtimes
from test_edition import second_volume

from toolkit.edition import Settings, build_edition

HTML = Settings(outputs=("html",), title="Registers", search=False)
LETTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{id}">
  <teiHeader><fileDesc><titleStmt><title>{id}</title></titleStmt>
    <publicationStmt><p>Test</p></publicationStmt><sourceDesc><p>Test</p></sourceDesc>
  </fileDesc></teiHeader>
  <text><body><p>Visited <persName ref="#{person}">the doctor</persName> today.</p></body>
  <back><listPerson><person xml:id="{person}"><persName>Doctor Jones</persName>
    {idno}</person></listPerson></back></text>
</TEI>
"""


def letters(folder: Path, *specs: tuple[str, str, str]) -> None:
    for ident, person, url in specs:
        idno = f"<idno type='gnd'>{url}</idno>" if url else ""
        (folder / f"{ident}.xml").write_text(LETTER.format(id=ident, person=person, idno=idno),
                                            encoding="utf-8")


@pytest.fixture
def edition(tmp_path):
    src = tmp_path / "tei"
    src.mkdir()
    shutil.copy(FIXTURES / "tei" / "frus-volume.xml", src / "vol.xml")
    (src / "vol2.xml").write_text(second_volume(), encoding="utf-8")
    return src, tmp_path / "out"


def links_of(page: Path) -> dict[str, str]:
    return {a.text_content(): a.get("href") for a in html.parse(str(page)).iter("a")}


def test_names_link_to_one_entry_per_person_and_back_to_every_mention(edition):
    src, out = edition
    report = build_edition(src, out, HTML)
    assert report.errors == []
    d2 = links_of(out / "html/frus-test-v1/d2.html")
    assert d2["Acheson"] == "../registers/persons/p_AD1.html"  # persName/@corresp
    d1 = links_of(out / "html/frus-test-v1/d1.html")
    assert d1["UNC"] == "../registers/terms/t_UNC1.html"  # gloss/@target
    persons = html.parse(str(out / "html/registers/persons.html")).xpath(
        "//ol[@class='register-list']/li/a/@href")
    # declared in both volumes: one entry each; alphabetical
    assert persons == ["persons/p_AD1.html", "persons/p_AJM1.html"]
    entry = out / "html/registers/persons/p_AD1.html"
    back = [href for text, href in links_of(entry).items() if text.startswith("2. Telegram")]
    assert sorted(html.parse(str(entry)).xpath("//ol[@class='mentions']/li/a/@href")) == [
        "../../frus-test-v1/d2.html#mention-p_AD1", "../../frus-test-v2/d2.html#mention-p_AD1"]
    assert back and "Mentioned in 2 documents" in entry.read_text()
    assert broken_links(out) == []  # every mention link and every way back lands on an id
    index = (out / "html/index.html").read_text()
    assert 'href="registers/persons.html"' in index and 'href="registers/terms.html"' in index


def test_entries_are_one_by_id_or_identifier_never_by_name_alone(tmp_path):
    src, out = tmp_path / "tei", tmp_path / "out"
    src.mkdir()
    gnd = "https://d-nb.info/gnd/118609807"
    letters(src, ("a", "pmb1", gnd), ("b", "x7", gnd),  # other ids, one identifier
            ("c", "pmb1", ""),  # the same id as a's
            ("d", "q9", ""))  # the same name only: another person
    assert build_edition(src, out, HTML).errors == []
    entries = html.parse(str(out / "html/registers/persons.html")).xpath(
        "//ol[@class='register-list']/li/a/@href")
    assert sorted(entries) == ["persons/pmb1.html", "persons/q9.html"]
    jones = (out / "html/registers/persons/pmb1.html").read_text()
    assert "Mentioned in 3 documents" in jones and gnd in jones
    assert "Mentioned in 1 document<" in (out / "html/registers/persons/q9.html").read_text()
    assert broken_links(out) == []


def test_one_changed_document_rebuilds_only_the_entries_it_mentions(edition):
    src, out = edition
    build_edition(src, out, HTML)
    before = mtimes(out)
    vol = src / "vol.xml"
    vol.write_text(vol.read_text().replace("Further figures follow.",
                                           'Further figures follow from <persName '
                                           'corresp="#p_AD1">the Secretary</persName>.', 1))
    report = build_edition(src, out, HTML)
    assert report.errors == []
    changed = {k for k, v in mtimes(out).items() if before.get(k) != v}
    # (not the volume's contents page: it shows the documents' titles, not their text)
    assert changed == {"html/frus-test-v1/d1.html", "html/registers/persons/p_AD1.html"}
    fresh = out.parent / "fresh"
    build_edition(src, fresh, HTML)
    assert all((fresh / name).read_bytes() == (out / name).read_bytes() for name in before)
    assert "Mentioned in 3 documents" in (out / "html/registers/persons/p_AD1.html").read_text()


def test_names_pointing_nowhere_and_entries_never_named_are_reported(tmp_path):
    src, out = tmp_path / "tei", tmp_path / "out"
    src.mkdir()
    letters(src, ("a", "pmb1", ""))
    text = (src / "a.xml").read_text().replace(
        "today.", 'today with <persName ref="#ghost">a ghost</persName>.').replace(
        "</listPerson>", '<person xml:id="silent"><persName>Nobody</persName></person>'
        "</listPerson>")
    (src / "a.xml").write_text(text)
    report = build_edition(src, out, HTML)
    found = [w for w in report.warnings if "[register]" in w]
    assert any("lead to no register entry: #ghost" in w for w in found), found
    assert any("1 entry is never mentioned: silent" in w for w in found), found


@pytest.mark.skipif(not (SHARED / "corpus" / "schnitzler").is_dir(),
                    reason="../shared/corpus is not beside the repository")
def test_the_schnitzler_letters_names_link_into_the_person_register(tmp_path):
    letters_dir = SHARED / "corpus" / "schnitzler" / "data" / "editions"
    src = tmp_path / "tei"
    src.mkdir()
    for name in sorted(p.name for p in letters_dir.glob("L*.xml"))[:20]:
        shutil.copy(letters_dir / name, src / name)
    out = tmp_path / "out"
    build_edition(src, out, HTML)
    persons = [href for page in (out / "html").glob("L*/index.html")
               for href in html.parse(str(page)).xpath("//a[contains(@class, 'mention')]/@href")
               if href.startswith("../registers/persons/pmb")]
    assert len(persons) >= 20  # persName/@ref (and rs) into the person register
    assert len(list((out / "html/registers/persons").glob("*.html"))) >= 20
    assert broken_links(out) == []


@pytest.mark.skipif(not (SHARED / "corpus" / "frus-history").is_dir(),
                    reason="../shared/corpus is not beside the repository")
def test_frus_history_and_the_bundled_edition_get_registers_whose_links_all_resolve(tmp_path):
    """The FRUS history's terms list (items without ids: listed, with no page) beside the
    bundled memo and the FRUS-shaped volume (persName/@corresp, gloss/@target)."""
    from conftest import ROOT

    src = tmp_path / "tei"
    shutil.copytree(SHARED / "corpus" / "frus-history", src)
    shutil.copy(ROOT / "tei" / "frus1952-54v15p1-p728.xml", src)
    shutil.copy(FIXTURES / "tei" / "frus-volume.xml", src / "vol.xml")
    out = tmp_path / "out"
    build_edition(src, out, HTML, jobs=2)
    terms = (out / "html/registers/terms.html").read_text()
    assert "Agency" in terms and "UNC" in terms  # FRUS history's list and the volume's
    assert (out / "html/registers/persons/p_AD1.html").is_file()
    assert broken_links(out) == []
