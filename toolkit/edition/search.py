"""The edition's search index: Pagefind reads the published document pages (those marked
`data-pagefind-body`, with their volume, date and type as filters) and writes static
indexes into html/pagefind/, which search.js queries in the reader's browser.

Pagefind cannot update an index in place, and re-indexing a whole FRUS-sized site takes
seconds for every edit (7.6 s for 10,720 pages). So the site is indexed in parts: a
volume of `OWN_INDEX` or more documents has an index of its own, smaller ones (letters,
one per file) share one of a few group indexes, each volume always landing in the same
group. A build re-indexes only the parts whose pages it wrote (one edited document: one
volume's index, 0.7 s), and search.js merges the parts in the browser (Pagefind's
`mergeIndex`), so a reader still searches the edition as one.

`html/pagefind/parts.json` says which parts exist and which are stale. A part is marked
stale before its pages are written and cleared only once it is indexed again: a build
that is interrupted, that fails to index, or that leaves indexing for later (`teikit
serve` shows an edit first) leaves the mark, the search page says that the index is
older than the pages, and the next build indexes that part. Each part is written to a
new folder and swapped in, so a failed run leaves the old index searchable.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zlib
from concurrent.futures import ThreadPoolExecutor

from ..errors import TeikitError
from ..files import write_atomic
from .manifest import part_ok

FOLDER = "pagefind"  # in html/
PARTS = "parts.json"  # in html/pagefind/
OWN_INDEX = 200  # documents from which a volume has an index of its own
GROUP_SIZE = 500  # documents per group index of the smaller volumes


def executable() -> str:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise TeikitError("search needs Pagefind: pip install 'pagefind[bin]' (or set "
                          "search = false in teikit.toml)") from None
    return str(get_executable())


def parts_of(volumes: list[tuple[str, int]]) -> dict[str, list[str]]:
    """The index parts: name -> the volume folders it indexes. volumes: (folder, number
    of documents) in edition order. A volume's group depends only on its name and the
    number of groups (which changes only as the small volumes' total passes a multiple of
    GROUP_SIZE): adding or editing a letter re-indexes one group, not every one."""
    small = [(folder, n) for folder, n in volumes if n < OWN_INDEX]
    groups = max(1, -(-sum(n for _, n in small) // GROUP_SIZE))
    parts: dict[str, list[str]] = {}
    for folder, n in volumes:
        name = f"v-{folder}" if n >= OWN_INDEX else \
            f"g-{zlib.crc32(folder.encode()) % groups + 1}-of-{groups}"
        parts.setdefault(name, []).append(folder)
    return parts


def volume_folders(names) -> set[str]:
    """The volume folders of the output names that are pages in one (html/{folder}/x.html)."""
    return {name.split("/")[1] for name in names
            if name.startswith("html/") and name.count("/") == 2}


def read_state(html: str) -> dict:
    """parts.json as the last build left it ({} when missing or not what a build writes:
    then every part is indexed again)."""
    try:
        with open(os.path.join(html, FOLDER, PARTS), encoding="utf-8") as handle:
            state = json.load(handle)
    except (OSError, ValueError):
        return {}
    parts, stale = (state.get("parts"), state.get("stale")) if isinstance(state, dict) \
        else (None, None)
    if not isinstance(parts, dict) or not isinstance(stale, list) or \
            not all(isinstance(v, list) and all(isinstance(f, str) for f in v)
                    for v in parts.values()) or \
            not all(part_ok(name) for name in [*parts, *stale]):
        return {}
    return state


def write_state(html: str, parts: dict[str, list[str]], stale: set[str]) -> None:
    """Record the parts (search.js merges them in this order) and the stale ones (only
    when that changes what the file says: a build with nothing to do writes nothing)."""
    path = os.path.join(html, FOLDER, PARTS)
    data = json.dumps({"parts": parts, "stale": sorted(stale)}, indent=1, ensure_ascii=False)
    try:
        with open(path, encoding="utf-8") as handle:
            if handle.read() == data:
                return
    except (OSError, ValueError):
        pass
    write_atomic(path, data)


def mark_stale(html: str, parts: dict[str, list[str]], folders: set[str]) -> None:
    """Before the pages of `folders` are written: their parts no longer match them."""
    state = read_state(html)
    stale = set(state.get("stale", [])) | {name for name, members in parts.items()
                                           if folders & set(members)}
    if stale - set(state.get("stale", [])):
        os.makedirs(os.path.join(html, FOLDER), exist_ok=True)
        write_state(html, state.get("parts") or parts, stale)


def update(html: str, parts: dict[str, list[str]], written: set[str], language: str,
           jobs: int) -> list[str]:
    """Index the parts whose pages were written (folders in `written`), that are marked
    stale, that are new or changed members, or whose index is missing; remove parts no
    longer used or with no page left to index; record the result. Returns error lines (a
    part that failed stays stale and keeps its old index)."""
    parts = {name: members for name, members in parts.items()
             if any(_has_pages(os.path.join(html, folder)) for folder in members)}
    state = read_state(html)
    before = state.get("parts", {})
    todo = {name for name, members in parts.items()
            if name in state.get("stale", []) or before.get(name) != members
            or written & set(members)
            or not os.path.isfile(os.path.join(html, FOLDER, name, "pagefind.js"))}
    errors: list[str] = []

    def one(name: str) -> None:
        try:
            index_part(html, name, parts[name], language)
        except TeikitError as exc:
            errors.append(str(exc))
            failed.add(name)

    failed: set[str] = set()
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        list(pool.map(one, sorted(todo)))
    _remove_unused(html, set(parts))
    write_state(html, parts, failed)
    return errors


def index_part(html: str, name: str, folders: list[str], language: str) -> None:
    """(Re)index the document pages of `folders` into html/pagefind/{name}/, as one index
    in the edition's main language (Pagefind would otherwise make one per language, and a
    search page searches only its own: German letters in an English edition would never be
    found)."""
    base = os.path.join(html, FOLDER)
    target = os.path.join(base, name)
    new = os.path.join(base, f".{name}.{os.getpid()}.new")
    old = os.path.join(base, f".{name}.{os.getpid()}.old")
    for leftover in (new, old):
        shutil.rmtree(leftover, ignore_errors=True)
    pattern = folders[0] if len(folders) == 1 else "{" + ",".join(folders) + "}"
    try:
        run = subprocess.run([executable(), "--site", html, "--glob", f"{pattern}/*.html",
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


def _has_pages(folder: str) -> bool:
    """Has the volume folder any page (none when every page of it failed to render)?"""
    try:
        return any(name.endswith(".html") for name in os.listdir(folder))
    except OSError:
        return False


def _remove_unused(html: str, keep: set[str]) -> None:
    """Parts no volume uses any more, and the single index of teikit before parts."""
    base = os.path.join(html, FOLDER)
    try:
        entries = list(os.scandir(base))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name == PARTS or entry.name in keep:
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        elif entry.is_file(follow_symlinks=False):
            os.unlink(entry.path)


def remove(html: str) -> None:
    """Search switched off: the index goes (never through a linked folder)."""
    index = os.path.join(html, FOLDER)
    if os.path.isdir(index) and not os.path.islink(index):
        shutil.rmtree(index, ignore_errors=True)


def clean_leftovers(html: str, alive) -> None:
    """Remove what an interrupted indexing run left (its pid no longer running)."""
    base = os.path.join(html, FOLDER)
    try:
        names = os.listdir(base)
    except OSError:
        return
    for name in names:
        parts = name.rsplit(".", 2)
        if name.startswith(".") and len(parts) == 3 and parts[1].isdigit() and \
                parts[2] in ("new", "old") and not alive(int(parts[1])):
            shutil.rmtree(os.path.join(base, name), ignore_errors=True)
