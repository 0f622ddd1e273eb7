"""The jobs a build hands to worker processes: check a file, render a file's pages.

Each takes and returns plain data (so it crosses process boundaries), never
raises for a bad document (its errors come back as lines), and re-reads the
source itself, so the main process never holds the corpus in memory.
"""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

from ..errors import TeikitError
from ..files import write_atomic
from ..render import render_pages, render_pdf
from ..render.pdf import html_to_pdf
from ..validate import ERROR, validate_tree
from ..xmlio import parse_xml, read_bytes
from .documents import describe

CSS_HREF = "teikit.css"  # written once into html/ by the build


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
                path = arg["path"] if isinstance(arg, dict) else arg
                return {**empty, "errors": [f"{path}: error: internal error: "
                                            f"{type(exc).__name__}: {exc}"]}
        return run
    return wrap


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


@contained({"warnings": [], "docs": []})
def check_file(path: str) -> dict:
    """Parse, validate and describe one source file."""
    try:
        data = read_bytes(path)
        tree = parse_xml(data, path)
    except TeikitError as exc:
        return {"errors": [str(exc)], "warnings": [], "docs": []}
    try:
        problems = validate_tree(tree, path, data.decode("utf-8", "replace"))
    except TeikitError as exc:
        return {"errors": [str(exc)], "warnings": [], "docs": []}
    errors = [d.text() for d in problems if d.severity == ERROR]
    warnings = [d.text() for d in problems if d.severity != ERROR]
    return {"errors": errors, "warnings": warnings,
            "docs": [] if errors else describe(Path(path), tree), "memory": peak_memory_mb()}


def plan_element(pages: list[dict], links: dict[str, str], labels: list[list[str]]
                 ) -> etree._Element:
    """The plan the stylesheets' pages mode reads (documented in common.xsl)."""
    plan = etree.Element("plan")
    for page in pages:
        etree.SubElement(plan, "page", {k: v for k, v in page.items() if v != ""})
    for ident, page in sorted(links.items()):
        etree.SubElement(plan, "link", id=ident, page=page)
    for doc, page, text in labels:
        etree.SubElement(plan, "label", doc=doc, page=page, text=text)
    return plan


@contained({"written": 0})
def render_file(task: dict) -> dict:
    """Write the pages `task` asks for; return how many files were written and any errors.

    task: path, out, links, labels, groups [{kind, pages}], file_pdf (a slug or None)."""
    path, out = task["path"], Path(task["out"])
    written, errors = 0, []
    try:
        tree = parse_xml(read_bytes(path), path)
    except TeikitError as exc:
        return {"written": 0, "errors": [str(exc)]}
    for group in task["groups"]:
        done, failed = _render_group(tree, path, out, group["kind"], group["pages"], task)
        written += done
        errors += failed
    if task.get("file_pdf"):
        try:
            write_atomic(out / "print" / f"{task['file_pdf']}.pdf", render_pdf(tree, path))
            written += 1
        except TeikitError as exc:
            errors.append(str(exc))
    return {"written": written, "errors": errors, "memory": peak_memory_mb()}


def _render_group(tree: etree._ElementTree, path: str, out: Path, kind: str,
                  pages: list[dict], task: dict) -> tuple[int, list[str]]:
    """All pages of one kind in one pass; if that pass fails, page by page, so that one
    document that cannot be rendered fails alone."""
    params = {"css-href": CSS_HREF} if kind == "html" else {}
    plan = plan_element(pages, task["links"], task["labels"])
    try:
        rendered = render_pages(kind, tree, plan, path, **params)
    except TeikitError as exc:
        if len(pages) == 1:
            return 0, [f"{exc} (page {pages[0]['href']})"]
        written, errors = 0, []
        for page in pages:
            done, failed = _render_group(tree, path, out, kind, [page], task)
            written += done
            errors += failed
        return written, errors
    written, errors = 0, []
    allowed = {page["href"] for page in pages}
    for href, content in rendered:
        if href not in allowed:  # only names the build chose, inside the output folder
            errors.append(f"{path}: error: rendering named an unexpected page {href!r}")
            continue
        try:
            write_atomic(out / href, html_to_pdf(content, path) if kind == "print" else content)
            written += 1
        except TeikitError as exc:
            errors.append(f"{exc} (page {href})")
        except Exception as exc:  # a teikit bug must not take the whole build down
            errors.append(f"{path}: error: internal error writing {href}: "
                          f"{type(exc).__name__}: {exc}")
    for href in sorted(allowed - {href for href, _ in rendered}):  # never a silent gap
        errors.append(f"{path}: error: rendering produced no page {href}")
    return written, errors
