"""Checks: the schema a file names (or tei_all, or teikit's profile) plus the rules
that fit it. Files are read and parsed here (XInclude resolved), checked against their
schemas in batches (one jing run per RELAX NG schema), then against their rule set."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from ..errors import TeikitError, UsageError
from ..xinclude import Assembly, assemble, has_includes
from ..xmlio import parse_xml, read_bytes
from .choice import RULE_SETS, Choice, choose, is_profile
from .diagnostics import ERROR, INFO, WARNING, Diagnostic, Locator, to_json
from .edition import Edition, edition_root
from .rules import RULES, run_rules
from .schema import check_xsd, checked_bytes, start_rng
from .schematron import Run as SchematronRun
from .schematron import rule_set

__all__ = ["Diagnostic", "validate_tree", "validate_file", "validate_paths", "collect_xml",
           "to_json", "RULES", "ERROR", "WARNING", "INFO", "PROFILES", "Source", "read_source",
           "Checked", "check_sources", "Edition", "edition_root"]

PROFILES = RULE_SETS


@dataclass
class Source:
    """A file as read for checking: its tree (XInclude resolved), bytes and text."""
    name: str
    tree: etree._ElementTree
    data: bytes
    text: str
    assembly: Assembly | None = None


@dataclass
class Checked:
    name: str
    choice: Choice | None  # None: the file could not be read or parsed
    diagnostics: list[Diagnostic]

    @property
    def unreadable(self) -> str:
        """Why the file could not be read at all ('' when it could: it may still be
        malformed, which is a finding like any other)."""
        first = self.diagnostics[0] if self.choice is None and self.diagnostics else None
        return first.message if first is not None and first.rule == "unreadable" else ""


def read_source(path: str | Path, root: str | None = None, xinclude: bool = True) -> Source:
    """Read and parse one file, resolving its XIncludes inside `root` (raises TeikitError)."""
    name = str(path)
    data = read_bytes(path)
    tree = parse_xml(data, name)
    assembly = assemble(tree, name, data, root) if xinclude and has_includes(tree) else None
    return Source(name, tree, data, data.decode("utf-8", "replace"), assembly)


def check_sources(sources: list[Source], schema: str | None = None, rules: str | None = None,
                  edition: Edition | None = None, schematron: str | None = None,
                  embedded: bool = True, phase: str | None = None) -> list[Checked]:
    """Schemas and rules for parsed files: each one's choice and its findings, in order.
    jing (one process per RELAX NG schema) and the Schematron worker (one per rule set)
    work in their own processes while teikit's rules run here."""
    choices = [choose(s.tree, s.name, schema, rules, schematron, embedded) for s in sources]
    locs = [Locator(s.tree, s.text, s.name, s.assembly) for s in sources]
    found: list[list[Diagnostic]] = [[] for _ in sources]
    relax: dict[tuple[str, str], list[int]] = {}
    rule_sets: dict[tuple[str, bool], list[int]] = {}
    # a schema many files name and that is not here is said once, at the first of them
    # (a manuscript's 463 page files all name it): how many more name it, on the line
    said: dict[str, tuple[int, int]] = {}  # message -> (file, its index in found[file])
    more: dict[str, int] = {}
    for i, (source, choice) in enumerate(zip(sources, choices, strict=True)):
        for line, message in choice.warnings:
            if message in said:
                more[message] = more.get(message, 0) + 1
                continue
            said[message] = (i, len(found[i]))
            found[i].append(Diagnostic(source.name, line, 1, WARNING, "xml-model", message))
        for grammar in choice.grammars:
            if grammar.kind != "xsd":
                relax.setdefault((grammar.path, grammar.kind), []).append(i)
        for rules_from in choice.schematron:
            rule_sets.setdefault((rules_from.path, rules_from.embedded), []).append(i)
    for message, n in more.items():
        i, k = said[message]
        found[i][k] = replace(found[i][k], message=f"{message} (and so for {n} more "
                              f"{'file' if n == 1 else 'files'} naming it: said once)")
    # what the other processes read (an assembled tree serialized): only for their files
    inputs = {i: checked_bytes(sources[i].tree, locs[i], sources[i].data)
              for members in [*relax.values(), *rule_sets.values()] for i in members}
    running: list = []
    try:
        for (path, kind), members in relax.items():
            batch = [(sources[i].tree, locs[i], inputs[i]) for i in members]
            running.append((members, path, start_rng(batch, path, kind == "rnc")))
        for (path, inside), members in rule_sets.items():
            ruled = rule_set(path, inside)
            if ruled is not None:
                running.append((members, path, SchematronRun(
                    ruled, [inputs[i] for i in members], [locs[i] for i in members], phase)))
        for i, (source, choice) in enumerate(zip(sources, choices, strict=True)):
            for grammar in choice.grammars:  # XSD here, while the others work
                if grammar.kind == "xsd":
                    own = None if is_profile(grammar.path) else grammar.path
                    found[i] += [replace(d, schema=grammar.path)
                                 for d in check_xsd(source.tree, locs[i], own)]
            found[i] += run_rules(source.tree, locs[i], choice.rules, edition)
        for members, path, answer in running:
            for i, diags in zip(members, answer.findings(), strict=True):
                found[i] += [d if d.schema else replace(d, schema=path) for d in diags]
    finally:
        for _, _, answer in running:
            answer.close()
    return [Checked(s.name, c, sorted(f, key=lambda d: (d.file != s.name, d.file, d.line,
                                                         d.col, d.rule)))
            for s, c, f in zip(sources, choices, found, strict=True)]


def validate_tree(tree: etree._ElementTree, name: str, source: str = "",
                  schema: str | None = None, profile: str | None = None,
                  data: bytes | None = None, edition: Edition | None = None,
                  assembly: Assembly | None = None) -> list[Diagnostic]:
    """One parsed file's findings (schema and rule set chosen as for `teikit validate`)."""
    if data is None:
        data = source.encode("utf-8") if source else etree.tostring(tree, encoding="UTF-8")
    text = source or data.decode("utf-8", "replace")
    return check_sources([Source(name, tree, data, text, assembly)], schema, profile,
                         edition)[0].diagnostics


def validate_file(path: str | Path, schema: str | None = None, profile: str | None = None
                  ) -> list[Diagnostic]:
    return validate_paths([path], schema, profile)[0].diagnostics


BATCH = 1000  # files read and checked together: one jing start per batch and schema


def validate_paths(paths: list[str | Path], schema: str | None = None, rules: str | None = None,
                   xinclude: bool = True, root: str | None = None, schematron: str | None = None,
                   embedded: bool = True, phase: str | None = None) -> list[Checked]:
    """Every file: a Checked each, never an exception for one bad file (a file that cannot
    be read is a Checked without a choice, its one error explaining why)."""
    root = root or edition_root([str(p) for p in paths])
    edition = Edition(root)
    results: list[Checked] = []
    for start in range(0, len(paths), BATCH):
        sources: list[Source] = []
        slots: list[int | Checked] = []
        for path in paths[start:start + BATCH]:
            try:
                sources.append(read_source(path, root, xinclude))
                slots.append(len(sources) - 1)
            except UsageError:
                raise
            except TeikitError as exc:
                loc = exc.location
                slots.append(Checked(str(path), None, [Diagnostic(
                    loc.file if loc else str(path), loc.line if loc else 0,
                    loc.col if loc else 0, ERROR, _kind_of(exc), exc.message)]))
        checked = check_sources(sources, schema, rules, edition, schematron, embedded, phase)
        results += [checked[slot] if isinstance(slot, int) else slot for slot in slots]
    return results


def _kind_of(exc: TeikitError) -> str:
    """The rule id a file's failure is reported under: unreadable, xinclude, well-formed."""
    return exc.kind or "well-formed"


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
