"""The edition build: a folder of TEI in, HTML pages, PDFs and text files out.

Incremental: a manifest in the output folder records, for every source file,
its content hash and what checking it found, and for every output the key it
was made from (source hash, teikit's stylesheets and code, navigation). A
build re-checks only changed files and re-renders only outputs whose key
changed; with nothing changed it renders nothing and says so.

Parallel: checking and rendering run in a process pool (`jobs`); each worker
re-reads its own source, so the main process holds metadata, not the corpus.
A file with errors is reported and skipped while the rest still build, and
every output is written atomically.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..errors import TeikitError, UsageError
from ..files import write_atomic
from ..render import css, render_pdf
from ..render.saxon import transform
from ..resources import data_dir
from ..validate import collect_xml
from ..xmlio import parse_xml, read_bytes
from .documents import document_divs, edition_tree, safe_slug
from .worker import CSS_HREF, check_file, peak_memory_mb, render_file, warm_up

__all__ = ["build_edition", "BuildReport", "safe_slug", "OUTPUTS"]

OUTPUTS = ("html", "print", "text")
SMALL_FILE = 64  # pages: up to this, a file's kinds are rendered in one task (one parse)
MIN_PART = 500  # pages: a big file's kind is split for idle workers down to this
Progress = Callable[[str, int, int], None]


@dataclass
class BuildReport:
    documents: int = 0
    files_written: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    memory_mb: int = 0  # the peak resident memory of the process that needed most

    def summary(self) -> str:
        if self.files_written == 0 and not self.errors:
            what = f"nothing to rebuild: {self.documents} documents up to date"
        else:
            what = f"built {self.documents} documents, wrote {self.files_written} files"
        return (f"{what}, {self.skipped} skipped, {len(self.errors)} errors, "
                f"{len(self.warnings)} warnings in {self.seconds:.1f} s")


def _digest(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def version_key() -> str:
    """Changes whenever teikit's version, stylesheets, schema or build/render/check code do."""
    h = hashlib.sha256(__version__.encode())
    here = Path(__file__).resolve().parent.parent
    folders = [data_dir("xslt"), data_dir("schema"), here / "build", here / "render",
               here / "validate"]
    for folder in folders:
        for path in sorted(folder.glob("*")):
            if path.is_file() and path.suffix in (".xsl", ".css", ".xsd", ".py"):
                h.update(path.name.encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def _manifest_name(shard: tuple[int, int]) -> str:
    return ".teikit-build.json" if shard == (1, 1) else \
        f".teikit-build.{shard[0]}-of-{shard[1]}.json"


def _load_manifests(out: Path, version: str, own: str) -> tuple[dict, dict, dict]:
    """(file cache from every manifest, this manifest's output keys, its file list)."""
    files: dict = {}
    own_outputs: dict = {}
    own_files: dict = {}
    for path in sorted(out.glob(".teikit-build*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if data.get("version") != version:
            continue
        files.update(data.get("files", {}))
        if path.name == own:
            own_outputs = data.get("outputs", {})
            own_files = data.get("files", {})
        else:
            own_outputs.update({k: v for k, v in data.get("outputs", {}).items()
                                if k not in own_outputs})
    return files, own_outputs, own_files


def _spawnable() -> bool:
    """Can a spawned worker start? It re-imports the main script, which must be a file."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return path is None or os.path.isfile(path)


class Workers:
    """A spawn process pool started on first need (Saxon must not be forked), its workers
    compiling the stylesheets at once, while the main process is still checking. If
    workers cannot start or die (an unguarded __main__, no memory), work is done here."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        if self.jobs > 1 and self.pool is None and not _spawnable():
            self.jobs = 1  # e.g. a script read from stdin: workers could not import it
        if self.jobs > 1 and self.pool is None:
            try:
                self.pool = ProcessPoolExecutor(max_workers=self.jobs,
                                                mp_context=multiprocessing.get_context("spawn"))
                for _ in range(self.jobs):
                    self.pool.submit(warm_up)
            except (RuntimeError, OSError):
                self.pool = None
                self.jobs = 1

    def map(self, fn, items: list, progress: Progress | None, phase: str) -> list:
        total = len(items)
        if self.jobs > 1 and total > 1:
            self.start()
        if self.pool is not None and total > 1:
            results: list = []
            try:
                chunk = max(1, min(32, total // (self.jobs * 4) or 1))
                for done, result in enumerate(self.pool.map(fn, items, chunksize=chunk), start=1):
                    results.append(result)
                    if progress:
                        progress(phase, done, total)
                return results
            except (BrokenProcessPool, RuntimeError, OSError):
                self.close()
                self.jobs = 1
        results = []
        for done, item in enumerate(items, start=1):
            results.append(fn(item))
            if progress:
                progress(phase, done, total)
        return results

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def build_edition(source: str | Path, out: str | Path, outputs: tuple[str, ...] = OUTPUTS,
                  title: str = "", progress: Progress | None = None, jobs: int = 1,
                  shard: tuple[int, int] = (1, 1), pdf_per_document: bool = False
                  ) -> BuildReport:
    start = time.monotonic()
    source, out = Path(source), Path(out)
    if not source.is_dir():
        raise UsageError("no such folder", str(source))
    unknown = set(outputs) - set(OUTPUTS)
    if unknown:
        raise UsageError(f"unknown output {sorted(unknown)[0]!r}; choose from html, print, text")
    index, count = shard
    if not (count >= 1 and 1 <= index <= count):
        raise UsageError(f"--shard {index}/{count}: write I/N with 1 ≤ I ≤ N")
    files = collect_xml([str(source)])
    if not files:
        raise TeikitError("no TEI files (*.xml) in this folder", str(source))
    files = [f for i, f in enumerate(files) if i % count == index - 1]
    report = BuildReport()
    version = version_key()
    workers = Workers(jobs)
    try:
        return _build(source, out, files, outputs, title, progress, workers, shard,
                      pdf_per_document, report, version, start)
    finally:
        workers.close()


def _build(source: Path, out: Path, files: list[Path], outputs: tuple[str, ...], title: str,
           progress: Progress | None, workers: Workers, shard: tuple[int, int],
           pdf_per_document: bool, report: BuildReport, version: str, start: float
           ) -> BuildReport:
    index, count = shard
    manifest_name = _manifest_name(shard)
    cache, old_outputs, _ = _load_manifests(out, version, manifest_name)

    # 1. check: parse and validate changed files only
    entries: dict[str, dict] = {}
    hashes: dict[str, str] = {}
    to_check: list[str] = []
    for path in files:
        rel = path.relative_to(source).as_posix()
        try:
            digest = hashlib.sha256(read_bytes(path)).hexdigest()
        except TeikitError as exc:
            report.errors.append(str(exc))
            continue
        hashes[rel] = digest
        cached = cache.get(rel)
        if cached and cached.get("hash") == digest:
            entries[rel] = cached
        else:
            to_check.append(rel)
    if to_check:
        workers.start()  # they warm up while a single big file is checked here
    checked = workers.map(check_file, [str(source / rel) for rel in to_check], progress,
                          "checking")
    for rel, result in zip(to_check, checked, strict=True):
        report.memory_mb = max(report.memory_mb, result.pop("memory", 0))
        entries[rel] = {"hash": hashes[rel], **result}
    ordered = [rel for rel in (f.relative_to(source).as_posix() for f in files) if rel in entries]
    for rel in ordered:
        report.errors += entries[rel]["errors"]
        report.warnings += entries[rel]["warnings"]

    # 2. plan: slugs, navigation, cross-document links, and the key of every output
    docs = [(rel, doc) for rel in ordered for doc in entries[rel]["docs"]]
    slugs = _unique_slugs([doc["base"] for _, doc in docs])
    home = {}
    for (_, doc), slug in zip(docs, slugs, strict=True):
        for ident in doc["ids"]:
            home.setdefault(ident, slug)
    new_outputs: dict[str, str] = {}
    tasks: dict[str, dict] = {}

    def wanted(name: str, key: str) -> bool:
        new_outputs[name] = key
        if old_outputs.get(name) == key and (out / name).is_file():
            report.skipped += 1
            return False
        return True

    if "html" in outputs and docs:
        css_key = _digest(version, "css")
        if wanted(f"html/{CSS_HREF}", css_key):
            write_atomic(out / "html" / CSS_HREF, css())
            report.files_written += 1
    for i, ((rel, doc), slug) in enumerate(zip(docs, slugs, strict=True)):
        nav = {"index-href": "index.html"} if "html" in outputs else {}
        if i > 0:
            nav.update({"prev-href": f"{slugs[i - 1]}.html", "prev-title": docs[i - 1][1]["title"]})
        if i + 1 < len(docs):
            nav.update({"next-href": f"{slugs[i + 1]}.html", "next-title": docs[i + 1][1]["title"]})
        links = {ident: home[ident] for ident in doc["refs"] if ident in home}
        base = (version, doc.get("hash") or entries[rel]["hash"], doc["doc_id"], slug,
                doc["title"], links)
        page = {"doc": doc["doc_id"] if doc["split"] else "", "title": doc["title"]}
        task = tasks.setdefault(rel, {"path": str(source / rel), "out": str(out), "links": {},
                                      "labels": [], "groups": {}, "file_pdf": None})
        need = []
        if "html" in outputs and wanted(f"html/{slug}.html", _digest(base, nav, CSS_HREF)):
            need.append(("html", {"href": f"html/{slug}.html", **page, **nav}))
        if "text" in outputs and wanted(f"text/{slug}.txt", _digest(base, "text")):
            need.append(("text", {"href": f"text/{slug}.txt", **page}))
        if pdf_per_document and "print" in outputs and \
                wanted(f"print/{slug}.pdf", _digest(base, "pdf")):
            need.append(("print", {"href": f"print/{slug}.pdf", **page}))
        for kind, item in need:
            task["groups"].setdefault(kind, []).append(item)
        if need:
            task["links"].update(links)
    by_file: dict[str, list[tuple[dict, str]]] = {}
    for (rel, doc), slug in zip(docs, slugs, strict=True):
        by_file.setdefault(rel, []).append((doc, slug))
    for rel, members in by_file.items():
        file_slug = safe_slug(Path(rel).with_suffix("").as_posix().replace("/", "-"), "document")
        if "print" in outputs and not (pdf_per_document and len(members) == 1):
            if wanted(f"print/{file_slug}.pdf", _digest(version, entries[rel]["hash"], "file")):
                tasks[rel]["file_pdf"] = file_slug
        if "html" in outputs and len(members) > 1:
            volume_slug = f"{file_slug}-volume"
            labels = [[d["doc_id"], s, f"{d['n'] + '. ' if d['n'] else ''}{d['title']}"]
                      for d, s in members]
            key = _digest(version, entries[rel]["hash"], labels, "volume", CSS_HREF)
            if wanted(f"html/{volume_slug}.html", key):
                tasks[rel]["labels"] = labels
                tasks[rel]["groups"].setdefault("html", []).append(
                    {"href": f"html/{volume_slug}.html", "kind": "volume",
                     "index-href": "index.html"})
            for d, _ in members:
                d["volume"] = volume_slug

    # 3. render, in parallel: a file's pages of one kind in one pass; big files are
    #    shared out by kind and, when there are fewer tasks than workers, in parts
    work = _work(tasks, workers.jobs)
    for result in workers.map(render_file, work, progress, "rendering"):
        report.files_written += result["written"]
        report.errors += result["errors"]
        report.memory_mb = max(report.memory_mb, result.get("memory", 0))

    # 4. the indexes and the whole-edition PDF (need every document: not in a shard)
    edition_title = title or "Edition"
    if count > 1:
        report.notes.append(f"shard {index}/{count}: index and edition PDF are left to a build "
                            "without --shard over the same output folder")
    elif docs:
        rows = [{"n": doc["n"], "date": doc["date"], "title": doc["title"], "slug": slug,
                 "volume": doc.get("volume", "")} for (_, doc), slug in zip(docs, slugs,
                                                                            strict=True)]
        if "html" in outputs:
            if wanted("html/index.html", _digest(version, edition_title, rows, outputs)):
                write_atomic(out / "html" / "index.html", _index_html(rows, edition_title,
                                                                        outputs, by_file))
                report.files_written += 1
        if "print" in outputs:
            key = _digest(version, edition_title, [(r, entries[r]["hash"]) for r in by_file],
                          slugs)
            if wanted("print/edition.pdf", key):
                parts = []
                for rel, members in by_file.items():
                    tree = parse_xml(read_bytes(source / rel), str(source / rel))
                    divs = {d.get("{http://www.w3.org/XML/1998/namespace}id") or "": d
                            for d in document_divs(tree)}
                    parts += [(tree, divs.get(doc["doc_id"]) if doc["doc_id"] else None, slug)
                              for doc, slug in members]
                write_atomic(out / "print" / "edition.pdf",
                             render_pdf(edition_tree(parts, edition_title), "edition",
                                        **{"edition-title": edition_title}))
                report.files_written += 1

    # 5. forget outputs that no longer have a source, and save the manifest
    own = _own_outputs(out, manifest_name)
    for name in set(old_outputs) - set(new_outputs):
        if name in own:
            try:
                (out / name).unlink()
            except OSError:
                pass
    if docs or out.exists():
        write_atomic(out / manifest_name, json.dumps(
            {"version": version, "files": {rel: entries[rel] for rel in ordered},
             "outputs": new_outputs}, sort_keys=True))
    report.documents = len(docs)
    report.seconds = time.monotonic() - start
    report.memory_mb = max(report.memory_mb, peak_memory_mb())
    return report


def _work(tasks: dict[str, dict], jobs: int) -> list[dict]:
    """Render tasks: one per file with all its kinds when small, one per kind when big,
    and the biggest parts halved while there are fewer tasks than workers."""
    work = []
    for task in tasks.values():
        groups = [(kind, pages) for kind, pages in task["groups"].items() if pages]
        if not groups and not task["file_pdf"]:
            continue
        if sum(len(p) for _, p in groups) <= SMALL_FILE:
            work.append(dict(task, groups=[{"kind": k, "pages": p} for k, p in groups]))
            continue
        for i, (kind, pages) in enumerate(groups):
            work.append(dict(task, groups=[{"kind": kind, "pages": pages}],
                             file_pdf=task["file_pdf"] if i == 0 else None))
    while len(work) < jobs:
        biggest = max(work, key=lambda t: sum(len(g["pages"]) for g in t["groups"]), default=None)
        if biggest is None or len(biggest["groups"]) != 1 or \
                len(biggest["groups"][0]["pages"]) < 2 * MIN_PART:
            break
        kind, pages = biggest["groups"][0]["kind"], biggest["groups"][0]["pages"]
        half = len(pages) // 2
        work.remove(biggest)
        work.append(dict(biggest, groups=[{"kind": kind, "pages": pages[:half]}]))
        work.append(dict(biggest, groups=[{"kind": kind, "pages": pages[half:]}], file_pdf=None))
    return work


def _own_outputs(out: Path, manifest_name: str) -> set[str]:
    try:
        return set(json.loads((out / manifest_name).read_text(encoding="utf-8"))["outputs"])
    except (OSError, ValueError, KeyError):
        return set()


def _unique_slugs(bases: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    slugs = []
    for base in bases:
        count = seen.get(base, 0) + 1
        seen[base] = count
        slugs.append(base if count == 1 else f"{base}-{count}")
    return slugs


def _index_html(rows: list[dict], title: str, outputs: tuple[str, ...],
                by_file: dict[str, list]) -> str:
    from lxml import etree

    edition = etree.Element("edition", title=title,
                            pdf="../print/edition.pdf" if "print" in outputs else "")
    for row in rows:
        etree.SubElement(edition, "doc", n=row["n"], date=row["date"], title=row["title"],
                         href=f"{row['slug']}.html",
                         text=f"../text/{row['slug']}.txt" if "text" in outputs else "",
                         volume=f"{row['volume']}.html" if row["volume"] else "")
    return transform("index.xsl", etree.ElementTree(edition), {"css-href": CSS_HREF}, "index")


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)
