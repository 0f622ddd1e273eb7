"""The edition's own pages, made from what the build knows of every volume rather
than from one source file: the index (grouped by volume), the sitemap, and the
whole-edition PDF. Also how a date reads in a list."""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from ..render import render_pdf
from ..render.saxon import transform
from ..validate import read_source
from .addresses import Volume
from .documents import document_divs, edition_tree

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
ISO_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?")


def human_date(iso: str) -> str:
    """"1953-01-05T15:00:00" → "January 5, 1953" (as FRUS prints dates); a month or a
    year alone as such; anything else as it is."""
    m = ISO_DATE.fullmatch(iso.strip())
    if not m:
        return iso
    year, month, day = m.groups()
    if month and not 1 <= int(month) <= 12:
        return iso
    if not month:
        return year
    name = MONTHS[int(month) - 1]
    return f"{name} {int(day)}, {year}" if day else f"{name} {year}"


def index_html(title: str, volumes: list[dict], pdf: str, search: bool,
               registers: list[str], reference: str = "") -> str:
    """html/index.html: every volume with its documents (number, date, title, text/PDF);
    `reference`: the address of the schema's reference (an edition whose schema is an ODD).

    volumes: [{id, title, href, pdf, docs: [{n, date, label, title, href, text, pdf}]}]"""
    edition = etree.Element("edition", title=title, pdf=pdf,
                            search="search.html" if search else "", reference=reference)
    for kind in registers:
        etree.SubElement(edition, "register", href=f"registers/{kind}.html",
                         title=kind.capitalize())
    for volume in volumes:
        el = etree.SubElement(edition, "volume", {k: v for k, v in volume.items()
                                                  if isinstance(v, str)})
        for doc in volume["docs"]:
            etree.SubElement(el, "doc", doc)
    return transform("index.xsl", etree.ElementTree(edition), {"css-href": "teikit.css"},
                     "index")


def shell(title: str, crumbs: list[tuple[str, str]], body: str, css: str, kind: str,
          lang: str = "en", after: str = "") -> str:
    """A page of the edition's own made here (search, registers): head, breadcrumb (crumbs:
    (text, href) before this page), main. Every value passed in as text is escaped here;
    `body` and `after` are markup the caller escaped."""
    trail = "".join(f'<li><a href="{escape(href)}">{escape(text)}</a></li>'
                    for text, href in crumbs)
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="UTF-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="generator" content="teikit">\n'
            f"<title>{escape(' · '.join([title] + [text for text, _ in crumbs[:1]]))}</title>\n"
            f'<link rel="stylesheet" href="{escape(css)}">\n</head>\n<body>\n'
            f'<nav class="breadcrumb" aria-label="Breadcrumb"><ol>{trail}'
            f'<li aria-current="page">{escape(title)}</li></ol></nav>\n'
            f'<main class="{kind}">\n{body}</main>\n{after}</body>\n</html>\n')


def search_html(title: str, language: str) -> str:
    """html/search.html: the form; search.js fills in the filters and the results."""
    selects = "".join(
        f'<label>{label} <select name="{name}"><option value="">all</option></select></label>\n'
        for name, label in (("volume", "Volume"), ("year", "Year"), ("type", "Type")))
    body = ('<h1>Search</h1>\n<form id="search-form" role="search">\n'
            '<label>Words <input type="search" name="q" autofocus></label>\n'
            f"{selects}<button>Search</button>\n</form>\n"
            '<p id="search-stale" class="search-stale" role="note" hidden></p>\n'
            '<p id="search-status" role="status"></p>\n<ol id="search-results"></ol>\n')
    return shell("Search", [(title, "index.html")], body, "teikit.css", "search", language,
                 '<script src="search.js"></script>\n')


def sitemap(base_url: str, names: list[str]) -> str:
    """html/sitemap.xml: every HTML page at its published address."""
    base = base_url.rstrip("/") + "/"
    urls = "".join(f"  <url><loc>{escape(base + name)}</loc></url>\n" for name in names)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{urls}</urlset>\n")


def edition_pdf(source: Path, volumes: list[Volume], title: str, params: dict) -> bytes:
    """Every document of the edition in one PDF, in the edition's order (params: the
    view, as for every PDF)."""
    parts = []
    for volume in volumes:
        tree = read_source(source / volume.rel, str(source)).tree
        divs = document_divs(tree)
        parts.append((tree, divs if divs else None, volume.id))
    return render_pdf(edition_tree(parts, title), "edition", **params, **{"edition-title": title})
