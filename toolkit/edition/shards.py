"""Combining shard builds: an edition too big for one machine is built by N machines (CI
runners), each `teikit build --shard I/N` into a folder of its own; `teikit build --merge
DIR…` puts their outputs and manifests together in the output folder, and the build that
follows makes only what needs the whole edition (the index, registers, search, the edition
PDF, and the few pages whose links or register entries lead into another shard), reusing
every other page as the shards made it.

Every problem is found before anything is copied: a folder that is not one shard's build,
shards of different splits or teikit versions, one missing, or two that made the same
output. The shards' folders are only read.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from ..errors import TeikitError, UsageError
from ..files import OutputFolder
from .manifest import journal_name, output_name_ok

SHARD_MANIFEST = re.compile(r"\.teikit-build\.(\d+)-of-(\d+)\.json")


def combine(folders: list[str | Path], out: str | Path, version: str) -> list[str]:
    """Copy the shards' outputs and manifests into `out`; returns the manifests' names
    (the whole build that follows removes them once its own manifest holds everything)."""
    found: dict[int, tuple[Path, str, dict]] = {}
    total = 0
    for folder in map(Path, folders):
        names = [p.name for p in folder.glob(".teikit-build*.json")] if folder.is_dir() else []
        shards = [m for m in map(SHARD_MANIFEST.fullmatch, names) if m]
        if len(shards) != 1 or len(names) != 1:
            raise UsageError("is not the output of one `teikit build --shard I/N` (it must hold "
                             f"exactly one .teikit-build.I-of-N.json; found {len(names)})",
                             str(folder))
        index, of = int(shards[0].group(1)), int(shards[0].group(2))
        if (folder / journal_name(shards[0].group(0))).exists():
            raise UsageError(f"shard {index}/{of} was interrupted or failed while writing "
                             "(its journal is there): build that shard again", str(folder))
        if total and of != total:
            raise UsageError(f"is shard {index}/{of}, the others are of {total}", str(folder))
        total = of
        if index in found:
            raise UsageError(f"is shard {index}/{of} again (also {found[index][0]})",
                             str(folder))
        manifest = _read_manifest(folder / shards[0].group(0), version)
        found[index] = (folder, shards[0].group(0), manifest)
    missing = sorted(set(range(1, total + 1)) - set(found))
    if missing:
        raise UsageError(f"shard {missing[0]}/{total} is missing: give every shard's folder "
                         f"({len(found)} of {total} given)")
    owners: dict[str, Path] = {}
    keys: dict[str, str] = {}
    for folder, _name, manifest in found.values():
        for name, key in manifest["outputs"].items():  # (the edition's shared files, the
            if keys.setdefault(name, key) != key:  # stylesheet say, are every shard's)
                raise UsageError(f"{name} is made by two shards ({owners[name]} and {folder}): "
                                 "were they built from the same sources?", str(folder))
            owners[name] = folder
    target = OutputFolder(out)
    for name, folder in owners.items():  # (a journaled output that was never written: the
        if os.path.isfile(folder / name):  # whole build makes it)
            _copy(folder / name, target.path(name))
    for folder, name, _manifest in found.values():
        _copy(folder / name, target.path(name))
    return [name for _folder, name, _manifest in found.values()]


def _read_manifest(path: Path, version: str) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise TeikitError(f"the shard's manifest cannot be read: {exc}", str(path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("outputs"), dict) or \
            not all(map(output_name_ok, data["outputs"])):
        raise TeikitError("the shard's manifest is damaged", str(path))
    if data.get("version") != version:
        raise TeikitError("this shard was built by another version of teikit (or other "
                          "stylesheets): build every shard with the teikit that merges them",
                          str(path))
    return data


def _copy(source: Path, target: str) -> None:
    """A hard link where the file system allows (shards are often on the same disk), else
    a copy; written as a new file either way, never through an existing one."""
    folder, name = os.path.split(target)
    os.makedirs(folder, exist_ok=True)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.0.tmp")  # (write_atomic's form:
    # what an interrupted merge leaves, the next build removes)
    try:
        try:
            os.link(source, temporary)
        except OSError:
            shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    except OSError as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise TeikitError(f"cannot copy into the output folder: {exc.strerror or exc}",
                          target) from None

