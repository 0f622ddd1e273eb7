"""Where a schema's URL points on this machine: OASIS XML catalogs, and copies shipped
with teikit of the URLs every TEI schema names.

teikit fetches nothing, yet ODD-generated XSDs import http://www.w3.org/2001/xml.xsd and
files name tei_all by its tei-c.org address. A catalog maps such URLs to local files, as
oXygen, xmllint and Saxon do: the catalogs given by `--catalog` or the environment
variable XML_CATALOG_FILES (space-separated, the convention libxml2 set), then teikit's
own (the W3C's xml.xsd). A mapping to another URL maps nothing: only local files are ever read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from lxml import etree

from ..errors import TeikitError, UsageError
from ..resources import schema_path
from ..xmlio import parse_xml, read_bytes

CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
ENV = "XML_CATALOG_FILES"
_XML_XSD = ("http://www.w3.org/2001/xml.xsd", "https://www.w3.org/2001/xml.xsd",
            "http://www.w3.org/2001/03/xml.xsd", "http://www.w3.org/2009/01/xml.xsd")


@dataclass
class Catalog:
    """The entries of one catalog file (and the catalogs it chains to), in order."""
    exact: dict[str, str] = field(default_factory=dict)  # uri / system entries
    prefixes: list[tuple[str, str]] = field(default_factory=list)  # rewriteURI/System
    suffixes: list[tuple[str, str]] = field(default_factory=list)  # uriSuffix/systemSuffix
    following: list[Catalog] = field(default_factory=list)  # nextCatalog

    def resolve(self, uri: str) -> str | None:
        if uri in self.exact:
            return self.exact[uri]
        longest = max((p for p in self.prefixes if uri.startswith(p[0])),
                      key=lambda p: len(p[0]), default=None)
        if longest is not None:
            return longest[1] + uri[len(longest[0]):]
        for suffix, target in sorted(self.suffixes, key=lambda s: -len(s[0])):
            if uri.endswith(suffix):
                return target
        for other in self.following:
            found = other.resolve(uri)
            if found is not None:
                return found
        return None


def read_catalog(path: str, seen: frozenset[str] = frozenset()) -> Catalog:
    """One OASIS XML catalog file (uri, system, rewriteURI, rewriteSystem, uriSuffix,
    systemSuffix, group, nextCatalog); targets relative to the catalog or its xml:base."""
    real = os.path.realpath(path)
    tree = parse_xml(read_bytes(path), path)
    root = tree.getroot()
    if root.tag != f"{{{CATALOG_NS}}}catalog":
        raise UsageError("not an OASIS XML catalog (the root must be <catalog> in "
                         f"{CATALOG_NS})", path)
    catalog = Catalog()
    base = Path(real).as_uri()

    def target(el: etree._Element, attr: str) -> str:
        here = base
        for holder in reversed([el, *el.iterancestors()]):
            xml_base = holder.get("{http://www.w3.org/XML/1998/namespace}base")
            if xml_base:
                here = urljoin(here, xml_base)
        return urljoin(here, el.get(attr, ""))

    for el in root.iter(etree.Element):
        local = etree.QName(el).localname if etree.QName(el).namespace == CATALOG_NS else ""
        if local in ("uri", "system"):
            key = el.get("name" if local == "uri" else "systemId")
            if key and key not in catalog.exact:
                catalog.exact[key] = target(el, "uri")
        elif local in ("rewriteURI", "rewriteSystem"):
            start = el.get("uriStartString" if local == "rewriteURI" else "systemIdStartString")
            if start:
                catalog.prefixes.append((start, target(el, "rewritePrefix")))
        elif local in ("uriSuffix", "systemSuffix"):
            end = el.get("uriSuffix" if local == "uriSuffix" else "systemIdSuffix")
            if end:
                catalog.suffixes.append((end, target(el, "uri")))
        elif local == "nextCatalog" and el.get("catalog"):
            chained = unquote(urlparse(target(el, "catalog")).path)
            if os.path.realpath(chained) not in seen | {real} and os.path.isfile(chained):
                catalog.following.append(read_catalog(chained, seen | {real}))
    return catalog


def _shipped() -> Catalog:
    """The W3C's xml.xsd, which every ODD-generated XSD imports (tei_all's own addresses
    are known to `choice`, which maps any of them to the bundled tei_all)."""
    return Catalog(exact=dict.fromkeys(_XML_XSD, schema_path("xml.xsd").as_uri()))


def use(paths: list[str]) -> None:
    """Catalogs named on the command line; they come before XML_CATALOG_FILES, and child
    processes (the edition build's workers) see them through that variable."""
    for path in paths:
        if not os.path.isfile(path):
            raise UsageError("no such catalog file", path)
        try:  # a catalog asked for is checked now, not when a URL first needs it
            read_catalog(path)
        except UsageError:
            raise
        except TeikitError as exc:  # not well-formed: the option is what is wrong
            loc = exc.location
            raise UsageError(exc.message, path, loc.line if loc else 0,
                             loc.col if loc else 0) from None
    if paths:
        given = [os.path.abspath(p) for p in paths]
        os.environ[ENV] = " ".join([*given, os.environ.get(ENV, "")]).strip()


@cache
def _catalogs(env: str) -> tuple[Catalog, ...]:
    found = []
    for item in env.split():
        path = unquote(urlparse(item).path) if item.startswith("file:") else item
        if not os.path.isfile(path):
            continue  # libxml2 skips a missing catalog too; nothing to map from it
        try:
            found.append(read_catalog(path))
        except TeikitError as exc:
            raise UsageError(f"{ENV} names a catalog that cannot be read: {exc.message}",
                             path) from None
    return (*found, _shipped())


def resolve(uri: str) -> str | None:
    """The local file a URL maps to (a path), or None when no catalog maps it to one."""
    for catalog in _catalogs(os.environ.get(ENV, "")):
        found = catalog.resolve(uri)
        if found is None:
            continue
        parsed = urlparse(found)
        if parsed.scheme == "file":
            local = unquote(parsed.path)
            return local if os.path.isfile(local) else None
        return None  # mapped to another URL: teikit reads no URL, so nothing is mapped
    return None


def is_remote(ref: str) -> bool:
    """A URL with a scheme other than file: (a one-letter scheme is a Windows drive)."""
    scheme = urlparse(ref).scheme
    return bool(scheme) and scheme != "file" and len(scheme) > 1
