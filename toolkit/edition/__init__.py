"""The edition build: a folder of TEI in, HTML pages, PDFs and text files out.

Incremental: a manifest in the output folder records, for every source file,
its content hash and what checking it found, and for every output the key it
was made from (source hash, teikit's stylesheets and code, navigation). A
build re-checks only changed files and re-renders only outputs whose key
changed; with nothing changed it renders nothing and says so.

Parallel: checking and rendering run in a process pool (`jobs`); each worker
re-reads its own source, so the main process holds metadata, not the corpus.
A big file is shared out in runs of documents. Every well-formed file is
published and its findings reported (they make the build fail); a strict build
does not publish a file with errors. Every output appears whole (written
atomically), and outputs a build no longer makes are removed.

Modules: `documents` (what a file holds), `addresses` (where its pages go),
`plan` (what to make), `jobs` (what a worker does), `workers` (the pool),
`pages` (the edition's own pages), `manifest`, `config` (teikit.toml).
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import TEI_NS, __version__
from ..errors import TeikitError, UsageError
from ..files import OutputFolder
from ..odd import is_odd
from ..render import css
from ..resources import data_dir
from ..validate import Source
from ..validate.diagnostics import count
from ..xmlio import read_bytes, root_tag
from . import pages, search, shards
from .config import OUTPUTS, Settings
from .documents import safe_slug
from .jobs import (
    CSS_HREF,
    VIEWS_HREF,
    Output,
    check_files,
    describe_file,
    describe_files,
    peak_memory_mb,
    render_file,
    verdict,
)
from .lock import build_lock
from .manifest import (
    OUTPUT_KINDS,
    PENDING,
    as_saved,
    checked_remove,
    journal_name,
    load,
    manifest_name,
    save,
    write_journal,
)
from .plan import Plan, plan_edition, work
from .reference import schema_reference
from .workers import Progress, Workers, default_jobs

__all__ = ["build_edition", "BuildReport", "safe_slug", "OUTPUTS", "Settings", "default_jobs"]


@dataclass
class BuildReport:
    documents: int = 0
    files_written: int = 0
    skipped: int = 0  # outputs up to date
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    memory_mb: int = 0  # the peak resident memory of the process that needed most
    failed: int = 0  # source files with errors (published anyway unless strict)
    volumes: dict[str, str] = field(default_factory=dict)  # volume folder -> its source file

    def summary(self) -> str:
        if self.files_written == 0 and not self.errors:
            what = f"nothing to rebuild: {count(self.documents, 'document')} up to date"
        else:
            what = (f"{count(self.documents, 'document')}: "
                    f"{count(self.files_written, 'file')} rebuilt, {self.skipped:,} up to date")
        failed = f", {count(self.failed, 'source file')} with errors" if self.failed else ""
        return (f"{what}{failed}; {count(len(self.errors), 'error')}, "
                f"{count(len(self.warnings), 'warning')} in {self.seconds:.1f} s")


def version_key() -> str:
    """Changes whenever teikit's version, stylesheets, schema or build/render/check code do."""
    h = hashlib.sha256(__version__.encode())
    here = Path(__file__).resolve().parent.parent
    folders = [data_dir("xslt"), data_dir("schema"), here / "edition", here / "render",
               here / "validate"]
    for folder in folders:
        for path in sorted(folder.glob("*")):
            if path.is_file() and path.suffix in (".xsl", ".css", ".xsd", ".py"):
                h.update(path.name.encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def build_edition(source: str | Path, out: str | Path, settings: Settings | None = None,
                  progress: Progress | None = None, jobs: int = 1,
                  shard: tuple[int, int] = (1, 1), preview: bool = False,
                  pool: Workers | None = None, merge: list[str] | tuple = ()) -> BuildReport:
    """Build the edition in `source` into `out` as `settings` say (teikit.toml and options).

    `preview`: the HTML pages first, as fast as possible (`teikit serve` after a save): the
    changed files are not validated yet, and their text, print and search outputs are left
    pending, for the next build, which makes them (and reports the findings).
    `pool`: worker processes kept from one build to the next (`teikit serve`: a pool
    started and its stylesheets compiled once, not for every save); else the build's own.
    `merge`: the output folders of every shard of a sharded build, put together into `out`
    first (see shards)."""
    start = time.monotonic()
    settings = settings or Settings()
    source, out = Path(source), Path(out)
    if not source.is_dir():
        raise UsageError("no such folder", str(source))
    unknown = set(settings.outputs) - set(OUTPUTS)
    if unknown:
        raise UsageError(f"unknown output {sorted(unknown)[0]!r}; choose from html, print, "
                         "text, epub")
    index, total = shard
    if not (total >= 1 and 1 <= index <= total):
        raise UsageError(f"--shard {index}/{total}: write I/N with 1 ≤ I ≤ N")
    files = _in_order(source, _sources(source), settings.volumes)
    if not files:
        raise TeikitError("no TEI files (*.xml) in this folder", str(source))
    mine = {f for i, f in enumerate(files) if i % total == index - 1}
    if merge and total > 1:
        raise UsageError("--merge puts every shard together: it is not itself a --shard")
    existed = out.exists()  # (the lock makes the folder: a build that writes nothing removes it)
    with build_lock(out):  # (one build at a time in a folder: lock.py)
        return _locked(source, out, files, mine, settings, progress, jobs, shard, start,
                       preview, pool, merge, existed)


def _locked(source: Path, out: Path, files: list[str], mine: set[str], settings: Settings,
            progress: Progress | None, jobs: int, shard: tuple[int, int], start: float,
            preview: bool, pool: Workers | None, merge: list[str] | tuple,
            existed: bool) -> BuildReport:
    merged = shards.combine(merge, out, version_key()) if merge else []
    workers = pool or Workers(jobs)
    try:
        report = _build(source, out, files, mine, settings, progress, workers, shard, start,
                        preview, existed or bool(merged))
        for name in merged:  # (its own manifest now holds what theirs said)
            OutputFolder(out).remove(name)
        return report
    except BaseException:
        workers.kill()
        # what the stopped workers were writing: their temporary files go now (a worker
        # stopped in the middle of a write leaves one; the next build would find it too)
        if out.is_dir():
            OutputFolder(out).remove_temporaries(_alive)
        raise
    finally:
        if pool is None:
            workers.close()  # first: a worker stopped by Ctrl-C may still be writing


def _sources(source: Path) -> list[str]:
    """Every *.xml below the edition folder (not through linked folders), as paths relative
    to it, in name order (as `collect_xml` orders them; strings, not Path objects: a warm
    build of 10,000 files spends its time on little else)."""
    found = []
    for folder, _dirs, names in os.walk(source):
        rel = os.path.relpath(folder, source)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        found += [prefix + name for name in names if name.endswith(".xml")]  # (folders are
        # in `dirs`; a FIFO named *.xml is here, and refused when read)
    return sorted(found, key=lambda rel: rel.split("/"))


def _in_order(source: Path, files: list[str], order: list[str]) -> list[str]:
    """The volumes teikit.toml lists first, in its order; then the others in name order."""
    rest = dict.fromkeys(files)
    first = []
    for rel in order:
        if rel not in rest:
            raise UsageError(f"teikit.toml lists volume {rel!r}, which is not a TEI file of "
                             "this edition", str(source))
        del rest[rel]
        first.append(rel)
    return first + list(rest)


def _build(source: Path, out: Path, files: list[str], mine: set[str], settings: Settings,
           progress: Progress | None, workers: Workers, shard: tuple[int, int],
           start: float, preview: bool, existed: bool = True) -> BuildReport:
    """files: every source of the edition; mine: those this build publishes (all but in a
    shard, whose pages still show what the others' hold: links, registers, titles)."""
    report = BuildReport()
    version = version_key()
    folder = OutputFolder(out)
    _refuse_linked_folders(out)
    own_manifest = manifest_name(shard)
    manifests = load(out, version, own_manifest)
    report.warnings += manifests.warnings
    if out.is_dir():  # what killed builds left: only where the journal says one was at work
        folder.remove_temporaries(_alive, deep=manifests.interrupted)

    # 1. check changed files, in the workers, in batches (one jing run per batch)
    entries: dict[str, dict] = {}
    hashes: dict[str, str] = {}
    to_check: list[str] = []
    to_describe: list[str] = []  # another shard's files: what this one's pages show of them
    not_tei = 0
    for rel in files:
        try:
            data = read_bytes(source / rel)
        except TeikitError as exc:
            if rel in mine:
                report.errors.append(str(exc))
            continue
        digest = hashlib.sha256(data).hexdigest()
        cached = manifests.files.get(rel)
        if cached and cached.get("hash") == digest and (
                cached.get("checked") == _checks(settings) or rel not in mine):
            hashes[rel] = digest
            entries[rel] = cached
            continue
        other = _not_tei(data)
        if other:
            if rel in mine:
                report.notes.append(f"{source / rel}: note: {other}: skipped (an edition "
                                    "publishes TEI)")
                not_tei += 1
            continue
        hashes[rel] = digest
        (to_check if rel in mine else to_describe).append(rel)
    if to_check and not preview:
        workers.start()  # they warm up while the main process reads
    root = str(source)
    schema, rules = settings.schema or None, settings.profile or None
    # Fewer changed files than workers (one volume edited, say): they are parsed and
    # described here, and validated here while the workers render their pages (findings
    # do not change what is published, except in a strict build, which checks first).
    # An edited volume: 3.9 -> 3.2 s (benchmark, 4.8 MB, 2 jobs).
    deferred: dict[str, Source] = {}
    if not settings.strict and (preview or 1 < workers.jobs and len(to_check) < workers.jobs):
        for rel in to_check:
            found, parsed = describe_file(str(source / rel), root, schema, rules)
            entries[rel] = as_saved({"hash": hashes[rel], "checked": PENDING if parsed else
                                     _checks(settings), **found})
            if parsed is not None:
                deferred[rel] = parsed
    else:
        batches = _batches([str(source / rel) for rel in to_check], workers.jobs)
        checked = [result for batch in workers.map(check_files, [
            {"paths": b, "root": root, "schema": schema, "rules": rules} for b in batches],
            progress, "checking") for result in batch]
        for rel, result in zip(to_check, checked, strict=True):
            report.memory_mb = max(report.memory_mb, result.pop("memory", 0))
            entries[rel] = as_saved({"hash": hashes[rel], "checked": _checks(settings), **result})
    described = [result for batch in workers.map(describe_files, [
        {"paths": b, "root": root} for b in _batches([str(source / rel) for rel in to_describe],
                                                     workers.jobs)],
        progress, "reading the other shards' files") for result in batch]
    for rel, result in zip(to_describe, described, strict=True):
        entries[rel] = as_saved({"hash": hashes[rel], "checked": PENDING, **result})
    ordered = [rel for rel in files if rel in entries]
    own = [rel for rel in ordered if rel in mine]

    def check_deferred() -> None:  # (until it has run, those files count as unchecked)
        for rel, parsed in deferred.items() if not preview else ():
            entries[rel].update(verdict(parsed, root, schema, rules), checked=_checks(settings))
        deferred.clear()

    def save_manifest(outputs: dict[str, str], volumes: dict) -> None:
        save(folder, own_manifest, version, {rel: entries[rel] for rel in own}, outputs,
             volumes)

    # 2. plan and render (a strict build leaves out the files with errors)
    published = [rel for rel in ordered
                 if entries[rel]["docs"] and not (settings.strict and entries[rel]["errors"])]
    plan = plan_edition(source, out, entries, published, settings, shard, manifests, version,
                        mine)
    report.warnings += plan.warnings
    report.notes += plan.notes
    if preview:  # the pages a reader is looking at; the rest stays pending
        for task in plan.tasks.values():
            task.update(groups={"html": task["groups"].get("html", [])}, file_pdf=None, epub=None)
        plan.edition_pdf = False
    parts = search.parts_of([(v.id, len(v.docs)) for v in plan.volumes]) \
        if plan.search and shard[1] == 1 else {}  # (a shard's pages are indexed by the merge)
    if plan.pending:  # the journal: what is about to change is up to date no more
        write_journal(folder, own_manifest, plan.pending)
        if parts:  # and their part of the search index
            search.mark_stale(str(out / "html"), parts, search.volume_folders(plan.pending))
    items = [dict(task, out=str(out), root=root) for task in work(plan.tasks, workers.jobs)]
    plan.results += workers.map(render_file, items, progress, "rendering", check_deferred)
    check_deferred()  # (when there was nothing to render)
    main = Output(str(out))
    if plan.css:
        main.write(f"html/{CSS_HREF}", css, "css")
        main.write(f"html/{VIEWS_HREF}", lambda: css(VIEWS_HREF), "css")
    for name in plan.viewer_files:
        main.write(name, lambda name=name: data_dir("xslt").joinpath(name[len("html/"):])
                   .read_bytes(), "viewer")
    if plan.index:
        main.write("html/index.html", lambda: pages.index_html(*plan.index), "index")
    if "html" in settings.outputs and is_odd(settings.schema) and shard[1] == 1:
        report.errors += schema_reference(settings.schema, out / "html" / "schema")
    if plan.sitemap:
        main.write("html/sitemap.xml", lambda: pages.sitemap(*plan.sitemap), "sitemap")
    for name, maker, args in plan.register_pages:
        main.write(name, lambda maker=maker, args=args: maker(*args), "registers")
    if plan.search_page:
        main.write("html/search.html", lambda: pages.search_html(plan.title, plan.language),
                   "search")
        main.write("html/search.js", lambda: data_dir("xslt").joinpath("search.js")
                   .read_bytes(), "search")
    for result in plan.results:
        report.errors += result["errors"]
        report.memory_mb = max(report.memory_mb, result.get("memory", 0))
    for rel in own:
        report.errors += entries[rel]["errors"]
        report.warnings += entries[rel]["warnings"]
        report.failed += bool(entries[rel]["errors"])
    report.failed += len(mine) - len(own) - not_tei  # not even readable
    report.errors += plan.errors

    # 3. the whole-edition PDF (needs every document: not in a shard)
    index, total = shard
    if total > 1:
        report.notes.append(f"shard {index}/{total}: the index, registers, search and edition "
                            "PDF are left to `teikit build --merge` of every shard's folder")
    elif plan.edition_pdf:
        main.write("print/edition.pdf", lambda: pages.edition_pdf(
            source, plan.volumes, plan.title, plan.params), "edition")
    plan.results.append({"files": main.files, "errors": main.errors})
    report.errors += main.errors
    if total == 1:  # (the index needs every page: not in a shard)
        _search_index(out, plan, parts, manifests, report, workers.jobs, preview)

    # 4. remove outputs that no longer have a source (an earlier build's addresses too), and
    #    save the manifest: an output is up to date only if it was written (or needed none)
    _remove_stale(folder, manifests, plan, report)
    written = {name for result in plan.results for name in result["files"]}
    for name in plan.pending - written:
        plan.outputs[name] = PENDING
    unchanged = not to_check and not plan.pending and plan.outputs == manifests.outputs \
        and set(own) == set(manifests.files) and (out / own_manifest).is_file() \
        and plan.volume_keys == manifests.volumes
    if (plan.documents or existed) and not unchanged:  # (a 2 MB rewrite for nothing)
        save_manifest(plan.outputs, plan.volume_keys)
        folder.remove(journal_name(own_manifest))  # (after the manifest: it now says it all)
    report.volumes = {v.id: str(source / v.rel) for v in plan.volumes if v.rel in mine}
    report.files_written = len(written)
    report.skipped = plan.skipped
    report.documents = sum(len(v.docs) for v in plan.volumes if v.rel in mine)
    report.seconds = time.monotonic() - start
    report.memory_mb = max(report.memory_mb, peak_memory_mb())
    return report


def _search_index(out: Path, plan: Plan, parts: dict[str, list[str]], manifests,
                  report: BuildReport, jobs: int, later: bool) -> None:
    """Index the parts of the site whose pages changed, unless that is left for `later` (a
    preview: they were marked stale before their pages were written). Search switched
    off: the index teikit made goes."""
    html = str(out / "html")
    search.clean_leftovers(html, _alive)
    if not plan.search:
        if "html/search.html" in manifests.own:
            search.remove(html)
    elif not later:
        written = search.volume_folders(name for result in plan.results
                                        for name in result["files"])
        report.errors += search.update(html, parts, written, plan.language, jobs)


OTHER_XML = {  # what editors keep beside their TEI, by root namespace
    "http://schema.primaresearch.org/PAGE/gts/pagecontent/":
        "PAGE XML (text recognition: `teikit convert` makes TEI of it)",
    "http://www.loc.gov/standards/alto/": "ALTO (text recognition: `teikit convert` makes TEI "
                                          "of it)",
    "http://www.loc.gov/METS/": "METS",
    "http://relaxng.org/ns/structure/1.0": "a RELAX NG schema",
    "http://www.w3.org/2001/XMLSchema": "an XML Schema",
    "http://purl.oclc.org/dsdl/schematron": "a Schematron schema",
    "http://www.w3.org/1999/XSL/Transform": "an XSLT stylesheet",
}


def _not_tei(data: bytes) -> str:
    """What a file is when it is well-formed XML outside the TEI namespace ('' for TEI, a
    <TEI> root in another namespace or none included, and for what is not XML at all: the
    check says why those cannot be published)."""
    tag = root_tag(data)
    if tag is None or tag.startswith("{" + TEI_NS + "}"):
        return ""
    namespace, _, name = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    if name in ("TEI", "teiCorpus"):  # TEI out of its namespace: checked, and told so
        return ""
    kind = next((label for ns, label in OTHER_XML.items() if namespace.startswith(ns)), "XML")
    return f"{kind}, not TEI (root element <{name}> in " + \
        (namespace or "no namespace") + ")"


def _checks(settings: Settings) -> str:
    """What a file's findings depend on besides its bytes: the schema and rules chosen."""
    return f"{settings.schema}|{settings.profile}"


def _remove_stale(folder: OutputFolder, manifests, plan: Plan, report: BuildReport) -> None:
    for name in sorted(set(manifests.outputs) - set(plan.outputs)):
        if name in manifests.own:
            try:
                checked_remove(folder, name)
            except TeikitError as exc:
                report.errors.append(str(exc))


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
    for name in OUTPUT_KINDS:
        if (out / name).is_symlink():
            raise TeikitError("is a symbolic link; teikit writes only inside the output folder "
                              "itself (replace the link with a real folder)", str(out / name))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
