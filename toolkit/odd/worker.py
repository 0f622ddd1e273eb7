"""The process that runs the TEI Stylesheets on an ODD: odd2odd (the chain merged with its
source), then odd2relax (RELAX NG, the constraintSpecs embedded as Schematron).

A process of its own: teikit's own Saxon processor forbids every resource (its stylesheets
read nothing but their input), while these must read the P5 source and the chain's files. Here
Saxon may read local files and nothing else (`allowedProtocols` = file): a source that names a
web address fails, it is never fetched (compiler.py has already refused or mapped those).

Protocol: one JSON object on standard input {"odd": the prepared ODD, "p5": the P5 source,
"compiled": where to write the compiled ODD, "rng": where to write the RELAX NG, or ""};
on standard output one JSON object, {"ok": true} or {"error": message}.
"""

from __future__ import annotations

import json
import sys


def _message(exc: Exception) -> str:
    lines = [ln.strip() for ln in str(exc).strip().splitlines() if ln.strip()]
    return " ".join(lines[:2])[:500] if lines else type(exc).__name__


def run(job: dict) -> dict:
    """Compile one prepared ODD as the job says: {"ok": True} or {"error": message}."""
    from saxonche import PySaxonProcessor

    from ..resources import xslt_path
    odds = xslt_path("tei-stylesheets") / "odds"
    with PySaxonProcessor(license=False) as proc:
        proc.set_configuration_property("http://saxon.sf.net/feature/allowedProtocols", "file")
        xslt = proc.new_xslt30_processor()
        try:
            merge = xslt.compile_stylesheet(stylesheet_file=str(odds / "odd2odd.xsl"))
            merge.set_parameter("defaultSource", proc.make_string_value(job["p5"]))
            merge.transform_to_file(source_file=job["odd"], output_file=job["compiled"])
            if job["rng"]:
                relax = xslt.compile_stylesheet(stylesheet_file=str(odds / "odd2relax.xsl"))
                relax.transform_to_file(source_file=job["compiled"], output_file=job["rng"])
        except Exception as exc:  # noqa: BLE001 (any failure: one line back to teikit)
            return {"error": _message(exc)}
    return {"ok": True}


def main() -> None:
    """(The stylesheets' own messages, "die" among them, go to standard error, which
    compiler.py reads for the reason when the answer is an error.)"""
    print(json.dumps(run(json.loads(sys.stdin.read()))))


if __name__ == "__main__":
    main()
