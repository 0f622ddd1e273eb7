"""Registers across the edition: persons, places, organisations and terms, gathered from
what the TEI declares (listPerson/person, listPlace/place, listOrg/org, FRUS persons and
terms lists) and linked both ways with every name in the documents that points at them
(@ref, @corresp, @target, @key).

The same entry declared in several volumes is one entry when its id or one of its
identifiers (an idno or @sameAs URL) is the same; never by name alone. Each entry with an
id has a page listing every document that mentions it, so that one changed document
re-renders only the entries it mentions, not a whole register.

The pages are made here from the manifest's records, not from TEI, and every value is
escaped on the way in.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from html import escape

from ..validate.diagnostics import count
from .addresses import Pointers, Volume, unique
from .documents import safe_slug
from .pages import human_date, shell

KINDS = {"persons": "Persons", "places": "Places", "organisations": "Organisations",
         "terms": "Terms"}
FOLDER = "registers"  # html/registers/{kind}.html, html/registers/{kind}/{entry}.html


@dataclass
class Entry:
    kind: str
    label: str
    text: str
    idents: set[str] = field(default_factory=set)
    ids: list[tuple[str, str]] = field(default_factory=list)  # (volume folder, xml:id)
    key: str = ""  # its page's name ('' for an entry no one can point at: no id)
    mentions: list[dict] = field(default_factory=list)  # one per document mentioning it

    def href(self, depth: str = "") -> str:
        return f"{depth}{FOLDER}/{self.kind}/{self.key}.html"


@dataclass
class Registers:
    entries: dict[str, list[Entry]] = field(default_factory=dict)  # kind -> entries, sorted
    mentions: dict[tuple[str, int], dict[str, dict]] = field(default_factory=dict)
    # (volume folder, document index) -> pointer -> {href, anchor}: what its page links to
    warnings: list[str] = field(default_factory=list)


def anchor(token: str) -> str:
    """The id of the first name on a page that uses a pointer (entry pages link to it)."""
    return "mention-" + safe_slug(token, "x")


def gather(volumes: list[Volume], records: dict[str, dict], pointers: Pointers,
           sources: dict[str, str], labels) -> Registers:
    """records: source file -> its manifest entry (its 'entries'); labels(doc) -> text."""
    found = Registers()
    declared = [(volume, record) for volume in volumes
                for record in records[volume.rel].get("entries", [])]
    parent = list(range(len(declared)))  # union-find: declarations of one entry

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}  # "kind id" / "ident URL" -> the first declaration with it
    for i, (_, record) in enumerate(declared):
        keys = ([f"{record['kind']} {record['id']}"] if record["id"] else []) + \
            [f"ident {url}" for url in record["idents"]]
        for key in keys:
            if key in first:
                parent[root(i)] = root(first[key])
            else:
                first[key] = i
    groups: dict[int, Entry] = {}
    for i, (volume, record) in enumerate(declared):
        entry = groups.setdefault(root(i), Entry(record["kind"], record["label"],
                                                 record["text"]))
        entry.idents |= set(record["idents"])
        if record["id"] and (volume.id, record["id"]) not in entry.ids:
            entry.ids.append((volume.id, record["id"]))
    merged = list(groups.values())
    for kind in KINDS:
        mine = sorted((e for e in merged if e.kind == kind), key=_order)
        keys = unique([safe_slug(e.ids[0][1], "entry") for e in mine if e.ids])
        for entry, key in zip([e for e in mine if e.ids], keys, strict=True):
            entry.key = key
        if mine:
            found.entries[kind] = mine
    members = {(vol, ident): e for e in merged for vol, ident in e.ids}
    by_id: dict[str, Entry] = {}
    for (_, ident), e in members.items():
        by_id.setdefault(ident, e)
    by_ident = {url: e for e in merged for url in e.idents}
    for volume in volumes:
        nowhere: set[str] = set()
        for i, doc in enumerate(volume.docs):
            links: dict[str, dict] = {}
            for token, times in doc.get("mentions", {}).items():
                entry = _resolve(token, volume, members, by_id, by_ident, pointers)
                if entry is None or not entry.key:
                    if token.startswith("#") or "#" in token:
                        nowhere.add(token)
                    continue
                links[token] = {"href": "../" + entry.href(), "anchor": anchor(token)}
                entry.mentions.append({
                    "href": f"../../{volume.id}/{volume.page(i)}.html#{anchor(token)}",
                    "label": labels(doc), "date": human_date(doc["date"]),
                    "volume": volume.title,
                    "count": times, "split": volume.split})
            if links:
                found.mentions[(volume.id, i)] = links
        if nowhere:
            shown = ", ".join(sorted(nowhere)[:5]) + (" …" if len(nowhere) > 5 else "")
            found.warnings.append(f"{sources[volume.rel]}: warning: [register] "
                                  f"{count(len(nowhere), 'pointer')} of names lead to no "
                                  f"register entry: {shown}")
    for volume in volumes:
        never = [ident for e in merged if not e.mentions for vol, ident in e.ids
                 if vol == volume.id]
        if never:
            shown = ", ".join(never[:5]) + (" …" if len(never) > 5 else "")
            found.warnings.append(f"{sources[volume.rel]}: warning: [register] "
                                  f"{count(len(never), 'entry is', 'entries are')} never "
                                  f"mentioned: {shown}")
    return found


def _resolve(token: str, volume: Volume, members, by_id, by_ident, pointers: Pointers):
    if token.startswith(("http://", "https://")):
        return by_ident.get(token)
    where, hash_, frag = token.partition("#")
    if not hash_:  # a bare id (pmb50): this file's, else the edition's
        return members.get((volume.id, token)) or by_id.get(token)
    if not where:
        return members.get((volume.id, frag)) or by_id.get(frag)
    target = pointers.volume_of(where, volume)
    return members.get((target.id, frag)) if target is not None else None


def _said(entry: Entry) -> str:
    """What an entry says beyond its name (a FRUS item repeats it: "Acheson, Dean, …")."""
    text = entry.text
    return text[len(entry.label):].lstrip(" ,;") if text.startswith(entry.label) else text


def _order(entry: Entry) -> tuple[str, str]:
    """Alphabetical as a reader expects: case and diacritics aside (Ä with A)."""
    folded = unicodedata.normalize("NFKD", entry.label.casefold())
    return ("".join(c for c in folded if not unicodedata.combining(c)), entry.label)


def register_page(kind: str, entries: list[Entry], edition: str) -> str:
    """html/registers/{kind}.html: every entry, alphabetical, with what it says."""
    rows = []
    for entry in entries:
        name = escape(entry.label)
        if entry.key:
            name = f'<a href="{escape(kind)}/{escape(entry.key)}.html">{name}</a>'
        text = escape(_said(entry))
        rows.append(f"<li>{name}{' — ' + text if text else ''}</li>")
    body = (f"<h1>{escape(KINDS[kind])}</h1>\n<p>{count(len(entries), 'entry', 'entries')}</p>\n"
            f'<ol class="register-list">\n' + "\n".join(rows) + "\n</ol>\n")
    return shell(KINDS[kind], [(edition, "../index.html")], body, "../teikit.css", "register")


def entry_page(entry: Entry, edition: str) -> str:
    """html/registers/{kind}/{entry}.html: the entry, its identifiers, every mention."""
    idents = "".join(f'<li><a href="{escape(url)}">{escape(url)}</a></li>'
                     for url in sorted(entry.idents))
    mentions = []
    for m in entry.mentions:
        where = " · ".join(escape(part) for part in (m["volume"] if m["split"] else "",
                                                      m["date"]) if part)
        times = f" ({m['count']}×)" if m["count"] > 1 else ""
        mentions.append(f'<li><a href="{escape(m["href"])}">{escape(m["label"])}</a>'
                        f'<span class="mention-where"> {where}{times}</span></li>')
    body = (f"<h1>{escape(entry.label)}</h1>\n"
            + (f"<p>{escape(_said(entry))}</p>\n" if _said(entry) else "")
            + (f'<ul class="identifiers">{idents}</ul>\n' if idents else "")
            + f"<h2>Mentioned in {count(len(entry.mentions), 'document')}</h2>\n"
            + '<ol class="mentions">\n' + "\n".join(mentions) + "\n</ol>\n")
    return shell(entry.label, [(edition, "../../index.html"),
                               (KINDS[entry.kind], f"../{entry.kind}.html")], body,
                 "../../teikit.css", "register")
