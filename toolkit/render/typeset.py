"""Print: the page tree print.xsl makes → PDF, laid out by Typst with print.typ.

Typst (the `typst` wheel) replaced WeasyPrint: it sets a 5 MB volume many times faster
(tests/benchmarks/bench.py prints both), writes tagged PDF/UA, is byte-identical for the
same input (no timestamp, fonts from the package and the wheel, never the machine's) and
needs no system libraries. The document goes to Typst as data (sys.inputs, read with
xml() by the template), never as Typst source: no text of a transcription can run code,
read a file or change the layout.
"""

from __future__ import annotations

import threading
from functools import cache

from lxml import etree

from ..errors import TeikitError
from ..resources import xslt_path

TEMPLATE = "print.typ"
STANDARDS = ["ua-1"]  # PDF/UA-1: tagged, with title and language; Typst refuses what breaks it


_lock = threading.Lock()  # one compiler per process, used by one thread at a time


@cache
def _compiler():
    """Made once per process: it keeps the fonts loaded and Typst's caches warm."""
    import typst

    template = xslt_path(TEMPLATE)
    # root: the stylesheets' folder is all a compilation may read (the data is an input)
    return typst.Compiler(str(template), root=str(template.parent),
                          font_paths=[str(xslt_path("fonts"))], ignore_system_fonts=True)


def _inputs(page_tree: str, name: str) -> dict[str, str]:
    """The template's sys.inputs: the tree, the ids links lead to, and the metadata."""
    try:
        root = etree.fromstring(page_tree.encode("utf-8"),
                                etree.XMLParser(resolve_entities=False, no_network=True,
                                                huge_tree=True))
    except etree.XMLSyntaxError as exc:  # print.xsl writes XML: this is a teikit bug
        raise TeikitError(f"the print page tree is not XML ({exc}); please report it",
                          name) from None
    ids = set(root.xpath("//@id"))
    hrefs = {h[1:] for h in root.xpath("//*[local-name()='a']/@href") if h.startswith("#")}
    meta = {m.get("name"): m.get("content", "") for m in root.iter("meta") if m.get("name")}
    title = " ".join("".join(root.xpath("//head/title//text()")).split())
    return {"data": page_tree, "targets": "\n".join(sorted(ids & hrefs)),
            "title": title or name, "author": meta.get("author", ""),
            "subject": meta.get("description", ""), "keywords": meta.get("keywords", ""),
            "lang": (root.get("lang") or "en").split("-")[0].lower()}


def typeset(page_tree: str, name: str = "<input>") -> bytes:
    """The PDF of a page tree from print.xsl; TeikitError (one line) if Typst fails."""
    import typst

    inputs = _inputs(page_tree, name)
    try:
        with _lock:
            pdf = _compiler().compile(format="pdf", sys_inputs=inputs,
                                      pdf_standards=STANDARDS, timestamp=0)
    except typst.TypstError as exc:
        message = " ".join(str(getattr(exc, "message", exc)).split())
        raise TeikitError(f"PDF layout failed: {message}", name) from None
    if not isinstance(pdf, bytes):
        raise TeikitError("PDF layout produced no PDF", name)
    return pdf
