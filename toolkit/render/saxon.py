"""Running teikit's XSLT 3.0 stylesheets with saxonche.

One Saxon processor per process and each stylesheet compiled once, because
compiling costs far more than running. Input documents are parsed by our
hardened lxml parser first and handed over as text, so Saxon never resolves
entities or fetches DTDs from input.
"""

from __future__ import annotations

import threading
from functools import cache

from lxml import etree

from ..errors import TeikitError
from ..resources import xslt_path

_lock = threading.Lock()
_processor = None


def processor():
    global _processor
    with _lock:
        if _processor is None:
            from saxonche import PySaxonProcessor

            _processor = PySaxonProcessor(license=False)
        return _processor


STYLESHEETS = ("html.xsl", "print.xsl", "text.xsl", "index.xsl")


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
    proc.set_configuration_property("http://saxon.sf.net/feature/allowedProtocols", "")
    return compiled


def _compiled(name: str):
    return _all_compiled()[name]


def transform(name: str, tree: etree._ElementTree, params: dict[str, str | int] | None = None,
              source_name: str = "<input>") -> str:
    proc = processor()
    executable = _compiled(name)
    xml_text = etree.tostring(tree, encoding="unicode")
    with _lock:
        try:
            node = proc.parse_xml(xml_text=xml_text)
        except Exception as exc:
            raise TeikitError(f"cannot hand the document to the XSLT processor: {exc}",
                              source_name) from None
        executable.clear_parameters()
        for key, value in (params or {}).items():
            if isinstance(value, int):
                executable.set_parameter(key, proc.make_integer_value(value))
            else:
                executable.set_parameter(key, proc.make_string_value(str(value)))
        try:
            result = executable.transform_to_string(xdm_node=node)
        except Exception as exc:
            raise TeikitError(f"rendering failed: {str(exc).strip()}", source_name) from None
    if result is None:
        raise TeikitError("rendering produced no output", source_name)
    return result
