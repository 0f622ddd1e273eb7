"""The two jobs a build hands to worker processes: check a file, render a file.

Both take and return plain data (so they cross process boundaries), never
raise for a bad document (its errors come back as lines), and re-read the
source themselves, so the main process never holds the corpus in memory.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import TeikitError
from ..files import write_atomic
from ..render import render_html, render_pdf, render_text
from ..validate import ERROR, validate_tree
from ..xmlio import parse_xml, read_bytes
from .documents import XML_ID, describe, document_divs, link_across, split, volume_shell


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
            "docs": [] if errors else describe(Path(path), tree)}


def render_file(task: dict) -> dict:
    """Write the outputs `task` asks for; return how many files were written and any errors."""
    path, out = task["path"], Path(task["out"])
    written, errors = 0, []
    try:
        tree = parse_xml(read_bytes(path), path)
    except TeikitError as exc:
        return {"written": 0, "errors": [str(exc)]}
    divs = {div.get(XML_ID) or "": div for div in document_divs(tree)}
    for doc in task["docs"]:
        try:
            own = split(tree, divs[doc["doc_id"]], doc["title"]) if doc["split"] else tree
            if doc["pages"]:
                own = etree.ElementTree(etree.fromstring(etree.tostring(own))) if own is tree \
                    else own
                link_across(own, doc["pages"])
            slug = doc["slug"]
            if "html" in doc["outputs"]:
                write_atomic(out / "html" / f"{slug}.html", render_html(own, path, **doc["nav"]))
                written += 1
            if "text" in doc["outputs"]:
                write_atomic(out / "text" / f"{slug}.txt", render_text(own, path))
                written += 1
            if "pdf" in doc["outputs"]:
                write_atomic(out / "print" / f"{slug}.pdf", render_pdf(own, path))
                written += 1
        except TeikitError as exc:
            errors.append(str(exc))
        except Exception as exc:  # a teikit bug must not take the whole build down
            errors.append(f"{path}: error: internal error rendering {doc['slug']}: "
                          f"{type(exc).__name__}: {exc}")
    try:
        if task.get("file_pdf"):
            write_atomic(out / "print" / f"{task['file_pdf']}.pdf", render_pdf(tree, path))
            written += 1
        volume = task.get("volume")
        if volume:
            labels = {k: tuple(v) for k, v in volume["docs"].items()}
            page = render_html(volume_shell(tree, labels), path, **volume["nav"])
            write_atomic(out / "html" / f"{volume['slug']}.html", page)
            written += 1
    except TeikitError as exc:
        errors.append(str(exc))
    return {"written": written, "errors": errors}
