"""An ODD chain, read locally and checked, compiled by the TEI Stylesheets (worker.py), cached.

The chain: `schemaSpec/@source` (and `@source` on a moduleRef or spec) names where the
specifications come from — nothing (the P5 source teikit ships), `tei:4.8.0` or a TEI address
of a release (the shipped source, with a warning naming both versions, unless `--p5` gives
that release), or a local file: a P5 source or compiled ODD as it is, an ODD customisation
compiled first (a customisation of a customisation). `moduleRef/@url` (a RELAX NG schema) and
`specGrpRef/@target` (specifications in another file) must be local files too. The prepared
ODD the Stylesheets see names every one of these by its absolute file address.

The cache key is the content of everything the result depends on: the ODD, every file of its
chain (a chained ODD by its own key), the P5 source and the compiler (the Stylesheets'
release and this module's rules), so an edit anywhere in the chain compiles again and a
second run reads `~/.cache/teikit/odd/KEY.rng`. A hit costs parsing the ODD and hashing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from .. import TEI_NS
from ..errors import TeikitError, UsageError
from ..files import file_stamps, user_cache, write_atomic
from ..resources import schema_path, worker_environment, xslt_path
from ..xinclude import Assembly, assemble, has_includes
from ..xmlio import parse_xml, read_bytes

T = "{" + TEI_NS + "}"
P5_VERSION = "4.9.0a"  # the release of the shipped p5subset.xml (schema/P5-SOURCE.md)
RULES = "1"  # this module's part of the cache key: raise when what it prepares changes
SPEC_NAMES = ("elementSpec", "classSpec", "macroSpec", "dataSpec")
SOURCED = ("schemaSpec", "moduleRef", "elementRef", "classRef", "macroRef", "dataRef",
           *SPEC_NAMES)
# the schemas the TEI's own ODDs name by address (schema/external/README.md)
EXTERNAL_URL = re.compile(r"^https?://(www\.)?tei-c\.org/(release|Vault/P5/[^/]+)/xml/tei/"
                          r"(Exemplars|custom/schema/relaxng)/(its|mathml2-main|relaxng|svg11)"
                          r"\.rng$")
RELEASE_URL = re.compile(r"^https?://(www\.)?tei-c\.org/(Vault/P5/([^/]+)|release)/xml/tei/odd/"
                         r"p5subset\.xml$")


@dataclass
class Compiled:
    rng: str  # the RELAX NG, constraints embedded as Schematron (a file in the cache)
    odd: str  # the compiled ODD (every spec the schema has, merged)
    warnings: list[str] = field(default_factory=list)  # "file:line:col: warning: …"
    cached: bool = False
    files: list[str] = field(default_factory=list)  # every file the result depends on


def is_odd(path: str) -> bool:
    """Is a schema named by this path an ODD (by its name: .odd, or .xml-odd as Roma saves)?"""
    return Path(urlparse(path).path).suffix.lower() in (".odd", ".xml-odd")


def compile_odd(path: str | Path, p5: str | None = None, rng: bool = True,
                in_process: bool = False) -> Compiled:
    """The RELAX NG and compiled ODD of a customisation (raises TeikitError, one line).
    `in_process`: run the Stylesheets in this process (`teikit odd compile`, which runs
    nothing else on Saxon: 0.3-0.5 s less than a worker's start); else in a worker, apart
    from the Saxon processor teikit renders with, which may read nothing."""
    if p5 is not None and not Path(p5).is_file():
        raise UsageError("no such P5 source file (give a p5subset.xml)", str(p5))
    return _Chain(p5, in_process).compile(Path(path).resolve(), (), rng)


def compiled_schema(path: str | Path, p5: str | None = None) -> tuple[str, list[str]]:
    """validate's way in: the cached RELAX NG of an ODD (compiled on first use), warnings.
    (Asked once per file that names the ODD: the answer is kept for the process while no
    file of the chain has changed — `teikit serve` keeps its workers from save to save.)"""
    key = (str(Path(path).resolve()), p5)
    held = _answers.get(key)
    if held is None or held[0] != file_stamps(held[1].files):
        done = compile_odd(path, p5)
        held = _answers[key] = (file_stamps(done.files), done)
    return held[1].rng, held[1].warnings


_answers: dict[tuple[str, str | None], tuple[tuple, Compiled]] = {}


@cache
def _digest(path: str, size: int, mtime: int) -> str:
    """A file's content hash (per process, per version of the file)."""
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def digest(path: str | Path) -> str:
    st = os.stat(path)
    return _digest(str(path), st.st_size, st.st_mtime_ns)


@cache
def _compiler_key() -> str:
    stylesheets = xslt_path("tei-stylesheets")
    return "|".join([(stylesheets / "VERSION").read_text().strip(), RULES, P5_VERSION])


SPEC_TAG = re.compile(rb"<(?:tei:)?(moduleSpec|elementSpec|classSpec|macroSpec|dataSpec)\b"
                      rb"([^>]*)>")
ATTRIBUTE = re.compile(rb"""\b(ident|module)\s*=\s*["']([^"']*)["']""")


@cache
def _index(source: str, size: int, mtime: int) -> tuple[frozenset[str], dict[str, str]]:
    """A source's modules, and its specifications' idents with their module. (Read from the
    start tags, not a parse: 4 MB of P5 source in 30 ms instead of 200.)"""
    modules: set[str] = set()
    specs: dict[str, str] = {}
    for tag in SPEC_TAG.finditer(read_bytes(source)):
        attrs = {k.decode(): v.decode("utf-8", "replace") for k, v in
                 ATTRIBUTE.findall(tag.group(2))}
        if not attrs.get("ident"):
            continue
        if tag.group(1) == b"moduleSpec":
            modules.add(attrs["ident"])
        else:
            specs.setdefault(attrs["ident"], attrs.get("module", ""))
    modules |= {m for m in specs.values() if m}
    return frozenset(modules), specs


def index(source: str) -> tuple[frozenset[str], dict[str, str]]:
    st = os.stat(source)
    return _index(source, st.st_size, st.st_mtime_ns)


def _place(data: bytes, el: etree._Element) -> tuple[int, int]:
    """Line and column of an element's start tag (libxml2 gives the line its start tag
    ends on: a tag written over several lines is looked for upwards)."""
    line = el.sourceline or 1
    lines = data.split(b"\n")
    pattern = re.compile(rf"<([\w.-]+:)?{re.escape(etree.QName(el).localname)}(?=[\s/>]|$)")
    for at in range(min(line, len(lines)), max(0, line - 40), -1):
        found = list(pattern.finditer(lines[at - 1].decode("utf-8", "replace")))
        if found:
            return at, found[-1].start() + 1
    return line, 1


class _Chain:
    """One compilation: the P5 source asked for, and the warnings gathered on the way."""

    def __init__(self, p5: str | None, in_process: bool = False):
        self.in_process = in_process
        self.p5 = str(Path(p5).resolve()) if p5 else str(schema_path("p5subset.xml"))
        self.given = p5 is not None
        self.warnings: list[str] = []
        self.assemblies: dict[str, Assembly] = {}  # an ODD's xi:includes, resolved
        self.names: dict[str, str] = {}  # a chained ODD's compiled file -> its own name
        self.files: list[str] = []  # every file read (what the cached answer depends on)

    def digest(self, path: str | Path) -> str:
        if str(path) not in self.files:
            self.files.append(str(path))
        return digest(path)

    def where(self, name: str, data: bytes, el: etree._Element) -> tuple[str, int, int]:
        assembly = self.assemblies.get(name)
        if assembly is not None:  # (an element an xi:include brought: its own file's place)
            name = assembly.file_of(el)
            data = assembly.sources.get(name, "").encode("utf-8") or data
        return (name, *_place(data, el))

    def warn(self, place: tuple[str, int, int], message: str) -> None:
        file, line, col = place
        said = f"{file}:{line}:{col}: warning: {message}"
        if said not in self.warnings:
            self.warnings.append(said)

    # ---- the chain

    def compile(self, path: Path, stack: tuple[Path, ...], rng: bool,
                named_at: tuple[str, int, int] | None = None) -> Compiled:
        name = str(path)
        if not path.is_file():
            file, line, col = named_at or (name, 0, 0)
            raise TeikitError(f"the ODD {name} is not here", file, line, col)
        data = read_bytes(path)
        tree = parse_xml(data, name)
        parts = [_compiler_key(), hashlib.sha256(data).hexdigest()]
        self.files.append(name)
        if has_includes(tree):  # (SGA's master ODD includes parts of its page ODD)
            assembly = assemble(tree, name, data, str(path.parent))
            self.assemblies[name] = assembly
            parts += [hashlib.sha256(text.encode()).hexdigest() for file, text in
                      sorted(assembly.sources.items()) if file != name]
            self.files += [file for file in assembly.sources if file != name]
        spec = next(tree.getroot().iter(T + "schemaSpec"), None)
        if spec is None:
            raise TeikitError("no <schemaSpec>: this is not an ODD customisation", name, 1, 1)
        default = self.p5  # (the source of the specs the ODD names no source for)
        parts.append(self.digest(default))
        sources: dict[etree._Element, str] = {}
        for el in spec.iter(*(T + n for n in SOURCED)):
            if el.get("source"):
                local = self._source(el, name, data, path, stack, parts)
                sources[el] = local
        files = self._local_files(spec, name, data, path, parts)
        key = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
        folder = user_cache("odd")
        out_rng, out_odd, out_notes = (folder / f"{key}.rng", folder / f"{key}.odd",
                                       folder / f"{key}.json")
        if out_odd.is_file() and (out_rng.is_file() or not rng) and out_notes.is_file():
            self.warnings += [w for w in json.loads(out_notes.read_text()) if w not in
                              self.warnings]
            return Compiled(str(out_rng), str(out_odd), list(self.warnings), True,
                            list(self.files))
        before = list(self.warnings)
        self._check(spec, name, data, sources, default)
        prepared = self._prepared(tree, spec, sources, files)
        self._run(prepared, default, out_odd, out_rng if rng else None, name, self.in_process)
        write_atomic(out_notes, json.dumps([w for w in self.warnings if w not in before]))
        return Compiled(str(out_rng), str(out_odd), list(self.warnings), False,
                        list(self.files))

    def _source(self, el: etree._Element, name: str, data: bytes, path: Path,
                stack: tuple[Path, ...], parts: list[str]) -> str:
        """The local file an @source names (a chained ODD compiled first)."""
        value = el.get("source").strip()
        place = self.where(name, data, el)
        release = None
        if value.startswith("tei:"):
            release = value[4:]
        elif RELEASE_URL.match(value):
            found = RELEASE_URL.match(value)
            release = found.group(3) or "current"
        if release is not None:
            if not self.given and release not in ("current", "latest") and \
                    release.rstrip("ab") != P5_VERSION.rstrip("ab"):
                self.warn(place, f"the ODD asks for TEI P5 {release} ({value}); teikit has "
                                 f"{P5_VERSION} and compiled against it (give --p5 FILE, a "
                                 f"p5subset.xml of {release}, to use that release)")
            parts.append(self.digest(self.p5))
            return self.p5
        parsed = urlparse(value)
        if parsed.scheme in ("http", "https", "ftp"):
            raise TeikitError(f"the ODD takes its specifications from {value}, which is not "
                              "here (teikit fetches nothing): give a local copy, or --p5 FILE",
                              *place)
        local = Path(unquote(parsed.path)) if parsed.scheme == "file" else \
            (path.parent / unquote(value))
        local = local.resolve()
        if not local.is_file():
            raise TeikitError(f"the ODD takes its specifications from {value}, which is not "
                              f"here ({local})", *place)
        if local in (*stack, path):
            chain = " → ".join(p.name for p in (*stack, path, local))
            raise TeikitError(f"the ODD chain loops: {chain}", *place)
        if _is_customisation(local):
            chained = self.compile(local, (*stack, path), rng=False, named_at=place)
            self.names[chained.odd] = local.name  # (messages name the ODD, not its cache)
            parts.append(Path(chained.odd).stem)  # (its key: everything it depends on)
            return chained.odd
        parts.append(self.digest(local))
        return str(local)

    def _local_files(self, spec: etree._Element, name: str, data: bytes, path: Path,
                     parts: list[str]) -> dict[etree._Element, tuple[str, str]]:
        """moduleRef/@url and specGrpRef/@target that name other files: local, there."""
        found: dict[etree._Element, tuple[str, str]] = {}
        root = spec.getroottree().getroot()
        refs = [(el, "url") for el in spec.iter(T + "moduleRef") if el.get("url")]
        refs += [(el, "target") for el in root.iter(T + "specGrpRef")
                 if el.get("target") and not el.get("target").startswith("#")]
        for el, attr in refs:
            value = el.get(attr).strip()
            place = self.where(name, data, el)
            parsed = urlparse(value)
            shipped = EXTERNAL_URL.match(value) if attr == "url" else None
            if shipped:  # SVG, MathML, ITS, RELAX NG as the TEI distributes them
                local = schema_path("external") / f"{shipped.group(4)}.rng"
                parts.append(self.digest(local))
                found[el] = (attr, local.as_uri())
                continue
            if parsed.scheme in ("http", "https", "ftp"):
                raise TeikitError(f"the ODD reads {value}, which is not here (teikit fetches "
                                  "nothing): give a local copy", *place)
            local = (Path(unquote(parsed.path)) if parsed.scheme == "file" else
                     path.parent / unquote(value.split("#")[0])).resolve()
            if not local.is_file():
                what = "schema" if attr == "url" else "specifications"
                raise TeikitError(f"the ODD's moduleRef names the {what} {value}, which is not "
                                  f"here ({local})" if attr == "url" else
                                  f"the ODD's specGrpRef names {value}, which is not here "
                                  f"({local})", *place)
            parts.append(self.digest(local))
            fragment = "#" + value.split("#", 1)[1] if "#" in value else ""
            found[el] = (attr, local.as_uri() + fragment)
        return found

    # ---- what the Stylesheets would pass over in silence

    def _check(self, spec: etree._Element, name: str, data: bytes,
               sources: dict[etree._Element, str], default: str) -> None:
        """An unknown module or element: one line at its place (an error where the schema
        would silently lack what the ODD asks for; a warning where it would only not
        exclude or delete what is not there)."""
        root = spec.getroottree().getroot()
        added = {s.get("ident") for s in root.iter(*(T + n for n in SPEC_NAMES))
                 if s.get("mode", "add") == "add" or s.get("mode") == "replace"}
        for ref in spec.iter(T + "moduleRef"):
            key = ref.get("key")
            if not key:
                continue
            modules, specs = index(sources.get(ref, sources.get(spec, default)))
            place = self.where(name, data, ref)
            if key not in modules:
                raise TeikitError(f"unknown module {key!r}: the P5 source has no such module "
                                  f"(its modules: {', '.join(sorted(modules)[:8])}…)", *place)
            for attr in ("include", "except"):
                unknown = [i for i in (ref.get(attr) or "").split()
                           if specs.get(i) != key and i not in added]
                if unknown:
                    self.warn(place, f"moduleRef key={key!r} @{attr} names "
                                     f"{', '.join(unknown)}, which the module does not have")
        for el in root.iter(*(T + n for n in SPEC_NAMES)):
            mode, ident = el.get("mode", "add"), el.get("ident")
            if mode not in ("change", "delete") or not ident or ident in added:
                continue
            source = sources.get(el, sources.get(spec, default))
            _modules, specs = index(source)
            if ident not in specs:
                kind = etree.QName(el).localname.removesuffix("Spec")
                place = self.where(name, data, el)
                known = ident in index(self.p5)[1]  # (in TEI, not in this chain's source:
                # TEI Publisher's ODDs change <c>, which teipublisher.odd leaves out)
                if mode == "delete" or kind != "element" or known:  # (old ODDs change
                    # classes that are gone, as SGA's att.coordinated.attributes)
                    whose = "the P5 source" if source == self.p5 else \
                        self.names.get(source, Path(source).name)
                    self.warn(place, f"the ODD {'deletes' if mode == 'delete' else 'changes'} "
                                     f"the {kind} {ident!r}, which {whose} does not have: "
                                     "this has no effect")
                else:
                    raise TeikitError(f"unknown {kind} {ident!r}: the ODD changes it, but the "
                                      "P5 source has no such specification (add it with "
                                      "mode=\"add\", or correct the name)", *place)

    @staticmethod
    def _prepared(tree: etree._ElementTree, spec: etree._Element,
                  sources: dict[etree._Element, str],
                  files: dict[etree._Element, tuple[str, str]]) -> bytes:
        for el, local in sources.items():
            el.set("source", Path(local).as_uri())
        for el, (attr, uri) in files.items():
            el.set(attr, uri)
        return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")

    @staticmethod
    def _run(prepared: bytes, default: str, out_odd: Path, out_rng: Path | None,
             name: str, in_process: bool) -> None:
        out_odd.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="teikit-odd-", dir=out_odd.parent) as work:
            source = Path(work) / "customisation.odd"
            source.write_bytes(prepared)
            job = {"odd": str(source), "p5": Path(default).as_uri(),
                   "compiled": str(Path(work) / "compiled.odd"),
                   "rng": str(Path(work) / "schema.rng") if out_rng else ""}
            if in_process:
                from .worker import run
                with _stderr_to(Path(work) / "said.txt"):
                    answer = run(job)
                said = (Path(work) / "said.txt").read_text(encoding="utf-8", errors="replace")
            else:
                done = subprocess.run([sys.executable, "-m", "toolkit.odd.worker"],
                                      input=json.dumps(job), capture_output=True, text=True,
                                      cwd=work, env=worker_environment())
                answer, said = _answer(done.stdout), done.stderr
            if answer.get("ok") and Path(job["compiled"]).is_file():
                os.replace(job["compiled"], out_odd)
                if out_rng:
                    os.replace(job["rng"], out_rng)
                return
            lines = [ln.strip() for ln in said.splitlines() if ln.strip()
                     and not ln.startswith(("Warning", "  "))]
            reason = lines[-1] if lines else answer.get("error") or "the compiler stopped"
            raise TeikitError(f"the ODD does not compile: {' '.join(reason.split())[:300]}",
                              name, 1, 1)


@contextmanager
def _stderr_to(path: Path) -> Iterator[None]:
    """The Stylesheets' messages (Saxon writes them to file descriptor 2) into a file, read
    for the reason when the compilation fails; the terminal sees none of them."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(path, "wb") as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def _answer(stdout: str) -> dict:
    for line in reversed(stdout.splitlines()):
        try:
            return json.loads(line)
        except ValueError:
            continue
    return {}


def _is_customisation(path: Path) -> bool:
    """An ODD to compile (a schemaSpec with no specs merged in), not a P5 source or an
    ODD the Stylesheets compiled already (whose schemaSpec holds every spec)."""
    try:
        root = parse_xml(read_bytes(path), str(path)).getroot()
    except TeikitError:
        return False
    spec = next(root.iter(T + "schemaSpec"), None)
    if spec is None:
        return False
    return spec.find(T + "moduleRef") is not None or spec.get("source") is not None or \
        any(s.get("mode") in ("change", "delete", "replace") for s in
            root.iter(*(T + n for n in SPEC_NAMES)))  # (a compiled ODD has merged them all)
