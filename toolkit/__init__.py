"""teikit: encode, validate and publish documentary editions in TEI P5 XML."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("teikit")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
