"""Page images published with an edition.

Each local image a volume's TEI names (see toolkit/facsimile) is published in the volume's
folder, `html/{volume}/facsimile/`, in a format browsers show (a TIFF becomes a JPEG). A
large scan also gets smaller copies, each half the size of the next, down to LEVEL_MIN
pixels on its long side: the viewer opens the copy that fits its panel (a 6000 × 8000 px
scan opens from a 750 × 1000 JPEG of 0.22 MB instead of its whole 6.7 MB) and loads the
larger ones only as the reader zooms in (OpenSeadragon's image pyramid). Why copies, not
static IIIF tiles: a view of the whole page needs as many bytes either way (0.22 against
0.23 MB), and the tiles took 2.8 times as long to make (0.88 against 0.31 s a scan) as 257
files against 4, which an edition's build must key, write and remove one by one
(`bench.py --only facsimile`).
Remote images (IIIF services, web URLs) are used where they are.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import PurePosixPath

from lxml import etree

from ..errors import TeikitError
from ..facsimile import SHOWN, figures, has_images, image_size, jpeg, read_facsimile, remote
from .documents import safe_slug

FOLDER = "facsimile"
LEVEL_MIN = 1024  # px, long side: an image up to this size is published as it is


def describe_images(tree: etree._ElementTree, path: str, root: str) -> dict:
    """What the build keeps of a file's images: whether its text reaches any (its pages
    have a viewer), whether its page breaks name images a facs_pattern would complete (a
    setting, not the file's: the plan decides), and the local files it names (paths from
    the edition folder), to publish and to key by."""
    figures = _figures(tree, path, root)
    if not has_images(tree):
        return {"figures": figures} if figures else {}
    found = read_facsimile(tree, path, root)
    local = [os.path.relpath(image.path, root).replace(os.sep, "/")
             for image in found.local_images()]
    return {"facsimile": bool(found.used), "named": found.named, "images": local,
            **({"figures": figures} if figures else {})}


def _figures(tree: etree._ElementTree, path: str, root: str) -> list[str]:
    """The local files the graphics name (paths from the edition folder): an ebook holds
    the images its text shows, and is made again when one of them changes."""
    return list(dict.fromkeys(os.path.relpath(image.path, root).replace(os.sep, "/")
                              for image in figures(tree, path, root).values()))


@dataclass
class Published:
    """One local image as the site has it: its levels (smallest first; the last is the
    image itself), each an output name with its size."""

    source: str  # path from the edition folder
    levels: list[tuple[str, int, int]]
    stamp: tuple[int, int]  # the source file's size and modification time: its key

    def href(self, volume_folder: str) -> dict:
        """The viewer's entry for it, from a page in the volume's folder."""
        urls = [(name[len(volume_folder) + 1:], w, h) for name, w, h in self.levels]
        full, width, height = urls[-1]
        if len(urls) == 1:
            return {"kind": "image", "src": full, "link": full, "width": width, "height": height}
        return {"kind": "levels", "link": full, "width": width, "height": height,
                "src": [{"url": u, "width": w, "height": h} for u, w, h in urls]}


def plan_images(sources: list[str], root: str, volume_folder: str) -> list[Published]:
    """Names and sizes for a volume's local images (files that are not images, or cannot
    be read, are left out: the checks warn about them)."""
    published, taken = [], set()
    for rel in sources:
        path = os.path.join(root, rel)
        try:
            stat = os.stat(path)
        except OSError:
            continue
        size = image_size(path)
        if size is None:
            continue
        stem = safe_slug(PurePosixPath(rel).stem, "image")
        base, count = stem, 1
        while stem in taken:
            count += 1
            stem = f"{base}-{count}"
        taken.add(stem)
        suffix = PurePosixPath(rel).suffix.lower()
        ext = suffix if suffix in SHOWN else ".jpg"
        width, height = size
        levels = [(f"{volume_folder}/{FOLDER}/{stem}{ext}", width, height)]
        w, h = width, height
        while max(w, h) > LEVEL_MIN:
            w, h = max(1, w // 2), max(1, h // 2)
            levels.insert(0, (f"{volume_folder}/{FOLDER}/{stem}.{w}w.jpg", w, h))
        published.append(Published(rel, levels, (stat.st_size, stat.st_mtime_ns)))
    return published


def write_levels(source: str, levels: list[tuple[str, int, int]], folder) -> list[str]:
    """Write an image's levels into the output folder (an OutputFolder; each file whole);
    the names written. A file the browser shows is copied byte for byte; others are
    converted."""
    from PIL import Image as Picture

    from ..files import write_atomic

    written = []
    full_name = levels[-1][0]
    try:
        if PurePosixPath(full_name).suffix == PurePosixPath(source).suffix.lower():
            with open(source, "rb") as image:
                write_atomic(folder.path(full_name), image.read())
            written.append(full_name)
            if len(levels) == 1:
                return written
        with Picture.open(source) as opened:
            if full_name in written and len(levels) > 1:  # (copied: decoded only as large
                opened.draft("RGB", levels[-2][1:])  # as the next copy, by the JPEG
                # decoder's own scaling: 0.55 -> 0.2 s for a 6000 × 8000 scan)
            picture = opened.convert("RGB") if opened.mode not in ("RGB", "L") else opened.copy()
        if full_name not in written:
            write_atomic(folder.path(full_name), jpeg(picture))
            written.append(full_name)
        for name, w, h in reversed(levels[:-1]):  # each from the next larger: fast
            if picture.size[0] >= 2 * w:
                picture = picture.reduce(2)
            if picture.size != (w, h):
                picture = picture.resize((w, h))
            write_atomic(folder.path(name), jpeg(picture))
            written.append(name)
    except (OSError, ValueError) as exc:
        raise TeikitError(f"cannot publish this page image: {exc}", source) from None
    return written


def site_href(published: list[Published], root: str, volume_folder: str):
    """How a volume's pages load each image: its published copies, else the web's."""
    by_path = {os.path.abspath(os.path.join(root, p.source)): p for p in published}

    def href(image) -> dict:
        if image.kind == "local":
            found = by_path.get(os.path.abspath(image.path))
            return found.href(volume_folder) if found else {"kind": "none"}
        return remote(image)
    return href


VIEWER = ("facsimile.js", "openseadragon")  # in html/, beside teikit.css


def viewer_files() -> list[str]:
    """The viewer's files, as outputs: our script and OpenSeadragon with its licence."""
    from ..resources import data_dir

    xslt = data_dir("xslt")
    found = [f"html/{VIEWER[0]}"]
    for path in sorted((xslt / VIEWER[1]).rglob("*")):
        if path.is_file():
            found.append("html/" + path.relative_to(xslt).as_posix())
    return found


def publish(tree: etree._ElementTree, path: str, root: str, task: dict, out) -> dict[str, str]:
    """In a worker: write the volume's page images and its manifest, as the plan asks
    (out: the task's Output); return the parameters that put the viewer on its pages.
    Call it with the whole volume (the manifest holds every page's transcription)."""
    from ..facsimile import viewer_json
    from .iiif import manifest

    plan = task.get("facsimile")
    if not plan:
        return {}
    folder = f"html/{plan['folder']}"
    found = read_facsimile(tree, path, root, str(task["params"].get("facs-pattern") or ""))
    href = site_href(plan["images"], root, folder)
    for image in task.get("images", []):
        try:
            out.files += write_levels(os.path.join(root, image.source), image.levels, out.out)
        except TeikitError as exc:
            out.errors.append(str(exc))
    if task.get("manifest"):
        out.write(task["manifest"], lambda: manifest(tree, found, href, plan["title"],
                                                     plan["site"], plan["homepage"]), path)
    params = {"facsimile": viewer_json(found, href), "facsimile-href": "../"}
    if plan["site"]:
        params.update({"manifest-href": "manifest.json",
                       "manifest-url": plan["site"] + "manifest.json"})
    return params
