"""A finding about a document, placed precisely enough for an editor to act on it."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from lxml import etree

ERROR, WARNING, INFO = "error", "warning", "info"  # info: said, never fails a check


@dataclass(frozen=True)
class Diagnostic:
    file: str
    line: int
    col: int
    severity: str
    rule: str
    message: str
    xpath: str = ""
    schema: str = ""  # the schema file a schema finding comes from (JSON carries it)

    def text(self) -> str:
        where = f" (in {self.xpath})" if self.xpath and self.rule == "schema" else ""
        return (f"{self.file}:{self.line}:{self.col}: {self.severity}: [{self.rule}] "
                f"{self.message}{where}")


def count(n: int, word: str, plural: str = "") -> str:
    """"1 error", "2 errors", "1,000 files", "3 entries": for the summaries people read."""
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


def to_json(diagnostics: list[Diagnostic], files: list[str], unreadable: list[dict],
            schemas: dict[str, dict] | None = None) -> str:
    """What a run found, with the files it checked (and the schema and rule set each one
    got) and those it could not read."""
    return json.dumps({"files": files, "unreadable": unreadable, "schemas": schemas or {},
                       "diagnostics": [asdict(d) for d in diagnostics]},
                      ensure_ascii=False, indent=2)


class Locator:
    """Line, column and a readable XPath for elements of one parsed document (and, in a
    document assembled by XInclude, the file each element came from)."""

    def __init__(self, tree: etree._ElementTree, source: str, name: str, assembly=None):
        self.tree = tree
        self.source = source
        self.name = name
        self.assembly = assembly if assembly is not None and assembly.assembled else None
        self._lines: dict[str, list[str]] = {name: source.split("\n")}
        self._cols: dict[etree._Element, int] = {}  # the element, not id(): ids are reused

    @property
    def lines(self) -> list[str]:
        return self._lines[self.name]

    def file(self, el: etree._Element) -> str:
        return self.assembly.file_of(el) if self.assembly is not None else self.name

    def _lines_of(self, file: str) -> list[str]:
        if file not in self._lines:
            self._lines[file] = self.assembly.sources.get(file, "").split("\n")
        return self._lines[file]

    def col(self, el: etree._Element) -> int:
        key = el
        if key in self._cols:
            return self._cols[key]
        lines = self._lines_of(self.file(el))
        line = el.sourceline or 0
        if not (0 < line <= len(lines)):
            return 1
        local = etree.QName(el).localname
        nth = 0
        for other in el.itersiblings(preceding=True):
            if other.sourceline == line and isinstance(other.tag, str) and \
                    etree.QName(other).localname == local:
                nth += 1
        pattern = re.compile(rf"<(?:[\w.-]+:)?{re.escape(local)}(?=[\s/>])")
        found = list(pattern.finditer(lines[line - 1]))
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
        return Diagnostic(self.file(el), el.sourceline or 0, self.col(el), severity, rule,
                          message, self.xpath(el))
