"""Headless Chromium driven over the DevTools protocol, for the browser tests.

`--dump-dom` with `--virtual-time-budget` prints the page when Chromium's virtual clock
runs out, which does not wait for work outside it (Pagefind's WebAssembly compiling, a
script loading a large file): on a loaded machine a page was dumped before it had finished
and the test failed. Here the test names the page's own signal (a JavaScript expression
that is true once the page is done) and the page is read when it holds, with a real
timeout: a slow machine is slower, never red. The protocol runs over
`--remote-debugging-pipe` (file descriptors 3 and 4, messages ending in NUL), so no
WebSocket client is needed.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-sync", "--disable-component-update",
         "--remote-debugging-pipe"]


def available() -> bool:
    return shutil.which("chromium") is not None


class Browser:
    """One Chromium process; `dom(url, ready)` opens a page in a new tab and returns its
    HTML once `ready` (a JavaScript expression) is true."""

    def __init__(self, profile: Path, width: int = 1280, height: int = 900):
        to_chrome, self._write = os.pipe()
        self._read, from_chrome = os.pipe()
        # chromium reads commands on fd 3 and writes answers on fd 4: the child's ends are
        # moved there (from numbers above 4, so that neither move overwrites the other)
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_chrome, from_chrome)]
        os.close(to_chrome)
        os.close(from_chrome)

        def place() -> None:
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)
        self.process = subprocess.Popen(
            ["chromium", *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
             "about:blank"], preexec_fn=place, close_fds=False,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for fd in high:
            os.close(fd)
        self._buffer = b""
        self._next = 0
        self.events: list[dict] = []  # what the browser said unasked (console messages…)

    def close(self) -> None:
        self.process.kill()
        self.process.wait(30)
        for fd in (self._write, self._read):
            try:
                os.close(fd)
            except OSError:
                pass

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _send(self, method: str, params: dict | None = None, session: str | None = None,
              timeout: float = 60) -> dict:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                answer = json.loads(raw)
                if "method" in answer:
                    self.events.append(answer)
                if answer.get("id") == self._next:
                    if "error" in answer:
                        raise RuntimeError(f"{method}: {answer['error']}")
                    return answer.get("result", {})
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise TimeoutError(f"chromium did not answer {method}")
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed its end of the pipe")
            self._buffer += chunk

    def dom(self, url: str, ready: str = "document.readyState === 'complete'",
            timeout: float = 180) -> str:
        """The page's HTML once `ready` holds (TimeoutError after `timeout` seconds)."""
        target = self._send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self._send("Target.attachToTarget",
                             {"targetId": target, "flatten": True})["sessionId"]
        try:
            self._send("Page.navigate", {"url": url}, session)
            deadline = time.monotonic() + timeout
            while True:
                done = self._evaluate(f"document.readyState === 'complete' && !!({ready})",
                                      session)
                if done is True:
                    return self._evaluate("document.documentElement.outerHTML", session)
                if time.monotonic() > deadline:
                    raise TimeoutError(f"the page never got ready ({ready}) in {timeout} s: "
                                       f"{url}")
                time.sleep(0.1)
        finally:
            self._send("Target.closeTarget", {"targetId": target})

    def _evaluate(self, expression: str, session: str):
        result = self._send("Runtime.evaluate", {"expression": expression,
                                                 "returnByValue": True}, session)
        if "exceptionDetails" in result:
            return None  # (the page is between documents: ask again)
        return result.get("result", {}).get("value")


def page_dom(url: str, profile: Path, ready: str = "true", timeout: float = 180,
             width: int = 1280, height: int = 900) -> str:
    """One page, in a browser of its own."""
    with Browser(profile, width, height) as browser:
        return browser.dom(url, ready, timeout)
