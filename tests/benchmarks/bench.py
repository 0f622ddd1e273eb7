"""teikit benchmark: prints throughput figures; not part of the test run.

    python tests/benchmarks/bench.py [--size-mb 5] [--build-docs 10000] [--jobs N]

Generates a FRUS-style volume from the memo fixtures and times, in one process
(stylesheets compiled once, as in a build): conversion of the fixtures, parsing,
validation (schema + rules), HTML, text and print (PDF) rendering of the volume, and
`build` (cold, then warm: nothing changed) of a folder of single-document files and of the
volume (the volume's cold build also into a tmpfs, where there is one, to show what the build
costs without the disk); then the print path against the old one (WeasyPrint, in a git
worktree) on the same volume and on one memo, each in a process of its own (`--only print`).

`--only scale` builds FRUS-shaped editions of 10,000 (and, with `--scale-docs 10000,100000`,
100,000) documents as a new user would, step by step (cold, nothing edited, one body edit, one
title edit, `teikit serve`'s save-to-page latency) next to the commit before the edition was
made to scale; `--only stylesheets` times 400 memos against the TEI Stylesheets;
`--only facsimile` builds a 200-page volume of 6000 × 8000 px scans (see facsimile.py);
`--only recognition` converts the PAGE/ALTO corpus (see recognition.py); `--only epub` builds
the volume's ebook next to its web pages (see ebook.py).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from corpus import MEMOS, document_files, volume  # noqa: E402
from ebook import ebook  # noqa: E402
from facsimile import facsimile  # noqa: E402
from lxml import etree  # noqa: E402
from recognition import recognition  # noqa: E402

from toolkit.convert import convert_text  # noqa: E402
from toolkit.edition import Settings, build_edition  # noqa: E402
from toolkit.edition.documents import describe  # noqa: E402
from toolkit.render import (  # noqa: E402
    plan_element,  # noqa: E402
    render_html,
    render_pages,
    render_pdf,
    render_text,
)
from toolkit.validate import validate_tree  # noqa: E402
from toolkit.xmlio import parse_xml, serialize  # noqa: E402


def timed(label: str, fn, size: int, items: int, unit: str = "documents"):
    start = time.perf_counter()
    result = fn()
    secs = time.perf_counter() - start
    mb = size / 1e6
    print(f"{label:<34} {secs:7.2f} s  {mb / secs:7.2f} MB/s  {items / secs:9.1f} {unit}/s"
          f"  ({mb:.2f} MB, {items} {unit})")
    return result


CORPUS = HERE.parent.parent.parent / "shared" / "corpus"


def against_jing() -> None:
    """`teikit validate` against tei_all, cold from the command line, next to jing itself on
    the same files: one letter, then 200 files (../shared/corpus when it is there)."""
    import shutil as sh

    from toolkit.validate.jing import _java

    files = sorted(CORPUS.rglob("*.xml"))[:200] if CORPUS.is_dir() else []
    if len(files) < 200:
        print("teikit vs jing: ../shared/corpus is absent; skipped")
        return
    one = [f for f in files if f.name == "L00022.xml"] or files[:1]
    tei_all = str(ROOT / "schema" / "tei_all.rng")
    jing = ["jing"] if sh.which("jing") else _java()

    def run(command: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        return time.perf_counter() - start

    for label, chosen in (("1 file (a letter)", one), (f"{len(files)} files", files)):
        names = [str(f) for f in chosen]
        ours = min(run([sys.executable, "-m", "toolkit.cli", "validate", "--schema", "tei_all",
                        "--no-schematron", *names])
                   for _ in range(3 if len(chosen) == 1 else 1))
        theirs = min(run([*jing, tei_all, *names]) for _ in range(3 if len(chosen) == 1 else 1))
        print(f"{'validate tei_all, ' + label:<34} {ours:7.2f} s  jing {theirs:6.2f} s  "
              f"×{ours / theirs:4.2f} jing's time (teikit adds the rules and the paths)")


def _seconds(command: list[str], times: int = 1) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def schema_stack() -> None:
    """`teikit validate` with each file's own schema stack, cold from the command line, next
    to the engines driven directly (schema_reference.py: xmlschema/jing + SchXslt2 on
    Saxon): the Schnitzler letters (XSD + .sch + the XSD's embedded rules) and the
    Shelley-Godwin pages (RELAX NG + its embedded rules); then what tei_all's embedded
    rules add to a tei_all validation."""
    if not CORPUS.is_dir():
        print("schema stack: ../shared/corpus is absent; skipped")
        return
    teikit = [sys.executable, "-m", "toolkit.cli", "validate"]
    reference = [sys.executable, str(HERE / "schema_reference.py")]
    meta = CORPUS / "schnitzler/data/meta"
    letters = sorted(str(f) for f in (CORPUS / "schnitzler/data/editions").glob("*.xml"))
    xsd = str(meta / "schnitzler-briefe-schema.xsd")
    sga = CORPUS / "sga/data"
    page_rng = str(sga / "schemata/shelley-godwin-page.rng")
    pages = sorted(str(f) for f in (sga / "tei").rglob("*.xml")
                   if "shelley-godwin-page.rng" in f.read_text(encoding="utf-8")[:2000])
    runs = (
        (f"Schnitzler, {len(letters)} letters", letters,
         ["--xsd", xsd, "--sch", str(meta / "schnitzler-briefe-schematron.sch"),
          "--embedded", xsd]),
        (f"SGA, {len(pages)} pages", pages, ["--rng", page_rng, "--embedded", page_rng]),
    )
    for label, files, ref_args in runs:
        ours = _seconds([*teikit, *files], 2)
        theirs = _seconds([*reference, *ref_args, *files], 2)
        print(f"{'validate, own schemas, ' + label:<44} {ours:7.2f} s  reference {theirs:6.2f} s"
              f"  ×{ours / theirs:4.2f} (teikit adds its rules and the placing of findings)")
    files = [str(f) for f in sorted((CORPUS / "frus-history").rglob("*.xml"))]
    files += [str(f) for f in sorted((CORPUS / "apparatus").rglob("*.xml"))][:120]
    with_rules = _seconds([*teikit, *files], 2)
    without = _seconds([*teikit, "--no-schematron", *files], 2)
    print(f"{'tei_all + its embedded rules, ' + str(len(files)) + ' files':<44} {with_rules:7.2f} s"
          f"  without {without:6.2f} s  +{100 * (with_rules / without - 1):4.1f} %")


def scaling(sizes: list[float]) -> None:
    """Validate and render-to-HTML time per MB at growing sizes: linear means equal rates
    (the ratio to the smallest size stays near 1), and one element with 5,000 attributes."""
    render_html(parse_xml(serialize(volume(10_000)), "warm.xml"))  # compile stylesheets once
    rates: dict[str, float] = {}
    for mb in sizes:
        data = serialize(volume(int(mb * 2**20)))
        for label, fn in (("validate", lambda d=data: validate_tree(parse_xml(d, "v.xml"),
                                                                     "v.xml", d.decode())),
                          ("render HTML", lambda d=data: render_html(parse_xml(d, "v.xml"),
                                                                    "v.xml"))):
            start = time.perf_counter()
            fn()
            per_mb = (time.perf_counter() - start) / (len(data) / 2**20)
            first = rates.setdefault(label, per_mb)
            print(f"{label + f' {mb:g} MB volume':<34} {per_mb * len(data) / 2**20:7.2f} s  "
                  f"{per_mb:6.3f} s/MB  ×{per_mb / first:4.2f} the rate at {sizes[0]:g} MB")
    attrs = " ".join(f'a{i}="v{i}"' for i in range(5000))
    crowded = (f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>'
               f't</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc>'
               f'<p>s</p></sourceDesc></fileDesc></teiHeader><text><body><p {attrs}>x</p>'
               f'</body></text></TEI>').encode()
    start = time.perf_counter()
    found = validate_tree(parse_xml(crowded, "a.xml"), "a.xml", crowded.decode(), schema="teikit")
    print(f"{'validate 5,000 attributes (1 elem.)':<34} {time.perf_counter() - start:7.2f} s  "
          f"({len(found)} errors reported against teikit's profile; 305 s before "
          "xmlschema's explanations were capped)")


OLD_PRINT = "358ea5b"  # the last commit printing with WeasyPrint
PRINT_RUN = """
import sys, time
from toolkit.render import render_pdf
from toolkit.xmlio import parse_xml
path, out, times = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(path, "rb").read()
render_pdf(parse_xml(data, path), path) if times > 1 else None  # warm: stylesheets compiled
start = time.perf_counter()
for _ in range(times):
    pdf = render_pdf(parse_xml(data, path), path)
print((time.perf_counter() - start) / times)
open(out, "wb").write(pdf)
"""


def _print_once(code: Path, source: Path, out: Path, times: int = 1,
                limit: float = 0) -> tuple[float, int, int] | None:
    """One print path run in a process of its own: (seconds per PDF, pages, peak MB), or
    None when it ran past `limit` seconds (then it is stopped)."""
    log = out.with_suffix(".log")
    deadline = time.monotonic() + limit if limit else float("inf")
    with open(log, "w") as sink:  # (not communicate(): os.wait4 must reap it, for its rusage)
        child = subprocess.Popen([sys.executable, "-c", PRINT_RUN, str(source), str(out),
                                  str(times)], cwd=code, stdout=sink, stderr=subprocess.STDOUT,
                                 env={**os.environ, "PYTHONPATH": str(code)})
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                child.kill()
                os.wait4(child.pid, 0)
                return None
            time.sleep(0.2)
    lines = log.read_text().strip().splitlines()
    if status != 0:
        raise RuntimeError(lines[-1] if lines else "the print run failed")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1)) if "Pages:" in info else 0
    return float(lines[-1]), pages, usage.ru_maxrss // 1024


def print_paths(size_mb: float, old_limit: float) -> None:
    """Typst (today) against WeasyPrint (commit OLD_PRINT, in a git worktree) on the same
    FRUS-shaped volumes (1 MB and the benchmark's) and on one memo, each in a process of its
    own: seconds, pages, time per page, peak memory, and the ratio. The old path needs
    WeasyPrint importable (pip install 'weasyprint>=62,<71'); it is stopped after
    `old_limit` seconds (then the ratio is a lower bound)."""
    work = Path(tempfile.mkdtemp(prefix="teikit-print-"))
    try:
        sources = []
        for mb in sorted({1.0, size_mb}):
            path = work / f"volume-{mb:g}.xml"
            path.write_bytes(serialize(volume(int(mb * 1e6))))
            sources.append((f"{path.stat().st_size / 1e6:.1f} MB volume", path, 1))
        memo = work / "memo.xml"
        memo.write_bytes(serialize(convert_text((MEMOS / "plain-minimal.txt").read_bytes(),
                                                "plain-minimal.txt")[0]))
        sources.append(("one memo", memo, 5))
        old = work / "old"
        paths = {"typst": ROOT}
        try:
            import weasyprint  # noqa: F401
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old),
                            OLD_PRINT], check=True, capture_output=True)
            paths["weasyprint"] = old
        except (ImportError, subprocess.CalledProcessError) as exc:
            print(f"print: the old path (WeasyPrint, {OLD_PRINT}) is not run: {exc}")
        results: dict[tuple[str, str], float | None] = {}
        for label, source, times in sources:
            for name, code in paths.items():
                limit = old_limit if name == "weasyprint" else 0
                run = _print_once(code, source, work / f"{name}.pdf", times, limit)
                results[name, label] = run[0] if run else None
                if run is None:
                    print(f"{'print ' + label + ', ' + name:<34} > {limit:.0f} s (stopped)")
                    continue
                secs, pages, peak = run
                print(f"{'print ' + label + ', ' + name:<34} {secs:7.2f} s  {pages:5} pages  "
                      f"{secs / max(1, pages) * 1000:7.1f} ms/page  peak {peak} MB", flush=True)
            if ("weasyprint", label) in results:
                old_secs, new_secs = results["weasyprint", label], results["typst", label]
                ratio = f"×{old_secs / new_secs:.1f}" if old_secs else \
                    f"more than ×{old_limit / new_secs:.1f}"
                print(f"{'  ' + label + ': Typst':<34} {ratio} as fast as WeasyPrint", flush=True)
    finally:
        if (work / "old").exists():
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                            str(work / "old")], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


def registers_and_search(build_docs: int, jobs: int) -> None:
    """Registers and the search index, for the corpus and for many documents: each timed
    apart from the build that makes them (the build runs both as its last steps)."""
    import json

    from toolkit.edition import plan as planning
    from toolkit.edition import search
    from toolkit.edition.addresses import Pointers, volumes

    work = Path(tempfile.mkdtemp(prefix="teikit-bench-"))
    try:
        sites = []
        if CORPUS.is_dir():
            sites.append(("../shared/corpus", CORPUS))
        src = work / "letters"  # each declares 3 of 500 persons and names them
        src.mkdir()
        for i in range(build_docs):
            people = [f"p{(i * 7 + k * 131) % 500}" for k in range(3)]
            named = " and ".join(f'<persName ref="#{p}">Person {p}</persName>' for p in people)
            declared = "".join(f'<person xml:id="{p}"><persName>Person {p}</persName>'
                               f"<idno>https://example.org/person/{p}</idno></person>"
                               for p in people)
            (src / f"L{i:05d}.xml").write_text(
                '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
                f"<title>Letter {i}</title></titleStmt><publicationStmt><p>p</p>"
                "</publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
                f"<text><body><p>Met {named} today.</p></body><back><listPerson>{declared}"
                "</listPerson></back></text></TEI>", encoding="utf-8")
        sites.append((f"{build_docs:,} letters", src))
        for label, folder in sites:
            out = work / f"out-{len(label)}"
            build_edition(folder, out, Settings(outputs=("html",), title="T"), jobs=jobs)
            manifest = json.loads((out / ".teikit-build.json").read_text())
            files = manifest["files"]
            ordered = [rel for rel, entry in files.items() if entry["docs"]]
            found, _ = volumes([(rel, files[rel]) for rel in ordered])
            pages = sum(len(v.docs) for v in found)
            start = time.perf_counter()
            gathered = planning.gather(found, files, Pointers(found),
                                       {v.rel: v.rel for v in found}, planning.label)
            spent = time.perf_counter() - start
            entries = sum(len(e) for e in gathered.entries.values())
            print(f"{'registers of ' + label:<34} {spent:7.2f} s  ({entries:,} entries, "
                  f"{sum(len(m) for m in gathered.mentions.values()):,} pointers on pages)")
            start = time.perf_counter()
            shutil.rmtree(out / "html/pagefind")  # every part made again
            search.update(str(out / "html"), search.parts_of([(v.id, len(v.docs))
                                                               for v in found]),
                          set(), "en", jobs)
            spent = time.perf_counter() - start
            size = sum(f.stat().st_size for f in (out / "html/pagefind").rglob("*")
                       if f.is_file())
            print(f"{'search index of ' + label:<34} {spent:7.2f} s  ({pages:,} pages, "
                  f"{size / 2**20:.1f} MB of index)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


BEFORE_SCALE = "bebed96"  # the last commit before the edition was made to scale (issue 23)
RUN = """
import os, resource, subprocess, sys
run = subprocess.run(sys.argv[1:], capture_output=True, text=True)
lines = (run.stderr or run.stdout).strip().splitlines()
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, run.returncode)
print(lines[-1] if lines else "")
"""


def _build_once(code: Path, src: Path, out: Path, jobs: int) -> tuple[float, int, str]:
    """`teikit build --only html,text` of `src` by the teikit in `code`, in a process of its
    own: (seconds, the peak memory of the largest process it started, its summary line)."""
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", RUN, sys.executable, "-m", "toolkit.cli",
                          "build", str(src), "-o", str(out), "--only", "html,text", "-j",
                          str(jobs), "--title", "Scale"], cwd=code, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(code)})
    secs = time.perf_counter() - start
    peak, summary = run.stdout.splitlines()[0].split()[0], run.stdout.splitlines()[1]
    return secs, int(peak), summary


def _written(out: Path, since: float) -> tuple[int, int]:
    """Files of the output written after `since`: (pages and texts, search index files)."""
    pages = index = 0
    for folder, _dirs, names in os.walk(out):
        for name in names:
            path = os.path.join(folder, name)
            if os.stat(path).st_mtime > since and not name.startswith(".teikit-build"):
                if f"{os.sep}pagefind{os.sep}" in path:
                    index += 1
                else:
                    pages += 1
    return pages, index


def _edit(path: Path, doc: str, where: str, words: str) -> None:
    """Put `words` into document `doc` of the volume at `path`: at its heading or its
    first paragraph."""
    text = path.read_text(encoding="utf-8")
    at = text.index(f'xml:id="{doc}"')
    at = text.index(where, at) + len(where)
    path.write_text(text[:at] + words + text[at:], encoding="utf-8")


def _serve_latency(code: Path, src: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Seconds from saving an edit to `teikit serve` serving the page with it, and to the
    document's text file having it too (the rest of the build: validation, text, search),
    the median of five saves, each once the previous one's build is done; polled every
    10 ms. Outputs html and text, as the builds measured beside it."""
    import urllib.request

    (src / "teikit.toml").write_text('outputs = ["html", "text"]\n', encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "toolkit.cli", "serve", str(src), "-o",
                             str(out), "-j", str(jobs)], cwd=code, stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True,
                            env={**os.environ, "PYTHONPATH": str(code)})
    try:
        for line in proc.stderr:
            if line.startswith("serving "):
                base = line.split()[1].rsplit("/html/", 1)[0]
                break
        threading_drain(proc)
        page, text = f"{base}/html/volume0002/v2-d10.html", out / "text/volume0002/v2-d10.txt"
        shown, caught_up = [], []
        for n in range(5):
            time.sleep(1)
            marker = f"Saved{n}x{time.time_ns()}"
            start = time.perf_counter()
            _edit(src / "volume0002.xml", "v2-d10", "<p>", marker + " ")
            while marker not in urllib.request.urlopen(page, timeout=30).read().decode():
                if time.perf_counter() - start > 120:
                    raise RuntimeError("the served page never showed the edit")
                time.sleep(0.01)
            shown.append(time.perf_counter() - start)
            while marker not in text.read_text(encoding="utf-8"):
                time.sleep(0.01)
            caught_up.append(time.perf_counter() - start)
            time.sleep(1.5)  # (the search index, after the text)
        return sorted(shown)[2], sorted(caught_up)[2]
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def threading_drain(proc: subprocess.Popen) -> None:
    """Read a child's stderr away in a thread, so that it never blocks on a full pipe."""
    import threading

    threading.Thread(target=lambda: [None for _ in proc.stderr], daemon=True).start()


def scale(sizes: list[int], jobs: int, before: str) -> None:
    """FRUS-shaped editions of 536-document volumes (`sizes` documents), `teikit build --only
    html,text` with registers and search on, each step in a process of its own: cold, a
    build with nothing edited, one document's body edited, one document's title edited, and
    `teikit serve`'s save-to-page latency; seconds, peak memory of the largest process, and
    files written (pages and texts; search index files). Side by side with commit `before`
    (in a git worktree), the ratio last."""
    sys.path.insert(0, str(HERE))
    from corpus import frus_edition

    work = Path(tempfile.mkdtemp(prefix="teikit-scale-"))
    old = work / "before"
    codes = {"now": ROOT}
    if before:
        made = subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old),
                               before], capture_output=True, text=True)
        if made.returncode == 0:
            codes["before"] = old
        else:
            print(f"scale: commit {before} is not run: {made.stderr.strip()}")
    try:
        for size in sizes:
            figures: dict[tuple[str, str], tuple[float, str]] = {}
            volumes = 0
            for name, code in codes.items():
                src, out = work / f"src-{name}", work / f"out-{name}"
                volumes = frus_edition(src, size)
                steps = [("cold", None), ("nothing edited", None),
                         ("one body edited", ("v3-d200", "<p>", "Edited. ")),
                         ("one title edited", ("v3-d201", "<head>", "Retitled: "))]
                for step, edit in steps:
                    if edit:
                        _edit(src / "volume0003.xml", *edit)
                    mark = time.time()
                    time.sleep(0.01)
                    secs, peak, summary = _build_once(code, src, out, jobs)
                    pages, index = _written(out, mark)
                    figures[step, name] = secs, f"{pages:,} files, {index:,} index files, " \
                        f"peak {peak} MB"
                    if step == "cold":
                        figures["cold", name] = secs, figures["cold", name][1] + \
                            f", {size / secs:.0f} documents/s"
                if size <= 20_000:
                    page, rest = _serve_latency(code, src, out, jobs)
                    figures["serve: save to page", name] = page, f"its text: {rest:.2f} s"
                shutil.rmtree(src)
                shutil.rmtree(out)
            print(f"scale: {size:,} documents in {volumes} volumes, jobs {jobs}")
            for step in dict.fromkeys(step for step, _ in figures):
                row = [f"  {step:<22}"]
                for name in codes:
                    secs, what = figures.get((step, name), (None, ""))
                    row.append(f"{name} {secs:6.2f} s ({what})" if secs is not None else "")
                if len(codes) > 1 and (step, "before") in figures:
                    row.append(f"×{figures[step, 'before'][0] / figures[step, 'now'][0]:.1f}")
                print("  ".join(row), flush=True)
    finally:
        if old.exists():
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)],
                           capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


TEI_STYLESHEETS_RUN = """
import sys, time
from pathlib import Path
from saxonche import PySaxonProcessor
stylesheets, out, files = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
start = time.perf_counter()
with PySaxonProcessor(license=False) as saxon:
    compiler = saxon.new_xslt30_processor()
    html = compiler.compile_stylesheet(stylesheet_file=str(stylesheets / "html" / "html.xsl"))
    text = compiler.compile_stylesheet(stylesheet_file=str(stylesheets / "txt" / "tei-to-text.xsl"))
    for name in files:
        doc = saxon.parse_xml(xml_file_name=name)
        stem = Path(name).stem
        (out / f"{stem}.html").write_text(html.transform_to_string(xdm_node=doc))
        (out / f"{stem}.txt").write_text(text.transform_to_string(xdm_node=doc))
print(time.perf_counter() - start)
"""


def against_tei_stylesheets(count: int, jobs: int, stylesheets: str) -> None:
    """`teikit build --only html,text` of `count` one-page memos (registers and search on,
    as by default), cold, as a new user runs it, next to the TEI Stylesheets' HTML and
    text conversions (html/html.xsl, txt/tei-to-text.xsl of a TEIC/Stylesheets checkout,
    compiled once, on saxonche) over the same files in one run; the ratio last."""
    if not stylesheets or not (Path(stylesheets) / "html" / "html.xsl").is_file():
        print("stylesheets: give --tei-stylesheets DIR, a checkout of TEIC/Stylesheets")
        return
    work = Path(tempfile.mkdtemp(prefix="teikit-tsx-"))
    try:
        src = work / "memos"
        document_files(src, count)
        files = sorted(str(p) for p in src.glob("*.xml"))
        times = {}
        for attempt in range(3):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "toolkit.cli", "build", str(src), "-o",
                            str(work / f"out-{attempt}"), "--only", "html,text", "-q", "-j",
                            str(jobs)], cwd=ROOT, check=True, capture_output=True)
            times.setdefault("teikit", []).append(time.perf_counter() - start)
            tsx = work / f"tsx-{attempt}"
            tsx.mkdir()
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", TEI_STYLESHEETS_RUN, stylesheets, str(tsx),
                            *files], check=True, capture_output=True)
            times.setdefault("TEI Stylesheets", []).append(time.perf_counter() - start)
        best = {name: min(found) for name, found in times.items()}
        print(f"{count} memos, html+text, cold, best of 3: teikit {best['teikit']:.2f} s "
              f"(jobs {jobs}), TEI Stylesheets {best['TEI Stylesheets']:.2f} s (one process): "
              f"teikit ×{best['TEI Stylesheets'] / best['teikit']:.1f} as fast")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=5.0)
    ap.add_argument("--build-docs", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--scale-mb", default="1,10,100",
                    help="volume sizes for the linearity check ('' to skip)")
    ap.add_argument("--old-print-limit", type=float, default=1500.0,
                    help="stop the old print path (WeasyPrint) after this many seconds")
    ap.add_argument("--only", default="",
                    help="run just one part: jing, schematron, scaling, registers, print, "
                    "scale, stylesheets, facsimile, recognition, epub, odd")
    ap.add_argument("--page2tei", default=os.environ.get("PAGE2TEI", ""),
                    help="a checkout of dariok/page2tei, for --only recognition")
    ap.add_argument("--facsimile-pages", type=int, default=200,
                    help="pages (each a 6000 × 8000 scan) of the volume for --only facsimile")
    ap.add_argument("--scale-docs", default="10000",
                    help="edition sizes in documents for --only scale (e.g. 10000,100000)")
    ap.add_argument("--scale-before", default=BEFORE_SCALE,
                    help="the commit to compare --only scale with ('' for none)")
    ap.add_argument("--tei-stylesheets", default=os.environ.get("TEI_STYLESHEETS", ""),
                    help="a checkout of TEIC/Stylesheets, for --only stylesheets")
    args = ap.parse_args()
    if args.only == "recognition":
        recognition(args.page2tei)
        return
    if args.only == "odd":  # ODD compilation next to the TEI Stylesheets' pipeline (odd.py)
        from odd import odd_compilation, odds_to_measure
        odd_compilation(odds_to_measure())
        return
    if args.only == "epub":
        ebook(serialize(volume(int(args.size_mb * 1e6))), args.jobs)
        return
    if args.only == "facsimile":
        facsimile(args.facsimile_pages, args.jobs)
        return
    if args.only == "stylesheets":
        against_tei_stylesheets(400, args.jobs, args.tei_stylesheets)
        return
    if args.only == "scale":
        scale([int(n) for n in args.scale_docs.split(",")], args.jobs, args.scale_before)
        return
    if args.only == "print":
        print_paths(args.size_mb, args.old_print_limit)
        return
    if args.only == "registers":
        registers_and_search(args.build_docs, args.jobs)
        return
    if args.only == "schematron":
        schema_stack()
        return
    if args.only in ("", "jing"):
        against_jing()
    if args.only == "jing":
        return
    if args.scale_mb and args.only in ("", "scaling"):
        scaling([float(x) for x in args.scale_mb.split(",")])
    if args.only == "scaling":
        return

    memos = sorted(MEMOS.glob("*.txt"))
    texts = [p.read_bytes() for p in memos] * 20
    timed("convert memo text → TEI", lambda: [convert_text(t, "m.txt") for t in texts],
          sum(map(len, texts)), len(texts))

    vol = volume(int(args.size_mb * 1e6))
    data = serialize(vol)
    docs = len(vol.xpath("//t:div[@type='document']", namespaces={"t": "http://www.tei-c.org/ns/1.0"}))
    tree = timed("parse volume (hardened lxml)", lambda: parse_xml(data, "vol.xml"), len(data), docs)
    source = data.decode()
    found = timed("validate volume (schema + rules)", lambda: validate_tree(tree, "vol.xml", source),
                  len(data), docs)
    assert not [d for d in found if d.severity == "error"], found[:3]
    render_text(parse_xml(serialize(volume(10_000)), "warm.xml"))  # compile stylesheets once
    render_html(parse_xml(serialize(volume(10_000)), "warm.xml"))
    timed("render HTML (whole volume)", lambda: render_html(tree, "vol.xml"), len(data), docs)
    timed("render text (whole volume)", lambda: render_text(tree, "vol.xml"), len(data), docs)
    plan = {kind: plan_element([{"href": f"{kind}/{d['doc_id']}", "doc": d["doc_id"],
                                 "title": d["title"]} for d in describe(Path("vol.xml"), tree)],
                               {}, []) for kind in ("html", "text")}
    timed("render HTML pages (one per document)",
          lambda: render_pages("html", tree, plan["html"], "vol.xml"), len(data), docs)
    timed("render text pages (one per document)",
          lambda: render_pages("text", tree, plan["text"], "vol.xml"), len(data), docs)

    timed("render print PDF (whole volume, Typst)", lambda: render_pdf(tree, "vol.xml"),
          len(data), docs)

    work = Path(tempfile.mkdtemp(prefix="teikit-bench-"))
    html_text = Settings(outputs=("html", "text"))
    try:
        vol_dir = work / "vol"
        vol_dir.mkdir()
        (vol_dir / "volume.xml").write_bytes(data)
        for label in ("cold", "warm"):
            timed(f"build html+text of the volume, {label}",
                  lambda: build_edition(vol_dir, work / "vol-out", html_text, jobs=args.jobs),
                  len(data), docs)
        shm = Path("/dev/shm")
        if shm.is_dir() and os.access(shm, os.W_OK):  # the same without the disk's part
            memory = Path(tempfile.mkdtemp(prefix="teikit-bench-", dir=shm))
            try:
                timed("  … cold, output in memory (tmpfs)",
                      lambda: build_edition(vol_dir, memory / "out", html_text, jobs=args.jobs),
                      len(data), docs)
            finally:
                shutil.rmtree(memory, ignore_errors=True)
        text = data.decode()
        at = text.index("<p>", text.index('xml:id="d2"')) + 3
        (vol_dir / "volume.xml").write_text(text[:at] + "Edited. " + text[at:])
        report = timed("build it again, one document edited",
                       lambda: build_edition(vol_dir, work / "vol-out", html_text,
                                             jobs=args.jobs), len(data), docs)
        print(f"{'':34} (wrote {report.files_written} files)")
        run = timed("the volume cold, as `teikit build`", lambda: subprocess.run(
            [sys.executable, "-m", "toolkit.cli", "build", str(vol_dir), "-o",
             str(work / "cli-out"), "--only", "html,text", "-v", "-j", str(args.jobs)],
            check=True, capture_output=True, text=True), len(data), docs)
        print(f"{'':34} ({run.stderr.strip().splitlines()[-1]})")
        # last: the 20,000 files of this build slow a disk down for whatever follows
        src = work / "tei"
        total = document_files(src, args.build_docs)
        for label in ("cold", "warm"):
            timed(f"build html+text, {label} (jobs {args.jobs})",
                  lambda: build_edition(src, work / "out", html_text, jobs=args.jobs),
                  total, args.build_docs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    registers_and_search(args.build_docs, args.jobs)
    print_paths(args.size_mb, args.old_print_limit)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"peak memory of this benchmark process (it holds the test volumes): {own} MB")
    print(f"python {sys.version.split()[0]}, lxml {etree.__version__}")


if __name__ == "__main__":
    main()
