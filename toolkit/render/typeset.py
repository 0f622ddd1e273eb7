"""Print: the page tree print.xsl makes → PDF, laid out by Typst with print.typ.

Typst (the `typst` wheel) replaced WeasyPrint: it sets a 5 MB volume many times faster
(tests/benchmarks/bench.py prints both), writes tagged PDF/UA, is byte-identical for the
same input (no timestamp, fonts from the package and the wheel, never the machine's) and
needs no system libraries. The document goes to Typst as data (sys.inputs, read with
xml() by the template), never as Typst source: no text of a transcription can run code,
read a file or change the layout.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import tempfile
import threading
import unicodedata
from functools import cache

from lxml import etree

from ..errors import TeikitError
from ..resources import xslt_path

TEMPLATE = "print.typ"
STANDARDS = ["ua-1"]  # PDF/UA-1: tagged, with title and language; Typst refuses what breaks it


_lock = threading.Lock()  # one compiler per process, used by one thread at a time


@cache
def _compiler():
    """Made once per process: it keeps the fonts loaded and Typst's caches warm."""
    import typst

    template = xslt_path(TEMPLATE)
    # root: the stylesheets' folder is all a compilation may read (the data is an input)
    return typst.Compiler(str(template), root=str(template.parent),
                          font_paths=[str(xslt_path("fonts"))], ignore_system_fonts=True)


def _cmap(font: bytes) -> set[int]:
    """The characters a TrueType font has glyphs for (its Unicode cmap: format 4 or 12)."""
    count = struct.unpack_from(">H", font, 4)[0]
    tables = {font[12 + 16 * i:16 + 16 * i]: struct.unpack_from(">I", font, 20 + 16 * i)[0]
              for i in range(count)}
    cmap = tables[b"cmap"]
    chars: set[int] = set()
    for i in range(struct.unpack_from(">H", font, cmap + 2)[0]):
        platform, encoding, offset = struct.unpack_from(">HHI", font, cmap + 4 + 8 * i)
        if (platform, encoding) not in ((3, 1), (3, 10), (0, 3), (0, 4)):
            continue
        at = cmap + offset
        kind = struct.unpack_from(">H", font, at)[0]
        if kind == 4:
            n = struct.unpack_from(">H", font, at + 6)[0] // 2
            ends = struct.unpack_from(f">{n}H", font, at + 14)
            starts = struct.unpack_from(f">{n}H", font, at + 16 + 2 * n)
            deltas = struct.unpack_from(f">{n}h", font, at + 16 + 4 * n)
            range_at = at + 16 + 6 * n  # idRangeOffset[i] counts from its own place
            for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
                offset = struct.unpack_from(">H", font, range_at + 2 * i)[0]
                for c in range(start, end + 1):
                    glyph = c if offset == 0 else struct.unpack_from(
                        ">H", font, range_at + 2 * i + offset + 2 * (c - start))[0]
                    if glyph and (glyph + deltas[i]) & 0xFFFF:  # glyph 0: none
                        chars.add(c)
        elif kind == 12:
            for g in range(struct.unpack_from(">I", font, at + 12)[0]):
                start, end, _ = struct.unpack_from(">III", font, at + 16 + 12 * g)
                chars.update(range(start, end + 1))
    chars.discard(0xFFFF)
    return chars


@cache
def drawable() -> frozenset[int]:
    """What the shipped fonts draw (the template's fallbacks: DejaVu Sans, Noto Sans, Noto
    Sans Syriac, Droid Sans Fallback for Chinese, Japanese and Korean)."""
    chars: set[int] = set()
    for font in xslt_path("fonts").iterdir():
        if font.name.endswith(".ttf"):
            chars |= _cmap(font.read_bytes())
    return frozenset(chars)


def stand_ins(text: str) -> str:
    """Each visible character no shipped font can draw as [U+XXXX]: shown, never a blank
    box (PDF/UA forbids those; Typst stops). Private-use characters too (MUFI's medieval
    letters, a recogniser's glyph codes): their meaning is the project's, their code is
    what a reader can look up. The body face has no glyph the shipped fonts lack that a
    source is likely to use; a character only it has would print as its code too."""
    drawn = drawable()
    missing = {c for c in set(text) if ord(c) not in drawn and ord(c) > 0x7F
               and (unicodedata.category(c)[0] in "LMNPS" or unicodedata.category(c) == "Co")}
    for c in sorted(missing):
        text = text.replace(c, f"[U+{ord(c):04X}]")
    return text


def _inputs(page_tree: str, name: str) -> dict[str, str]:
    """The template's sys.inputs: the tree, the ids links lead to, and the metadata."""
    page_tree = stand_ins(page_tree)
    try:
        root = etree.fromstring(page_tree.encode("utf-8"),
                                etree.XMLParser(resolve_entities=False, no_network=True,
                                                huge_tree=True, collect_ids=False))
    except etree.XMLSyntaxError as exc:  # print.xsl writes XML: this is a teikit bug
        raise TeikitError(f"the print page tree is not XML ({exc}); please report it",
                          name) from None
    ids = set(root.xpath("//@id"))
    hrefs = {h[1:] for h in root.xpath("//*[local-name()='a']/@href") if h.startswith("#")}
    meta = {m.get("name"): m.get("content", "") for m in root.iter("meta") if m.get("name")}
    title = " ".join("".join(root.xpath("//head/title//text()")).split())
    return {"data": page_tree, "targets": "\n".join(sorted(ids & hrefs)),
            "title": title or name, "author": meta.get("author", ""),
            "subject": meta.get("description", ""), "keywords": meta.get("keywords", ""),
            "lang": (root.get("lang") or "en").split("-")[0].lower()}


# Typst keeps what it computed for its last ten compilations in a cache of the process
# (about 0.6 GB per MB of TEI) and Python cannot empty it: a build worker printing volume
# after volume grew to tens of GB. A page tree up to this size is laid out here (a memo, a
# small volume: the warm compiler saves its start-up); a bigger one in a process of its own,
# which takes its memory with it when it ends (0.3 s to start, against 10 s per MB).
IN_PROCESS = 250_000  # characters of page tree


def typeset(page_tree: str, name: str = "<input>", images: dict[str, str] | None = None
            ) -> bytes:
    """The PDF of a page tree from print.xsl; TeikitError (one line) if Typst fails.
    images: the page images its plates name (name → local file; see render.plates)."""
    inputs = _inputs(page_tree, name)
    if len(page_tree) <= IN_PROCESS:
        return _compile(inputs, name, images)
    run = subprocess.run([sys.executable, "-m", __name__], capture_output=True,
                         input=json.dumps({"name": name, "inputs": inputs,
                                           "images": images or {}}).encode("utf-8"))
    if run.returncode != 0:  # the child says why in one line (or it was killed)
        why = run.stderr.decode("utf-8", "replace").strip().splitlines()
        raise TeikitError(why[-1] if why else f"PDF layout stopped (status {run.returncode})",
                          name)
    return run.stdout


def _compile(inputs: dict[str, str], name: str, images: dict[str, str] | None = None
             ) -> bytes:
    import typst

    try:
        with _lock:
            if images:
                with tempfile.TemporaryDirectory(prefix="teikit-plates-") as folder:
                    pdf = _with_images(folder, images, name).compile(
                        format="pdf", sys_inputs=inputs, pdf_standards=STANDARDS, timestamp=0)
            else:
                pdf = _compiler().compile(format="pdf", sys_inputs=inputs,
                                          pdf_standards=STANDARDS, timestamp=0)
    except typst.TypstError as exc:
        message = " ".join(str(getattr(exc, "message", exc)).split())
        raise TeikitError(f"PDF layout failed: {message}", name) from None
    if not isinstance(pdf, bytes):
        raise TeikitError("PDF layout produced no PDF", name)
    return pdf


PLATE_MAX = 3000  # px, long side: a plate prints at 300 dpi or better on a page of 10 in


def _with_images(folder: str, images: dict[str, str], name: str):
    """A compiler whose root holds the template and the plates' images (Typst reads only
    inside its root), each as JPEG or PNG, no larger than a page needs."""
    import shutil

    import typst
    from PIL import Image as Picture

    template = xslt_path(TEMPLATE)
    shutil.copyfile(template, os.path.join(folder, TEMPLATE))
    for plate, source in images.items():
        target = os.path.join(folder, plate)
        try:
            with Picture.open(source) as picture:
                if max(picture.size) <= PLATE_MAX and picture.format in ("JPEG", "PNG") and \
                        plate.endswith((".jpg", ".png")):
                    shutil.copyfile(source, target)
                    continue
                picture.thumbnail((PLATE_MAX, PLATE_MAX))
                picture.convert("RGB").save(target, "JPEG", quality=88)
        except (OSError, ValueError) as exc:
            raise TeikitError(f"cannot print the page image {source}: {exc}", name) from None
    return typst.Compiler(os.path.join(folder, TEMPLATE), root=folder,
                          font_paths=[str(xslt_path("fonts"))], ignore_system_fonts=True)


def _apart() -> int:
    """`python -m toolkit.render.typeset`: {name, inputs} as JSON on stdin → the PDF on
    stdout, or the error's message on stderr and status 1."""
    task = json.loads(sys.stdin.buffer.read())
    try:
        pdf = _compile(task["inputs"], task["name"], task.get("images"))
    except TeikitError as exc:
        sys.stderr.write(exc.message + "\n")
        return 1
    sys.stdout.buffer.write(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(_apart())
