"""A finding about a document, placed precisely enough for an editor to act on it."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from lxml import etree

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Diagnostic:
    file: str
    line: int
    col: int
    severity: str
    rule: str
    message: str
    xpath: str = ""

    def text(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: [{self.rule}] {self.message}"


def to_json(diagnostics: list[Diagnostic], files: list[str], unreadable: list[dict]) -> str:
    """What a run found, with the files it checked and those it could not read."""
    return json.dumps({"files": files, "unreadable": unreadable,
                       "diagnostics": [asdict(d) for d in diagnostics]},
                      ensure_ascii=False, indent=2)


class Locator:
    """Line, column and a readable XPath for elements of one parsed document."""

    def __init__(self, tree: etree._ElementTree, source: str, name: str):
        self.tree = tree
        self.source = source
        self.lines = source.split("\n")
        self.name = name
        self._cols: dict[int, int] = {}

    def col(self, el: etree._Element) -> int:
        key = id(el)
        if key in self._cols:
            return self._cols[key]
        line = el.sourceline or 0
        if not (0 < line <= len(self.lines)):
            return 1
        local = etree.QName(el).localname
        nth = 0
        for other in el.itersiblings(preceding=True):
            if other.sourceline == line and isinstance(other.tag, str) and \
                    etree.QName(other).localname == local:
                nth += 1
        for anc in el.iterancestors():
            if anc.sourceline != line:
                break
        pattern = re.compile(rf"<(?:[\w.-]+:)?{re.escape(local)}(?=[\s/>])")
        found = list(pattern.finditer(self.lines[line - 1]))
        col = found[min(nth, len(found) - 1)].start() + 1 if found else 1
        self._cols[key] = col
        return col

    def xpath(self, el: etree._Element) -> str:
        steps = []
        node = el
        while node is not None and isinstance(node.tag, str):
            local = etree.QName(node).localname
            parent = node.getparent()
            if parent is None:
                steps.append(local)
            else:
                same = [c for c in parent if isinstance(c.tag, str) and c.tag == node.tag]
                steps.append(f"{local}[{same.index(node) + 1}]" if len(same) > 1 else local)
            node = parent
        return "/" + "/".join(reversed(steps))

    def at(self, el: etree._Element, severity: str, rule: str, message: str) -> Diagnostic:
        return Diagnostic(self.name, el.sourceline or 0, self.col(el), severity, rule, message,
                          self.xpath(el))
