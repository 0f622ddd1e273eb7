"""Atomic output: a reader never sees a half-written file.

Outputs are written to a temporary file in the destination folder and renamed
into place, so an error or an interrupt leaves the previous output intact.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

from .errors import TeikitError

_folders: set[str] = set()  # made in this process: skip the mkdir call for every file
_serial = itertools.count()


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write to a new temporary file beside the target, then rename it into place.

    The temporary name (dot, target name, process id, serial number) is created with
    O_EXCL, so two writers never share one; mode 0o666 is narrowed by the umask."""
    target = os.fspath(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder, name = os.path.split(target)
    try:
        fd, tmp = _again_in_new_folder(target, _create, folder or ".", name)
    except OSError as exc:
        raise TeikitError(f"cannot write here: {exc.strerror}", target) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_new(path: str | Path, data: bytes | str) -> None:
    """Write a file in a folder no reader looks at (a build's staging folder): plainly,
    because it only becomes output when `move_into` renames it into place."""
    target = os.fspath(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        fd = _again_in_new_folder(target, os.open, target,
                                  os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise TeikitError(f"cannot write here: {exc.strerror}", target) from None


def move_into(staging: str | Path, out: str | Path, names: list[str]) -> None:
    """Rename staged files into the output folder: each one appears whole, at once."""
    for name in names:
        target = os.path.join(out, name)
        try:
            _again_in_new_folder(target, os.replace, os.path.join(staging, name), target)
        except OSError as exc:
            raise TeikitError(f"cannot write here: {exc.strerror}", target) from None


def _again_in_new_folder(target: str, action, *args):
    """Run action(*args); if the target's folder is missing (new, or removed since this
    process made it), make it and run the action again."""
    folder = os.path.dirname(target) or "."
    _make_folder(folder)
    try:
        return action(*args)
    except FileNotFoundError:
        _folders.discard(folder)
        _make_folder(folder)
        return action(*args)


def _make_folder(folder: str) -> None:
    if folder not in _folders:
        os.makedirs(folder, exist_ok=True)
        _folders.add(folder)


def _create(folder: str, name: str) -> tuple[int, str]:
    for attempt in range(4):
        tmp = os.path.join(folder, f".{name}.{os.getpid()}.{next(_serial)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666), tmp
        except FileExistsError:  # left by a crashed process that had our pid: next number
            if attempt == 3:
                raise
    raise FileExistsError(folder)


def same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False
