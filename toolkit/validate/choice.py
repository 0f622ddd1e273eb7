"""Which schema a file is validated against, and which rule set fits it.

In this order: the schema asked for (`--schema NAME|FILE`); else the schema the file
names in its own `<?xml-model?>` (a local file beside it; TEI's published tei_all
addresses mean the bundled copy; teikit's profile by its file name); else tei_all.
A schema the file names that is not here, or that is remote (teikit fetches nothing),
is one warning and tei_all instead. The rule set follows the schema: teikit's house
rules for teikit's profile, the generic TEI rules for anything else, unless asked.
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

TEI_ALL, PROFILE = "tei_all", "teikit"
NAMES = {TEI_ALL: "tei_all.rng", PROFILE: "teikit.xsd"}
RNG_NS = "http://relaxng.org/ns/structure/1.0"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
SCHEMATRON_NS = ("http://purl.oclc.org/dsdl/schematron", "http://www.ascc.net/xml/schematron")
TEI_ALL_URL = re.compile(r"^https?://(www\.)?tei-c\.org/.*/tei_all\.(rng|rnc|xsd)$", re.I)
PSEUDO_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(["'])(.*?)\2""", re.S)
RULE_SETS = ("tei", "teikit", "frus")


@dataclass(frozen=True)
class Choice:
    path: str  # the schema file
    kind: str  # rng, rnc or xsd
    label: str  # what -v prints: "tei_all (bundled)", "teikit profile", a path
    why: str  # "--schema", "xml-model" or "default"
    rules: str  # the rule set: tei, teikit or frus
    warning: tuple[int, str] | None = None  # (line, message): a schema named but not here

    @property
    def profile(self) -> bool:
        return self.path == str(schema_path(NAMES[PROFILE]))


def bundled(name: str) -> tuple[str, str, str]:
    path = str(schema_path(NAMES[name]))
    return path, _kind(path), f"{name} (bundled)" if name == TEI_ALL else "teikit profile"


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
           rules: str | None = None) -> Choice:
    """The schema and rule set for one parsed file."""
    if schema:
        where, kind, label = named_schema(schema)
        why, warning = "--schema", None
    else:
        (where, kind, label), why, warning = _from_model(tree, path)
    if rules and rules not in RULE_SETS:
        raise UsageError(f"unknown rule set {rules!r}; choose from {', '.join(RULE_SETS)}")
    is_profile = where == str(schema_path(NAMES[PROFILE]))
    return Choice(where, kind, label, why, rules or ("teikit" if is_profile else "tei"), warning)


def named_schema(schema: str) -> tuple[str, str, str]:
    """--schema: a bundled schema's name, or a file (XSD, RELAX NG or RELAX NG compact)."""
    if schema in NAMES:
        return bundled(schema)
    if not Path(schema).is_file():
        raise UsageError("no such schema file (or name: tei_all, teikit)", schema)
    kind = _kind(schema)
    if not kind:
        raise UsageError("a schema must be RELAX NG (.rng, .rnc) or W3C XML Schema (.xsd)",
                         schema)
    screen(str(Path(schema).resolve()))
    return str(Path(schema).resolve()), kind, schema


def _from_model(tree: etree._ElementTree, path: str
                ) -> tuple[tuple[str, str, str], str, tuple[int, str] | None]:
    for attrs, line in xml_models(tree):
        href = attrs.get("href", "").strip()
        ns = attrs.get("schematypens", "")
        if not href or ns in SCHEMATRON_NS:
            continue  # Schematron is not run (jing does not run it either)
        if ns not in (RNG_NS, XSD_NS, "") or (not ns and not _kind(href)):
            continue
        if Path(urlparse(href).path).name == NAMES[PROFILE]:
            return bundled(PROFILE), "xml-model", None
        if TEI_ALL_URL.match(href):
            return bundled(TEI_ALL), "xml-model", None
        parsed = urlparse(href)
        if parsed.scheme and parsed.scheme != "file" and len(parsed.scheme) > 1:
            return bundled(TEI_ALL), "default", (line, (
                f"the file names the schema {href}, which is not here (teikit fetches "
                "nothing); validated against tei_all instead"))
        local = Path(unquote(parsed.path)) if parsed.scheme == "file" else \
            Path(path).resolve().parent / unquote(href)
        kind = _kind(str(local)) or ("rng" if ns == RNG_NS else "xsd" if ns == XSD_NS else "")
        if not local.is_file() or not kind:
            return bundled(TEI_ALL), "default", (line, (
                f"the file names the schema {href}, which is not here ({local}); validated "
                "against tei_all instead"))
        try:
            screen(str(local.resolve()))
        except TeikitError as exc:
            return bundled(TEI_ALL), "default", (line, (
                f"the schema {href} cannot be used ({exc.message}); validated against "
                "tei_all instead"))
        return (str(local.resolve()), kind, href), "xml-model", None
    return bundled(TEI_ALL), "default", None


def _kind(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return {".rng": "rng", ".rnc": "rnc", ".xsd": "xsd"}.get(suffix, "")


RNG_REFS = etree.XPath("//rng:include/@href | //rng:externalRef/@href",
                       namespaces={"rng": RNG_NS})
RNC_REFS = re.compile(r"""\b(?:include|external)\s+["']([^"']+)["']""")
XSD_REFS = etree.XPath("//xs:include/@schemaLocation | //xs:import/@schemaLocation | "
                       "//xs:redefine/@schemaLocation", namespaces={"xs": XSD_NS})


@cache
def screen(path: str, seen: frozenset[str] = frozenset()) -> None:
    """A schema may only pull in local files: no URL, so no validator ever goes online."""
    data = read_bytes(path)
    kind = _kind(path)
    if kind == "rnc":
        refs = RNC_REFS.findall(data.decode("utf-8", "replace"))
    else:
        tree = parse_xml(data, path)
        refs = [str(r) for r in (RNG_REFS(tree) if kind == "rng" else XSD_REFS(tree))]
    for ref in refs:
        if urlparse(ref).scheme and len(urlparse(ref).scheme) > 1:
            raise UsageError(f"the schema includes {ref}, which is not a local file (teikit "
                             "fetches nothing; download it beside the schema)", path)
        target = str((Path(path).parent / unquote(ref)).resolve())
        if target in seen:
            continue
        if not Path(target).is_file():
            raise UsageError(f"the schema includes {ref}, which is not here", path)
        screen(target, seen | {path})
