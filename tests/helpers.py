"""Small helpers shared by tests: convert, render, compare content."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from toolkit.convert import convert_text
from toolkit.render import render_text
from toolkit.validate import ERROR, validate_tree
from toolkit.xmlio import serialize


def convert(text: str, name: str = "memo.txt") -> etree._ElementTree:
    tree, _ = convert_text(text.encode("utf-8"), name)
    return tree


def errors_of(tree: etree._ElementTree) -> list[str]:
    return [d.text() for d in validate_tree(tree, "t.xml") if d.severity == ERROR]


def roundtrip(tree: etree._ElementTree, width: int = 0) -> tuple[str, etree._ElementTree]:
    text = render_text(tree, "t.xml", width=width)
    return text, convert(text, "rendered.txt")


def same_tei(a: etree._ElementTree, b: etree._ElementTree) -> bool:
    return serialize(a) == serialize(b)


def body_content(text: str) -> str:
    """Words, page marks and note marks in order, without layout or front matter."""
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    text = re.sub(r"\[\^(\d+)\]", r"\1", text)
    return re.sub(r"\s+", "", text)


def long_memo(notes: int = 24, pages_from: int = 300) -> str:
    """A multi-page, many-note, multi-hand memo whose marks and notes are easy to find."""
    lines = ["---", "id: d5", "hand: h1 | Ellis Briggs | typescript",
             "hand: h2 | Dean Acheson | pencil", "---", "",
             "Memorandum of a Very Long Discussion Held in Washington 1", "", "secret",
             "Washington, March 3, 1953.", ""]
    page = pages_from
    filler = ("The discussion covered the release of prisoners, the position of the Allies, "
              "the views of the Government of the Republic of Korea and the timing of any "
              "announcement before the General Assembly. ")
    for k in range(2, notes + 1):
        if k % 4 == 0:
            lines += ["", ""]
        if k % 3 == 0:
            page += 1
            lines.append(f"[Page {page}]")
        hand = " {+@h2 added in pencil+}" if k % 5 == 0 else ""
        lines.append(f"{filler * 2}Point markword{k}.{k}{hand} Then {filler}")
    lines += ["{@h2}Approved in pencil by the Secretary.", ""]
    lines.append("  1. Source: drafted for the test of long documents.")
    for k in range(2, notes + 1):
        lines.append(f"  {k}. Notetext{k} explains point {k} of the discussion.")
    return "\n".join(lines) + "\n"


def interruptible() -> None:
    """Popen preexec_fn: Ctrl-C as a terminal gives it. A test run started in the background
    by a non-interactive shell (`pytest &`) has SIGINT ignored, and an ignored signal stays
    ignored in every process started from it: a child could then never be interrupted."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def broken_links(site: Path) -> list[str]:
    """Every relative link (a, link) in the HTML pages under `site` that names a file or a
    fragment that does not exist: "page: href"."""
    from urllib.parse import unquote, urlsplit

    from lxml import html as lxml_html

    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            tree = lxml_html.parse(str(path))
            ids[path] = {str(v) for v in tree.xpath("//@id")}
        return ids[path]

    broken = []
    for page in sorted(site.rglob("*.html")):
        tree = lxml_html.parse(str(page))
        for href in tree.xpath("//a/@href | //link/@href"):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {href}")
            elif parts.fragment and target.suffix == ".html" and \
                    unquote(parts.fragment) not in ids_of(target):
                broken.append(f"{page.relative_to(site)}: {href} (no such id)")
    return broken
