"""Writing outputs: whole files only, and only inside the folder they belong to.

Outputs are written to a temporary file in the destination folder and renamed
into place, so an error or an interrupt leaves the previous output intact. A
build's output names come partly from its manifest, which anyone can edit, so
`OutputFolder` re-checks every name it is given: a name that could leave the
folder (`..`, an absolute path, a symbolic link to elsewhere) is refused, never
written or deleted.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

from .errors import TeikitError

_folders: set[str] = set()  # made in this process: skip the mkdir call for every file
_serial = itertools.count()
SAFE_PART = re.compile(r"[A-Za-z0-9._-]+")
TEMPORARY = re.compile(r"\..+\.(?P<pid>\d+)\.\d+\.tmp")  # what write_atomic names its temp files


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write to a new temporary file beside the target, then rename it into place.

    The temporary name (dot, target name, process id, serial number) is created with
    O_EXCL, so two writers never share one; mode 0o666 is narrowed by the umask. A target
    that exists and is not a regular file (a device, a FIFO, a folder) is refused: renaming
    over it would replace the device itself."""
    target = os.fspath(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    refuse_special_output(target)
    folder, name = os.path.split(target)
    tmp = ""
    try:
        fd, tmp = _again_in_new_folder(target, _create, folder or ".", name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException as exc:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        if isinstance(exc, OSError):
            raise TeikitError(f"cannot write here: {exc.strerror or exc}", target) from None
        raise


def refuse_special_output(target: str) -> None:
    """An output may replace a regular file, never a device, FIFO, socket or folder."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return  # nothing there (or nothing we can see): writing will say what is wrong
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a device, FIFO or socket)"
        raise TeikitError(f"{kind}; teikit writes only regular files (use '-o -' for standard "
                          "output)", target)


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


class OutputFolder:
    """The one folder a build may write into and delete from.

    Every name is a relative path of safe parts (letters, digits, `.`, `_`, `-`; no `..`),
    and the folder it lands in must really be inside this one: a folder on the way that is
    a symbolic link to somewhere else is refused. Checked once per folder per process."""

    def __init__(self, root: str | Path):
        self.root = os.fspath(root)
        self.real = os.path.realpath(self.root)
        self._inside: set[str] = set()

    def path(self, name: str) -> str:
        """Where output `name` goes; TeikitError if it would be outside this folder."""
        parts = name.split("/")
        if not all(SAFE_PART.fullmatch(p) and p not in (".", "..") for p in parts):
            raise TeikitError(f"refused output name {name!r}: it could leave the output folder",
                              self.root)
        target = os.path.join(self.root, *parts)
        folder = os.path.dirname(target)
        if folder not in self._inside:
            real = os.path.realpath(folder)
            if real != self.real and not real.startswith(self.real + os.sep):
                raise TeikitError(f"refused to write {name!r}: a folder on the way is a "
                                  f"symbolic link to {real}, outside the output folder "
                                  "(replace it with a real folder)", self.root)
            self._inside.add(folder)
        return target

    def write(self, name: str, data: bytes | str) -> None:
        write_atomic(self.path(name), data)

    def remove(self, name: str) -> None:
        """Delete an output this build no longer makes (a missing one is fine), and the
        folders it leaves empty (a removed volume's folder), up to the kind's folder."""
        target = self.path(name)
        try:
            os.unlink(target)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise TeikitError(f"cannot remove a stale output: {exc.strerror or exc}",
                              target) from None
        folder = os.path.dirname(target)
        for _ in name.split("/")[2:]:  # html/{volume}/x.html: the volume folder, not html/
            self._inside.discard(folder)
            try:
                os.rmdir(folder)  # only when empty
            except OSError:
                break
            folder = os.path.dirname(folder)

    def remove_temporaries(self, alive, deep: bool = True) -> int:
        """Delete the temporary files that killed writers left behind (`alive(pid)` says
        whether a writer may still be at work); how many were removed. Not `deep`: only in
        the folder itself (where the manifest is written)."""
        removed = 0
        for folder, dirs, files in os.walk(self.root):  # never follows symbolic links
            dirs[:] = [d for d in dirs if deep and not os.path.islink(os.path.join(folder, d))]
            for name in files:
                m = TEMPORARY.fullmatch(name)
                if m and not alive(int(m.group("pid"))):
                    try:
                        os.unlink(os.path.join(folder, name))
                        removed += 1
                    except OSError:
                        pass
        return removed


def file_stamps(files: list[str]) -> tuple:
    """When and how big each file was ((-1, -1): gone): what a result kept in a process
    was made from, to tell whether it still holds (a changed include, a changed ODD)."""
    out = []
    for file in files:
        try:
            stat = os.stat(file)
            out.append((stat.st_mtime_ns, stat.st_size))
        except OSError:
            out.append((-1, -1))
    return tuple(out)


def user_cache(kind: str) -> Path:
    """teikit's folder of `kind` in the user's cache ($XDG_CACHE_HOME, else ~/.cache):
    what is compiled once per machine (Schematron's validation XSLT, compiled ODDs)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "teikit" / kind


def same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def private_copies(documents: list[bytes], prefix: str) -> tuple[str, list[str]]:
    """The bytes teikit screened, written to a new private folder for a validator in
    another process (jing, Schematron): (the folder, a file per document, in order). The
    caller removes the folder."""
    folder = tempfile.mkdtemp(prefix=prefix)
    names = []
    try:
        for i, data in enumerate(documents):
            name = os.path.join(folder, f"{i}.xml")
            with open(name, "wb") as handle:
                handle.write(data)
            names.append(name)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder, names
