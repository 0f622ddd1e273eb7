"""One build at a time in an output folder.

Two builds writing the same pages at once would leave a folder whose manifest describes
neither; so a build holds a lock on `OUT/.teikit-lock` (an advisory lock of the operating
system's, which names its holder's process) from before it reads the manifest until it has
written it, and a second build into the same folder stops with one line naming the first.
The lock is the kernel's, not the file's existence: a build that was killed holds nothing,
so the next build takes the folder over at once (and the journal tells it what the killed
one left unfinished, as it always has).
"""

from __future__ import annotations

import fcntl
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import TeikitError

LOCK = ".teikit-lock"


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold the output folder for one build (raises TeikitError when another holds it)."""
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TeikitError(f"cannot make the output folder ({exc.strerror})", str(out)) from None
    path = out / LOCK
    fd = _acquire(path)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {socket.gethostname()} {int(time.time())}\n".encode())
        yield
    finally:
        try:
            os.unlink(path)  # (while still held: a build that opens it now finds it gone)
        except OSError:
            pass
        os.close(fd)  # (releases the lock)
        if created:  # a build that wrote nothing leaves no folder behind
            try:
                out.rmdir()
            except OSError:
                pass  # (not empty: what the build made)


def _acquire(path: Path) -> int:
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = _holder(fd)
            os.close(fd)
            raise TeikitError(f"another teikit build ({holder}) is writing to this output "
                              "folder; wait for it to finish (or stop it) and build again",
                              str(path.parent)) from None
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)  # the holder removed it as we opened it: lock the new one


def _holder(fd: int) -> str:
    """"process 4242 on host, since 10:04:05", as the holder wrote it."""
    os.lseek(fd, 0, os.SEEK_SET)
    words = os.read(fd, 200).decode("utf-8", "replace").split()
    if len(words) < 3 or not words[0].isdigit() or not words[2].isdigit():
        return "a process that has not said which yet"
    since = time.strftime("%H:%M:%S", time.localtime(int(words[2])))
    return f"process {words[0]} on {words[1]}, since {since}"
