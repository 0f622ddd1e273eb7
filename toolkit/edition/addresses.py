"""Where every page of an edition lives, and where a pointer in the TEI leads.

Addresses are scoped by source file, so that adding or removing a file never moves
another file's pages: a file is a volume with its own folder, named by its
`TEI/@xml:id` (else its path), and its documents are named by their ids inside it:

    html/{volume}/index.html     the volume's contents (a file without documents: the file)
    html/{volume}/{doc}.html     one document of a volume
    text/{volume}/{doc}.txt      … the same for text (text/{volume}/{volume}.txt: the file)
    print/{volume}/{volume}.pdf  the volume as one PDF; print/{volume}/{doc}.pdf on request

Volumes are listed in the edition's order; a second file claiming a volume id another
already has is given the id with -2 and a warning (its pages would otherwise overwrite
the first's).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from .documents import safe_slug

# Names beside the volume folders in html/ (the edition's own files): never a volume id.
EDITION_FILES = ("index.html", "teikit.css", "sitemap.xml", "search.html", "search.js",
                 "views.js", "facsimile.js", "openseadragon",
                 "pagefind", "registers")
VOLUME_PAGE = "index"  # a volume's own page in html/; never a document's name


@dataclass
class Volume:
    rel: str  # the source file, relative to the edition folder
    id: str  # its folder name in html/, text/, print/
    title: str
    docs: list[dict]  # as documents.describe gives them, in order
    slugs: list[str]  # each document's page name inside the volume folder
    split: bool  # a page per document (else the file is one page, the volume's own)
    home: dict[str, str] = field(default_factory=dict)  # xml:id -> the page that holds it

    def page(self, i: int | None) -> str:
        """The html page name of document i (None: the volume's own page)."""
        return VOLUME_PAGE if i is None or not self.split else self.slugs[i]

    def href(self, kind: str, i: int | None) -> str:
        """The output name of document i's (or the whole volume's: None) page of a kind."""
        if kind == "html":
            return f"html/{self.id}/{self.page(i)}.html"
        name = self.slugs[i] if i is not None and self.split else self.id
        return f"{kind}/{self.id}/{name}.{'txt' if kind == 'text' else 'pdf'}"


def volumes(files: list[tuple[str, dict]]) -> tuple[list[Volume], list[str]]:
    """The edition's volumes, from (source path, its manifest entry) in edition order, and
    warnings for volume ids that had to be changed."""
    taken = set(EDITION_FILES)
    found, warnings = [], []
    for rel, entry in files:
        declared = safe_slug(entry.get("volume_id", ""), "")
        stem = rel[:-len(".xml")] if rel.endswith(".xml") else rel
        fallback = safe_slug(stem.replace("/", "-"), "volume")
        base = declared or fallback
        ident, count = base, 1
        while ident in taken:
            count += 1
            ident = f"{base}-{count}"
        if ident != base:
            warnings.append(f"{rel}: warning: volume id {base!r} is another file's too; this "
                            f"file's pages are at {ident}/ (give its TEI element its own "
                            "xml:id)")
        taken.add(ident)
        docs = entry["docs"]
        split = any(doc["split"] for doc in docs)
        slugs = unique([doc["base"] for doc in docs], (VOLUME_PAGE, ident))
        title = entry.get("title") or (docs[0]["title"] if docs else "") or rel
        volume = Volume(rel, ident, title, docs, slugs, split)
        for ident_ in entry.get("ids", []):
            volume.home.setdefault(ident_, VOLUME_PAGE)
        for i, doc in enumerate(docs):
            for ident_ in doc["ids"]:
                volume.home.setdefault(ident_, volume.page(i))
        found.append(volume)
    return found, warnings


def unique(bases: list[str], reserved: tuple[str, ...] = ()) -> list[str]:
    """Each base as it is, or with -2, -3… when it is taken (never a name another has)."""
    taken = set(reserved)
    slugs = []
    for base in bases:
        slug, count = base, 1
        while slug in taken:
            count += 1
            slug = f"{base}-{count}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


class Pointers:
    """Resolves a TEI pointer to the page that holds its target: `#id` in the same volume,
    `other.xml#id` (a path from the pointing file) and `volume-id#id` in another volume.
    Hrefs are relative to a page in html/{volume}/."""

    def __init__(self, all_volumes: list[Volume]):
        self.by_id = {v.id: v for v in all_volumes}
        self.by_rel = {v.rel: v for v in all_volumes}

    def volume_of(self, where: str, here: Volume) -> Volume | None:
        """The volume a pointer's part before '#' names: a path from the pointing file,
        or a volume id."""
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(here.rel), where))
        return self.by_rel.get(rel) or self.by_id.get(where)

    def resolve(self, target: str, here: Volume) -> str | None:
        where, _, frag = target.partition("#")
        volume = self.volume_of(where, here) if where else here
        if volume is None:
            return None
        if not frag:
            page = VOLUME_PAGE
        elif frag in volume.home:
            page = volume.home[frag]
        else:
            return None
        folder = "" if volume is here else f"../{volume.id}/"
        return f"{folder}{page}.html" + (f"#{frag}" if frag else "")

    def links(self, volume: Volume, targets: set[str]) -> dict[str, str]:
        """target -> href for every pointer of `targets`; '' for one that leads to no page
        of this edition (a letter not in it, an id nowhere): it is shown as no link."""
        return {target: self.resolve(target, volume) or "" for target in sorted(targets)}
