"""Private URIs (`prefix:rest`) as a file's `listPrefixDef` spells them out: shared by the
pointer checks and the facsimile's page-image references."""

from __future__ import annotations

import re

from lxml import etree

from . import TEI_NS

T = "{" + TEI_NS + "}"


def expand(value: str, prefixes: list[tuple[str, re.Pattern, str]]) -> str:
    """A private URI (prefix:rest) as the file's listPrefixDef spells it out."""
    ident, _, rest = value.partition(":")
    for name, match, replacement in prefixes:
        if name == ident:
            m = match.fullmatch(rest)
            if m:
                return re.sub(r"\$(\d)", lambda g, m=m: m.group(int(g.group(1))) or "", replacement)
    return value


def prefix_defs(tree: etree._ElementTree) -> list[tuple[str, re.Pattern, str]]:
    found = []
    for pd in tree.iter(T + "prefixDef"):
        try:
            found.append((pd.get("ident") or "", re.compile(pd.get("matchPattern") or ""),
                          pd.get("replacementPattern") or ""))
        except re.error:
            continue  # a pattern Python cannot read is the schema's business, not ours
    return found
