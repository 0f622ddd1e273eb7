"""The edition build: a folder of TEI in, HTML pages, PDFs and text files out.

Incremental: a manifest in the output folder records, for every source file,
its content hash and what checking it found, and for every output the key it
was made from (source hash, teikit's stylesheets and code, navigation). A
build re-checks only changed files and re-renders only outputs whose key
changed; with nothing changed it renders nothing and says so.

Parallel: checking and rendering run in a process pool (`jobs`); each worker
re-reads its own source, so the main process holds metadata, not the corpus.
A big file is shared out in runs of documents. When fewer files changed than
there are workers (one volume edited, say), the main process validates them
while the workers already render their pages; those pages wait in a staging
folder until the verdict, and if it fails the edition is planned again without
the file. A file with errors is reported and skipped while the rest still
build, and every output appears whole (written atomically, or renamed from
staging).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..errors import TeikitError, UsageError
from ..files import OutputFolder
from ..render import css, render_pdf
from ..render.saxon import transform
from ..resources import data_dir
from ..validate import Source, collect_xml, read_source
from ..validate.diagnostics import count
from ..xmlio import read_bytes
from .documents import document_divs, edition_tree, safe_slug
from .manifest import PENDING, Manifests, checked_remove, load, manifest_name, save
from .worker import (
    CSS_HREF,
    FAILED,
    PASSED,
    UNKNOWN,
    Output,
    check_files,
    describe_file,
    peak_memory_mb,
    render_file,
    start_worker,
    verdict,
    warm_up,
)

__all__ = ["build_edition", "BuildReport", "safe_slug", "OUTPUTS"]

OUTPUTS = ("html", "print", "text")
MIN_PART = 100  # pages: a file is cut into runs of documents for idle workers down to this
STAGING = ".teikit-staging-"  # + pid: pages of a source not yet validated wait here
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
    failed: int = 0  # source files with errors (published anyway unless strict)

    def summary(self) -> str:
        if self.files_written == 0 and not self.errors:
            what = f"nothing to rebuild: {count(self.documents, 'document')} up to date"
        else:
            what = (f"{count(self.documents, 'document')}: "
                    f"{count(self.files_written, 'file')} rebuilt, {self.skipped:,} up to date")
        failed = f", {count(self.failed, 'source file')} with errors" if self.failed else ""
        return (f"{what}{failed}; {count(len(self.errors), 'error')}, "
                f"{count(len(self.warnings), 'warning')} in {self.seconds:.1f} s")


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
        self.checks = None  # the verdict on sources validated while their pages render

    def say(self, state: int) -> None:
        """Tell the workers whether the sources being validated meanwhile passed."""
        if self.checks is not None:
            self.checks.value = state

    def start(self) -> None:
        if self.jobs > 1 and self.pool is None and not _spawnable():
            self.jobs = 1  # e.g. a script read from stdin: workers could not import it
        if self.jobs > 1 and self.pool is None:
            try:
                context = multiprocessing.get_context("spawn")
                self.checks = context.Value("b", UNKNOWN, lock=False)
                self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context,
                                                initializer=start_worker,
                                                initargs=(self.checks, os.getpid()))
                for _ in range(self.jobs):
                    self.pool.submit(warm_up)
            except (RuntimeError, OSError):
                self.pool = self.checks = None
                self.jobs = 1

    def map(self, fn, items: list, progress: Progress | None, phase: str,
            meanwhile: Callable[[], None] | None = None) -> list:
        """fn over items in the workers (here when there are none); `meanwhile` runs in
        this process while they work."""
        total = len(items)
        shared = total > 1 or (meanwhile is not None and total > 0)  # else no gain in it
        if self.jobs > 1 and shared:
            self.start()
        if self.pool is not None and shared:
            results: list = []
            try:
                chunk = max(1, min(32, total // (self.jobs * 4) or 1))
                running = self.pool.map(fn, items, chunksize=chunk)  # all submitted now
                if meanwhile:
                    meanwhile()
                    meanwhile = None
                for done, result in enumerate(running, start=1):
                    results.append(result)
                    if progress:
                        progress(phase, done, total)
                return results
            except (BrokenProcessPool, RuntimeError, OSError):
                self.close()
                self.jobs = 1
        if meanwhile:
            meanwhile()
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

    def kill(self) -> None:
        """Stop the workers now (Ctrl-C, or a failure of the build itself): waiting for
        them to finish their tasks would only delay the exit. What they were writing is a
        temporary file that the next build removes."""
        if self.pool is not None:
            for process in list(getattr(self.pool, "_processes", {}).values()):
                process.terminate()  # the pool has no public way to stop running tasks
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def build_edition(source: str | Path, out: str | Path, outputs: tuple[str, ...] = OUTPUTS,
                  title: str = "", progress: Progress | None = None, jobs: int = 1,
                  shard: tuple[int, int] = (1, 1), pdf_per_document: bool = False,
                  strict: bool = False) -> BuildReport:
    """Build the edition. Every well-formed file is published and its findings reported
    (they make the build fail); with `strict`, a file with errors is not published."""
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
                      pdf_per_document, report, version, start, strict)
    except BaseException:
        workers.kill()
        raise
    finally:
        workers.close()  # first: a worker stopped by Ctrl-C may still be writing
        shutil.rmtree(_staging(out), ignore_errors=True)


def _build(source: Path, out: Path, files: list[Path], outputs: tuple[str, ...], title: str,
           progress: Progress | None, workers: Workers, shard: tuple[int, int],
           pdf_per_document: bool, report: BuildReport, version: str, start: float,
           strict: bool = False) -> BuildReport:
    folder = OutputFolder(out)
    _refuse_linked_folders(out)
    own_manifest = manifest_name(shard)
    manifests = load(out, version, own_manifest)
    report.warnings += manifests.warnings
    staging = _staging(out)
    _clear_staging(out)
    if out.is_dir():
        folder.remove_temporaries(_alive)

    # 1. check changed files: in the workers; or, when there are too few to share out,
    #    parse and describe them here and validate them while the workers render
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
        cached = manifests.files.get(rel)
        if cached and cached.get("hash") == digest:
            entries[rel] = cached
        else:
            to_check.append(rel)
    if to_check:
        workers.start()  # they warm up while the main process reads
    root = str(source)
    deferred: dict[str, Source] = {}  # rel -> the parsed source still to validate
    if 1 < workers.jobs and len(to_check) < workers.jobs:
        for rel in to_check:
            found, parsed = describe_file(str(source / rel), root)
            entries[rel] = {"hash": hashes[rel], **found}
            if parsed is not None:
                deferred[rel] = parsed
    else:
        batches = _batches([str(source / rel) for rel in to_check], workers.jobs)
        checked = [result for batch in workers.map(check_files, [
            {"paths": b, "root": root} for b in batches], progress, "checking")
            for result in batch]
        for rel, result in zip(to_check, checked, strict=True):
            report.memory_mb = max(report.memory_mb, result.pop("memory", 0))
            entries[rel] = {"hash": hashes[rel], **result}
    ordered = [rel for rel in (f.relative_to(source).as_posix() for f in files) if rel in entries]

    def save_manifest(outputs: dict[str, str]) -> None:
        save(folder, own_manifest, version, {rel: entries[rel] for rel in ordered}, outputs)

    # 2. plan and render; in a strict build, a source validated meanwhile that fails its
    #    checks is dropped and the edition planned again without it (its pages were staged)
    while True:
        published = [rel for rel in ordered if not (strict and entries[rel]["errors"])]
        plan = _plan(source, out, entries, published, outputs, title, shard, manifests,
                     version, pdf_per_document)
        if plan.pending:  # the journal: what is about to change is up to date no more
            save_manifest(plan.journal(manifests))
        # only a strict build holds pages back for a verdict still to come
        staged = bool(deferred) and strict
        workers.say(UNKNOWN if staged else PASSED)
        failed: list[str] = []

        def meanwhile(plan: Plan = plan, failed: list[str] = failed) -> None:
            for rel, parsed in deferred.items():
                found = verdict(parsed, root)
                entries[rel].update(found)
                if found["errors"] and strict:
                    failed.append(rel)
            deferred.clear()
            workers.say(FAILED if failed else PASSED)
            if not failed and plan.index:
                main = Output(str(out))
                main.write("html/index.html", lambda: _index_html(*plan.index), "index")
                plan.results.append({"files": main.files, "staged": [], "errors": main.errors})

        work = [dict(task, out=str(out), root=root, staging=str(staging) if staged else None)
                for task in _work(plan.tasks, workers.jobs)]
        plan.results += workers.map(render_file, work, progress, "rendering", meanwhile)
        if not failed:
            break
        shutil.rmtree(staging, ignore_errors=True)

    main = Output(str(out))
    if plan.css:
        main.write(f"html/{CSS_HREF}", css, "css")
    waiting = OutputFolder(staging)
    for result in plan.results:
        try:
            folder.move_from(waiting, result["staged"])
        except TeikitError as exc:
            result["errors"].append(str(exc))
            result["files"] = [f for f in result["files"] if f not in result["staged"]]
        report.errors += result["errors"]
        report.memory_mb = max(report.memory_mb, result.get("memory", 0))
    for rel in ordered:
        report.errors += entries[rel]["errors"]
        report.warnings += entries[rel]["warnings"]
        report.failed += bool(entries[rel]["errors"])
    report.failed += len(files) - len(ordered)  # not even readable
    report.errors += plan.errors

    # 3. the whole-edition PDF (needs every document: not in a shard)
    index, count = shard
    if count > 1:
        report.notes.append(f"shard {index}/{count}: index and edition PDF are left to a build "
                            "without --shard over the same output folder")
    elif plan.edition_pdf:
        main.write("print/edition.pdf", lambda: _edition_pdf(source, plan), "edition")
    plan.results.append({"files": main.files, "errors": main.errors})
    report.errors += main.errors

    # 4. forget outputs that no longer have a source, and save the manifest: an output is
    #    up to date only if it was written (or needed no writing)
    for name in set(manifests.outputs) - set(plan.outputs):
        if name in manifests.own:
            try:
                checked_remove(folder, name)
            except TeikitError as exc:
                report.errors.append(str(exc))
    written = {name for result in plan.results for name in result["files"]}
    for name in plan.pending - written:
        plan.outputs[name] = PENDING
    unchanged = not to_check and not plan.pending and plan.outputs == manifests.outputs \
        and set(ordered) == set(manifests.files) and (out / own_manifest).is_file()
    if (plan.docs or out.exists()) and not unchanged:  # (a 2 MB rewrite for nothing, else)
        save_manifest(plan.outputs)
    report.files_written = len(written)
    report.skipped = plan.skipped
    report.documents = len(plan.docs)
    report.seconds = time.monotonic() - start
    report.memory_mb = max(report.memory_mb, peak_memory_mb())
    return report


def _edition_pdf(source: Path, plan: Plan) -> bytes:
    parts = []
    for rel, members in plan.by_file.items():
        tree = read_source(source / rel, str(source)).tree
        divs = {d.get("{http://www.w3.org/XML/1998/namespace}id") or "": d
                for d in document_divs(tree)}
        parts += [(tree, divs.get(doc["doc_id"]) if doc["doc_id"] else None, slug)
                  for doc, slug in members]
    return render_pdf(edition_tree(parts, plan.title), "edition", **{"edition-title": plan.title})


CHECK_BATCH = 200  # files checked together in one worker task: one jing start for them all


def _batches(paths: list[str], jobs: int) -> list[list[str]]:
    """Enough batches to keep every worker busy, none bigger than CHECK_BATCH."""
    if not paths:
        return []
    size = max(1, min(CHECK_BATCH, -(-len(paths) // max(1, jobs))))
    return [paths[i:i + size] for i in range(0, len(paths), size)]


def _refuse_linked_folders(out: Path) -> None:
    """The output folder may itself be a link (the user chose it), but nothing inside it
    that a build writes to: a link there would carry pages, or their removal, elsewhere."""
    for name in ("html", "text", "print"):
        if (out / name).is_symlink():
            raise TeikitError("is a symbolic link; teikit writes only inside the output folder "
                              "itself (replace the link with a real folder)", str(out / name))


@dataclass
class Plan:
    """What a build will make: render tasks per file, the key of every output (new ones
    and up-to-date ones), and what the index and edition PDF need."""
    old: dict
    outputs: dict[str, str] = field(default_factory=dict)  # name -> key, for the manifest
    pending: set[str] = field(default_factory=set)  # of those, the ones to (re)write now
    owners: dict[str, str] = field(default_factory=dict)  # name -> the source that makes it
    errors: list[str] = field(default_factory=list)
    exists: Callable[[str], bool] = lambda name: False
    skipped: int = 0
    tasks: dict[str, dict] = field(default_factory=dict)
    docs: list = field(default_factory=list)
    slugs: list[str] = field(default_factory=list)
    by_file: dict[str, list] = field(default_factory=dict)
    title: str = ""
    css: bool = False
    index: tuple | None = None  # the arguments of _index_html, when it needs writing
    edition_pdf: bool = False
    results: list[dict] = field(default_factory=list)

    def wanted(self, name: str, key: str, owner: str = "") -> bool:
        """Record an output's key; does it need making (new key, or the file is gone)?
        Two sources never make one output: the second is refused with an error."""
        if name in self.outputs:
            self.errors.append(f"{owner}: error: would write {name}, which {self.owners[name]} "
                               "writes too; rename one of them (file name or xml:id)")
            return False
        self.outputs[name] = key
        self.owners[name] = owner or "the edition"
        if self.old.get(name) == key and self.exists(name):
            self.skipped += 1
            return False
        self.pending.add(name)
        return True

    def journal(self, manifests: Manifests) -> dict[str, str]:
        """The outputs to record before rendering: pending ones with no valid key, and the
        stale ones this build is about to remove still listed (so they are removed later if
        it is interrupted)."""
        kept = {name: key for name, key in manifests.outputs.items()
                if name in manifests.own and name not in self.outputs}
        return {**kept, **{name: PENDING if name in self.pending else key
                           for name, key in self.outputs.items()}}


def _plan(source: Path, out: Path, entries: dict[str, dict], ordered: list[str],
          outputs: tuple[str, ...], title: str, shard: tuple[int, int], manifests: Manifests,
          version: str, pdf_per_document: bool) -> Plan:
    """Slugs, navigation, cross-document links, and which outputs need rendering."""
    plan = Plan(old=manifests.outputs, exists=lambda name: (out / name).is_file(),
                title=title or "Edition")
    docs = plan.docs = [(rel, doc) for rel in ordered for doc in entries[rel]["docs"]]
    slugs = plan.slugs = _unique_slugs([doc["base"] for _, doc in docs], RESERVED)
    home = {}
    for (_, doc), slug in zip(docs, slugs, strict=True):
        for ident in doc["ids"]:
            home.setdefault(ident, slug)
    tasks = plan.tasks
    wanted = plan.wanted
    if "html" in outputs and docs:
        plan.css = wanted(f"html/{CSS_HREF}", _digest(version, "css"))
    position: dict[str, int] = {}
    for i, ((rel, doc), slug) in enumerate(zip(docs, slugs, strict=True)):
        nav = {"index-href": "index.html"} if "html" in outputs else {}
        if i > 0:
            nav.update({"prev-href": f"{slugs[i - 1]}.html", "prev-title": docs[i - 1][1]["title"]})
        if i + 1 < len(docs):
            nav.update({"next-href": f"{slugs[i + 1]}.html", "next-title": docs[i + 1][1]["title"]})
        links = {ident: home[ident] for ident in doc["refs"] if ident in home}
        base = (version, doc.get("hash") or entries[rel]["hash"], doc["doc_id"], slug,
                doc["title"], links)
        position[rel] = position.get(rel, 0) + 1  # which document of its file (ids may repeat)
        page = {"doc": doc["doc_id"] if doc["split"] else "", "title": doc["title"],
                "pos": str(position[rel]) if doc["split"] else ""}
        task = tasks.setdefault(rel, {"path": str(source / rel), "links": {}, "labels": [],
                                      "groups": {}, "file_pdf": None, "docs": []})
        task["docs"].append(doc["doc_id"])
        need = []
        owner = task["path"]
        if "html" in outputs and wanted(f"html/{slug}.html", _digest(base, nav, CSS_HREF), owner):
            need.append(("html", {"href": f"html/{slug}.html", **page, **nav}))
        if "text" in outputs and wanted(f"text/{slug}.txt", _digest(base, "text"), owner):
            need.append(("text", {"href": f"text/{slug}.txt", **page}))
        if pdf_per_document and "print" in outputs and \
                wanted(f"print/{slug}.pdf", _digest(base, "pdf"), owner):
            need.append(("print", {"href": f"print/{slug}.pdf", **page}))
        for kind, item in need:
            task["groups"].setdefault(kind, []).append(item)
        if need:
            task["links"].update(links)
    by_file = plan.by_file
    for (rel, doc), slug in zip(docs, slugs, strict=True):
        by_file.setdefault(rel, []).append((doc, slug))
    volumes: dict[str, str] = {}  # source -> its volume page (the manifest's entries stay as read)
    file_slugs = _unique_slugs([safe_slug(Path(rel).with_suffix("").as_posix().replace("/", "-"),
                                          "document") for rel in by_file], RESERVED)
    for (rel, members), file_slug in zip(by_file.items(), file_slugs, strict=True):
        owner = tasks[rel]["path"]
        if "print" in outputs and not (pdf_per_document and len(members) == 1):
            if wanted(f"print/{file_slug}.pdf", _digest(version, entries[rel]["hash"], "file"),
                      owner):
                tasks[rel]["file_pdf"] = file_slug
        if "html" in outputs and len(members) > 1:
            volume_slug = f"{file_slug}-volume"
            labels = [[d["doc_id"], s, f"{d['n'] + '. ' if d['n'] else ''}{d['title']}"]
                      for d, s in members]
            key = _digest(version, entries[rel]["hash"], labels, "volume", CSS_HREF)
            if wanted(f"html/{volume_slug}.html", key, owner):
                tasks[rel]["labels"] = labels
                tasks[rel]["groups"].setdefault("html", []).append(
                    {"href": f"html/{volume_slug}.html", "kind": "volume",
                     "index-href": "index.html"})
            volumes[rel] = volume_slug
    if shard[1] == 1 and docs and "html" in outputs:
        rows = [{"n": doc["n"], "date": doc["date"], "title": doc["title"], "slug": slug,
                 "volume": volumes.get(rel, "")} for (rel, doc), slug in zip(docs, slugs,
                                                                             strict=True)]
        if wanted("html/index.html", _digest(version, plan.title, rows, outputs)):
            plan.index = (rows, plan.title, outputs)
    if shard[1] == 1 and docs and "print" in outputs:
        plan.edition_pdf = wanted("print/edition.pdf", _digest(
            version, plan.title, [(r, entries[r]["hash"]) for r in by_file], slugs))
    return plan


def _work(tasks: dict[str, dict], jobs: int) -> list[dict]:
    """Render tasks: one per file, all its kinds together (one parse); while there are
    fewer tasks than workers, the biggest is cut into two runs of documents, each
    rendered from the volume with the other documents emptied out."""
    work = []
    for task in tasks.values():
        groups = [{"kind": kind, "pages": pages} for kind, pages in task["groups"].items()
                  if pages]
        if groups or task["file_pdf"]:
            work.append(dict(task, groups=groups, keep=None))
    while len(work) < jobs:
        biggest = max(work, key=_pages, default=None)
        docs = [d for d in biggest["docs"] if d] if biggest else []
        if biggest is None or _pages(biggest) < 2 * MIN_PART or len(docs) != len(biggest["docs"]) \
                or biggest["keep"] is not None and len(biggest["keep"]) < 2:
            break
        keep = biggest["keep"] if biggest["keep"] is not None else docs
        work.remove(biggest)
        for half, first in ((keep[:len(keep) // 2], True), (keep[len(keep) // 2:], False)):
            mine = set(half)
            groups = [{"kind": g["kind"], "pages": [p for p in g["pages"] if p.get("doc") in mine
                                                    or first and p.get("kind") == "volume"]}
                      for g in biggest["groups"]]
            work.append(dict(biggest, keep=half, file_pdf=biggest["file_pdf"] if first else None,
                             groups=[g for g in groups if g["pages"]]))
    return work


def _pages(task: dict) -> int:
    return sum(len(g["pages"]) for g in task["groups"])


def _staging(out: Path) -> Path:
    return out / f"{STAGING}{os.getpid()}"


def _clear_staging(out: Path) -> None:
    """Remove what an interrupted build left in its staging folder (never published)."""
    for folder in out.glob(f"{STAGING}*"):
        pid = folder.name[len(STAGING):]
        if pid.isdigit() and _alive(int(pid)) and int(pid) != os.getpid():
            continue  # another build is writing into this output folder now
        shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


RESERVED = ("index", "edition")  # html/index.html, print/edition.pdf belong to the edition


def _unique_slugs(bases: list[str], reserved: tuple[str, ...] = ()) -> list[str]:
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


def _index_html(rows: list[dict], title: str, outputs: tuple[str, ...]) -> str:
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
