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
import time
from collections.abc import Callable, Iterable
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
from .worker import check_file, render_file

__all__ = ["build_edition", "BuildReport", "safe_slug", "OUTPUTS"]

OUTPUTS = ("html", "print", "text")
RENDER_CHUNK = 250  # documents of one file per render task
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


def _pool_map(fn, items: list, jobs: int, progress: Progress | None, phase: str) -> Iterable:
    total = len(items)
    if jobs <= 1 or total < 2:
        for done, item in enumerate(items, start=1):
            yield fn(item)
            if progress:
                progress(phase, done, total)
        return
    context = multiprocessing.get_context("spawn")  # Saxon must not be forked
    results: list = []
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, total), mp_context=context) as pool:
            chunk = max(1, min(32, total // (jobs * 4) or 1))
            for done, result in enumerate(pool.map(fn, items, chunksize=chunk), start=1):
                results.append(result)
                if progress:
                    progress(phase, done, total)
    except (BrokenProcessPool, RuntimeError, OSError):
        # workers could not start or died (an unguarded __main__, no memory): do it here
        results = []
        for done, item in enumerate(items, start=1):
            results.append(fn(item))
            if progress:
                progress(phase, done, total)
    yield from results


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
    checked = _pool_map(check_file, [str(source / rel) for rel in to_check], jobs, progress,
                        "checking")
    for rel, result in zip(to_check, checked, strict=True):
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
    for i, ((rel, doc), slug) in enumerate(zip(docs, slugs, strict=True)):
        nav = {"index-href": "index.html"} if "html" in outputs else {}
        if i > 0:
            nav.update({"prev-href": f"{slugs[i - 1]}.html", "prev-title": docs[i - 1][1]["title"]})
        if i + 1 < len(docs):
            nav.update({"next-href": f"{slugs[i + 1]}.html", "next-title": docs[i + 1][1]["title"]})
        pages = {ident: home[ident] for ident in doc["refs"] if ident in home}
        base = (version, entries[rel]["hash"], doc["doc_id"], slug, doc["title"], pages)
        wanted = {"html": (f"html/{slug}.html", _digest(base, nav)),
                  "text": (f"text/{slug}.txt", _digest(base, "text")),
                  "pdf": (f"print/{slug}.pdf", _digest(base, "pdf"))}
        need = []
        for kind, (name, key) in wanted.items():
            if kind == "pdf" and not (pdf_per_document and "print" in outputs):
                continue
            if kind != "pdf" and kind not in outputs:
                continue
            new_outputs[name] = key
            if old_outputs.get(name) == key and (out / name).is_file():
                report.skipped += 1
            else:
                need.append(kind)
        task = tasks.setdefault(rel, {"path": str(source / rel), "out": str(out), "docs": [],
                                      "file_pdf": None, "volume": None})
        if need:
            task["docs"].append({"doc_id": doc["doc_id"], "slug": slug, "split": doc["split"],
                                 "title": doc["title"], "pages": pages, "nav": nav,
                                 "outputs": need})
    by_file: dict[str, list[tuple[dict, str]]] = {}
    for (rel, doc), slug in zip(docs, slugs, strict=True):
        by_file.setdefault(rel, []).append((doc, slug))
    for rel, members in by_file.items():
        file_slug = safe_slug(Path(rel).with_suffix("").as_posix().replace("/", "-"), "document")
        if "print" in outputs and not (pdf_per_document and len(members) == 1):
            name, key = f"print/{file_slug}.pdf", _digest(version, entries[rel]["hash"], "file")
            new_outputs[name] = key
            if old_outputs.get(name) == key and (out / name).is_file():
                report.skipped += 1
            else:
                tasks[rel]["file_pdf"] = file_slug
        if "html" in outputs and len(members) > 1:
            volume_slug = f"{file_slug}-volume"
            labels = {d["doc_id"]: (s, f"{d['n'] + '. ' if d['n'] else ''}{d['title']}")
                      for d, s in members}
            nav = {"index-href": "index.html"}
            name = f"html/{volume_slug}.html"
            key = _digest(version, entries[rel]["hash"], labels, "volume")
            new_outputs[name] = key
            if old_outputs.get(name) == key and (out / name).is_file():
                report.skipped += 1
            else:
                tasks[rel]["volume"] = {"slug": volume_slug, "docs": labels, "nav": nav}
            for d, _ in members:
                d["volume"] = volume_slug

    # 3. render, in parallel; a big volume's documents are shared out in chunks
    work = []
    for task in tasks.values():
        docs_of_file = task["docs"]
        for start_at in range(0, max(len(docs_of_file), 1), RENDER_CHUNK):
            part = dict(task, docs=docs_of_file[start_at:start_at + RENDER_CHUNK])
            if start_at:
                part.update(file_pdf=None, volume=None)
            if part["docs"] or part["file_pdf"] or part["volume"]:
                work.append(part)
    for result in _pool_map(render_file, work, jobs, progress, "rendering"):
        report.files_written += result["written"]
        report.errors += result["errors"]

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
            key = _digest(version, edition_title, rows, outputs)
            new_outputs["html/index.html"] = key
            if old_outputs.get("html/index.html") == key and (out / "html/index.html").is_file():
                report.skipped += 1
            else:
                write_atomic(out / "html" / "index.html", _index_html(rows, edition_title,
                                                                        outputs, by_file))
                report.files_written += 1
        if "print" in outputs:
            key = _digest(version, edition_title, [(r, entries[r]["hash"]) for r in by_file],
                          slugs)
            new_outputs["print/edition.pdf"] = key
            if old_outputs.get("print/edition.pdf") == key and \
                    (out / "print/edition.pdf").is_file():
                report.skipped += 1
            else:
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
    for name in set(old_outputs) - set(new_outputs):
        if name in _own_outputs(out, manifest_name):
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
    return report


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
    return transform("index.xsl", etree.ElementTree(edition), {"css": css()}, "index")


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)
