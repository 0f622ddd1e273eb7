"""Atomic output: a reader never sees a half-written file.

Outputs are written to a temporary file in the destination folder and renamed
into place, so an error or an interrupt leaves the previous output intact.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import TeikitError


def write_atomic(path: str | Path, data: bytes | str) -> None:
    target = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise TeikitError(f"cannot write here: {exc.strerror}", str(target)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False
