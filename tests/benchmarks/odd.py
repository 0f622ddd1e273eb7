"""ODD compilation and validation against an ODD, next to the reference.

Reference: the TEI Stylesheets' own pipeline on saxonche, in a process of its own as an
editor runs it — odd2odd (defaultSource = the same P5 source), odd2relax, extract-isosch
(lang=en) — with its stylesheets compiled in that process. teikit: `teikit odd compile`, the
whole command, cold cache. Then the cost a cached ODD adds to `teikit validate FILE`:
`--schema X.odd` against `--schema X.rng` (the same schema, compiled), best of five runs each.

    python odd.py [ODD ...]      (default: the shared corpus's ODDs and tei_all.odd)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
REFERENCE = """
import sys
from saxonche import PySaxonProcessor
odd, p5, out, odds = sys.argv[1:5]
with PySaxonProcessor(license=False) as proc:
    x = proc.new_xslt30_processor()
    merge = x.compile_stylesheet(stylesheet_file=odds + "/odd2odd.xsl")
    merge.set_parameter("defaultSource", proc.make_string_value(p5))
    merge.transform_to_file(source_file=odd, output_file=out + ".odd")
    relax = x.compile_stylesheet(stylesheet_file=odds + "/odd2relax.xsl")
    relax.transform_to_file(source_file=out + ".odd", output_file=out + ".rng")
    sch = x.compile_stylesheet(stylesheet_file=odds + "/extract-isosch.xsl")
    sch.set_parameter("lang", proc.make_string_value("en"))
    sch.transform_to_file(source_file=out + ".odd", output_file=out + ".sch")
"""


def best(command: list[str], times: int, env: dict | None = None) -> float:
    found = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        found = min(found, time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command[:4])}…: {done.stderr.strip()[:300]}")
    return found


def odds_to_measure() -> list[tuple[Path, Path | None]]:
    """(ODD, a file its schema checks) pairs."""
    pairs = [(CORPUS / "odd" / "al-haqaiq-tei_periodical.odd",
              next((CORPUS / "facsimile" / "OpenArabicPE--journal_al-haqaiq" / "tei").glob("*i_3*"))),
             (CORPUS / "sga" / "data" / "odd" / "shelley-godwin-page.odd",
              next((CORPUS / "sga" / "data" / "tei").rglob("*-0003.xml"))),
             (CORPUS / "odd" / "tei_lite.odd", None),
             (ROOT / "tests" / "fixtures" / "odd" / "tei_all.odd",
              ROOT / "tests" / "fixtures" / "tei" / "dictionary.xml")]
    return [(o, f) for o, f in pairs if o.is_file()]


def odd_compilation(odds: list[tuple[Path, Path | None]]) -> None:
    from toolkit.resources import schema_path, xslt_path
    p5 = str(schema_path("p5subset.xml"))
    stylesheets = str(xslt_path("tei-stylesheets") / "odds")
    teikit = [sys.executable, "-m", "toolkit.cli"]
    print(f"{'ODD':32} {'Stylesheets':>12} {'teikit':>8} {'ratio':>6} "
          f"{'validate .rng':>14} {'.odd cached':>12} {'added':>8}")
    for odd, sample in odds:
        with tempfile.TemporaryDirectory() as work:
            env = {**os.environ, "XDG_CACHE_HOME": work}
            reference = best([sys.executable, "-c", REFERENCE, str(odd), p5,
                              f"{work}/ref", stylesheets], 1)
            ours = best([*teikit, "odd", "compile", str(odd), "-o", f"{work}/ours.rng"], 1, env)
            line = f"{odd.name[:32]:32} {reference:11.2f}s {ours:7.2f}s {reference / ours:5.2f}×"
            if sample is not None:
                as_rng = best([*teikit, "validate", "--schema", f"{work}/ours.rng",
                               str(sample)], 5, env)
                as_odd = best([*teikit, "validate", "--schema", str(odd), str(sample)], 5, env)
                line += f" {as_rng:13.3f}s {as_odd:11.3f}s {1000 * (as_odd - as_rng):6.0f}ms"
            print(line, flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    args = [Path(a) for a in sys.argv[1:]]
    odd_compilation([(a, None) for a in args] if args else odds_to_measure())
