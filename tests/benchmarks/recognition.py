"""Text recognition exports → TEI, timed (`bench.py --only recognition`): every PAGE and ALTO
file of ../shared/corpus/pagexml converted by teikit (read, TEI written, every line checked
to be there), pages per second and MB per second; next to page2tei, the XSLT every TEI
project reaches for (github.com/dariok/page2tei, run with saxonche, compiled once, on the PAGE
files: it reads no ALTO), when a checkout is given (`--page2tei DIR` or PAGE2TEI=DIR); and
next to teikit's own memo converter per MB.
"""

from __future__ import annotations

import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "pagexml"


def _files() -> list[Path]:
    from toolkit.convert.recognition import kind_of
    from toolkit.xmlio import read_xml

    return sorted(p for p in CORPUS.rglob("*.xml") if kind_of(read_xml(p).getroot()))


def recognition(page2tei: str, rounds: int = 5) -> None:
    from toolkit.convert.recognition import export_to_tei, kind_of
    from toolkit.xmlio import read_xml, serialize

    if not CORPUS.is_dir():
        print("../shared/corpus/pagexml is absent: nothing to time")
        return
    files = _files()
    page_files = [p for p in files if kind_of(read_xml(p).getroot()) == "page"]
    size = sum(p.stat().st_size for p in files) / 1e6
    def timed(paths: list[Path]) -> float:
        start = time.perf_counter()
        for _ in range(rounds):
            for path in paths:
                serialize(export_to_tei(str(path))[0])
        return (time.perf_counter() - start) / rounds
    ours = timed(files)
    print(f"{'teikit: ' + str(len(files)) + ' PAGE/ALTO files, ' + f'{size:.1f} MB':<44} "
          f"{ours:7.2f} s  {len(files) / ours:7.1f} pages/s  {size / ours:5.1f} MB/s")
    ours_page = timed(page_files)
    print(f"{'  … its ' + str(len(page_files)) + ' PAGE files':<44} {ours_page:7.2f} s  "
          f"{len(page_files) / ours_page:7.1f} pages/s")
    if page2tei:
        from saxonche import PySaxonProcessor

        processor = PySaxonProcessor(license=False)
        compiled = processor.new_xslt30_processor().compile_stylesheet(
            stylesheet_file=str(Path(page2tei) / "page2tei-0.xsl"))
        start = time.perf_counter()
        failed = 0
        for _ in range(rounds):
            for path in page_files:
                try:
                    compiled.transform_to_string(source_file=str(path))
                except Exception:  # (page2tei stops on some files; counted, not timed out)
                    failed += 1
        theirs = (time.perf_counter() - start) / rounds
        print(f"{'  … page2tei (XSLT, saxonche) on them':<44} {theirs:7.2f} s  "
              f"{len(page_files) / theirs:7.1f} pages/s  teikit ×{theirs / ours_page:.2f} "
              f"as fast{f' ({failed // rounds} files failed)' if failed else ''}")
    else:
        print("  (page2tei: give --page2tei DIR, a checkout of github.com/dariok/page2tei)")
    from toolkit.convert import convert_text

    memos = sorted((ROOT / "tests" / "fixtures" / "memos").glob("*.txt"))
    texts = [p.read_bytes() for p in memos] * 20
    start = time.perf_counter()
    for text in texts:
        convert_text(text, "m.txt")
    memo = time.perf_counter() - start
    memo_mb = sum(map(len, texts)) / 1e6
    print(f"{'  … teikit memo text → TEI, per MB':<44} {memo / memo_mb:7.2f} s/MB  "
          f"(recognition: {ours / size:.2f} s/MB)")
