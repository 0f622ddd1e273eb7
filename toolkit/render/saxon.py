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


@cache
def _compiled(name: str):
    proc = processor()
    xslt = proc.new_xslt30_processor()
    path = xslt_path(name)
    try:
        return xslt.compile_stylesheet(stylesheet_file=str(path))
    except Exception as exc:  # a broken stylesheet is our bug; say which one
        raise TeikitError(f"stylesheet {name} does not compile: {exc}", str(path)) from None


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
