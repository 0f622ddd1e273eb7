"""Generate schema/teikit.xsd, teikit's TEI profile, from the compact spec below.

Run `python schema/make_xsd.py` after editing the spec; commit both files.
Every content model here is a subset of the element's content in TEI P5
tei_all, so a document valid against teikit.xsd is valid TEI (the test suite
checks this with jing on every fixture).
"""

from __future__ import annotations

from pathlib import Path

GLOBAL_ATTRS = ["xml:id", "xml:lang", "xml:space", "n", "rend", "rendition", "ana", "corresp",
                "facs", "resp", "source", "change", "sameAs", "style"]
ATTR_TYPES = {
    "n": "xs:string", "rend": "xs:NMTOKENS", "rendition": "tk:pointers", "ana": "tk:pointers",
    "corresp": "tk:pointers", "facs": "tk:pointers", "resp": "tk:pointers", "source": "tk:pointers",
    "change": "tk:pointers", "sameAs": "xs:anyURI", "type": "xs:NMTOKEN", "subtype": "xs:NMTOKEN",
    "when": "tk:temporal", "from": "tk:temporal", "to": "tk:temporal", "notBefore": "tk:temporal",
    "notAfter": "tk:temporal", "calendar": "tk:pointers", "hand": "xs:anyURI", "new": "xs:anyURI",
    "target": "tk:pointers", "url": "xs:anyURI", "reason": "xs:NMTOKENS", "unit": "xs:NMTOKEN",
    "quantity": "xs:decimal", "extent": "xs:string", "agent": "xs:NMTOKEN", "place": "xs:NMTOKENS",
    "anchored": "xs:boolean", "medium": "xs:NMTOKENS", "scribe": "xs:NCName",
    "scribeRef": "tk:pointers", "script": "xs:NMTOKENS", "scope": "xs:NMTOKEN",
    "ident": "xs:language", "usage": "xs:NMTOKEN", "role": "xs:NMTOKENS", "ref": "tk:pointers",
    "key": "xs:string", "level": "tk:level", "rows": "xs:nonNegativeInteger",
    "cols": "xs:nonNegativeInteger", "break": "xs:NMTOKEN", "ed": "tk:pointers",
    "mimeType": "xs:token", "width": "xs:token", "height": "xs:token", "who": "tk:pointers",
    "status": "xs:NMTOKEN", "scheme": "xs:anyURI", "selector": "xs:string", "value": "xs:string",
    "version": "xs:token", "ulx": "xs:decimal", "uly": "xs:decimal", "lrx": "xs:decimal",
    "lry": "xs:decimal", "points": "tk:points", "style": "xs:string", "cert": "xs:token",
}
POINT = r"-?\d+(\.\d+)?,-?\d+(\.\d+)?"
POINTS = f"({POINT} ){{2,}}{POINT}"
COORDS = ["ulx", "uly", "lrx", "lry", "points"]  # a surface's or zone's place on the image

PHRASE = ["hi", "emph", "foreign", "term", "gloss", "title", "q", "persName", "placeName",
          "orgName", "name", "rs", "date", "time", "num", "measure", "seg", "ref", "ptr", "add",
          "del", "supplied", "unclear", "sic", "corr", "reg", "orig", "abbr", "expan", "choice",
          "handShift", "graphic", "idno", "w"]
GLOBAL = ["pb", "lb", "milestone", "note", "gap", "figure", "fw"]
INTER = ["list", "table", "quote", "bibl", "label"]
COMMON = ["p", "ab", "list", "table", "quote", "bibl", "q"]
DIV_TOP = ["head", "opener", "dateline", "byline", "salute", "signed"]
DIV_BOTTOM = ["closer", "trailer", "dateline", "byline", "salute", "signed"]


def choice(names, lo="0", hi="unbounded", groups=()):
    inner = "".join(f'<xs:element ref="tei:{n}"/>' for n in names)
    inner += "".join(f'<xs:group ref="tk:{g}"/>' for g in groups)
    return f'<xs:choice minOccurs="{lo}" maxOccurs="{hi}">{inner}</xs:choice>'


def el(name, lo="1", hi="1"):
    return f'<xs:element ref="tei:{name}" minOccurs="{lo}" maxOccurs="{hi}"/>'


def seq(*parts, lo="1", hi="1"):
    return f'<xs:sequence minOccurs="{lo}" maxOccurs="{hi}">{"".join(parts)}</xs:sequence>'


MIXED_PHRASE = ("mixed", choice([], groups=("phrase", "global")))
MIXED_PARA = ("mixed", choice([], groups=("phrase", "inter", "global")))
MIXED_SPECIAL = ("mixed", choice(["p", "ab"], groups=("phrase", "inter", "global")))
TEXT = ("text", "")
EMPTY = ("empty", "")

DIVS_THEN_GLOBALS = seq(el("div"), choice(["div"], groups=("global",)))
COMMON_THEN_DIVS = seq(choice([], lo="1", hi="1", groups=("common",)),
                       choice([], groups=("common", "global")),
                       seq(el("div"), choice(["div"], groups=("global",)), lo="0"))
DIV_CONTENT = seq(
    choice([], groups=("divTop", "global")),
    seq(
        f"<xs:choice>{DIVS_THEN_GLOBALS}{COMMON_THEN_DIVS}</xs:choice>",
        seq(choice([], lo="1", hi="1", groups=("divBottom",)),
            choice([], groups=("divBottom", "global")), lo="0"),
        lo="0"),
)
FRONT_BACK = seq(choice(["p"], groups=("global",)),
                 seq(el("div"), choice(["div"], groups=("global",)), lo="0"))
BODY = seq(
    choice([], groups=("global",)),
    f"<xs:choice>{COMMON_THEN_DIVS}{DIVS_THEN_GLOBALS}</xs:choice>",
)
PUBLICATION = (
    '<xs:choice>' + el("p", hi="unbounded")
    + seq(choice(["publisher", "distributor", "authority"], lo="1", hi="1"),
          choice(["pubPlace", "date", "idno", "availability", "ptr", "ref"]), hi="unbounded")
    + "</xs:choice>")

ELEMENTS: dict[str, tuple[tuple[str, str], list[str]]] = {
    "TEI": (("seq", seq(el("teiHeader"), el("facsimile", "0"), el("text"))), ["version"]),
    "teiHeader": (("seq", seq(el("fileDesc"), choice(["encodingDesc", "profileDesc"]),
                              el("revisionDesc", "0"))), []),
    "fileDesc": (("seq", seq(el("titleStmt"), el("publicationStmt"), el("seriesStmt", "0"),
                             el("notesStmt", "0"), el("sourceDesc", "1", "unbounded"))), []),
    "titleStmt": (("seq", seq(el("title", "1", "unbounded"),
                              choice(["author", "editor", "respStmt"]))), []),
    "seriesStmt": (("seq", seq(el("title", "1", "unbounded"), choice(["editor", "respStmt"]),
                               choice(["idno", "biblScope"]))), []),
    "notesStmt": (("seq", el("note", "1", "unbounded")), []),
    "publicationStmt": (("seq", PUBLICATION), []),
    "availability": (("seq", choice(["p", "licence"], lo="1")), ["status"]),
    "licence": (MIXED_PARA, ["target"]),
    "sourceDesc": (("seq", choice(["p", "bibl", "listBibl"], lo="1")), []),
    "listBibl": (("seq", seq(el("head", "0", "unbounded"), el("bibl", "1", "unbounded"))),
                 ["type"]),
    "bibl": (("mixed", choice(["title", "author", "editor", "respStmt", "biblScope", "date",
                               "pubPlace", "publisher", "idno", "note", "ref", "ptr", "hi",
                               "pb"])), ["type"]),
    "author": (MIXED_PHRASE, ["role", "ref", "key"]),
    "editor": (MIXED_PHRASE, ["role", "ref", "key"]),
    "respStmt": (("seq", seq(el("resp", "1", "unbounded"),
                             choice(["persName", "orgName", "name"], lo="1"))), []),
    "resp": (TEXT, []),
    "publisher": (MIXED_PHRASE, []), "distributor": (MIXED_PHRASE, []),
    "authority": (MIXED_PHRASE, []), "pubPlace": (MIXED_PHRASE, []),
    "biblScope": (MIXED_PHRASE, ["unit", "from=xs:token", "to=xs:token"]),
    "idno": (TEXT, ["type"]),
    "encodingDesc": (("seq", choice(["p", "projectDesc", "editorialDecl", "tagsDecl",
                                     "classDecl"], lo="1")), []),
    "projectDesc": (("seq", el("p", "1", "unbounded")), []),
    "editorialDecl": (("seq", el("p", "1", "unbounded")), []),
    "tagsDecl": (("seq", el("rendition", "0", "unbounded")), []),
    "rendition": (TEXT, ["scheme", "selector"]),
    "classDecl": (("seq", el("taxonomy", "1", "unbounded")), []),
    "taxonomy": (("seq", seq(el("desc", "0", "unbounded"), el("category", "1", "unbounded"))),
                 []),
    "category": (("seq", seq(el("catDesc", "1", "unbounded"), el("category", "0", "unbounded"))),
                 []),
    "catDesc": (TEXT, []), "desc": (TEXT, ["type"]),
    "profileDesc": (("seq", choice(["creation", "langUsage", "textClass", "handNotes",
                                    "abstract"])), []),
    "abstract": (("seq", el("p", "1", "unbounded")), []),
    "creation": (("mixed", choice(["date", "placeName", "persName", "orgName"])), []),
    "langUsage": (("seq", el("language", "1", "unbounded")), []),
    "language": (TEXT, ["ident!", "usage"]),
    "textClass": (("seq", el("keywords", "1", "unbounded")), []),
    "keywords": (("seq", el("term", "1", "unbounded")), ["scheme"]),
    "handNotes": (("seq", el("handNote", "1", "unbounded")), []),
    "handNote": (MIXED_SPECIAL, ["scribe", "scribeRef", "medium", "script", "scope"]),
    "revisionDesc": (("seq", el("change", "1", "unbounded")), ["status"]),
    "change": (MIXED_SPECIAL, ["when", "who", "status", "target", "type"]),
    "facsimile": (("seq", choice(["graphic", "surface"], lo="1")), []),
    "surface": (("seq", seq(el("graphic", "0", "unbounded"), el("zone", "0", "unbounded"))),
                ["type", *COORDS]),
    "zone": (("seq", seq(el("graphic", "0", "unbounded"), el("zone", "0", "unbounded"))),
             ["type", "subtype", *COORDS]),
    "text": (("seq", seq(el("front", "0"), el("body"), el("back", "0"))), ["type"]),
    "front": (("seq", FRONT_BACK), []),
    "back": (("seq", FRONT_BACK), []),
    "body": (("seq", BODY), []),
    "div": (("seq", DIV_CONTENT), ["type", "subtype", "hand"]),
    "head": (MIXED_PHRASE, ["type"]),
    "p": (MIXED_PARA, []), "ab": (MIXED_PARA, ["type"]),
    "opener": (("mixed", choice(["dateline", "salute", "signed", "byline"],
                                groups=("phrase", "global"))), []),
    "closer": (("mixed", choice(["dateline", "salute", "signed"], groups=("phrase", "global"))),
               []),
    "dateline": (MIXED_PHRASE, []), "salute": (MIXED_PARA, []), "signed": (MIXED_PARA, []),
    "byline": (MIXED_PHRASE, []), "trailer": (MIXED_PHRASE, []),
    "list": (("seq", seq(choice(["head"], groups=("global",)), el("item"),
                         choice(["item"], groups=("global",)))), ["type", "subtype"]),
    "item": (MIXED_SPECIAL, []),
    "label": (MIXED_PHRASE, ["type"]),
    "table": (("seq", seq(choice(["head"], groups=("global",)), el("row"),
                          choice(["row"], groups=("global",)))), ["rows", "cols"]),
    "row": (("seq", el("cell", "1", "unbounded")), ["role"]),
    "cell": (MIXED_SPECIAL, ["role", "rows", "cols"]),
    "quote": (MIXED_SPECIAL, ["type"]),
    "q": (MIXED_PARA, ["type", "who"]),
    "figure": (("seq", choice(["head", "p", "figDesc", "graphic"], groups=("global",))),
               ["type"]),
    "figDesc": (TEXT, []),
    "graphic": (EMPTY, ["url!", "mimeType", "width", "height"]),
    "hi": (MIXED_PARA, ["hand"]), "emph": (MIXED_PARA, []), "foreign": (MIXED_PARA, []),
    "title": (MIXED_PARA, ["type", "level", "ref", "key"]),
    "term": (MIXED_PHRASE, ["ref", "key", "type"]), "gloss": (MIXED_PHRASE, ["target"]),
    "persName": (MIXED_PHRASE, ["ref", "key", "role", "type"]),
    "placeName": (MIXED_PHRASE, ["ref", "key", "type"]),
    "orgName": (MIXED_PHRASE, ["ref", "key", "type"]),
    "name": (MIXED_PHRASE, ["ref", "key", "type"]), "rs": (MIXED_PHRASE, ["ref", "key", "type"]),
    "date": (MIXED_PHRASE, ["when", "from", "to", "notBefore", "notAfter", "type", "calendar"]),
    "time": (MIXED_PHRASE, ["when", "type"]),
    "num": (MIXED_PHRASE, ["type", "value"]), "measure": (MIXED_PHRASE, ["type", "unit",
                                                                         "quantity"]),
    "seg": (MIXED_PARA, ["type", "subtype", "hand", "cert"]),
    "ref": (MIXED_PARA, ["target", "type"]),
    "ptr": (EMPTY, ["target!", "type"]),
    "add": (MIXED_PARA, ["hand", "place", "type"]),
    "del": (MIXED_PARA, ["hand", "type"]),
    "supplied": (MIXED_PARA, ["reason"]),
    "unclear": (MIXED_PHRASE, ["reason", "agent"]),
    "sic": (MIXED_PHRASE, []), "corr": (MIXED_PHRASE, []), "reg": (MIXED_PHRASE, []),
    "orig": (MIXED_PHRASE, []), "abbr": (MIXED_PHRASE, ["type"]), "expan": (MIXED_PHRASE, []),
    "choice": (("seq", choice(["sic", "corr", "reg", "orig", "abbr", "expan", "unclear",
                               "supplied", "seg"], lo="2")), []),
    "handShift": (EMPTY, ["new", "medium", "scribe", "scribeRef", "script"]),
    "gap": (("seq", el("desc", "0", "unbounded")), ["reason", "quantity", "unit", "extent",
                                                     "agent"]),
    "pb": (EMPTY, ["break", "ed", "type"]),
    "lb": (EMPTY, ["break", "type"]),
    "fw": (MIXED_PARA, ["type", "place"]),
    "w": (MIXED_PHRASE, ["type"]),
    "milestone": (EMPTY, ["unit!", "ed", "type"]),
    "note": (MIXED_SPECIAL, ["type", "subtype", "place", "anchored", "target", "hand"]),
}


def attribute(spec: str) -> str:
    """`name`, `name!` (required) or `name=type` (a type for this element only)."""
    required = spec.endswith("!")
    name, _, own_type = spec.rstrip("!").partition("=")
    use = ' use="required"' if required else ""
    if name.startswith("xml:"):
        return f'<xs:attribute ref="{name}"{use}/>'
    return f'<xs:attribute name="{name}" type="{own_type or ATTR_TYPES[name]}"{use}/>'


def element(name: str, spec: tuple[tuple[str, str], list[str]]) -> str:
    (kind, model), attrs = spec
    own = {a.rstrip("!").partition("=")[0] for a in attrs}
    all_attrs = "".join(attribute(a) for a in attrs)
    all_attrs += "".join(attribute(a) for a in GLOBAL_ATTRS if a not in own)
    if kind == "text":
        return (f'<xs:element name="{name}"><xs:complexType><xs:simpleContent>'
                f'<xs:extension base="xs:string">{all_attrs}</xs:extension>'
                "</xs:simpleContent></xs:complexType></xs:element>")
    mixed = ' mixed="true"' if kind == "mixed" else ""
    if model:
        model = f"<xs:sequence>{model}</xs:sequence>"
    return (f'<xs:element name="{name}"><xs:complexType{mixed}>{model}{all_attrs}'
            "</xs:complexType></xs:element>")


def group(name: str, members: list[str]) -> str:
    inner = "".join(f'<xs:element ref="tei:{m}"/>' for m in members)
    return f'<xs:group name="{name}"><xs:choice>{inner}</xs:choice></xs:group>'


def build() -> str:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!-- teikit TEI profile for documentary editions. GENERATED by schema/make_xsd.py;"
        " edit the spec there. A strict subset of TEI P5 (tei_all). -->",
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"'
        ' xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:tk="http://www.tei-c.org/ns/1.0"'
        ' targetNamespace="http://www.tei-c.org/ns/1.0" elementFormDefault="qualified">',
        '<xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml.xsd"/>',
        '<xs:simpleType name="pointers"><xs:list itemType="xs:anyURI"/></xs:simpleType>',
        # (TEI's data.point list: three or more "x,y" pairs)
        '<xs:simpleType name="points"><xs:restriction base="xs:token"><xs:pattern value="'
        + POINTS + '"/></xs:restriction></xs:simpleType>',
        '<xs:simpleType name="temporal"><xs:union memberTypes="xs:date xs:gYear xs:gYearMonth'
        ' xs:dateTime xs:time"/></xs:simpleType>',
        '<xs:simpleType name="level"><xs:restriction base="xs:token">'
        + "".join(f'<xs:enumeration value="{v}"/>' for v in "amjsu")
        + "</xs:restriction></xs:simpleType>",
        group("phrase", PHRASE), group("global", GLOBAL), group("inter", INTER),
        group("common", COMMON), group("divTop", DIV_TOP), group("divBottom", DIV_BOTTOM),
    ]
    parts += [element(name, spec) for name, spec in sorted(ELEMENTS.items())]
    parts.append("</xs:schema>")
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    out = Path(__file__).with_name("teikit.xsd")
    out.write_text(build(), encoding="utf-8")
    print(f"wrote {out}")
