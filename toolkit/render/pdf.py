"""Paged HTML → PDF with WeasyPrint, with every outside fetch refused.

WeasyPrint is the one added dependency: it implements CSS paged media
(float: footnote, running heads, margin boxes, target-counter) in pure
Python, which would take far longer to write than to adopt.
"""

from __future__ import annotations

import logging

from ..errors import TeikitError


def _no_fetch(url: str, *args, **kwargs):
    raise ValueError(f"teikit does not fetch resources while printing ({url[:80]})")


def _fetcher():
    """What WeasyPrint is given to fetch images and styles with: something that refuses.
    WeasyPrint 68+ wants a URLFetcher object (a plain function fails on the first image);
    earlier versions take the function."""
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:
        return _no_fetch

    class Refuse(URLFetcher):
        def fetch(self, url, headers=None):
            _no_fetch(url)

    return Refuse(allowed_protocols=())


def html_to_pdf(html: str, name: str = "<input>") -> bytes:
    try:
        from weasyprint import HTML
    except Exception as exc:  # missing system libraries (Pango) are a setup problem
        raise TeikitError(f"PDF output needs WeasyPrint and its system libraries: {exc}",
                          name) from None
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    try:
        document = HTML(string=html, base_url=None, url_fetcher=_fetcher())
        return document.write_pdf(uncompressed_pdf=False)
    except TeikitError:
        raise
    except Exception as exc:
        raise TeikitError(f"PDF layout failed: {exc}", name) from None
