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
    folder = folder or "."
    try:
        if folder not in _folders:
            os.makedirs(folder, exist_ok=True)
            _folders.add(folder)
        fd, tmp = _create(folder, name)
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


def _create(folder: str, name: str) -> tuple[int, str]:
    for attempt in range(4):
        tmp = os.path.join(folder, f".{name}.{os.getpid()}.{next(_serial)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666), tmp
        except FileExistsError:  # left by a crashed process that had our pid: next number
            if attempt == 3:
                raise
        except FileNotFoundError:  # the folder went away since it was made: make it again
            os.makedirs(folder, exist_ok=True)
    raise FileExistsError(folder)


def same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False
