"""The jobs a build hands to worker processes: check a file, render a file's pages.

Each takes and returns plain data (so it crosses process boundaries), never
raises for a bad document (its errors come back as lines), and re-reads the
source itself, so the main process never holds the corpus in memory.
"""

from __future__ import annotations

import ctypes
import functools
import os
import signal
import threading
import time
from pathlib import Path

from lxml import etree

from ..errors import TeikitError
from ..files import OutputFolder
from ..render import (
    complete,
    plan_element,
    plates,
    prepare_pages,
    render_pages,
    render_pdf,
    view_of,
)
from ..render.accounting import View
from ..render.epub import Book, render_epub
from ..render.typeset import typeset
from ..standoff import read_in
from ..validate import ERROR, WARNING, Checked, Edition, Source, check_sources, read_source
from .documents import XML_ID, describe, describe_volume, document_divs
from .images import describe_images, publish

CSS_HREF = "teikit.css"  # written once into html/ by the build
VIEWS_HREF = "views.js"  # … and the reading views' switch (critical editions, choices)


def contained(empty: dict):
    """A bug in teikit while working on one file becomes an error line for that file,
    never the end of the whole build (and never a traceback)."""
    def wrap(fn):
        @functools.wraps(fn)
        def run(arg):
            try:
                return fn(arg)
            except TeikitError as exc:
                return {**empty, "errors": [str(exc)]}
            except Exception as exc:
                return {**empty, "errors": [internal(arg["path"] if isinstance(arg, dict)
                                                     else arg, exc)]}
        return run
    return wrap


def internal(name: str, exc: Exception) -> str:
    """A bug in teikit, said as one error line for the file it was working on."""
    return f"{name}: error: internal error: {type(exc).__name__}: {exc}"


def peak_memory_mb() -> int:
    """This process's peak resident memory (Linux VmHWM; 0 where unknown). Unlike
    ru_maxrss it is not inherited from the process that started this one."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError):
        pass
    return 0


def warm_up() -> None:
    """Compile the stylesheets while the main process is still checking."""
    from ..render.saxon import _all_compiled

    _all_compiled()


def check_files(batch: dict) -> list[dict]:
    """Parse, validate and describe a batch of source files (one jing run per schema
    for all of them). batch: paths, root (the edition folder: XInclude stays inside it),
    schema and rules (None: as each file names)."""
    root = batch["root"]
    sources, results = [], []
    for path in batch["paths"]:
        try:
            sources.append(read_source(path, root))
            results.append(None)
        except TeikitError as exc:
            results.append({"errors": [str(exc)], "warnings": [], "docs": []})
    try:
        checked = iter(check_sources(sources, batch.get("schema"), batch.get("rules"),
                                     edition=Edition(root)))
    except Exception as exc:  # the validator itself failed: every file of the batch says so
        checked = iter([exc] * len(sources))
    parsed = iter(sources)
    return [result if result is not None else _described(next(parsed), next(checked), root)
            for result in results]


def _described(source: Source, checked, root: str) -> dict:
    """What the build keeps of a checked file; a bug here is this file's error line."""
    try:
        if isinstance(checked, Exception):
            raise checked
        found = _lines(checked.diagnostics)  # a file with findings is still described: the
        # build publishes it unless strict (it decides when it plans)
        return {**found, **describe_volume(source.tree),
                **describe_images(source.tree, source.name, root),
                "docs": describe(Path(source.name), source.tree), "memory": peak_memory_mb()}
    except TeikitError as exc:
        return {"errors": [str(exc)], "warnings": [], "docs": []}
    except Exception as exc:
        found = _lines(checked.diagnostics) if isinstance(checked, Checked) else \
            {"errors": [], "warnings": []}  # odd enough to break describe: its errors say why
        return {**found, "docs": [], "errors": found["errors"] or [internal(source.name, exc)]}


def describe_file(path: str, root: str, schema: str | None, rules: str | None
                  ) -> tuple[dict, Source | None]:
    """Parse and describe one source file, leaving validation for later: (what check_files
    would answer, with no findings yet; the parsed source for `verdict`)."""
    try:
        source = read_source(path, root)
    except TeikitError as exc:
        return {"errors": [str(exc)], "warnings": [], "docs": []}, None
    try:
        described = {**describe_volume(source.tree), **describe_images(source.tree, path, root),
                     "docs": describe(Path(path), source.tree)}
    except Exception as exc:  # a file odd enough for this usually fails its checks: say those
        found = verdict(source, root, schema, rules)
        return {**found, "docs": [], "errors": found["errors"] or [internal(path, exc)]}, None
    return {"errors": [], "warnings": [], **described}, source


def describe_files(batch: dict) -> list[dict]:
    """Parse and describe files without validating them: the other shards' files, which a
    shard's build needs only for what its own pages show of them (links, registers,
    volume and document titles), never to publish or report them."""
    return [describe_file(path, batch["root"], None, None)[0] for path in batch["paths"]]


def verdict(source: Source, root: str, schema: str | None, rules: str | None) -> dict:
    """What validation says about a parsed file: its error and warning lines."""
    try:
        checked = check_sources([source], schema, rules, edition=Edition(root))[0]
    except TeikitError as exc:
        return {"errors": [str(exc)], "warnings": []}
    except Exception as exc:  # a bug in a check: this file's error, not the build's end
        return {"errors": [internal(source.name, exc)], "warnings": []}
    return _lines(checked.diagnostics)


def _lines(found) -> dict:
    return {"errors": [d.text() for d in found if d.severity == ERROR],
            "warnings": [d.text() for d in found if d.severity == WARNING]}


@contained({"files": []})
def render_file(task: dict) -> dict:
    """Write the pages `task` asks for; return the files written and any errors.

    task: path, root, out, params (stylesheet parameters), links, labels, groups
    [{kind, pages}], file_pdf (an output name or None), keep (the ids of the documents
    this task renders, or None for all)."""
    path = task["path"]
    try:
        tree = read_in(read_source(path, task["root"]).tree, path, task["root"])
    except TeikitError as exc:
        return {"files": [], "errors": [str(exc)]}
    out = Output(task["out"])
    task = dict(task, html_params=publish(tree, path, task["root"], task, out))
    if task["params"].get("print-facsimile"):  # the plates' images, read from the whole file
        print_params, images = plates(tree, path, task["root"],
                                      str(task["params"].get("facs-pattern") or ""))
        task.update(params={**task["params"], **print_params}, images_printed=images)
    # the outputs of the whole file first: a task rendering some of its documents empties
    # the others out (_only), and a volume PDF made after that lacked them (its check,
    # against the emptied tree, could not see it)
    if task.get("file_pdf"):
        out.write(task["file_pdf"], lambda: render_pdf(tree, path, task.get("images_printed"),
                                                       **task["params"]), path)
    if task.get("epub"):
        out.write(task["epub"]["href"], lambda: render_epub(
            tree, path, task["root"], Book(**task["epub"]["book"]), **task["params"]), path)
    if task.get("keep") is not None:
        _only(tree, set(task["keep"]))
    kinds = {group["kind"] for group in task["groups"]}
    try:  # once for all kinds; if it fails, each page says why (below)
        task = dict(task, document=prepare_pages(tree, path, kinds) if len(kinds) > 1 else None)
    except TeikitError:
        task = dict(task, document=None)
    for group in task["groups"]:
        _render_group(tree, path, out, group["kind"], group["pages"], task)
    return {"files": out.files, "errors": out.errors,
            "memory": peak_memory_mb()}


def _only(tree: etree._ElementTree, keep: set[str]) -> None:
    """Empty every document of a volume but those this task renders: a smaller tree to
    hand to Saxon, and pages identical to those from the whole volume (each page is cut
    from its own document; the emptied ones keep their place, ids and page breaks)."""
    divs = document_divs(tree)
    kept = [div for div in divs if div.get(XML_ID) in keep]
    around = {anc for div in kept for anc in div.iterancestors()}  # a document in a document
    for div in divs:
        if div.get(XML_ID) not in keep and div not in around:
            for child in list(div):
                div.remove(child)
            div.text = None


def start_worker(parent: int) -> None:
    """Pool initializer: tie this worker's life to the build's. Ctrl-C is the main
    process's to handle (it stops the workers; a worker would only print a traceback), and
    a worker whose main process died (SIGKILL leaves no chance to stop it) exits at once
    instead of holding its memory for good."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)


PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """Linux kills us when the parent dies (prctl); elsewhere, and as a second line, a
    thread notices that the parent is gone (between two Saxon calls, which hold the lock)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="teikit-parent-watch").start()


class Output:
    """Where a task's files go: written whole into the output folder, or an error line."""

    def __init__(self, out: str):
        self.out = OutputFolder(out)
        self.files: list[str] = []
        self.errors: list[str] = []

    def write(self, href: str, make, source: str) -> None:
        try:
            self.out.write(href, make())
            self.files.append(href)
        except TeikitError as exc:
            self.errors.append(f"{exc} (page {href})")
        except Exception as exc:  # a teikit bug must not take the whole build down
            self.errors.append(f"{source}: error: internal error writing {href}: "
                               f"{type(exc).__name__}: {exc}")


def _complete(tree: etree._ElementTree, docs: list, page: dict, kind: str, content: str,
              path: str, view: View) -> None:
    """Check a page against the text it must hold: its document (docs: the file's document
    divs, found once per pass), or the whole file (a volume's own page links to its
    documents instead of holding them)."""
    if page.get("kind") == "volume":
        return
    pos = int(page.get("pos") or 0)
    source = tree if not pos else docs[pos - 1] if pos <= len(docs) else None
    if source is not None:
        complete(source, kind, content, path, view=view)


def _render_group(tree: etree._ElementTree, path: str, out: Output, kind: str,
                  pages: list[dict], task: dict) -> None:
    """All pages of one kind in one pass; if that pass fails, page by page, so that one
    document that cannot be rendered fails alone."""
    # a witness view is for print and text; the web pages are the critical text, with a
    # switch to every witness
    params = task["params"]
    if kind == "html":
        params = {"css-href": "../" + CSS_HREF, "views-href": "../" + VIEWS_HREF,
                  **{k: v for k, v in params.items() if k not in ("witness", "facsimile")},
                  **task.get("html_params", {})}
    plan = plan_element(pages, task["links"], task["labels"],
                        task.get("mentions") if kind == "html" else None)
    try:
        rendered = render_pages(kind, tree, plan, path, task.get("document"), **params)
    except TeikitError as exc:
        if len(pages) == 1:
            out.errors.append(f"{exc} (page {pages[0]['href']})")
            return
        for page in pages:
            _render_group(tree, path, out, kind, [page], task)
        return
    allowed = {page["href"]: page for page in pages}
    docs = document_divs(tree) if any(page.get("pos") for page in pages) else []
    for href, content in rendered:
        if href not in allowed:  # only names the build chose, inside the output folder
            out.errors.append(f"{path}: error: rendering named an unexpected page {href!r}")
            continue
        try:  # a page never goes out with text of its source missing
            _complete(tree, docs, allowed[href], kind, content, path, view_of(params))
        except TeikitError as exc:
            out.errors.append(f"{exc} (page {href})")
            continue
        out.write(href, (lambda c=content: typeset(c, path, task.get("images_printed")))
                  if kind == "print"
                  else (lambda c=content: c), path)
    for href in sorted(set(allowed) - {href for href, _ in rendered}):  # never a silent gap
        out.errors.append(f"{path}: error: rendering produced no page {href}")
