"""`teikit serve`: build the edition, serve it on this machine, and rebuild what changed
whenever a source is saved, reloading the pages open in the browser.

The site is served as built (nothing is written for the preview), with two additions made
on the way out: a small script that reloads the page after each rebuild, and, at the top
of a page whose source has findings, those findings. A page whose source can no longer be
published (not well-formed, say) answers with its source's errors instead of a stale copy.

A save is shown in two steps: first the HTML pages of what changed (a `preview` build, in
this process, whose stylesheets stay compiled from one save to the next), and the page
reloads; then the ordinary incremental build makes the rest (validation, text, PDF, the
search index, whose page says meanwhile that it is catching up) and the page reloads again
only if its findings changed. The reload script asks the server to answer when the next
build is done (a long poll), so a page reloads as soon as its build is. The server binds
to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import html
import json
import os
import threading
from collections.abc import Callable
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .edition import BuildReport, Settings, build_edition
from .edition.workers import Workers
from .errors import TeikitError

STATUS = "/_teikit/status"
RELOAD = "/_teikit/reload.js"
RELOAD_JS = b"""(() => {
  let seen = null;
  const note = document.createElement("p");
  note.setAttribute("role", "status");
  note.style.cssText = "position:fixed;bottom:0;right:0;margin:.5rem;padding:.3rem .6rem;"
    + "background:#fff8e6;border:1px solid #8a5a00;font:13px/1.4 sans-serif;z-index:9";
  note.textContent = "teikit: this page is up to date; validation, text, PDF and search "
    + "are catching up";
  async function poll() {
    let wait = 0;
    try {
      const since = seen === null ? "" : `?since=${seen}&busy=${note.isConnected ? 1 : 0}`;
      const status = await (await fetch(`/_teikit/status${since}`, { cache: "no-store" })).json();
      if (seen !== null && status.build !== seen) location.reload();
      seen = status.build;
      if (status.catching_up) document.body.append(note); else note.remove();
    } catch (error) { wait = 1000; /* the server is restarting or gone: keep trying */ }
    setTimeout(poll, wait);
  }
  poll();
})();
"""
LONG_POLL = 25.0  # seconds a status request waits for the next build before answering


class Preview:
    """What the server shows: the latest build's number and findings per volume folder."""

    def __init__(self, out: Path):
        self.out = out
        self.build = 0
        self.catching_up = False  # the pages are shown; the rest of their build is running
        self.lock = threading.Condition()
        self.sources: dict[str, str] = {}  # volume folder -> source file (every build's)
        self.findings: dict[str, list[str]] = {}  # source file -> its error/warning lines

    def update(self, report: BuildReport, reload: bool = True,
               catching_up: bool = False) -> None:
        """A build's pages and findings; open pages reload (`reload`, or when the findings
        they show changed) and say whether the rest of the build is still running."""
        findings: dict[str, list[str]] = {}
        for line in report.errors + report.warnings:
            findings.setdefault(line.split(":", 1)[0], []).append(line)
        with self.lock:
            self.sources.update(report.volumes)
            if reload or findings != self.findings:
                self.build += 1
            self.findings = findings
            self.catching_up = catching_up
            self.lock.notify_all()

    def status(self, seen: int | None, busy: bool) -> dict:
        """What the reload script is told: at once, or (`seen`: the build the page shows,
        `busy`: whether it says the rest is running) when there is news for it, or after
        LONG_POLL."""
        with self.lock:
            if seen is not None:
                self.lock.wait_for(lambda: self.build != seen or self.catching_up != busy,
                                   timeout=LONG_POLL)
            return {"build": self.build, "catching_up": self.catching_up}

    def about(self, path: str) -> tuple[str, list[str]]:
        """The source of the page at `path` (html/{volume}/…) and its findings."""
        parts = path.strip("/").split("/")
        with self.lock:
            source = self.sources.get(parts[1], "") if len(parts) >= 3 and \
                parts[0] == "html" else ""
            return source, list(self.findings.get(source, []))


class _Handler(SimpleHTTPRequestHandler):
    preview: Preview

    def log_message(self, *args) -> None:  # the terminal is for build messages
        pass

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        path, _, query = self.path.split("#", 1)[0].partition("?")
        if path == "/":
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", "/html/index.html")
            self.end_headers()
        elif path == STATUS:
            asked = dict(part.partition("=")[::2] for part in query.split("&"))
            since = asked.get("since", "")
            status = self.preview.status(int(since) if since.isdigit() else None,
                                         asked.get("busy") == "1")
            self._send(json.dumps(status).encode(), "application/json")
        elif path == RELOAD:
            self._send(RELOAD_JS, "text/javascript")
        elif path.endswith(".html") or path.endswith("/"):
            self._page(path)
        else:
            super().do_GET()

    def _page(self, path: str) -> None:
        file = self.translate_path(path)
        if os.path.isdir(file):
            file = os.path.join(file, "index.html")
        source, findings = self.preview.about(path)
        try:
            with open(file, "rb") as handle:
                page = handle.read()
            status = HTTPStatus.OK
        except OSError:
            if not findings:
                self.send_error(HTTPStatus.NOT_FOUND, "No such page (yet)")
                return
            page = (b"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                    b"<title>Not published</title></head><body><h1>Not published</h1>"
                    b"</body></html>")
            status = HTTPStatus.NOT_FOUND
        self._send(_annotated(page, source, findings), "text/html; charset=utf-8", status)

    def _send(self, body: bytes, kind: str, status: HTTPStatus = HTTPStatus.OK) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the page was closed or reloaded
            pass  # while its status request waited (a long poll): nothing to say


def _annotated(page: bytes, source: str, findings: list[str]) -> bytes:
    """The page with the reload script, and its source's findings at the top."""
    added = b'<script src="' + RELOAD.encode() + b'"></script>'
    if findings:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in findings[:200])
        more = f"<li>… and {len(findings) - 200:,} more</li>" if len(findings) > 200 else ""
        added += (
            '<div class="teikit-findings" role="alert" style="border:2px solid #a0003c;'
            'background:#fff4f4;padding:.5rem 1rem;margin:.5rem;font:14px/1.4 sans-serif">'
            f"<p><strong>teikit: {html.escape(source)} has findings</strong></p>"
            f"<ul>{items}{more}</ul></div>").encode()
    at = page.find(b"<body")
    at = page.find(b">", at) + 1 if at >= 0 else 0
    return page[:at] + added + page[at:]


def serve(source: str | Path, out: str | Path, settings: Callable[[], Settings], jobs: int,
          host: str = "127.0.0.1", port: int = 0,
          say: Callable[[str], None] = print) -> None:
    """Build, serve, and rebuild on every saved change until interrupted (Ctrl-C).
    `settings` is asked again before every build: an edited teikit.toml takes effect."""
    from watchfiles import watch

    source, out = Path(source), Path(out)
    preview = Preview(out)
    pool = Workers(jobs)  # started once, for every build after a save

    def rebuild(first: bool = False) -> None:
        try:
            if not first:  # the pages first, then the rest
                shown = build_edition(source, out, settings(), None, 1, preview=True)
                preview.update(shown, catching_up=True)
                say(f"pages shown in {shown.seconds:.1f} s; validating, text, PDF and search "
                    "follow")
            report = build_edition(source, out, settings(), None, jobs, pool=pool)
        except TeikitError as exc:  # (the edition file is wrong, say): keep serving
            say(str(exc))
            with preview.lock:
                preview.catching_up = False
                preview.lock.notify_all()
            return
        for line in report.errors + report.warnings:
            say(line)
        say(report.summary())
        preview.update(report, reload=first)

    rebuild(first=True)
    handler = type("Handler", (_Handler,), {"preview": preview})
    try:
        server = ThreadingHTTPServer((host, port), partial(handler, directory=str(out)))
    except OSError as exc:
        raise TeikitError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None
    thread = threading.Thread(target=server.serve_forever, daemon=True, name="teikit-serve")
    thread.start()
    shown = "127.0.0.1" if host in ("127.0.0.1", "0.0.0.0", "") else host
    say(f"serving http://{shown}:{server.server_address[1]}/html/index.html "
        "(Ctrl-C to stop)")
    outside = os.path.realpath(out) + os.sep

    def wanted(change, path: str) -> bool:
        real = os.path.realpath(path)
        return not real.startswith(outside) and \
            (path.endswith(".xml") or os.path.basename(path) == "teikit.toml")

    try:
        for _changes in watch(source, watch_filter=wanted, debounce=300, step=30):
            rebuild()
    finally:
        server.shutdown()
        server.server_close()
        pool.kill()
