"""The build's worker processes: a spawn pool (Saxon must not be forked) started on
first need, its workers compiling the stylesheets at once while the main process is
still reading sources. If workers cannot start or die, the work is done here."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .jobs import start_worker, warm_up

Progress = Callable[[str, int, int], None]


def _spawnable() -> bool:
    """Can a spawned worker start? It re-imports the main script, which must be a file."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return path is None or os.path.isfile(path)


class Workers:
    """A spawn process pool started on first need (Saxon must not be forked), its workers
    compiling the stylesheets at once, while the main process is still checking. If
    workers cannot start or die (an unguarded __main__, no memory), work is done here."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        if self.jobs > 1 and self.pool is None and not _spawnable():
            self.jobs = 1  # e.g. a script read from stdin: workers could not import it
        if self.jobs > 1 and self.pool is None:
            try:
                context = multiprocessing.get_context("spawn")
                self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context,
                                                initializer=start_worker,
                                                initargs=(os.getpid(),))
                for _ in range(self.jobs):
                    self.pool.submit(warm_up)
            except (RuntimeError, OSError):
                self.pool = None
                self.jobs = 1

    def map(self, fn, items: list, progress: Progress | None, phase: str,
            meanwhile: Callable[[], None] | None = None) -> list:
        """fn over items in the workers (here when there are none); `meanwhile` runs in
        this process while they work."""
        total = len(items)
        shared = total > 1 or (meanwhile is not None and total > 0)  # else no gain in it
        if self.jobs > 1 and shared:
            self.start()
        if self.pool is not None and shared:
            results: list = []
            try:
                chunk = max(1, min(32, total // (self.jobs * 4) or 1))
                running = self.pool.map(fn, items, chunksize=chunk)  # all submitted now
                if meanwhile:
                    meanwhile()
                    meanwhile = None
                for done, result in enumerate(running, start=1):
                    results.append(result)
                    if progress:
                        progress(phase, done, total)
                return results
            except (BrokenProcessPool, RuntimeError, OSError):
                self.close()
                self.jobs = 1
        if meanwhile:
            meanwhile()
        results = []
        for done, item in enumerate(items, start=1):
            results.append(fn(item))
            if progress:
                progress(phase, done, total)
        return results

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def kill(self) -> None:
        """Stop the workers now (Ctrl-C, or a failure of the build itself): waiting for
        them to finish their tasks would only delay the exit. What they were writing is a
        temporary file, which the build removes once they are stopped."""
        if self.pool is not None:
            for process in list(getattr(self.pool, "_processes", {}).values()):
                process.terminate()  # the pool has no public way to stop running tasks
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)
