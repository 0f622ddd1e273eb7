"""The process that runs Schematron rules: SchXslt2 turns a schema into XSLT, Saxon runs
it on each document and answers with SVRL, one JSON line per document.

It is a process of its own so that a rule that never ends can be stopped (Saxon cannot be
interrupted inside a Python process) and so that it works while jing and teikit's rules do.
Before any rule runs, Saxon is forbidden every resource (`allowedProtocols` empty): a
schema's doc(), unparsed-text(), collection() and xsl:source-document read nothing, local
or remote, and fail as a dynamic error that the report carries.

Protocol: one JSON object on standard input (schema: the self-contained Schematron text;
key and cache: where its XSLT is kept; phase; files: documents to check); on standard
output, {"ready": true} or {"broken": message}, then {"i": n, "svrl": text} or
{"i": n, "error": message} for each document in turn.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys

SCHXSLT = "{http://dmaus.name/ns/2023/schxslt}"
NO_ACCESS = ("http://saxon.sf.net/feature/allowedProtocols", "")


def _say(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


DECLARED = re.compile(rb"""^(<\?xml[^>]*?)\s+encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _text(data: bytes) -> str:
    """A document's text, decoded as its byte-order mark or XML declaration says (teikit
    has already parsed it so), without the encoding declaration: Saxon gets text, not
    bytes, and must not decode it again."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return DECLARED.sub(r"\1", data.decode(codec).encode("utf-8"), 1).decode("utf-8")
    m = DECLARED.match(data)
    return DECLARED.sub(rb"\1", data, 1).decode(m.group(2).decode("ascii") if m else "utf-8")


def _first_line(exc: Exception) -> str:
    lines = [ln.strip() for ln in str(exc).strip().splitlines() if ln.strip()]
    return " ".join(lines[:2]) if lines else type(exc).__name__


def _transpiled(proc, job: dict) -> str:
    """The validation XSLT for the schema: from the cache when it was made before."""
    cached = os.path.join(job["cache"], job["key"] + ".xsl") if job.get("cache") else ""
    if cached and os.path.isfile(cached):
        with open(cached, encoding="utf-8") as handle:
            return handle.read()
    from ..resources import xslt_path

    xslt = proc.new_xslt30_processor()
    # a rule that fails (an XPath error at run time, a refused doc()) is reported in the
    # SVRL as svrl:error instead of stopping Saxon
    xslt.set_parameter(SCHXSLT + "terminate-validation-on-error", proc.make_boolean_value(False))
    transpiler = xslt.compile_stylesheet(
        stylesheet_file=str(xslt_path("schxslt2/transpile.xsl")))
    proc.set_configuration_property(*NO_ACCESS)  # the schema came with the file: no reads
    transpiler.set_parameter(SCHXSLT + "phase",
                             proc.make_string_value(job.get("phase") or "#DEFAULT"))
    text = transpiler.transform_to_string(xdm_node=proc.parse_xml(xml_text=job["schema"]))
    if cached:
        from ..errors import TeikitError
        from ..files import write_atomic

        try:
            os.makedirs(job["cache"], exist_ok=True)
            write_atomic(cached, text)
        except (OSError, TeikitError):
            pass  # no cache this time: the schema is transpiled again next run
    return text


def main() -> int:
    job = json.loads(sys.stdin.read())
    from saxonche import PySaxonProcessor

    from ..render.saxon import PARSER_PROPERTY

    proc = PySaxonProcessor(license=False)
    for prop in ("maxElementDepth", "elementAttributeLimit"):
        proc.set_configuration_property(PARSER_PROPERTY + prop, "0")
    try:
        text = _transpiled(proc, job)
        proc.set_configuration_property(*NO_ACCESS)
        rules = proc.new_xslt30_processor().compile_stylesheet(stylesheet_text=text)
    except Exception as exc:
        _say({"broken": _first_line(exc)})
        return 0
    _say({"ready": True})
    for i, path in enumerate(job["files"]):
        try:
            with open(path, "rb") as handle:
                doc = proc.parse_xml(xml_text=_text(handle.read()))
            _say({"i": i, "svrl": rules.transform_to_string(xdm_node=doc)})
        except Exception as exc:
            _say({"i": i, "error": _first_line(exc)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
