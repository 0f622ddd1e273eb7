"""The facsimile's figures (`bench.py --only facsimile`): a 200-page volume whose pages each
have a local 6000 × 8000 px scan.

1. Site build time with the images and without them (the same TEI, no facsimile), side by
   side, as a ratio.
2. What publishing each scan costs: the smaller copies the viewer opens from (teikit's way)
   next to a plain copy of the scan (the alternative), per image.
3. Page weight of a document page before any image loads (HTML, stylesheet, scripts),
   with and without the viewer; and what the viewer then fetches to show a page: the copy
   that fits its panel next to the whole scan.
"""

from __future__ import annotations

import gzip
import shutil
import tempfile
import time
from pathlib import Path

SCAN = (6000, 8000)
PANEL = (660, 760)  # px: the viewer's panel on a 1400 px wide screen


def make_scan(path: Path) -> Path:
    """A scan-like JPEG: 60 lines of writing on a paper tone with grain, so that every
    smaller copy keeps detail to compress, as a real page's does (noise alone averages out
    to a flat image a few kB small)."""
    from PIL import Image, ImageDraw, ImageFont

    noise = Image.effect_noise(SCAN, 24).convert("L")
    paper = Image.new("RGB", SCAN, (226, 214, 190))
    picture = Image.composite(paper, Image.new("RGB", SCAN, (200, 188, 166)), noise)
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype(str(Path(__file__).resolve().parents[2] / "xslt" / "fonts" /
                                  "DejaVuSans.ttf"), 90)
    words = "the committee heard the report of the delegation on the frontier "
    for n in range(60):
        draw.text((500, 600 + n * 115), (words * 3)[n % 20:n % 20 + 90], fill=(52, 40, 30),
                  font=font)
    picture.save(path, "JPEG", quality=85)
    return path


def volume_tei(pages: int, images: bool) -> str:
    """A volume of 20 documents over `pages` pages; with images, a surface per page."""
    surfaces = "".join(
        f'<surface xml:id="f{n}" ulx="0" uly="0" lrx="{SCAN[0]}" lry="{SCAN[1]}">'
        f'<graphic url="scans/p{n:03}.jpg"/>'
        f'<zone xml:id="f{n}-l1" ulx="400" uly="600" lrx="5600" lry="760"/></surface>'
        for n in range(1, pages + 1)) if images else ""
    per_doc = max(1, pages // 20)
    body = []
    for d in range(1, 21):
        paras = []
        for n in range((d - 1) * per_doc + 1, d * per_doc + 1):
            facs = f' facs="#f{n}"' if images else ""
            line = f'<lb facs="#f{n}-l1"/>' if images else ""
            paras.append(f'<pb n="{n}"{facs}/><p>{line}Page {n}: the committee heard the '
                         f'report of the delegation on the situation along the frontier.</p>')
        body.append(f'<div type="document" xml:id="d{d}" n="{d}"><head>Document {d}</head>'
                    + "".join(paras) + "</div>")
    return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="scans"><teiHeader><fileDesc>'
            f'<titleStmt><title>A volume of scans</title></titleStmt><publicationStmt><p/>'
            f'</publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>'
            f'{"<facsimile>" + surfaces + "</facsimile>" if images else ""}'
            f'<text><body>{"".join(body)}</body></text></TEI>')


def iiif_tiles(source: Path, folder: Path, tile: int = 512) -> tuple[int, int]:
    """The alternative to smaller copies: static IIIF level-0 tiles of the scan (every
    scale factor down to one tile, as a Wax or iiif_s3 site has them). Returns the number
    of files and the bytes of the tiles a panel-sized view of the whole page needs."""
    import math

    from PIL import Image

    files, opened = 0, 0
    with Image.open(source) as picture:
        full = picture.convert("RGB")
    width, height = full.size
    need = min(PANEL[0] / width, PANEL[1] / height)
    factors = [2 ** k for k in range(int(math.log2(max(width, height) / tile)) + 2)]
    level = full
    for factor in factors:
        if factor > 1:
            level = level.reduce(2)
        lw, lh = level.size
        shown = 1 / factor >= need and 1 / (factor * 2) < need  # the level a viewer opens
        for y in range(0, lh, tile):
            for x in range(0, lw, tile):
                part = level.crop((x, y, min(x + tile, lw), min(y + tile, lh)))
                target = folder / f"{x * factor},{y * factor}" / f"{part.size[0]}," / "0"
                target.mkdir(parents=True, exist_ok=True)
                part.save(target / "default.jpg", "JPEG", quality=85)
                files += 1
                if shown:
                    opened += (target / "default.jpg").stat().st_size
    return files, opened


def _weight(page: Path, site: Path) -> tuple[int, int]:
    """Bytes of a page and what it loads before any image (stylesheet, scripts): as
    served, and gzip-compressed (as most servers send them)."""
    from lxml import html

    dom = html.fromstring(page.read_bytes())
    files = [page] + [(page.parent / ref).resolve() for ref in
                      dom.xpath("//link[@rel='stylesheet']/@href | //script/@src")]
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes())) for f in files)
    assert all(f.is_relative_to(site.resolve()) for f in files)
    return raw, packed


def facsimile(pages: int, jobs: int) -> None:
    from toolkit.edition import Settings, build_edition
    from toolkit.edition.images import plan_images, write_levels
    from toolkit.files import OutputFolder

    work = Path(tempfile.mkdtemp(prefix="teikit-bench-facs-"))
    try:
        scans = work / "with" / "scans"
        scans.mkdir(parents=True)
        start = time.perf_counter()
        first = make_scan(scans / "p001.jpg")
        for n in range(2, pages + 1):
            shutil.copyfile(first, scans / f"p{n:03}.jpg")
        print(f"{pages} scans of {SCAN[0]} × {SCAN[1]} px, {first.stat().st_size / 1e6:.1f} MB "
              f"each (made in {time.perf_counter() - start:.0f} s)")
        (work / "with" / "volume.xml").write_text(volume_tei(pages, True))
        (work / "without").mkdir()
        (work / "without" / "volume.xml").write_text(volume_tei(pages, False))
        html = Settings(outputs=("html",), search=False)
        times = {}
        for kind in ("without", "with"):
            start = time.perf_counter()
            report = build_edition(work / kind, work / f"out-{kind}", html, jobs=jobs)
            times[kind] = time.perf_counter() - start
            assert not report.errors, report.errors[:3]
        print(f"{'site build, ' + str(pages) + ' pages, no images':<44} {times['without']:7.2f} s")
        print(f"{'  … with their 6000 × 8000 scans':<44} {times['with']:7.2f} s  "
              f"×{times['with'] / times['without']:.1f} (jobs {jobs})")
        start = time.perf_counter()
        build_edition(work / "with", work / "out-with", html, jobs=jobs)
        print(f"{'  … again, nothing changed':<44} {time.perf_counter() - start:7.2f} s")

        # one image: the levels against a plain copy of the scan
        published = plan_images(["scans/p001.jpg"], str(work / "with"), "html/x")[0]
        out = OutputFolder(work / "one")
        start = time.perf_counter()
        write_levels(str(first), published.levels, out)
        levels = time.perf_counter() - start
        start = time.perf_counter()
        shutil.copyfile(first, work / "plain.jpg")
        plain = time.perf_counter() - start
        print(f"{'publish one scan: its smaller copies':<44} {levels:7.2f} s  "
              f"({', '.join(f'{w}×{h}' for _n, w, h in published.levels[:-1])})")
        print(f"{'  … a plain copy of it (no smaller copies)':<44} {plain:7.2f} s")
        start = time.perf_counter()
        tiles, tiles_opened = iiif_tiles(first, work / "tiles")
        tiled = time.perf_counter() - start
        print(f"{'  … IIIF level-0 tiles of it (the alternative)':<44} {tiled:7.2f} s  "
              f"×{tiled / levels:.1f} the copies' time; {tiles} files against "
              f"{len(published.levels)}")

        # the page before any image, and what the viewer then fetches
        site = work / "out-with" / "html"
        page = site / "scans" / "d1.html"
        bare = work / "out-without" / "html" / "scans" / "d1.html"
        raw, packed = _weight(page, site)
        raw0, packed0 = _weight(bare, work / "out-without" / "html")
        print(f"{'document page before any image, viewer':<44} {raw / 1e3:7.1f} kB  "
              f"({packed / 1e3:.1f} kB gzip)")
        print(f"{'  … the same page without images':<44} {raw0 / 1e3:7.1f} kB  "
              f"({packed0 / 1e3:.1f} kB gzip)  ×{packed / packed0:.1f} gzip")
        scale = min(PANEL[0] / SCAN[0], PANEL[1] / SCAN[1])
        need = SCAN[0] * scale
        fits = next(name for name, w, _h in published.levels if w >= need)
        opened = (work / "one" / fits).stat().st_size
        whole = first.stat().st_size
        print(f"{'  … a second page (scripts, CSS cached)':<44} "
              f"{page.stat().st_size / 1e3:7.1f} kB  "
              f"({len(gzip.compress(page.read_bytes())) / 1e3:.1f} kB gzip)")
        print(f"{'the viewer opens a page: the copy that fits':<44} {opened / 1e6:7.2f} MB  "
              f"({fits.rpartition('/')[2]})")
        print(f"{'  … its IIIF tiles at that size':<44} {tiles_opened / 1e6:7.2f} MB  "
              f"×{tiles_opened / opened:.2f}")
        print(f"{'  … the whole scan (a plain copy)':<44} {whole / 1e6:7.2f} MB  "
              f"×{whole / opened:.0f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
