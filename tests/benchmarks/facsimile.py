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
    """A scan-like JPEG: paper tone with noise (a flat stand-in would compress to nothing)."""
    from PIL import Image

    noise = Image.effect_noise(SCAN, 24).convert("L")
    paper = Image.new("RGB", SCAN, (226, 214, 190))
    picture = Image.composite(paper, Image.new("RGB", SCAN, (200, 188, 166)), noise)
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
        print(f"{'  … a plain copy of it (the alternative)':<44} {plain:7.2f} s  "
              f"×{levels / max(plain, 1e-6):.0f}")

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
        print(f"{'the viewer opens a page: the copy that fits':<44} {opened / 1e6:7.2f} MB  "
              f"({fits.rpartition('/')[2]})")
        print(f"{'  … the whole scan (the alternative)':<44} {whole / 1e6:7.2f} MB  "
              f"×{whole / opened:.0f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
