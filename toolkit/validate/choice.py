"""Which schemas a file is checked against, and which rule set fits it.

Grammars (RELAX NG, XSD), in this order: the schema asked for (`--schema NAME|FILE`);
else every schema the file names — `<?xml-model?>` instructions and the TEI namespace's
entry of `xsi:schemaLocation` (or `xsi:noNamespaceSchemaLocation`) — local files beside
it, URLs through the XML catalogs (TEI's published tei_all addresses mean the bundled
copy; teikit's profile by its file name); else tei_all. Schematron: a `.sch` the file
names (or `--schematron FILE`), the rules embedded in a grammar the file names as
Schematron, and the rules embedded in every grammar used (tei_all's among them) unless
switched off. A file is valid only when every one of them passes. A schema named that is
not here, or remote and mapped by no catalog (teikit fetches nothing), is one warning
naming what was used instead. The rule set follows the schema: teikit's house rules for
teikit's profile, the generic TEI rules for anything else, unless asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from ..errors import TeikitError, UsageError
from ..resources import schema_path
from ..xmlio import parse_xml, read_bytes
from . import catalog
from .schematron import rule_set

TEI_ALL, PROFILE = "tei_all", "teikit"
NAMES = {TEI_ALL: "tei_all.rng", PROFILE: "teikit.xsd"}
RNG_NS = "http://relaxng.org/ns/structure/1.0"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
TEI_NS = "http://www.tei-c.org/ns/1.0"
SCHEMATRON_NS = ("http://purl.oclc.org/dsdl/schematron", "http://www.ascc.net/xml/schematron")
TEI_ALL_URL = re.compile(r"^https?://(www\.)?tei-c\.org/.*/tei_all\.(rng|rnc|xsd)$", re.I)
PSEUDO_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(["'])(.*?)\2""", re.S)
RULE_SETS = ("tei", "teikit", "frus")


@dataclass(frozen=True)
class Schema:
    path: str  # the schema file
    kind: str  # rng, rnc, xsd: a grammar; sch: Schematron rules (of a .sch, or embedded)
    label: str  # what -v prints: "tei_all (bundled)", "teikit profile", a path
    why: str  # --schema, --schematron, xml-model, xsi:schemaLocation, default, embedded
    embedded: bool = False  # sch: the rules embedded in the grammar at `path`

    def describe(self) -> str:
        what = f"rules embedded in {self.label}" if self.embedded else self.label
        return f"{'schematron' if self.kind == 'sch' else 'schema'} {what} ({self.why})"


@dataclass(frozen=True)
class Choice:
    schemas: tuple[Schema, ...]  # grammars first, then Schematron
    rules: str  # the rule set: tei, teikit or frus
    warnings: tuple[tuple[int, str], ...] = ()  # (line, message): schemas named, not usable

    @property
    def grammars(self) -> tuple[Schema, ...]:
        return tuple(s for s in self.schemas if s.kind != "sch")

    @property
    def schematron(self) -> tuple[Schema, ...]:
        return tuple(s for s in self.schemas if s.kind == "sch")

    @property
    def grammar(self) -> Schema | None:
        """The first grammar: what summaries name the run after (None: the file named
        grammars that are not here, for a root tei_all does not allow)."""
        return self.grammars[0] if self.grammars else None


def is_profile(path: str) -> bool:
    return path == str(schema_path(NAMES[PROFILE]))


def bundled(name: str, why: str = "default") -> Schema:
    path = str(schema_path(NAMES[name]))
    return Schema(path, _kind(path), f"{name} (bundled)" if name == TEI_ALL else
                  "teikit profile", why)


def xml_models(tree: etree._ElementTree) -> list[tuple[dict[str, str], int]]:
    """The <?xml-model?> instructions before the root: their pseudo-attributes and line."""
    root = tree.getroot()
    found = []
    for node in reversed(list(root.itersiblings(preceding=True))):
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            attrs = {m.group(1): m.group(3) for m in PSEUDO_ATTR.finditer(node.text or "")}
            found.append((attrs, node.sourceline or 1))
    return found


def choose(tree: etree._ElementTree, path: str, schema: str | None = None,
           rules: str | None = None, schematron: str | None = None,
           embedded: bool = True) -> Choice:
    """The schemas and rule set for one parsed file. `schematron`: a .sch to run instead
    of the one the file names; embedded=False: no Schematron at all."""
    if rules and rules not in RULE_SETS:
        raise UsageError(f"unknown rule set {rules!r}; choose from {', '.join(RULE_SETS)}")
    warnings: list[tuple[int, str]] = []
    given = [named_schematron(schematron)] if schematron else None
    grammars, named_rules, named = _named(tree, path, warnings, own_grammars=not schema,
                                          own_rules=embedded and given is None)
    if schema:
        grammars = [named_schema(schema, warnings)]
    if given is not None:
        named_rules = given
    instead = "validated against " + ("the other schemas it names" if grammars else
                                      "tei_all") + " instead"
    if not grammars and named and not tei_all_allows(tree.getroot()):
        # tei_all stands in for a missing schema only where it could answer: a page file
        # (<surface>, assembled into its manuscript by XInclude) would get nothing but
        # "not allowed here", in every file, for a schema the file never named
        instead = (f"its grammar is not checked (tei_all, which it does not name, allows "
                   f"no <{etree.QName(tree.getroot()).localname}> as the root)")
    else:
        grammars = grammars or [bundled(TEI_ALL)]
    checks: list[Schema] = []
    if embedded:
        for s in [*named_rules, *(_embedded(g) for g in grammars if g.kind in ("rng", "xsd"))]:
            if all((s.path, s.embedded) != (c.path, c.embedded) for c in checks) and \
                    _has_rules(s):
                checks.append(s)
    profile = bool(grammars) and is_profile(grammars[0].path)
    return Choice((*grammars, *checks), rules or ("teikit" if profile else "tei"),
                  tuple((line, message.replace("{instead}", instead))
                        for line, message in warnings))


def _embedded(grammar: Schema) -> Schema:
    return Schema(grammar.path, "sch", grammar.label, "embedded", True)


def _has_rules(schema: Schema) -> bool:
    return not schema.embedded or rule_set(schema.path, True) is not None


def named_schema(schema: str, warnings: list[tuple[int, str]] | None = None) -> Schema:
    """--schema: a bundled schema's name, or a file (XSD, RELAX NG, RELAX NG compact or an
    ODD, whose compiler's warnings — a pinned release, say — go to `warnings`)."""
    if schema in NAMES:
        return bundled(schema, "--schema")
    if not Path(schema).is_file():
        raise UsageError("no such schema file (or name: tei_all, teikit)", schema)
    kind = _kind(schema)
    if not kind:
        raise UsageError("a schema must be RELAX NG (.rng, .rnc), W3C XML Schema (.xsd) or "
                         "an ODD customisation (.odd)", schema)
    if kind == "odd":  # compiled on first use, cached (toolkit/odd)
        from ..odd import compiled_schema
        rng, notes = compiled_schema(schema)
        if warnings is not None:
            warnings += [(1, _odd_note(schema, note)) for note in notes]
        return Schema(rng, "rng", f"{schema} (ODD, compiled)", "--schema")
    screen(str(Path(schema).resolve()))
    return Schema(str(Path(schema).resolve()), kind, schema, "--schema")


def named_schematron(path: str) -> Schema:
    """--schematron: an ISO Schematron file (its rules are read now, so a broken one is
    one usage error before any file is checked)."""
    if not Path(path).is_file():
        raise UsageError("no such Schematron file", path)
    rule_set(path, False)
    return Schema(str(Path(path).resolve()), "sch", path, "--schematron")


def tei_all_allows(root: etree._Element) -> bool:
    """Could tei_all check a file with this root (its start: TEI or teiCorpus)?"""
    return root.tag in (f"{{{TEI_NS}}}TEI", f"{{{TEI_NS}}}teiCorpus")


def _named(tree: etree._ElementTree, path: str, warnings: list[tuple[int, str]],
           own_grammars: bool = True, own_rules: bool = True
           ) -> tuple[list[Schema], list[Schema], bool]:
    """The grammars and the Schematron the file names itself, whether it names any
    grammar (found or not), and a warning for each it names that cannot be used. Only what
    is not replaced is looked at: --schema replaces the grammars (own_grammars=False),
    --schematron or --no-schematron the Schematron."""
    named = False
    grammars: list[Schema] = []
    checks: list[Schema] = []
    for attrs, line in xml_models(tree):
        href = attrs.get("href", "").strip()
        ns = attrs.get("schematypens", "")
        is_sch = ns in SCHEMATRON_NS or (not ns and href.lower().endswith(".sch"))
        odd = _kind(href) == "odd" and ns in (RNG_NS, TEI_NS, "")  # (TEI Publisher's
        # xml-model names its ODD with the TEI namespace as schematypens)
        if not href or (is_sch and not own_rules) or (not is_sch and not odd and (
                not own_grammars or ns not in (RNG_NS, XSD_NS, "") or
                (not ns and not _kind(href)))) or (odd and not own_grammars):
            continue
        named = named or not is_sch
        found = _locate(href, path, line, warnings, "sch" if is_sch else "odd" if odd else
                        ("rng" if ns == RNG_NS else "xsd" if ns == XSD_NS else ""))
        if found is None:
            continue
        where, kind, label = found
        if is_sch:
            embedded = kind in ("rng", "xsd")
            checks.append(Schema(where, "sch", label, "xml-model", embedded))
        else:
            grammars.append(Schema(where, kind, label, "xml-model"))
    located = _schema_location(tree) if own_grammars else None
    if located is not None:
        href, line, why = located
        named = True
        found = _locate(href, path, line, warnings, "xsd", why)
        if found is not None:
            grammars.append(Schema(found[0], found[1], found[2], why))
    unique: list[Schema] = []
    for g in grammars:
        if all(g.path != u.path for u in unique):
            unique.append(g)
    return unique, checks, named


def _schema_location(tree: etree._ElementTree) -> tuple[str, int, str] | None:
    """xsi:schemaLocation's entry for the root's namespace, else its
    xsi:noNamespaceSchemaLocation: (href, line, which)."""
    root = tree.getroot()
    ns = etree.QName(root).namespace or ""
    pairs = (root.get(f"{{{XSI_NS}}}schemaLocation") or "").split()
    for space, href in zip(pairs[::2], pairs[1::2], strict=False):
        if space == (ns or TEI_NS):
            return href, root.sourceline or 1, "xsi:schemaLocation"
    plain = root.get(f"{{{XSI_NS}}}noNamespaceSchemaLocation")
    if plain and plain.strip():
        return plain.strip(), root.sourceline or 1, "xsi:noNamespaceSchemaLocation"
    return None


def _locate(href: str, path: str, line: int, warnings: list[tuple[int, str]], kind: str,
            why: str = "xml-model") -> tuple[str, str, str] | None:
    """(file, kind, label) of a schema a file names, or None with a warning saying why
    it cannot be used (and, once all are known, what was used instead)."""
    instead = "its rules are not run" if kind == "sch" else "{instead}"
    if Path(urlparse(href).path).name == NAMES[PROFILE] and kind != "sch":
        s = bundled(PROFILE, why)
        return s.path, s.kind, s.label
    if TEI_ALL_URL.match(href):
        s = bundled(TEI_ALL, why)
        return s.path, s.kind, s.label
    parsed = urlparse(href)
    if catalog.is_remote(href):
        mapped = catalog.resolve(href)
        if mapped is None:
            _not_here(warnings, line, f"the file names the schema {href}, which is not here "
                                      "and no XML catalog maps it (teikit fetches nothing)", instead)
            return None
        local = Path(mapped)
    else:
        local = Path(unquote(parsed.path)) if parsed.scheme == "file" else \
            Path(path).resolve().parent / unquote(href)
    found_kind = _kind(str(local)) or kind
    if kind == "sch" and local.suffix.lower() not in (".rng", ".xsd", ".odd", ".xml-odd"):
        found_kind = "sch"
    if not local.is_file() or not found_kind:
        _not_here(warnings, line, f"the file names the schema {href}, which is not here "
                                  f"({local})", instead)
        return None
    if found_kind == "sch":  # a Schematron that cannot be used is an error, not skipped
        rule_set(str(local), False)
        return str(local.resolve()), found_kind, href
    if found_kind == "odd":  # an ODD: its RELAX NG, compiled on first use and cached
        from ..odd import compiled_schema
        try:
            rng, notes = compiled_schema(str(local.resolve()))
        except TeikitError as exc:
            warnings.append((line, f"the schema {href} cannot be used ({exc}); " + instead))
            return None
        warnings += [(line, _odd_note(href, note)) for note in notes]
        return rng, "rng", f"{href} (ODD, compiled)"
    try:
        screen(str(local.resolve()))
    except TeikitError as exc:
        warnings.append((line, f"the schema {href} cannot be used ({exc.message}); "
                               + instead))
        return None
    return str(local.resolve()), found_kind, href


def _odd_note(odd: str, note: str) -> str:
    """A compiler warning about an ODD ("odd:line:col: warning: …"), as a finding of the
    file checked against it: which ODD, and where in it."""
    place, _, said = note.partition(": warning: ")
    return f"the ODD {odd} ({place.rsplit('/', 1)[-1]}): {said}"


def _not_here(warnings: list[tuple[int, str]], line: int, what: str, instead: str) -> None:
    """A schema that is not here, said once per file: named as RELAX NG and as Schematron
    (as ODD-generated schemas are), one warning says what follows for both."""
    for k, (first, said) in enumerate(warnings):
        if said.startswith(what + "; "):
            warnings[k] = (first, f"{said}; {instead}")
            return
    warnings.append((line, f"{what}; {instead}"))


def _kind(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return {".rng": "rng", ".rnc": "rnc", ".xsd": "xsd", ".odd": "odd",
            ".xml-odd": "odd"}.get(suffix, "")


RNG_REFS = etree.XPath("//rng:include/@href | //rng:externalRef/@href",
                       namespaces={"rng": RNG_NS})
RNC_REFS = re.compile(r"""\b(?:include|external)\s+["']([^"']+)["']""")
XSD_REFS = etree.XPath("//xs:include/@schemaLocation | //xs:import/@schemaLocation | "
                       "//xs:redefine/@schemaLocation", namespaces={"xs": XSD_NS})


@cache
def screen(path: str, seen: frozenset[str] = frozenset()) -> None:
    """A schema may only pull in local files: no URL, so no validator ever goes online
    (an XSD may name a URL an XML catalog maps to a local file; jing reads RELAX NG
    includes itself, so those must be local as written)."""
    data = read_bytes(path)
    kind = _kind(path)
    if kind == "rnc":
        refs = RNC_REFS.findall(data.decode("utf-8", "replace"))
    else:
        tree = parse_xml(data, path)
        refs = [str(r) for r in (RNG_REFS(tree) if kind == "rng" else XSD_REFS(tree))]
    for ref in refs:
        mapped = catalog.resolve(ref) if catalog.is_remote(ref) and kind == "xsd" else None
        if catalog.is_remote(ref) and mapped is None:
            raise UsageError(f"the schema includes {ref}, which is not a local file and no "
                             "XML catalog maps it" + (" (teikit fetches nothing; give a "
                             "catalog with --catalog, or download it beside the schema)"
                             if kind == "xsd" else " (teikit fetches nothing; download it "
                             "beside the schema)"), path)
        target = str(Path(mapped).resolve()) if mapped else \
            str((Path(path).parent / unquote(ref)).resolve())
        if target in seen:
            continue
        if not Path(target).is_file():
            raise UsageError(f"the schema includes {ref}, which is not here", path)
        screen(target, seen | {path})
