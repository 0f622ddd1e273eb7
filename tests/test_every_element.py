"""Every element of tei_all renders its words (issue 25): each element of the schema teikit
ships, with a word inside it in a paragraph, and elements where TEI puts them (dictionary
entries, drama, letters with anchor-bounded spans, manuscript descriptions), in HTML, print
and text. Each render runs teikit's completeness check, which refuses a page that lacks a
word; the test also finds each word in the output itself."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import FIXTURES
from lxml import etree

from toolkit.render import render_html, render_pdf, render_text
from toolkit.render.accounting import output_stream, squash
from toolkit.resources import schema_path
from toolkit.validate import read_source

TEI = "http://www.tei-c.org/ns/1.0"
RNG = "{http://relaxng.org/ns/structure/1.0}"


def schema_elements() -> list[tuple[str, str]]:
    """(name, namespace) of every element tei_all.rng defines."""
    found: dict[str, str] = {}
    for el in etree.parse(str(schema_path("tei_all.rng"))).iter(RNG + "element"):
        if el.get("name"):
            ns = next((a.get("ns") for a in el.iterancestors() if a.get("ns") is not None), None)
            found[el.get("name")] = el.get("ns") or ns or TEI
    return sorted(found.items())


def paragraphs(elements: list[tuple[str, str]]) -> etree._ElementTree:
    """A TEI file with a paragraph per element: 'before{i}w <E>inside{i}w</E> after{i}w'."""
    t = "{" + TEI + "}"
    root = etree.Element(t + "TEI", nsmap={None: TEI})
    desc = etree.SubElement(etree.SubElement(root, t + "teiHeader"), t + "fileDesc")
    etree.SubElement(etree.SubElement(desc, t + "titleStmt"), t + "title").text = "Elements"
    for part in ("publicationStmt", "sourceDesc"):
        etree.SubElement(etree.SubElement(desc, t + part), t + "p").text = "teikit test"
    body = etree.SubElement(etree.SubElement(root, t + "text"), t + "body")
    for i, (name, ns) in enumerate(elements):
        p = etree.SubElement(body, t + "p")
        p.text = f"before{i}w "
        el = etree.SubElement(p, "{" + ns + "}" + name)
        el.text = f"inside{i}w"
        el.tail = f" after{i}w"
    return etree.ElementTree(root)


def test_the_schema_has_every_element():
    names = dict(schema_elements())
    assert len(names) > 550 and {"def", "anchor", "app", "castList", "egXML"} <= set(names)


@pytest.mark.parametrize("kind", ["html", "text"])
def test_every_element_alone_keeps_its_words(kind):
    refused = {}
    for name, ns in schema_elements():
        tree = paragraphs([(name, ns)])
        try:
            out = render_html(tree, name) if kind == "html" else render_text(tree, name)
        except Exception as exc:  # a refusal names the element: collect them all
            refused[name] = str(exc)[:120]
            continue
        stream = output_stream(kind, out)
        assert all(squash(w) in stream for w in ("before0w", "inside0w", "after0w")), name
    assert refused == {}


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext is not installed "
                    "(apt-get install poppler-utils; .ci/run does this)")
def test_every_element_prints_its_words(tmp_path):
    elements = schema_elements()
    pdf = tmp_path / "all.pdf"
    pdf.write_bytes(render_pdf(paragraphs(elements), "all.xml"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    words = set(re.findall(r"\w+", text))
    lost = [name for i, (name, _) in enumerate(elements) if f"inside{i}w" not in words]
    assert lost == []


def test_elements_where_tei_puts_them_keep_their_words(tmp_path):
    path = FIXTURES / "elements" / "contexts.xml"
    tree = read_source(path).tree
    words = sorted(set(re.findall(r"ctx[a-z]+", path.read_text(encoding="utf-8"))))
    assert len(words) > 80
    page = output_stream("html", render_html(tree, str(path)))
    text = output_stream("text", render_text(tree, str(path)))
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(render_pdf(tree, str(path)))
    printed = squash(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                    text=True, check=True).stdout) if shutil.which("pdftotext") else page
    for out in (page, text, printed):
        assert [w for w in words if w not in out] == []
