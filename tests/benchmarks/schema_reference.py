"""The reference run teikit's schema-stack validation is measured against: the engines
driven directly, with nothing of teikit's — jing on a RELAX NG, xmlschema on an XSD,
SchXslt2 on Saxon (saxonche) for Schematron, a standalone .sch and/or the rules embedded
in a grammar. Prints how many findings each engine had.

    python schema_reference.py [--rng R] [--xsd X] [--sch S] [--embedded G] FILE...
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
SCH = "http://purl.oclc.org/dsdl/schematron"


def embedded(grammar: str) -> str:
    """A grammar's sch:pattern and sch:ns elements as one schema, its prefixes declared."""
    tree = etree.parse(grammar)
    parts = tree.xpath("//sch:ns | //sch:pattern", namespaces={"sch": SCH})
    have = {p.get("prefix") for p in parts if p.tag == f"{{{SCH}}}ns"}
    decl = "".join(f'<sch:ns prefix="{p}" uri="{u}"/>' for p, u in tree.getroot().nsmap.items()
                   if p and p not in have and "schematron" not in u)
    body = "".join(etree.tostring(p, encoding="unicode") for p in parts)
    return f'<sch:schema xmlns:sch="{SCH}" queryBinding="xslt2">{decl}{body}</sch:schema>'


def with_xs(text: str) -> str:
    """xs: declared, as the ISO skeleton and SchXslt 1 declare it."""
    root = etree.fromstring(text.encode())
    if not any(n.get("prefix") == "xs" for n in root.iter(f"{{{SCH}}}ns")):
        root.insert(0, etree.Element(f"{{{SCH}}}ns", prefix="xs",
                                     uri="http://www.w3.org/2001/XMLSchema"))
    return etree.tostring(root, encoding="unicode")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rng")
    ap.add_argument("--xsd")
    ap.add_argument("--sch", action="append", default=[])
    ap.add_argument("--embedded", action="append", default=[])
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    jing = None
    if args.rng:
        command = ["jing"] if shutil.which("jing") else None
        if command is None:
            from toolkit.validate.jing import _java
            command = _java()
        jing = subprocess.Popen([*command, args.rng, *args.files], stdout=subprocess.PIPE,
                                text=True)
    counts = {}
    if args.xsd:
        import xmlschema

        schema = xmlschema.XMLSchema11(args.xsd)
        counts["xmlschema"] = sum(len(list(schema.iter_errors(etree.parse(f))))
                                  for f in args.files)
    schemas = [with_xs(Path(s).read_text(encoding="utf-8")) for s in args.sch] + \
        [with_xs(embedded(g)) for g in args.embedded]
    if schemas:
        from saxonche import PySaxonProcessor

        proc = PySaxonProcessor(license=False)
        xslt = proc.new_xslt30_processor()
        transpiler = xslt.compile_stylesheet(
            stylesheet_file=str(ROOT / "xslt" / "schxslt2" / "transpile.xsl"))
        compiled = [xslt.compile_stylesheet(stylesheet_text=transpiler.transform_to_string(
            xdm_node=proc.parse_xml(xml_text=s))) for s in schemas]
        found = 0
        for f in args.files:
            doc = proc.parse_xml(xml_text=Path(f).read_text(encoding="utf-8"))
            for c in compiled:
                svrl = c.transform_to_string(xdm_node=doc)
                found += svrl.count("<svrl:failed-assert") + svrl.count("<svrl:successful-report")
        counts["schematron"] = found
    if jing is not None:
        out, _ = jing.communicate()
        counts["jing"] = sum(1 for line in out.splitlines() if ": error:" in line)
    print(counts)


if __name__ == "__main__":
    sys.exit(main())
