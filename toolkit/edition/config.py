"""The edition file, `teikit.toml` at the root of an edition folder: what a build of
that folder makes, so that `teikit build` needs no options and forgets nothing.

Read with the standard `tomllib`. Unknown keys and wrong types are errors that name
the file, line and key (a misspelt `stict = true` must not silently publish a file
with errors); command-line options override the file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import TeikitError

NAME = "teikit.toml"
OUTPUTS = ("html", "print", "text", "epub")  # every output a build can make
DEFAULT_OUTPUTS = ("html", "print", "text")  # an ebook per volume is asked for (outputs)


@dataclass
class Settings:
    title: str = ""  # the edition's title (index, breadcrumb, edition PDF)
    base_url: str = ""  # where the output folder is published: canonical links, sitemap
    outputs: tuple[str, ...] = DEFAULT_OUTPUTS
    schema: str = ""  # tei_all, teikit or a schema file: for every file ('' = what each names)
    profile: str = ""  # rule set: tei, teikit or frus ('' = what the schema implies)
    facs_pattern: str = ""  # page-image URL, {facs} and {n} replaced from each pb
    witness: str = ""  # print and text: the text of this witness ('' = the critical text)
    reading_view: str = "normalized"  # choices: normalized (corr, reg, expan) or diplomatic
    volumes: list[str] = field(default_factory=list)  # source files in reading order (first)
    strict: bool = False  # a file with errors is not published
    pdf_per_document: bool = False
    print_facsimile: bool = False  # print: each page's image as a plate before its page
    # the edition PDF (every volume in one): true, false, or "auto": only while the
    # edition's TEI is at most edition_pdf_max_mb (a volume PDF is always made)
    edition_pdf: bool | str = "auto"
    edition_pdf_max_mb: float = 10.0
    search: bool = True  # a search page and its static index (html/search.html)
    registers: bool = True  # persons, places, organisations, terms (html/registers/)
    output: str = ""  # the output folder, relative to the edition folder
    source: str = ""  # the file the settings were read from ('' = defaults)


_TYPES = {"title": str, "base_url": str, "outputs": list, "schema": str, "profile": str,
          "facs_pattern": str, "volumes": list, "strict": bool, "pdf_per_document": bool,
          "print_facsimile": bool,
          "search": bool, "registers": bool, "output": str, "edition_pdf": (bool, str),
          "edition_pdf_max_mb": (int, float), "witness": str, "reading_view": str}
_KINDS = {str: "a string", bool: "true or false", list: "a list of strings",
          (bool, str): 'true, false or "auto"', (int, float): "a number of megabytes"}


def load(folder: str | Path) -> Settings:
    """The settings of the edition in `folder` (defaults when it has no teikit.toml)."""
    path = Path(folder) / NAME
    if not path.is_file():
        return Settings()
    try:
        text = path.read_bytes().decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise TeikitError("not UTF-8 text", str(path)) from None
    except tomllib.TOMLDecodeError as exc:  # "Expected … (at line 3, column 7)"
        at = re.search(r" \(at line (\d+), column (\d+)\)$", str(exc))
        message = str(exc)[:at.start()] if at else str(exc)
        raise TeikitError(f"not valid TOML: {message}", str(path),
                          *(int(n) for n in at.groups()) if at else ()) from None
    except OSError as exc:
        raise TeikitError(f"cannot read: {exc.strerror}", str(path)) from None
    settings = Settings(source=str(path))
    for key, value in data.items():
        where = _line_of(text, key)
        if key not in _TYPES:
            known = ", ".join(sorted(_TYPES))
            raise TeikitError(f"unknown setting {key!r} (known: {known})", str(path), where)
        if not isinstance(value, _TYPES[key]) or \
                isinstance(value, list) and not all(isinstance(v, str) for v in value) or \
                key == "edition_pdf" and isinstance(value, str) and value != "auto" or \
                key == "edition_pdf_max_mb" and (isinstance(value, bool) or value < 0):
            raise TeikitError(f"{key} must be {_KINDS[_TYPES[key]]}", str(path), where)
        setattr(settings, key, tuple(value) if key == "outputs" else value)
    unknown = set(settings.outputs) - set(OUTPUTS)
    if unknown:
        raise TeikitError(f"outputs: unknown output {sorted(unknown)[0]!r}; choose from "
                          "html, print, text, epub", str(path), _line_of(text, "outputs"))
    if settings.base_url and not settings.base_url.startswith(("https://", "http://")):
        raise TeikitError("base_url must be an http(s) URL", str(path), _line_of(text, "base_url"))
    if settings.profile not in ("", "tei", "teikit", "frus"):
        raise TeikitError("profile must be tei, teikit or frus", str(path),
                          _line_of(text, "profile"))
    if settings.reading_view not in ("normalized", "diplomatic"):
        raise TeikitError("reading_view must be normalized or diplomatic", str(path),
                          _line_of(text, "reading_view"))
    if settings.schema not in ("", "tei_all", "teikit"):  # a file: relative to the edition
        settings.schema = str(path.parent / settings.schema)
    return settings


def view_params(settings: Settings) -> dict[str, str]:
    """The stylesheet parameters the settings ask for (only those not at their default,
    so that an edition that sets none keeps the keys its outputs were built with)."""
    params = {"facs-pattern": settings.facs_pattern, "witness": settings.witness,
              "reading-view": "" if settings.reading_view == "normalized" else settings.reading_view,
              "print-facsimile": "yes" if settings.print_facsimile else ""}
    return {key: value for key, value in params.items() if value}


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.split("=")[0].strip() == key:
            return number
    return 0


def template(title: str = "") -> str:
    """A teikit.toml with every setting explained (`teikit new --edition`)."""
    quoted = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"""\
# teikit.toml: how `teikit build` publishes this edition folder.
# Command-line options override what is set here.

# The edition's title: the index page, every page's breadcrumb, the edition PDF.
title = {quoted}

# Where the output folder will be published (e.g. "https://example.org/edition/").
# When set, every page gets <link rel="canonical"> and html/sitemap.xml is written.
base_url = ""

# Which outputs to build: any of "html", "print", "text", "epub" (an EPUB 3 ebook per
# volume: epub/{{volume}}/{{volume}}.epub).
outputs = ["html", "print", "text"]

# The schema every file is checked against: "tei_all", "teikit" or a schema file
# (.rng or .xsd, relative to this folder). Empty: each file's own <?xml-model?>, else tei_all.
schema = ""

# The editorial rules: "tei" (any TEI), "teikit" or "frus". Empty: follow the schema.
profile = ""

# Page images: a URL pattern for <pb facs>; {{facs}} and {{n}} are replaced from each pb.
facs_pattern = ""

# Critical editions: the PDF and text show the text of this witness (its xml:id) instead
# of the critical text with its apparatus; the web pages let readers switch themselves.
witness = ""

# Choices (sic/corr, abbr/expan, orig/reg): "normalized" shows corr, expan, reg;
# "diplomatic" shows sic, abbr, orig (the web pages open in this view and can switch).
reading_view = "normalized"

# The volumes' reading order: source files (relative to this folder) listed first, in this
# order; files not listed follow in name order.
volumes = []

# true: a file with schema or rule errors is not published (default: published, and the
# build reports its errors and exits with status 1).
strict = false

# true: also a PDF for every document of a volume (a PDF per volume is always made).
pdf_per_document = false

# true: the PDFs show each page's image (a local file named by pb/@facs or a surface) as a
# plate before the transcription of that page; remote images are named by their address.
print_facsimile = false

# The edition PDF (print/edition.pdf, every volume in one, with contents): "auto" makes it
# while the edition's TEI is at most edition_pdf_max_mb megabytes (Typst lays out about
# 100 pages, 0.1 MB, a second); true always; false never.
edition_pdf = "auto"
edition_pdf_max_mb = 10

# A search page (html/search.html) over every document, with filters for volume, year and
# type; its index is static (Pagefind): no server needed, any static host will do.
search = true

# Registers of persons, places, organisations and terms (html/registers/), gathered from
# the lists the TEI declares, each entry with every document that mentions it.
registers = true

# The output folder, relative to this folder (empty: "output" in the current folder).
output = ""
"""

