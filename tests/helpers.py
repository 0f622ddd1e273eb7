"""Small helpers shared by tests: convert, render, compare content."""

from __future__ import annotations

import re

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
