"""Running teikit's XSLT 3.0 stylesheets with saxonche.

One Saxon processor per process and each stylesheet compiled once, because
compiling costs far more than running. Input documents are parsed by our
hardened lxml parser first and handed over as text, so Saxon never resolves
entities or fetches DTDs from input.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
import threading
from collections.abc import Callable
from functools import cache

from lxml import etree

from ..errors import TeikitError
from ..resources import xslt_path

_lock = threading.Lock()
PARSER_PROPERTY = ("http://saxon.sf.net/feature/parserProperty?uri="
                   "http%3A%2F%2Fwww.oracle.com%2Fxml%2Fjaxp%2Fproperties%2F")
_processor = None


def processor():
    global _processor
    with _lock:
        if _processor is None:
            from saxonche import PySaxonProcessor

            _processor = PySaxonProcessor(license=False)
            # Saxon parses what we hand it with the JDK's parser, whose default limits (100
            # levels, 200 attributes on an element) are far below what lxml has already
            # accepted; without this a valid document fails half-way through rendering
            for prop in ("maxElementDepth", "elementAttributeLimit"):
                _processor.set_configuration_property(PARSER_PROPERTY + prop, "0")
        return _processor


STYLESHEETS = ("html.xsl", "print.xsl", "text.xsl", "index.xsl", "epub.xsl")


@cache
def _all_compiled() -> dict:
    """Compile every stylesheet, then forbid Saxon all further resource access.

    After this, document(), doc(), unparsed-text() and friends cannot read a file
    or a URL, whatever a document contains: Saxon answers "access prohibited".
    """
    proc = processor()
    xslt = proc.new_xslt30_processor()
    compiled = {}
    for name in STYLESHEETS:
        path = xslt_path(name)
        try:
            compiled[name] = xslt.compile_stylesheet(stylesheet_file=str(path))
        except Exception as exc:  # a broken stylesheet is our bug; say which one
            raise TeikitError(f"stylesheet {name} does not compile: {exc}", str(path)) from None
        # the same stylesheet started in its pages mode, answering a sequence of strings
        pages = compiled[name].clone()
        pages.set_initial_mode(PAGES_MODE)
        compiled[name + PAGES] = pages
    proc.set_configuration_property("http://saxon.sf.net/feature/allowedProtocols", "")
    return compiled


PAGES = "#pages"
PAGES_MODE = "Q{urn:teikit}pages"


def _compiled(name: str):
    return _all_compiled()[name]


def _parse(proc, tree: etree._ElementTree | etree._Element, source_name: str,
           check: Callable[[str], None] | None = None):
    """The document as Saxon's tree; `check` may refuse its text (raising TeikitError)."""
    text = etree.tostring(tree, encoding="unicode")
    if check is not None:
        check(text)
    try:
        with _quiet():
            return proc.parse_xml(xml_text=text)
    except Exception as exc:
        raise TeikitError(f"cannot hand the document to the XSLT processor: {exc}",
                          source_name) from None


@contextlib.contextmanager
def _quiet():
    """Saxon prints its own multi-line diagnostic to the process's standard error before it
    raises; teikit reports the error itself, in one line. So while Saxon works, file
    descriptor 2 points at /dev/null (and is put back however the call ends)."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        yield
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)
        os.close(null)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _set_parameters(proc, executable, params: dict[str, str | int] | None) -> None:
    executable.clear_parameters()
    for key, value in (params or {}).items():
        if isinstance(value, int):
            executable.set_parameter(key, proc.make_integer_value(value))
        else:
            executable.set_parameter(key, proc.make_string_value(str(value)))


def transform(name: str, tree: etree._ElementTree, params: dict[str, str | int] | None = None,
              source_name: str = "<input>", check: Callable[[str], None] | None = None) -> str:
    proc = processor()
    executable = _compiled(name)
    with _lock:
        node = _parse(proc, tree, source_name, check)
        _set_parameters(proc, executable, params)
        try:
            with _quiet():
                result = executable.transform_to_string(xdm_node=node)
        except Exception as exc:
            raise TeikitError(f"rendering failed: {str(exc).strip()}", source_name) from None
    if result is None:
        raise TeikitError("rendering produced no output", source_name)
    return result


def document(tree: etree._ElementTree, source_name: str = "<input>",
             check: Callable[[str], None] | None = None):
    """The document as Saxon's tree, for several transformations of one file (parsed once)."""
    proc = processor()
    with _lock:
        return _parse(proc, tree, source_name, check)


def transform_pages(name: str, tree, plan: etree._Element,
                    params: dict[str, str | int] | None = None,
                    source_name: str = "<input>", markup: bool = False, doctype: str = "",
                    check: Callable[[str], None] | None = None) -> list[tuple[str, str]]:
    """Many pages of one file in one pass (see the plan in common.xsl): [(href, content)].
    `tree`: an lxml tree, or what `document` made of one.

    One pass instead of one transformation per document: the file is handed to Saxon
    once and all pages are serialised as one stream, cut at markers that carry a random
    token (so no document content can forge a page boundary)."""
    proc = processor()
    executable = _compiled(name + PAGES)
    marker = secrets.token_hex(16)
    with _lock:
        node = _parse(proc, tree, source_name, check) \
            if isinstance(tree, etree._ElementTree | etree._Element) else tree
        _set_parameters(proc, executable, {**(params or {}), "page-marker": marker})
        executable.set_parameter("plan", _parse(proc, plan, source_name))
        try:
            with _quiet():
                result = executable.apply_templates_returning_string(xdm_value=node) or ""
        except Exception as exc:
            raise TeikitError(f"rendering failed: {str(exc).strip()}", source_name) from None
    parts = result.split(marker)  # [before, ":href:", page, ":href:", page, …]
    if parts[0] not in ("", "<!--") or len(parts) % 2 == 0:
        raise TeikitError("rendering produced text outside any page", source_name)
    hrefs = [page.get("href", "") for page in plan.findall("page")]
    pages = []
    for label, content in zip(parts[1::2], parts[2::2], strict=True):
        number = label[1:-1]
        if not (label.startswith(":") and label.endswith(":") and number.isascii()
                and number.isdigit()
                and 1 <= int(number) <= len(hrefs)):
            raise TeikitError("rendering produced a malformed page marker", source_name)
        href = hrefs[int(number) - 1]
        if markup:  # the marker was a comment; a doctype is written once
            content = content.removeprefix("-->").removesuffix("<!--")
            content = doctype + content.removeprefix(doctype) if doctype else content
        pages.append((href, content))
    return pages
