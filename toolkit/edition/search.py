"""The edition's search index: Pagefind reads the published document pages (those marked
`data-pagefind-body`, with their volume, date and type as filters) and writes a static
index beside them in html/pagefind/, which search.js queries in the reader's browser.

Pagefind indexes a whole site at a time (its index is not updated in place), so a build
runs it whenever any page changed; for 4,342 documents that takes a few seconds. Its
output is written to a new folder and swapped in, so a failed run leaves the old index.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from ..errors import TeikitError

FOLDER = "pagefind"  # in html/


def executable() -> str:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise TeikitError("search needs Pagefind: pip install 'pagefind[bin]' (or set "
                          "search = false in teikit.toml)") from None
    return str(get_executable())


def index_site(html: str, language: str) -> None:
    """(Re)index the document pages under the html folder into html/pagefind/, as one
    index in the edition's main language (Pagefind would otherwise make one per language,
    and a search page searches only its own: German letters in an English edition would
    never be found)."""
    target = os.path.join(html, FOLDER)
    if not any(name.endswith(".html") for entry in os.scandir(html) if entry.is_dir()
               and entry.name != FOLDER and not entry.name.startswith(".")
               for name in os.listdir(entry.path)):
        if os.path.isdir(target) and not os.path.islink(target):  # nothing left to find
            shutil.rmtree(target, ignore_errors=True)
        return
    new = os.path.join(html, f".{FOLDER}.{os.getpid()}.new")
    old = os.path.join(html, f".{FOLDER}.{os.getpid()}.old")
    for leftover in (new, old):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        run = subprocess.run([executable(), "--site", html, "--glob", "*/*.html",
                              "--output-path", new, "--force-language", language,
                              "--keep-index-url",  # (a static host may not serve folder/)
                              "--silent"],
                             capture_output=True, text=True, timeout=3600,
                             stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(new, ignore_errors=True)
        raise TeikitError(f"the search index could not be made: {exc}", html) from None
    if run.returncode != 0 or not os.path.isfile(os.path.join(new, "pagefind.js")):
        shutil.rmtree(new, ignore_errors=True)
        said = (run.stderr or run.stdout).strip().splitlines()
        raise TeikitError("the search index could not be made: Pagefind says "
                          f"{said[-1] if said else f'nothing (exit {run.returncode})'}", html)
    if os.path.islink(target):
        raise TeikitError("is a symbolic link; teikit writes only inside the output folder",
                          target)
    if os.path.isdir(target):
        os.rename(target, old)
    os.rename(new, target)
    shutil.rmtree(old, ignore_errors=True)


def clean_leftovers(html: str, alive) -> None:
    """Remove what an interrupted indexing run left (its pid no longer running)."""
    try:
        names = os.listdir(html)
    except OSError:
        return
    for name in names:
        parts = name.split(".")
        if len(parts) == 4 and parts[1] == FOLDER and parts[2].isdigit() and \
                parts[3] in ("new", "old") and not alive(int(parts[2])):
            shutil.rmtree(os.path.join(html, name), ignore_errors=True)
