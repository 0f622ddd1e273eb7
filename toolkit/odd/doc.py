"""The reference of a customisation, as an editor looks things up in it: what Roma's
documentation gives, from the compiled ODD (every specification the schema has, merged).

`index.html` lists the elements the schema allows (gloss, module, whether the customisation
changed it), the TEI P5 elements it leaves out; `elements/NAME.html` says what an element is
for, its attributes (its own and its classes', after the customisation: usage, datatype,
values with their meaning, closed or open), its content model in words, the elements it may
appear in, and where it differs from TEI P5 (added, attributes added, removed or made
required, values restricted, content changed). Every word from the ODD is escaped (lxml
builds the pages); the pages have landmarks, a skip link, captioned tables with header
cells, and pass axe-core's WCAG A/AA rules (tests/test_odd.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from lxml.builder import E

from .. import TEI_NS
from ..files import write_atomic
from ..resources import schema_path
from ..xmlio import parse_xml, read_bytes
from .compiler import compile_odd

T = "{" + TEI_NS + "}"
RNG = "{http://relaxng.org/ns/structure/1.0}"
CSS = """
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, sans-serif; color: #1b1b1b; background: #fff; margin: 0; }
a { color: #0b4f8a; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; }
header, main, footer { max-width: 52rem; margin: 0 auto; padding: 0 1.25rem; }
header { border-bottom: 1px solid #ccc; padding-top: 1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
code { font-family: ui-monospace, monospace; }
.changed { color: #7a2e00; font-weight: 600; }
.model { background: #f7f7f7; border-left: 4px solid #0b4f8a; padding: 0.5rem 0.75rem; }
ul.inline { list-style: none; padding: 0; } ul.inline li { display: inline; }
ul.inline li:not(:last-child)::after { content: ", "; }
"""


@dataclass
class Specs:
    """A set of specifications (a compiled ODD, or the P5 source) looked up by name."""
    elements: dict[str, etree._Element] = field(default_factory=dict)
    classes: dict[str, etree._Element] = field(default_factory=dict)
    macros: dict[str, etree._Element] = field(default_factory=dict)

    @classmethod
    def of(cls, root: etree._Element) -> Specs:
        specs = cls()
        for el in root.iter(T + "elementSpec", T + "classSpec", T + "macroSpec",
                            T + "dataSpec"):
            ident = el.get("ident")
            if not ident or el.get("mode") in ("delete", "change", "replace"):
                continue
            table = {"elementSpec": specs.elements, "classSpec": specs.classes}.get(
                etree.QName(el).localname, specs.macros)
            table.setdefault(ident, el)
        return specs

    def member_of(self, spec: etree._Element) -> list[str]:
        return [m.get("key") for m in spec.iterfind(f"{T}classes/{T}memberOf") if m.get("key")]

    def attributes(self, spec: etree._Element, seen: frozenset = frozenset()
                   ) -> dict[str, tuple[etree._Element, str]]:
        """name -> (attDef, where from: '' own, or the class) — classes first, own last, as
        they override; an own attDef mode="delete" takes a class's away."""
        found: dict[str, tuple[etree._Element, str]] = {}
        for key in self.member_of(spec):
            cls = self.classes.get(key)
            if cls is None or key in seen or cls.get("type") != "atts":
                continue
            for name, (att, origin) in self.attributes(cls, seen | {key}).items():
                found.setdefault(name, (att, origin or key))
        for att in spec.iterfind(f"{T}attList//{T}attDef"):
            if att.get("mode") == "delete":
                found.pop(att.get("ident"), None)
            elif att.get("ident"):
                found[att.get("ident")] = (att, "")
        return found

    def members(self, key: str) -> list[str]:
        """The elements of a model class, its subclasses' too."""
        if not hasattr(self, "_members"):
            direct: dict[str, set[str]] = {}
            subs: dict[str, set[str]] = {}
            for ident, el in self.elements.items():
                for k in self.member_of(el):
                    direct.setdefault(k, set()).add(ident)
            for ident, cls in self.classes.items():
                for k in self.member_of(cls):
                    subs.setdefault(k, set()).add(ident)
            self._direct, self._subs, self._members = direct, subs, {}
        if key not in self._members:
            found, todo, seen = set(), [key], set()
            while todo:
                k = todo.pop()
                if k in seen:
                    continue
                seen.add(k)
                found |= self._direct.get(k, set())
                todo += self._subs.get(k, set())
            self._members[key] = sorted(found, key=str.lower)
        return self._members[key]

    def refs(self, ident: str) -> set[str]:
        """What an element's content names: elements, classes, through its macros."""
        if not hasattr(self, "_refs"):
            self._refs: dict[str, set[str]] = {}
        if ident not in self._refs:
            found: set[str] = set()
            todo = [self.elements[ident].find(T + "content")]
            seen: set[str] = set()
            while todo:
                content = todo.pop()
                if content is None:
                    continue
                for ref in content.iter(T + "elementRef", T + "classRef", T + "macroRef",
                                        RNG + "ref"):
                    key = ref.get("key") or ref.get("name")
                    found.add(key)
                    if key in self.macros and key not in seen:
                        seen.add(key)
                        todo.append(self.macros[key].find(T + "content"))
            self._refs[ident] = found
        return self._refs[ident]


def text_of(spec: etree._Element | None, name: str) -> str:
    """A spec's gloss or desc in English (else in no language, else the first)."""
    if spec is None:
        return ""
    found = spec.findall(T + name)
    chosen = next((g for g in found if g.get("{http://www.w3.org/XML/1998/namespace}lang")
                   in ("en", None)), found[0] if found else None)
    return " ".join("".join(chosen.itertext()).split()) if chosen is not None else ""


class Words:
    """A content model in words, with links to the elements it names."""

    def __init__(self, specs: Specs, link):
        self.specs = specs
        self.link = link

    def model(self, content: etree._Element | None) -> list:
        if content is None:
            return ["empty"]
        parts = [c for c in content if isinstance(c.tag, str)]
        out = self.join(parts, "in this order: ") if len(parts) > 1 else \
            (self.part(parts[0]) if parts else ["empty"])
        return out

    def join(self, parts: list, lead: str, last: str = ", then ") -> list:
        out: list = [lead]
        for i, p in enumerate(parts):
            if i:
                out.append(last if i == len(parts) - 1 else ", ")
            out += self.part(p)
        return out

    def part(self, el: etree._Element) -> list:
        name = etree.QName(el).localname
        words: list
        if name in ("sequence", "group"):
            kids = [c for c in el if isinstance(c.tag, str)]
            words = self.join(kids, "(") + [")"] if len(kids) > 1 else \
                self.part(kids[0]) if kids else []
        elif name in ("alternate", "choice"):
            kids = [c for c in el if isinstance(c.tag, str)]
            words = self.join(kids, "one of: ", " or ") if len(kids) > 1 else \
                self.part(kids[0]) if kids else []
        elif name in ("interleave",):
            words = self.join([c for c in el if isinstance(c.tag, str)], "in any order: ")
        elif name == "elementRef" or (name == "ref" and el.get("name") in self.specs.elements):
            words = [self.link(el.get("key") or el.get("name"))]
        elif name == "classRef" or (name == "ref" and el.get("name") in self.specs.classes):
            key = el.get("key") or el.get("name")
            members = self.specs.members(key)
            words = [f"any of {key} ("] + (self._list(members) if members else ["none here"]) \
                + [")"]
        elif name == "macroRef" or (name == "ref" and el.get("name") in self.specs.macros):
            key = el.get("key") or el.get("name")
            macro = self.specs.macros.get(key)
            inner = macro.find(T + "content") if macro is not None else None
            words = [f"{key}: "] + (self.model(inner) if inner is not None else ["(not here)"])
        elif name in ("textNode", "text"):
            words = ["text"]
        elif name == "empty":
            words = ["nothing"]
        elif name in ("dataRef", "data"):
            words = [f"a value ({el.get('key') or el.get('name') or el.get('type') or 'data'})"]
        elif name in ("anyElement", "anyName"):
            words = ["any element"]
        elif name in ("zeroOrMore", "oneOrMore", "optional"):
            inner = [c for c in el if isinstance(c.tag, str)]
            words = (self.join(inner, "(") + [")"]) if len(inner) > 1 else \
                self.part(inner[0]) if inner else []
            return words + [{"zeroOrMore": " (any number)", "oneOrMore": " (one or more)",
                             "optional": " (optional)"}[name]]
        elif name == "valList":
            words = ["one of the values " + ", ".join(v.get("ident") or "" for v in
                                                       el.iter(T + "valItem"))]
        else:
            words = [f"[{name}]"]
        return words + self._occurs(el)

    def _list(self, idents: list[str]) -> list:
        out: list = []
        for i, ident in enumerate(idents):
            if i:
                out.append(", ")
            out.append(self.link(ident))
        return out

    @staticmethod
    def _occurs(el: etree._Element) -> list:
        low, high = el.get("minOccurs", "1"), el.get("maxOccurs", "1")
        if (low, high) == ("1", "1"):
            return []
        if high == "unbounded":
            return [" (any number)" if low == "0" else f" ({low} or more)"]
        if low == "0" and high == "1":
            return [" (optional)"]
        return [f" ({low} to {high})"]


def document(odd: str | Path, out: str | Path, p5: str | None = None) -> int:
    """Write the reference of the ODD into `out`; how many element pages."""
    compiled = compile_odd(odd, p5)
    root = parse_xml(read_bytes(compiled.odd), compiled.odd).getroot()
    spec = next(root.iter(T + "schemaSpec"), None)
    ours = Specs.of(spec if spec is not None else root)
    base = Specs.of(parse_xml(read_bytes(p5 or schema_path("p5subset.xml")), "p5").getroot())
    title = " ".join("".join(t.itertext()).split()) if (t := root.find(
        f"{T}teiHeader/{T}fileDesc/{T}titleStmt/{T}title")) is not None else Path(odd).stem
    folder = Path(out)
    (folder / "elements").mkdir(parents=True, exist_ok=True)
    write_atomic(folder / "odd.css", CSS)
    names = sorted(ours.elements, key=str.lower)
    for name in names:
        page = _element_page(name, ours, base, title)
        write_atomic(folder / "elements" / f"{_file(name)}.html", page)
    write_atomic(folder / "index.html", _index_page(title, Path(odd).name, ours, base, names))
    return len(names)


def _file(name: str) -> str:
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in name)


def _page(title: str, heading: str, body: list, css: str, home: str) -> bytes:
    html = E.html(
        {"lang": "en"},
        E.head(E.meta(charset="utf-8"), E.meta(name="viewport",
                                                content="width=device-width, initial-scale=1"),
               E.title(title), E.link(rel="stylesheet", href=css)),
        E.body(E.a({"class": "skip", "href": "#main"}, "Skip to the content"),
               E.header(E.nav({"aria-label": "Schema reference"},
                              E.p(E.a(home[1], href=home[0])))),
               E.main({"id": "main"}, E.h1(heading), *body),
               E.footer(E.p("Made by teikit from the compiled ODD."))))
    return b"<!DOCTYPE html>\n" + etree.tostring(html, method="html", encoding="utf-8")


def _differences(name: str, ours: Specs, base: Specs, words: Words,
                 base_words: Words) -> list[str]:
    mine, theirs = ours.elements[name], base.elements.get(name)
    if theirs is None:
        return ["This element is not in TEI P5: the customisation adds it."]
    said = []
    a, b = ours.attributes(mine), base.attributes(theirs)
    if added := sorted(set(a) - set(b)):
        said.append("Attributes added: " + ", ".join("@" + n for n in added) + ".")
    if removed := sorted(set(b) - set(a)):
        said.append("Attributes of TEI P5 left out: " + ", ".join("@" + n for n in removed) + ".")
    for att in sorted(set(a) & set(b)):
        ours_att, base_att = a[att][0], b[att][0]
        if ours_att.get("usage", "opt") != base_att.get("usage", "opt"):
            said.append(f"@{att}: {_usage(ours_att)} here ({_usage(base_att)} in TEI P5).")
        if _values(ours_att) != _values(base_att):
            said.append(f"@{att}: values " + (", ".join(_values(ours_att)[1]) or "free") +
                        f" ({_values(ours_att)[0] or 'any'} list) where TEI P5 has " +
                        (", ".join(_values(base_att)[1]) or "no list") + ".")
    if _canonical(mine.find(T + "content")) != _canonical(theirs.find(T + "content")):
        said.append("Content changed: in TEI P5, " +
                    _flat(base_words.model(theirs.find(T + "content"))))
    return said


def _canonical(content: etree._Element | None) -> str:
    """A content model as markup, whitespace aside (what the customisation wrote, not what
    its classes hold now: a class that lost members is no change to this element)."""
    if content is None:
        return ""

    def walk(el: etree._Element) -> str:
        attrs = " ".join(f"{k}={v}" for k, v in sorted(el.attrib.items()))
        kids = "".join(walk(c) for c in el if isinstance(c.tag, str))
        return f"({etree.QName(el).localname} {attrs} {kids})"
    return walk(content)


def _flat(parts: list) -> str:
    return "".join(p if isinstance(p, str) else "".join(p.itertext()) for p in parts)


def _usage(att: etree._Element) -> str:
    return {"req": "required", "rec": "recommended", "mwa": "mandatory when applicable",
            "rwa": "recommended when applicable"}.get(att.get("usage", "opt"), "optional")


def _values(att: etree._Element) -> tuple[str, list[str]]:
    vals = att.find(T + "valList")
    if vals is None:
        return "", []
    return vals.get("type", "open"), [v.get("ident") or "" for v in vals.iter(T + "valItem")]


def _element_page(name: str, ours: Specs, base: Specs, title: str) -> bytes:
    spec = ours.elements[name]

    def link(ident: str):
        if ident in ours.elements:
            return E.a(E.code(f"<{ident}>"), href=f"{_file(ident)}.html")
        return E.code(f"<{ident}> (not in this schema)" if ident in base.elements else ident)
    words = Words(ours, link)
    base_words = Words(base, lambda ident: E.code(f"<{ident}>"))
    body: list = []
    gloss, desc = text_of(spec, "gloss"), text_of(spec, "desc")
    body.append(E.p(*([E.strong(gloss), " — "] if gloss else []), desc or "(no description)"))
    body.append(E.p("Module: ", E.code(spec.get("module") or "(this customisation)"), "."))
    changes = _differences(name, ours, base, words, base_words)
    body.append(E.h2("Differences from TEI P5"))
    body.append(E.ul(*[E.li({"class": "changed"}, c) for c in changes]) if changes
                else E.p("None: as in TEI P5."))
    body.append(E.h2("Attributes"))
    atts = ours.attributes(spec)
    if atts:
        rows = []
        for att_name in sorted(atts):
            att, origin = atts[att_name]
            kind, values = _values(att)
            value_cell = E.td(*([f"{kind} list: ", E.ul(*[
                E.li(E.code(v.get("ident") or ""), *([" — " + meaning] if (
                    meaning := text_of(v, "gloss") or text_of(v, "desc")) else []))
                for v in att.find(T + "valList").iter(T + "valItem")])]
                if values else [_datatype(att)]))
            rows.append(E.tr(E.th({"scope": "row"}, E.code("@" + att_name)),
                             E.td(text_of(att, "gloss") or text_of(att, "desc") or "—",
                                  *([E.br(), f"(from {origin})"] if origin else [])),
                             E.td(_usage(att)), value_cell))
        body.append(E.table(E.caption(f"Attributes of <{name}>"),
                            E.thead(E.tr(E.th({"scope": "col"}, "Attribute"),
                                         E.th({"scope": "col"}, "Meaning"),
                                         E.th({"scope": "col"}, "Usage"),
                                         E.th({"scope": "col"}, "Values"))),
                            E.tbody(*rows)))
    else:
        body.append(E.p("None."))
    body.append(E.h2("Content"))
    body.append(E.p({"class": "model"}, *words.model(spec.find(T + "content"))))
    parents = _parents(name, ours)
    body.append(E.h2("May appear in"))
    body.append(E.ul({"class": "inline"}, *[E.li(link(p)) for p in parents]) if parents
                else E.p("No element of this schema (a root element)."))
    return _page(f"<{name}> — {title}", f"<{name}>", body, "../odd.css",
                 ("../index.html", f"All elements of {title}"))


def _datatype(att: etree._Element) -> str:
    ref = att.find(f"{T}datatype/{T}dataRef")
    if ref is not None:
        return ref.get("key") or ref.get("name") or "data"
    rng = att.find(f"{T}datatype/{RNG}ref")
    return rng.get("name") if rng is not None else "text"


def _parents(name: str, ours: Specs) -> list[str]:
    """Elements whose content names this one (directly, by its classes, or by a macro)."""
    classes: set[str] = set()
    todo = list(ours.member_of(ours.elements[name]))
    while todo:
        key = todo.pop()
        if key in classes:
            continue
        classes.add(key)
        if key in ours.classes:
            todo += ours.member_of(ours.classes[key])
    wanted = classes | {name}
    return sorted((ident for ident in ours.elements if ours.refs(ident) & wanted), key=str.lower)


def _index_page(title: str, odd_name: str, ours: Specs, base: Specs, names: list[str]) -> bytes:
    rows = []
    for name in names:
        spec = ours.elements[name]
        theirs = base.elements.get(name)
        state = "added" if theirs is None else ""
        rows.append(E.tr(E.th({"scope": "row"}, E.a(E.code(f"<{name}>"),
                                                    href=f"elements/{_file(name)}.html")),
                         E.td(text_of(spec, "gloss") or text_of(spec, "desc")[:140]),
                         E.td(spec.get("module") or "—"),
                         E.td({"class": "changed"} if state else {}, state or "")))
    left_out = sorted(set(base.elements) - set(ours.elements), key=str.lower)
    body = [E.p(f"The reference of the schema compiled from {odd_name}: {len(names)} elements. "
                "Each element's page gives its attributes, its content in words, where it "
                "may appear and how it differs from TEI P5."),
            E.table(E.caption("Elements of this schema"),
                    E.thead(E.tr(E.th({"scope": "col"}, "Element"),
                                 E.th({"scope": "col"}, "What it is"),
                                 E.th({"scope": "col"}, "Module"),
                                 E.th({"scope": "col"}, "Not in TEI P5"))),
                    E.tbody(*rows)),
            E.h2("TEI P5 elements this schema leaves out"),
            E.p(f"{len(left_out)} elements: " + ", ".join(left_out) + "." if left_out
                else "None.")]
    return _page(f"{title}: schema reference", f"{title}: schema reference", body, "odd.css",
                 ("index.html", "Schema reference"))

