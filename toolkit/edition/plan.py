"""What a build will make: for every volume its pages (with their navigation and the
links out of them), the key of every output, and which outputs need rendering now."""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path

from ..odd import is_odd
from ..render.epub import Book, epub_links
from .addresses import Pointers, Volume, volumes
from .config import Settings, view_params
from .documents import describe, describe_volume
from .images import Published, plan_images, viewer_files
from .jobs import CSS_HREF, VIEWS_HREF
from .manifest import PENDING, Manifests
from .pages import human_date
from .registers import FOLDER, Registers, anchor, entry_page, gather, register_page

SCHEMA_REFERENCE = "schema/index.html"  # the ODD's reference, when teikit.toml names one
MIN_PART = 100  # pages: a file is cut into runs of documents for idle workers down to this
INDEX_LISTS = 5_000  # documents up to which the edition's index lists every one
NEAR = 3  # documents before and after the current one in a page's side list (with its
# navigation a FRUS volume's HTML doubled at ±5; every entry is on every page)


def digest(*parts: object) -> str:
    """An output's key. repr, not JSON: the parts are strings, lists and dicts built in a fixed
    order, and a warm build computes 20,000 of these (json.dumps with sorted keys: 0.45 s)."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()


@dataclass
class Plan:
    old: dict
    outputs: dict[str, str] = field(default_factory=dict)  # name -> key, for the manifest
    pending: set[str] = field(default_factory=set)  # of those, the ones to (re)write now
    owners: dict[str, str] = field(default_factory=dict)  # name -> the source that makes it
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # said once, not a warning
    root: str = ""  # the output folder
    skipped: int = 0
    tasks: dict[str, dict] = field(default_factory=dict)
    volumes: list[Volume] = field(default_factory=list)
    title: str = ""
    css: bool = False  # html/teikit.css and views.js need writing
    viewer: bool = False  # some volume has page images: the facsimile viewer is wanted
    viewer_files: list[str] = field(default_factory=list)  # … and these of it need writing
    no_manifest: list[str] = field(default_factory=list)  # volumes with images, no base_url
    index: tuple | None = None  # the arguments of pages.index_html, when it needs writing
    sitemap: tuple | None = None  # … of pages.sitemap
    search_page: bool = False  # html/search.html and search.js need writing
    language: str = "en"  # the edition's main language: one search index for every page
    search: bool = False  # the edition has a search page (its index is made after the pages)
    registers: Registers | None = None
    register_pages: list[tuple] = field(default_factory=list)  # (name, maker, args) to write
    edition_pdf: bool = False
    params: dict = field(default_factory=dict)  # the stylesheets' (view_params)
    results: list[dict] = field(default_factory=list)
    old_volumes: dict = field(default_factory=dict)  # source -> {key, outputs}, last build's
    volume_keys: dict = field(default_factory=dict)  # … this build's, for the manifest

    @property
    def documents(self) -> int:
        return sum(len(v.docs) for v in self.volumes)

    def wanted(self, name: str, key: str, owner: str = "") -> bool:
        """Record an output's key; does it need making (new key, or the file is gone)?
        Two sources never make one output: the second is refused with an error."""
        if name in self.outputs:
            self.errors.append(f"{owner}: error: would write {name}, which {self.owners[name]} "
                               "writes too; rename one of them (file name or xml:id)")
            return False
        self.outputs[name] = key
        self.owners[name] = owner or "the edition"
        if self.old.get(name) == key and os.path.isfile(f"{self.root}/{name}"):
            self.skipped += 1
            return False
        self.pending.add(name)
        return True

    def reuse(self, rel: str, key: str, owner: str) -> bool:
        """Take the last build's outputs of a volume whose every input is unchanged (its
        key: see _plan_volume) as they are, without planning its pages again, while they
        are all there, were all written and none is another source's now. At 10,720
        documents this is most of a no-op build's planning (0.5 s of 0.6 s)."""
        old = self.old_volumes.get(rel)
        if not old or old["key"] != key:
            return False
        names = old["outputs"]
        if any(self.old.get(name, PENDING) == PENDING or name in self.outputs
               for name in names):
            return False
        folders: dict[str, set[str]] = {}
        for name in names:
            folder, _, base = name.rpartition("/")
            folders.setdefault(folder, set()).add(base)
        try:
            if any(not found <= set(os.listdir(f"{self.root}/{folder}"))
                   for folder, found in folders.items()):
                return False
        except OSError:
            return False
        for name in names:
            self.outputs[name] = self.old[name]
            self.owners[name] = owner
        self.skipped += len(names)
        self.volume_keys[rel] = old
        return True



def label(doc: dict) -> str:
    """A document as a list shows it: "42. Memorandum by …"."""
    return f"{doc['n']}. {doc['title']}" if doc["n"] else doc["title"]


def plan_edition(source: Path, out: Path, entries: dict[str, dict], ordered: list[str],
                 settings: Settings, shard: tuple[int, int], manifests: Manifests,
                 version: str, mine: set[str]) -> Plan:
    """Addresses, navigation, links between pages, and which outputs need rendering: of
    the volumes in `mine` (a shard's; the edition's pages of the whole edition's)."""
    outputs = settings.outputs
    root = str(out)
    plan = Plan(old=manifests.outputs, title=settings.title or "Edition", root=root,
                old_volumes=manifests.volumes)
    plan.volumes, plan.warnings = volumes([(rel, entries[rel]) for rel in ordered])
    pointers = Pointers(plan.volumes)
    if "html" in outputs and plan.documents:
        plan.css = plan.wanted(f"html/{CSS_HREF}", digest(version, "css"))
        plan.css |= plan.wanted(f"html/{VIEWS_HREF}", digest(version, "views"))
    params = plan.params = view_params(settings)
    whole = shard[1] == 1
    # (pages are marked for the index in a shard too: the final build indexes them as they are)
    plan.search = settings.search and "html" in outputs and plan.documents > 0
    if settings.registers and "html" in outputs:  # (in a shard too: its pages link to them)
        plan.registers = gather(plan.volumes, entries, pointers,
                                {v.rel: f"{source}/{v.rel}" for v in plan.volumes}, label)
        if whole:
            plan.warnings += plan.registers.warnings
            _plan_registers(plan, plan.registers, version)
    for volume in plan.volumes:
        if volume.rel in mine:
            _plan_volume(plan, volume, entries[volume.rel], pointers, settings, params, source,
                         version)
    if plan.viewer:
        plan.viewer_files = [name for name in viewer_files()
                             if plan.wanted(name, digest(version, "viewer", name))]
    if plan.no_manifest:
        plan.notes.append(f"no IIIF manifests for the {len(plan.no_manifest)} volume(s) with "
                          "page images: IIIF names every image by the URL it is published at; "
                          "set base_url in teikit.toml (or --base-url) to make them")
    edition_pdf = whole and plan.documents > 0 and "print" in outputs and \
        _edition_pdf(plan, source, settings)
    if whole and plan.documents and "html" in outputs:
        rows = _index_rows(plan.volumes, settings)
        pdf = "../print/edition.pdf" if edition_pdf else ""
        registers = sorted(plan.registers.entries) if plan.registers else []
        reference = SCHEMA_REFERENCE if is_odd(settings.schema) else ""
        if plan.wanted("html/index.html", digest(version, plan.title, rows, pdf, plan.search,
                                                 registers, reference)):
            plan.index = (plan.title, rows, pdf, plan.search, registers, reference)
        if plan.search:  # (a whole build: the search page needs every volume)
            langs = Counter(lang if re.fullmatch("[a-z]{2,3}", lang) else "en"
                            for v in plan.volumes for lang in [entries[v.rel].get("lang", "")])
            plan.language = langs.most_common(1)[0][0]
            plan.search_page = plan.wanted("html/search.html", digest(version, plan.title,
                                                                      plan.language))
            plan.search_page |= plan.wanted("html/search.js", digest(version, "search.js"))
        if settings.base_url:
            names = ["html/index.html"] + [name for name in plan.outputs
                                           if name.startswith("html/") and
                                           name.endswith(".html") and name != "html/index.html"]
            if plan.wanted("html/sitemap.xml", digest(version, settings.base_url, names)):
                plan.sitemap = (settings.base_url, names)
    if edition_pdf:
        plan.edition_pdf = plan.wanted("print/edition.pdf", digest(
            version, plan.title, params,
            [(v.rel, v.id, entries[v.rel]["hash"]) for v in plan.volumes]))
    return plan


def _edition_pdf(plan: Plan, source: Path, settings: Settings) -> bool:
    """Is the edition PDF wanted? Always or never if the settings say so; else ("auto")
    while the edition is small enough to lay out at once (a note says why it is not)."""
    if settings.edition_pdf is not True and settings.edition_pdf != "auto":
        return False
    size = sum(os.path.getsize(source / v.rel) for v in plan.volumes) / 1e6
    if settings.edition_pdf == "auto" and size > settings.edition_pdf_max_mb:
        plan.notes.append(f"no edition PDF: the edition's TEI is {size:.1f} MB, above "
                          f"edition_pdf_max_mb = {settings.edition_pdf_max_mb:g} (each volume "
                          "has its PDF; edition_pdf = true in teikit.toml or --edition-pdf "
                          "makes it anyway)")
        return False
    return True


def _plan_volume(plan: Plan, volume: Volume, entry: dict, pointers: Pointers,
                 settings: Settings, params: dict, source: Path, version: str) -> None:
    outputs = settings.outputs
    owner = f"{source}/{volume.rel}"
    targets = set(entry.get("refs", [])) | {t for doc in volume.docs for t in doc["refs"]}
    links = pointers.links(volume, targets)
    named = plan.registers.mentions if plan.registers else {}
    mentions = {token: m for i in range(len(volume.docs)) for token, m in
                named.get((volume.id, i), {}).items()}  # (a pointer means one entry per volume)
    # page images: pointed to from the text, or named by page breaks the pattern completes
    facsimile = bool(entry.get("facsimile") or entry.get("named") and settings.facs_pattern)
    images = plan_images(entry.get("images", []), str(source), f"html/{volume.id}") \
        if facsimile and ("html" in outputs or settings.print_facsimile) else []
    shown = [(p.source, p.stamp, p.levels) for p in images]  # what the pages say of them
    figures = _stamps(source, entry.get("figures", [])) if "epub" in outputs else []
    # everything the volume's outputs are made from (its own documents by the file's hash)
    summary = digest(version, entry["hash"], params, sorted(links.items()), shown,
                 sorted((i, sorted(named.get((volume.id, i), {}).items()))
                        for i in range(len(volume.docs)) if (volume.id, i) in named),
                 volume.id, volume.slugs, volume.split, plan.title, plan.search,
                 settings.outputs, settings.base_url, settings.pdf_per_document, figures)
    if "html" in outputs and facsimile:
        plan.viewer = True
        if not settings.base_url:
            plan.no_manifest.append(volume.rel)
    if plan.reuse(volume.rel, summary, owner):
        return
    made, errors = len(plan.outputs), len(plan.errors)
    task = plan.tasks.setdefault(volume.rel, {
        "path": owner, "links": links, "labels": [], "groups": {}, "file_pdf": None,
        "docs": [], "params": params, "mentions": mentions, "images": [], "manifest": None,
        "epub": None})
    base_url = settings.base_url.rstrip("/") + "/" if settings.base_url else ""
    if "html" in outputs and facsimile:
        _plan_facsimile(plan, volume, entry, task, images, base_url, version)
    volume_pdf = volume.href("print", None)
    common = {"edition-title": plan.title, "edition-href": "../index.html",
              "volume-title": volume.title if volume.split else "",
              "volume-href": "index.html" if volume.split else "",
              "pdf-href": f"../../{volume_pdf}" if "print" in outputs else "",
              "pdf-label": "PDF of the volume" if volume.split else "PDF"}
    docs = volume.docs
    for i, doc in enumerate(docs):
        task["docs"].append(doc["doc_id"])
        key = (version, doc.get("hash") or entry["hash"], params, shown,
               {t: links[t] for t in doc["refs"] if t in links},
               named.get((volume.id, i), {}))
        page = {"doc": doc["doc_id"] if volume.split else "", "title": doc["title"],
                "pos": str(i + 1) if volume.split else ""}
        need = []
        html = volume.href("html", i)
        if "html" in outputs:
            nav = dict(common, **{"page-kind": "document", "date-label": human_date(doc["date"]),
                                  "canonical": base_url + html if base_url else ""})
            if "text" in outputs:
                nav["text-href"] = f"../../{volume.href('text', i)}"
            if settings.pdf_per_document and volume.split and "print" in outputs:
                nav.update({"pdf-href": f"../../{volume.href('print', i)}",
                            "pdf-label": "PDF of this document"})
            if volume.split:
                nav["volume-hands"] = "index.html#hands"
                nav.update(_neighbours(volume, i))
            if plan.search:  # what the search index shows and filters by
                nav.update({"search": "yes", "search-title": label(doc),
                            "year": doc["date"][:4] if doc["date"][:4].isdigit() else "",
                            "doc-type": doc.get("type", "").replace("-", " ").capitalize()})
            if plan.wanted(html, digest(key, page, nav, CSS_HREF), owner):
                need.append(("html", {"href": html, **page, **nav}))
        text = volume.href("text", i)
        if "text" in outputs and plan.wanted(text, digest(key, page, "text"), owner):
            need.append(("text", {"href": text, **page}))
        if settings.pdf_per_document and volume.split and "print" in outputs:
            pdf = volume.href("print", i)
            if plan.wanted(pdf, digest(key, page, "pdf"), owner):
                need.append(("print", {"href": pdf, **page}))
        for kind, item in need:
            task["groups"].setdefault(kind, []).append(item)
    if "epub" in outputs:
        _plan_epub(plan, volume, entry, links, task, base_url, figures, version)
    if "print" in outputs and plan.wanted(volume_pdf, digest(version, entry["hash"], params,
                                                             shown, "file"), owner):
        task["file_pdf"] = volume_pdf
    if "html" in outputs and volume.split:
        labels = [[doc["doc_id"], volume.slugs[i], label(doc), human_date(doc["date"])]
                  for i, doc in enumerate(docs)]
        html = volume.href("html", None)
        nav = dict(common, **{"page-kind": "volume", "part": _parts(volume),
                              "canonical": base_url + html if base_url else ""})
        own = {t: links[t] for t in entry.get("refs", []) if t in links}
        if plan.wanted(html, digest(version, entry.get("frame") or entry["hash"], params, labels,
                                    nav, own, CSS_HREF), owner):
            task["labels"] = labels
            task["groups"].setdefault("html", []).append({"href": html, "kind": "volume", **nav})
    if len(plan.errors) == errors:  # (a refused output is refused again, and said, next time)
        names = list(islice(reversed(plan.outputs), len(plan.outputs) - made))[::-1]
        plan.volume_keys[volume.rel] = {"key": summary, "outputs": names}


def _plan_facsimile(plan: Plan, volume: Volume, entry: dict, task: dict,
                    images: list[Published], base_url: str, version: str) -> None:
    """A volume with page images: its local images (each written again only when the file
    changes), its IIIF manifest (with a base_url: IIIF names things by URL), the viewer."""
    owner = task["path"]
    folder = f"html/{volume.id}"
    for image in images:
        key = digest(version, image.source, image.stamp, image.levels)
        if [name for name, _w, _h in image.levels if plan.wanted(name, key, owner)]:
            task["images"].append(image)
    site = f"{base_url}{folder}/" if base_url else ""
    task["facsimile"] = {"images": images, "site": site, "title": volume.title,
                         "folder": volume.id,
                         "homepage": f"{site}{volume.href('html', None).rpartition('/')[2]}"}
    if base_url and plan.wanted(f"{folder}/manifest.json", digest(
            version, entry["hash"], [(p.source, p.stamp, p.levels) for p in images], site,
            volume.title), owner):
        task["manifest"] = f"{folder}/manifest.json"


def _stamps(source: Path, files: list[str]) -> list[tuple[str, int, int]]:
    """Each file's size and modification time (-1 when it is not there): what an output
    that holds the files is keyed by."""
    found = []
    for rel in files:
        try:
            stat = os.stat(source / rel)
            found.append((rel, stat.st_size, stat.st_mtime_ns))
        except OSError:
            found.append((rel, -1, -1))
    return found


def _plan_epub(plan: Plan, volume: Volume, entry: dict, links: dict[str, str], task: dict,
               base_url: str, figures: list, version: str) -> None:
    """The volume's ebook: made again when its file, its links out, its images or the
    names and labels the build gives its documents change."""
    book = epub_book(volume, entry, links, base_url)
    name = f"epub/{volume.id}/{volume.id}.epub"
    if plan.wanted(name, digest(version, entry["hash"], plan.params, asdict(book), figures),
                   task["path"]):
        task["epub"] = {"href": name, "book": asdict(book)}


def epub_book(volume: Volume, entry: dict, links: dict[str, str], base_url: str) -> Book:
    """What the ebook of a volume needs from the build: its documents as the edition names
    and labels them, its pointers as links inside the package (or to the web), and its
    names linked to the entries of its own registers (its front or back matter), which
    list the documents that mention them."""
    docs = [{"doc_id": doc["doc_id"], "slug": volume.slugs[i], "title": doc["title"],
             "label": label(doc), "date": human_date(doc["date"]), "part": doc.get("part", ""),
             "part_id": doc.get("part_id", "")} for i, doc in enumerate(volume.docs)]
    mentions: dict[str, dict] = {}
    mentioned: list[dict] = []
    if volume.split:
        entries = set(entry.get("ids", []))  # ids outside the documents: on the contents page
        for i, doc in enumerate(volume.docs):
            for token in doc.get("mentions", {}):
                if token.startswith("#") and token[1:] in entries:
                    mentions[token] = {"href": f"contents.xhtml{token}", "anchor": anchor(token)}
                    mentioned.append({"entry": token[1:], "label": doc["n"] or str(i + 1),
                                      "href": f"{volume.slugs[i]}.xhtml#{anchor(token)}"})
    url = base_url + volume.href("html", None) if base_url else ""
    return Book(volume.id, volume.title, docs, volume.split,
                epub_links(links, volume.split, base_url), mentions, mentioned, url)


def single_book(path: str, tree) -> Book:
    """The ebook of one file rendered on its own (`teikit render --to epub`): its documents
    and pointers as a build of an edition of that file alone has them."""
    entry = {**describe_volume(tree), "docs": describe(Path(path), tree)}
    volume = volumes([(Path(path).name, entry)])[0][0]
    targets = set(entry.get("refs", [])) | {t for doc in volume.docs for t in doc["refs"]}
    return epub_book(volume, entry, Pointers([volume]).links(volume, targets), "")


def _plan_registers(plan: Plan, registers: Registers, version: str) -> None:
    """A page per register, and one per entry: an entry's page changes only when what it
    says or who mentions it does."""
    for kind, found in registers.entries.items():
        listed = [(e.key, e.label, e.text) for e in found]
        if plan.wanted(f"html/{FOLDER}/{kind}.html", digest(version, plan.title, listed)):
            plan.register_pages.append((f"html/{FOLDER}/{kind}.html", register_page,
                                        (kind, found, plan.title)))
        for entry in found:
            if entry.key and plan.wanted(f"html/{entry.href()}", digest(
                    version, plan.title, entry.label, entry.text, sorted(entry.idents),
                    entry.mentions)):
                plan.register_pages.append((f"html/{entry.href()}", entry_page,
                                            (entry, plan.title)))


def _neighbours(volume: Volume, i: int) -> dict:
    """Previous and next document, and the side list: the documents around this one."""
    docs, slugs = volume.docs, volume.slugs
    nav: dict = {}
    if i > 0:
        nav.update({"prev-href": f"{slugs[i - 1]}.html", "prev-title": label(docs[i - 1])})
    if i + 1 < len(docs):
        nav.update({"next-href": f"{slugs[i + 1]}.html", "next-title": label(docs[i + 1])})
    lo, hi = max(0, i - NEAR), min(len(docs), i + NEAR + 1)
    nav["near"] = [{"href": f"{slugs[j]}.html", "label": label(docs[j]),
                    "date": human_date(docs[j]["date"]), "current": "yes" if j == i else "",
                    "part": docs[j].get("part", ""), "part-href": _part_href(docs[j])}
                   for j in range(lo, hi)]
    return nav


def _part_href(doc: dict) -> str:
    return f"index.html#{doc['part_id']}" if doc.get("part_id") else "index.html"


def _parts(volume: Volume) -> list[dict]:
    """The volume's chapters in order, each once, for its contents page's side list."""
    parts: list[dict] = []
    for doc in volume.docs:
        if doc.get("part") and (not parts or parts[-1]["label"] != doc["part"]):
            parts.append({"label": doc["part"], "href": _part_href(doc)[len("index.html"):]
                          or "#"})
    return [p for p in parts if p["href"] != "#"]


def _index_rows(all_volumes: list[Volume], settings: Settings) -> list[dict]:
    """The index's volumes, each with its documents (see pages.index_html); in an edition
    of more than INDEX_LISTS documents, the volumes with pages of their own without them
    (their contents pages list them): an index of 100,000 documents is no page to read,
    took 1 GB to make, and every title edit anywhere made it again."""
    outputs = settings.outputs
    listed = sum(len(v.docs) for v in all_volumes) <= INDEX_LISTS
    rows = []
    for volume in all_volumes:
        docs = []
        for i, doc in enumerate(volume.docs if listed or not volume.split else ()):
            pdf = volume.href("print", i) if settings.pdf_per_document or not volume.split \
                else ""
            docs.append({"n": doc["n"], "date": doc["date"], "date-label": human_date(doc["date"]),
                         "title": doc["title"], "href": volume.href("html", i)[5:],
                         "text": f"../{volume.href('text', i)}" if "text" in outputs else "",
                         "pdf": f"../{pdf}" if pdf and "print" in outputs else ""})
        rows.append({"id": volume.id, "title": volume.title, "split": "yes" if volume.split
                     else "", "documents": str(len(volume.docs)),
                     "href": volume.href("html", None)[5:],
                     "pdf": f"../{volume.href('print', None)}" if "print" in outputs else "",
                     "docs": docs})
    return rows


def work(tasks: dict[str, dict], jobs: int) -> list[dict]:
    """Render tasks: one per file, all its kinds together (one parse); while there are
    fewer tasks than workers, the biggest is cut into two runs of documents, each
    rendered from the volume with the other documents emptied out."""
    items = []
    for task in tasks.values():
        groups = [{"kind": kind, "pages": pages} for kind, pages in task["groups"].items()
                  if pages]
        if groups or task["file_pdf"] or task.get("images") or task.get("manifest") or \
                task.get("epub"):
            items.append(dict(task, groups=groups, keep=None))
    while len(items) < jobs:
        biggest = max(items, key=_pages, default=None)
        docs = [d for d in biggest["docs"] if d] if biggest else []
        if biggest is None or _pages(biggest) < 2 * MIN_PART or len(docs) != len(biggest["docs"]) \
                or biggest["keep"] is not None and len(biggest["keep"]) < 2:
            break
        keep = biggest["keep"] if biggest["keep"] is not None else docs
        items.remove(biggest)
        for half, first in ((keep[:len(keep) // 2], True), (keep[len(keep) // 2:], False)):
            mine = set(half)
            groups = [{"kind": g["kind"], "pages": [p for p in g["pages"] if p.get("doc") in mine
                                                    or first and p.get("kind") == "volume"]}
                      for g in biggest["groups"]]
            items.append(dict(biggest, keep=half, file_pdf=biggest["file_pdf"] if first else None,
                              epub=biggest.get("epub") if first else None,
                              images=biggest.get("images", []) if first else [],
                              manifest=biggest.get("manifest") if first else None,
                              groups=[g for g in groups if g["pages"]]))
    return items + _image_runs(items, jobs)


def _image_runs(items: list[dict], jobs: int) -> list[dict]:
    """A volume's page images shared out among the workers: a large scan takes 0.3–0.5 s
    to publish (its smaller copies), so 200 of them on the volume's worker alone were most
    of the build (bench.py --only facsimile, 2 jobs: 117 s, 69 s shared out). Each extra
    run reads its TEI again and renders no page (keep=[]: every document emptied)."""
    extra = []
    for item in items:
        images = item.get("images") or []
        if jobs < 2 or len(images) < 2:
            continue
        share = -(-len(images) // jobs)
        item["images"] = images[:share]
        extra += [dict(item, groups=[], file_pdf=None, epub=None, manifest=None, keep=[],
                       images=images[at:at + share]) for at in range(share, len(images), share)]
    return extra


def _pages(task: dict) -> int:
    return sum(len(g["pages"]) for g in task["groups"])
