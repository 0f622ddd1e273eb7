"""Checks: our TEI profile (or the user's schema) plus the editorial rules."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import TeikitError, UsageError
from ..xmlio import parse_xml, read_bytes
from .diagnostics import ERROR, WARNING, Diagnostic, Locator, to_json
from .rules import RULES, run_rules
from .schema import check_schema

__all__ = ["Diagnostic", "validate_tree", "validate_file", "collect_xml", "to_json", "RULES",
           "ERROR", "WARNING", "PROFILES"]

PROFILES = ("teikit", "frus")


def validate_tree(tree: etree._ElementTree, name: str, source: str = "",
                  schema: str | None = None, profile: str = "teikit") -> list[Diagnostic]:
    if not source:
        source = etree.tostring(tree, encoding="unicode")
    loc = Locator(tree, source, name)
    found = check_schema(tree, loc, schema)
    found += run_rules(tree, loc, profile)
    return sorted(found, key=lambda d: (d.line, d.col, d.rule))


def validate_file(path: str | Path, schema: str | None = None, profile: str = "teikit"
                  ) -> list[Diagnostic]:
    name = str(path)
    data = read_bytes(path)
    try:
        tree = parse_xml(data, name)
    except TeikitError as exc:
        loc = exc.location
        return [Diagnostic(name, loc.line if loc else 0, loc.col if loc else 0, ERROR,
                           "well-formed", exc.message)]
    return validate_tree(tree, name, data.decode("utf-8", "replace"), schema, profile)


def collect_xml(paths: list[str]) -> list[Path]:
    """Files named, and every *.xml below the folders named, in a stable order."""
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            # everything named *.xml but folders: a FIFO or socket there is reported, not skipped
            found.extend(sorted(q for q in p.rglob("*.xml") if not q.is_dir()))
        elif p.exists():
            found.append(p)
        else:
            raise UsageError("no such file or folder", raw)
    return found
