"""Accessibility, measured: axe-core's WCAG 2.0/2.1 A and AA rules, run in Chromium, find
no violation on the pages of a site built from the real corpora (documents of every
project, volume pages, the index, registers and search). FRUS is a US government site,
bound by Section 508: a page a screen reader cannot use is a failure like lost text.

axe-core comes from npm (tests/a11y/package.json, pinned; `.ci/run` installs it with
`npm ci --prefix tests/a11y`). It is put into a copy of each page beside it (so the
page's own stylesheet applies: contrast is judged as a reader sees it) and writes its
findings into the page, which is read once they are there (browser.py).
"""

from __future__ import annotations

import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from browser import page_dom
from conftest import FIXTURES, ROOT, SHARED
from lxml import html

from toolkit.edition import Settings, build_edition

AXE = ROOT / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
CORPUS = SHARED / "corpus"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN = """<script>%s</script><script>
axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
  .then(r => document.documentElement.setAttribute('data-axe', JSON.stringify(
    r.violations.map(v => ({rule: v.id, impact: v.impact,
                            nodes: v.nodes.slice(0, 3).map(n => n.html.slice(0, 160))})))))
  .catch(e => document.documentElement.setAttribute('data-axe', 'failed: ' + e));
</script>"""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which("chromium"), reason="chromium is not installed "
                       "(apt-get install chromium; .ci/run does this)"),
    pytest.mark.skipif(not AXE.is_file(), reason="axe-core is not installed (npm ci --prefix "
                       "tests/a11y; .ci/run does this)"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The corpus (every project's folder) and the FRUS fixture volume, as one edition."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent (the real-world TEI lives beside the repo)")
    src = tmp_path_factory.mktemp("a11y") / "tei"
    shutil.copytree(CORPUS, src, ignore=shutil.ignore_patterns("*.jpg", "*.png", "*.tif"))
    shutil.copy(FIXTURES / "tei" / "frus-volume.xml", src / "frus-volume.xml")
    out = src.parent / "out"
    report = build_edition(src, out, Settings(outputs=("html",), title="Corpus"), jobs=2)
    assert report.documents >= 200
    projects = {volume: Path(path).relative_to(src).parts[0] for volume, path in
                report.volumes.items()}  # volume folder -> the corpus folder it came from
    return out / "html", projects


def sample(site: Path, projects: dict[str, str]) -> list[Path]:
    """The edition's own pages, a register list and entry of each kind, and document and
    volume pages of every project (every folder of the corpus), spread through each."""
    own = [site / "index.html", site / "search.html"]
    registers = sorted((site / "registers").glob("*.html"))
    entries = [next(iter(sorted(p.with_suffix("").glob("*.html"))), None) for p in registers]
    chosen = own + registers + [e for e in entries if e]
    by_project: dict[str, list[Path]] = {}
    for volume, project in sorted(projects.items()):
        by_project.setdefault(project, []).append(site / volume)
    for volumes in by_project.values():
        for volume in volumes[::max(1, len(volumes) // 6)][:6]:
            pages = sorted(volume.glob("*.html"))
            chosen += [volume / "index.html"] + [p for p in pages if p.name != "index.html"][:2]
    return list(dict.fromkeys(p for p in chosen if p.is_file()))


def axe(page: Path, profile: Path) -> list[dict] | str:
    probe = page.with_name(f".axe-{page.name}")
    probe.write_text(page.read_text(encoding="utf-8").replace(
        "</body>", RUN % (AXE.read_text(encoding="utf-8"), json.dumps(RULES)) + "</body>"),
        encoding="utf-8")
    try:
        dom = page_dom(probe.as_uri(), profile,
                       ready="document.documentElement.hasAttribute('data-axe')")
    finally:
        probe.unlink()
    found = html.fromstring(dom).get("data-axe") if dom.strip() else None
    if found is None or found.startswith("failed"):
        return f"axe did not finish: {found}"
    return json.loads(found)


def test_axe_finds_no_wcag_a_or_aa_violation_on_a_corpus_site(site, tmp_path):
    site, projects = site
    pages = sample(site, projects)
    assert 36 <= len(pages) <= 100, len(pages)
    assert len(set(projects.values())) >= 5  # frus-history, sga, schnitzler, apparatus, …
    assert any("registers" in p.parts for p in pages) and site / "search.html" in pages
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda ip: axe(ip[1], tmp_path / f"profile{ip[0]}"),
                                enumerate(pages)))
    found = {str(p.relative_to(site)): r for p, r in zip(pages, results, strict=True) if r}
    assert found == {}


def test_the_check_can_fail(site, tmp_path):
    """The same run on a page with an image without alt text and a list holding a div."""
    bad = site[0] / "index.html"
    broken = site[0] / "broken.html"
    broken.write_text(bad.read_text(encoding="utf-8").replace(
        "</body>", '<img src="x.png"><ul><div>not an item</div></ul></body>'), encoding="utf-8")
    try:
        rules = {v["rule"] for v in axe(broken, tmp_path / "profile")}
    finally:
        broken.unlink()
    assert {"image-alt", "list"} <= rules
