"""ISO Schematron: a project's standalone `.sch`, and the rules embedded in a RELAX NG or
XSD (every ODD-generated schema carries them, tei_all 90 patterns of them).

The rules are run by SchXslt2 (David Maus, MIT; vendored in xslt/schxslt2, version
1.3.4), a maintained XSLT 3.0 transpiler, on Saxon, in a worker process
(`schematron_worker`). Here, in teikit's own process, the schema is read with the hardened
parser, its `sch:include`s and `sch:extends/@href`s are resolved (local files only: a
schema comes with the file and may be hostile), XSLT it brings that could write or load
code is refused, and the result — one self-contained schema — is what the worker compiles.
Its XSLT is kept on disk, keyed by those bytes, the phase and SchXslt2's version, so a
schema is transpiled once, not per run; each run compiles it once for all its files.

Findings come back as SVRL; `fn:path()` locations are followed in the parsed tree to the
element a rule fired on, for its file, line and column.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from urllib.parse import unquote, urlparse

from lxml import etree

from ..errors import TeikitError, UsageError
from ..files import file_stamps, private_copies, user_cache
from ..resources import worker_environment
from ..xmlio import parse_xml, read_bytes
from . import catalog
from .diagnostics import ERROR, INFO, WARNING, Diagnostic, Locator

SCH = "http://purl.oclc.org/dsdl/schematron"
SVRL = "http://purl.oclc.org/dsdl/svrl"
XSL = "http://www.w3.org/1999/XSL/Transform"
XS = "http://www.w3.org/2001/XMLSchema"
VERSION = "schxslt2-1.3.4"
# top-level parts of a schema embedded in a grammar (anywhere in its annotations)
EMBEDDED = ("ns", "let", "pattern", "phase", "diagnostics", "properties")
# XSLT a schema may bring that could write files or pull in code from elsewhere
REFUSED = ("result-document", "import", "include", "import-schema", "use-package")
EXPRESSIONS = ("context", "test", "select", "value", "path")
SEVERITY = {"error": ERROR, "fatal": ERROR, "warning": WARNING, "warn": WARNING,
            "nonfatal": WARNING, "info": INFO, "information": INFO}


@dataclass(frozen=True)
class RuleSet:
    """Schematron rules from one schema file, ready for the worker."""
    source: str  # the schema file they come from
    embedded: bool  # rules embedded in a grammar, or a Schematron file
    text: str  # one self-contained schema (includes resolved)
    labels: tuple[tuple[str, str], ...]  # (rule context, pattern id): the findings' tag
    phases: tuple[str, ...]
    places: tuple[tuple[str, str, int], ...]  # (expression, file, line): for compile errors

    def key(self, phase: str) -> str:
        return hashlib.sha256(f"{VERSION}\0{phase}\0{self.text}".encode()).hexdigest()

    def label(self, context: str) -> str:
        return next((pattern for ctx, pattern in self.labels if ctx == context and pattern),
                    context)

    def where(self, message: str) -> tuple[str, int]:
        """The schema file and line of the expression a compile error quotes (Saxon quotes
        it as compiled: an assert's test inside not(…), long ones cut with "...")."""
        m = re.search(r"\{(.+?)\}(?= at | in )", message)
        pieces = [" ".join(p.split()) for p in (m.group(1) if m else "").split("...")]
        pieces = [p for p in pieces if len(p) >= 3]
        best: tuple[int, str, int] | None = None
        for expression, file, line in self.places:
            flat = " ".join(expression.split())
            if len(flat) >= 3 and any(flat in p or p in flat for p in pieces):
                if best is None or len(flat) > best[0]:
                    best = (len(flat), file, line)
        return (best[1], best[2]) if best else (self.source, 1)


def compile_message(message: str) -> str:
    """Saxon's compile error without the generated stylesheet's places: the code, what
    is wrong, and the expression."""
    m = re.search(r"\b([A-Z]{4}\d{4})\s+(.+)$", message)
    quoted = re.search(r"\{(.+?)\}(?= at | in )", message)
    if not m:
        return message
    return f"{m.group(1)} {m.group(2).strip()}" + (f" in {{{quoted.group(1)}}}" if quoted else "")


_kept: dict[tuple[str, bool], tuple[list[str], tuple, RuleSet | None]] = {}


def rule_set(path: str, embedded: bool) -> RuleSet | None:
    """The rules of a Schematron file, or embedded in a grammar (None: it holds none);
    read again when the file or anything it includes has changed (`teikit serve`)."""
    key = (os.path.realpath(path), embedded)
    kept = _kept.get(key)
    if kept is not None and kept[1] == file_stamps(kept[0]):
        return kept[2]
    origin: dict[etree._Element, tuple[str, int]] = {}
    found = _read_rules(key[0], embedded, origin)
    files = sorted({key[0], *(file for file, _ in origin.values())})
    _kept[key] = (files, file_stamps(files), found)
    return found


def _read_rules(path: str, embedded: bool, origin: dict) -> RuleSet | None:
    tree = parse_xml(read_bytes(path), path)
    root = tree.getroot()
    if embedded:
        schema = etree.Element(f"{{{SCH}}}schema", nsmap={"sch": SCH},
                               queryBinding="xslt2")
        for el in root.iter(etree.Element):
            ns, local = etree.QName(el).namespace, etree.QName(el).localname
            parent = el.getparent()
            outer = parent is not None and etree.QName(parent).namespace in (SCH, XSL)
            if not outer and ((ns == SCH and local in EMBEDDED) or
                              (ns == XSL and local in ("key", "function"))):
                schema.append(_copy(el, origin, path))
        if not len(schema.findall(f"{{{SCH}}}pattern")):
            return None
        # embedded rules use the prefixes the grammar declares (an XSD's xmlns:tei), as
        # oXygen reads them; sch:ns elements among them come first
        declared = {ns.get("prefix") for ns in schema.iter(f"{{{SCH}}}ns")}
        for el in list(schema):
            for prefix, uri in (el.nsmap or {}).items():
                if prefix and prefix not in declared and uri not in (SCH, XSL):
                    schema.insert(0, etree.Element(f"{{{SCH}}}ns", prefix=prefix, uri=uri))
                    declared.add(prefix)
    else:
        if root.tag != f"{{{SCH}}}schema":
            raise UsageError("not an ISO Schematron schema (the root must be <sch:schema> in "
                             f"{SCH})", path)
        schema = _copy(root, origin, path)
    _resolve_includes(schema, path, origin, frozenset({path}))
    _refuse_code(schema, origin)
    seen_ns = {ns.get("prefix") for ns in schema.findall(f"{{{SCH}}}ns")}
    for ns in list(schema.findall(f"{{{SCH}}}ns")):  # embedded: one declaration a prefix
        if ns.get("prefix") in seen_ns:
            seen_ns.discard(ns.get("prefix"))
        else:
            schema.remove(ns)
    if not any(ns.get("prefix") == "xs" for ns in schema.findall(f"{{{SCH}}}ns")):
        # the ISO skeleton and SchXslt 1 declare xs: in the XSLT they write, and schemas
        # rely on it (Schnitzler's `xs:date(@when)`); SchXslt2 does not
        schema.insert(0, etree.Element(f"{{{SCH}}}ns", prefix="xs", uri=XS))
    labels = []
    patterns = {p.get("id"): p for p in schema.iter(f"{{{SCH}}}pattern") if p.get("id")}
    for pattern in schema.iter(f"{{{SCH}}}pattern"):
        params = {p.get("name", ""): p.get("value", "") for p in
                  pattern.findall(f"{{{SCH}}}param")}
        model = patterns.get(pattern.get("is-a") or "", pattern)  # an abstract pattern's use
        for rule in model.iter(f"{{{SCH}}}rule"):
            context = rule.get("context", "")
            for name in sorted(params, key=len, reverse=True):
                context = context.replace("$" + name, params[name])
            labels.append((context, pattern.get("id", "")))
    places = [(el.get(attr, ""), *origin.get(el, (path, el.sourceline or 1)))
              for el in schema.iter(etree.Element) for attr in EXPRESSIONS if el.get(attr)]
    return RuleSet(path, embedded, etree.tostring(schema, encoding="unicode"), tuple(labels),
                   tuple(p.get("id", "") for p in schema.findall(f"{{{SCH}}}phase")),
                   tuple(places))


def _copy(el: etree._Element, origin: dict, path: str) -> etree._Element:
    """A deep copy that remembers the file and line each element came from. Made by
    serializing, not copy.deepcopy: that drops namespace declarations no element name uses,
    and rules use theirs only inside XPath (`context="tei:note"`)."""
    copied = etree.fromstring(etree.tostring(el))
    for old, new in zip(el.iter(etree.Element), copied.iter(etree.Element), strict=True):
        origin[new] = origin.get(old, (path, old.sourceline or 1))
    return copied


def _resolve_includes(schema: etree._Element, path: str, origin: dict,
                      seen: frozenset[str]) -> None:
    """sch:include (the element it points to) and sch:extends/@href (the rule's content),
    from local files only, in place."""
    for el in list(schema.iter(f"{{{SCH}}}include", f"{{{SCH}}}extends")):
        href = el.get("href")
        if not href or el.getparent() is None:
            continue
        file, line = origin.get(el, (path, el.sourceline or 1))
        target, fragment = _local(href, file, line)
        if target in seen:
            raise UsageError(f"the schema includes {href}, which includes it again", file,
                             line)
        tree = parse_xml(read_bytes(target), target)
        found = tree.getroot()
        if fragment:
            found = next((e for e in tree.iter(etree.Element) if fragment in
                          (e.get("id"), e.get("{http://www.w3.org/XML/1998/namespace}id"))),
                         None)
            if found is None:
                raise UsageError(f"{href}: no element with the id {fragment!r}", file, line)
        part = _copy(found, origin, target)
        _resolve_includes(part, target, origin, seen | {target})
        parent = el.getparent()
        if el.tag == f"{{{SCH}}}extends":
            if part.tag != f"{{{SCH}}}rule":
                raise UsageError(f"sch:extends/@href {href} must point to a sch:rule", file,
                                 line)
            replacement = list(part)
        else:
            replacement = [part]
        at = parent.index(el)
        parent.remove(el)
        for offset, node in enumerate(replacement):
            parent.insert(at + offset, node)


def _local(href: str, file: str, line: int) -> tuple[str, str]:
    """The local file (and fragment) an include points to: a URL only through a catalog."""
    ref, _, fragment = href.partition("#")
    if catalog.is_remote(ref):
        mapped = catalog.resolve(ref)
        if mapped is None:
            raise UsageError(f"the schema includes {ref}, which is not a local file and no "
                             "catalog maps it (teikit fetches nothing)", file, line)
        return mapped, fragment
    parsed = urlparse(ref)
    local = unquote(parsed.path) if parsed.scheme == "file" else \
        os.path.join(os.path.dirname(file), unquote(ref))
    if not ref:
        return file, fragment
    if not os.path.isfile(local):
        raise UsageError(f"the schema includes {href}, which is not here", file, line)
    return os.path.realpath(local), fragment


def _refuse_code(schema: etree._Element, origin: dict) -> None:
    for el in schema.iter(*(f"{{{XSL}}}{name}" for name in REFUSED)):
        file, line = origin.get(el, ("", el.sourceline or 1))
        raise UsageError(f"the schema holds xsl:{etree.QName(el).localname}, which teikit "
                         "does not run (a schema may not write files or load code)", file, line)


def cache_dir() -> str:
    return str(user_cache("schematron"))


def check_phase(rules: RuleSet, phase: str | None) -> str:
    """The phase to run: --phase when the schema defines it (or #ALL/#DEFAULT), the
    schema's default otherwise; a phase it does not define is a usage error when it
    defines others."""
    if not phase or phase in ("#ALL", "#DEFAULT"):
        return phase or "#DEFAULT"
    if phase in rules.phases:
        return phase
    if rules.phases:
        raise UsageError(f"the schema has no phase {phase!r} (it has: "
                         f"{', '.join(rules.phases)})", rules.source)
    return "#ALL"


class Run:
    """One worker process over a batch of documents, started at once and read when
    `findings` is called. A document whose rules run longer than `limit` seconds gets one
    error line; the worker is stopped and a new one goes on with the next document."""

    def __init__(self, rules: RuleSet, documents: list[bytes], locs: list[Locator],
                 phase: str | None = None, limit: float | None = None):
        self.rules = rules
        self.locs = locs  # where each document's elements stand, to place the findings
        self.phase = check_phase(rules, phase)
        self.count = len(documents)
        self.limit = limit
        self.folder, self.names = private_copies(documents, "teikit-sch-")
        self.sizes = [len(d) for d in documents]
        self.process: subprocess.Popen | None = None
        try:
            if documents:
                self._start(0)
        except BaseException:
            self.close()
            raise

    def _start(self, first: int) -> None:
        job = {"schema": self.rules.text, "key": self.rules.key(self.phase),
               "cache": cache_dir(), "phase": self.phase, "files": self.names[first:]}
        self.first = first
        self.buffer = b""
        self.errors = tempfile.TemporaryFile()
        env = worker_environment()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "toolkit.validate.schematron_worker"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors,
                cwd=self.folder, env=env)
            assert self.process.stdin is not None
            self.process.stdin.write(json.dumps(job).encode())
            self.process.stdin.close()
        except OSError as exc:
            raise TeikitError(f"cannot start the Schematron worker: {exc.strerror}",
                              self.rules.source) from None

    def _line(self, seconds: float) -> dict | None:
        """The worker's next answer, or None when it gave none in time (or ended)."""
        assert self.process is not None and self.process.stdout is not None
        deadline = time.monotonic() + seconds
        fd = self.process.stdout.fileno()
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                return None
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return None
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return json.loads(line)

    def _limit(self, i: int) -> float:
        return self.limit if self.limit is not None else 60 + 30 * self.sizes[i] / 2**20

    def findings(self) -> list[list[Diagnostic]]:
        """Each document's findings (waits for the worker)."""
        locs = self.locs
        out: list[list[Diagnostic]] = [[] for _ in range(self.count)]
        try:
            i = 0
            while i < self.count:
                if self.process is None:
                    self._start(i)
                if i == self.first:
                    ready = self._line(120)
                    if ready is None or "broken" in ready:
                        self._broken(ready)
                answer = self._line(self._limit(i))
                if answer is None:
                    out[i] = [self._stopped(locs[i], i)]
                    self._stop()
                    self.process = None
                elif "svrl" in answer:
                    out[i] = from_svrl(answer["svrl"], locs[i], self.rules)
                else:
                    out[i] = [Diagnostic(locs[i].name, 1, 1, ERROR, "sch", (
                        f"the Schematron rules of {self.rules.source} could not be run: "
                        f"{answer.get('error', '')}"))]
                i += 1
        finally:
            self.close()
        return out

    def _stopped(self, loc: Locator, i: int) -> Diagnostic:
        ended = self.process is not None and self.process.poll() is not None
        why = "the Schematron worker ended" if ended else \
            f"the Schematron rules did not finish within {self._limit(i):.0f} s (a rule that loops?)"
        return Diagnostic(loc.name, 1, 1, ERROR, "sch", f"{why}: the rules of "
                          f"{self.rules.source} were not run to the end on this file")

    def _broken(self, ready: dict | None) -> None:
        if ready is None:
            self.errors.seek(0)
            said = self.errors.read().decode("utf-8", "replace").strip().splitlines()
            raise TeikitError("the Schematron worker failed: " + (said[-1] if said else
                                                                  "no answer"), self.rules.source)
        message = ready["broken"]
        file, line = self.rules.where(message)
        raise UsageError(f"the Schematron rules do not compile: {compile_message(message)}",
                         file, line)

    def _stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
        if self.process is not None:
            self.process.wait()
            if self.process.stdout is not None:
                self.process.stdout.close()
            self.errors.close()

    def close(self) -> None:
        self._stop()
        shutil.rmtree(self.folder, ignore_errors=True)


STEP = re.compile(r"/(?:Q\{(?P<ns>[^}]*)\}(?P<local>[^\[/]+)|(?P<other>[^\[/]+))"
                  r"(?:\[(?P<n>\d+)\])?")


def node_at(tree: etree._ElementTree, path: str) -> etree._Element | None:
    """The element an fn:path() location names (for an attribute or a text node, the
    element holding it)."""
    node: etree._Element | None = None
    for m in STEP.finditer(path):
        if m.group("local") is None:
            break  # @attribute, text(), comment(): the element so far is the answer
        tag = f"{{{m.group('ns')}}}{m.group('local')}" if m.group("ns") else m.group("local")
        nth = int(m.group("n") or 1)
        if node is None:
            root = tree.getroot()
            node = root if root.tag == tag and nth == 1 else None
        else:
            same = [c for c in node if c.tag == tag]
            node = same[nth - 1] if 0 < nth <= len(same) else None
        if node is None:
            return None
    return node


def from_svrl(svrl: str, loc: Locator, rules: RuleSet) -> list[Diagnostic]:
    """SVRL's failed asserts, successful reports and errors as teikit's findings."""
    report = etree.fromstring(svrl.encode("utf-8"))
    found = []
    context = ""
    for el in report:
        local = etree.QName(el).localname
        if local == "fired-rule":
            context = el.get("context", "")
        elif local in ("failed-assert", "successful-report"):
            text = " ".join("".join(el.findtext(f"{{{SVRL}}}text") or "").split())
            details = [" ".join("".join(d.itertext()).split())
                       for d in el.findall(f"{{{SVRL}}}diagnostic-reference")]
            message = text + "".join(f" ({d})" for d in details if d)
            if not message:
                message = ("assertion failed: " if local == "failed-assert" else "report: ") + \
                    el.get("test", "")
            role = (el.get("role") or el.get("flag") or "error").lower()
            severity = SEVERITY.get(role, ERROR)
            tag = f"sch:{rules.label(context)}"
            target = node_at(loc.tree, el.get("location", ""))
            if target is None:
                found.append(Diagnostic(loc.name, 1, 1, severity, tag, message,
                                        schema=rules.source))
            else:
                placed = loc.at(target, severity, tag, message)
                found.append(Diagnostic(placed.file, placed.line, placed.col, severity, tag,
                                        message, placed.xpath, rules.source))
        elif local == "error":
            found.append(Diagnostic(loc.name, 1, 1, ERROR, "sch", (
                f"a Schematron rule of {rules.source} failed ({el.get('code', '')}): "
                f"{' '.join((el.text or '').split())}; the rules after it were not run"),
                schema=rules.source))
    return found
