"""`teikit serve`: builds, serves on 127.0.0.1, rebuilds what changed on save, shows a
source's findings on its page, and stops cleanly on Ctrl-C."""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from conftest import FIXTURES, ROOT
from helpers import interruptible


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def until(check, seconds: float = 120):
    """Poll `check` until it returns something true (the rebuild runs meanwhile)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError("the served page never changed")


def test_serve_rebuilds_on_save_shows_findings_and_stops_on_ctrl_c(tmp_path):
    src, out = tmp_path / "tei", tmp_path / "out"
    src.mkdir()
    shutil.copy(FIXTURES / "tei" / "frus-volume.xml", src / "vol.xml")
    proc = subprocess.Popen([sys.executable, "-m", "toolkit.cli", "serve", str(src), "-o",
                             str(out), "-j", "1"], cwd=ROOT, stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True, preexec_fn=interruptible)
    try:
        lines = []
        for line in proc.stderr:
            lines.append(line)
            if line.startswith("serving "):
                break
        url = re.match(r"serving (http://127\.0\.0\.1:\d+)/html/index\.html", lines[-1])
        assert url, lines  # on this machine only, at a port of its own
        base = url.group(1)
        page = f"{base}/html/frus-test-v1/d1.html"
        status, before = fetch(page)
        assert status == 200 and "The release would take" in before
        assert '<script src="/_teikit/reload.js"></script>' in before  # reloads itself
        build = json.loads(fetch(f"{base}/_teikit/status")[1])["build"]

        vol = src / "vol.xml"
        text = vol.read_text()
        vol.write_text(text.replace("The release would take", "The release might take"))
        after = until(lambda: (lambda r: r[1] if "might take" in r[1] else None)(fetch(page)))
        assert "would take" not in after and "teikit-findings" not in after
        until(lambda: json.loads(fetch(f"{base}/_teikit/status")[1])["build"] > build)

        vol.write_text(text.replace('xml:id="d2"', 'xml:id="d1"'))  # a duplicate id
        shown = until(lambda: (lambda r: r[1] if "teikit-findings" in r[1] else None)(
            fetch(page)))
        assert "vol.xml" in shown and "error" in shown  # the findings, on the page itself

        (src / "teikit.toml").write_text('title = "Renamed edition"\n')  # read again
        until(lambda: "Renamed edition" in fetch(f"{base}/html/index.html")[1])

        vol.write_text(text[:len(text) // 2])  # not well-formed: nothing can be published
        status, gone = until(lambda: (lambda r: r if r[0] == 404 else None)(fetch(page)))
        assert "not well-formed" in gone  # its errors, not a stale page
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            rest = proc.communicate(timeout=60)[1]
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert proc.returncode == 0, rest
    assert "teikit: stopped serving" in rest and "Traceback" not in rest


def test_the_reload_script_is_answered_when_there_is_news_for_its_page(monkeypatch):
    """The long poll: a page that shows build N is answered as soon as build N+1 is done,
    or when the rest of a save's build (validation, text, PDF, search) finishes; not
    before, and not in a loop."""
    from toolkit import preview
    from toolkit.edition import BuildReport

    monkeypatch.setattr(preview, "LONG_POLL", 0.5)
    shown = preview.Preview(ROOT)
    assert shown.status(None, False) == {"build": 0, "catching_up": False}
    start = time.monotonic()
    assert shown.status(0, False) == {"build": 0, "catching_up": False}  # nothing new
    assert time.monotonic() - start >= 0.5
    answers = []
    waiting = threading.Thread(target=lambda: answers.append(shown.status(0, False)))
    waiting.start()
    time.sleep(0.1)
    assert answers == []
    shown.update(BuildReport(), catching_up=True)  # the pages of a save
    waiting.join(timeout=5)
    assert answers == [{"build": 1, "catching_up": True}]
    shown.update(BuildReport(), reload=False)  # the rest: same findings, no reload
    assert shown.status(1, True) == {"build": 1, "catching_up": False}
    shown.update(BuildReport(errors=["vol.xml:1:1: error: x"]), reload=False)
    assert shown.status(1, False)["build"] == 2  # findings changed: the page reloads
    assert b"catching up" in preview.RELOAD_JS and b"since=" in preview.RELOAD_JS


def test_a_page_closed_during_its_long_poll_is_no_error(tmp_path, capfd, monkeypatch):
    """The reload script's request waits for the next build; a reader who closes or reloads
    the page meanwhile has gone: the server says nothing about it (no traceback)."""
    import socket
    from functools import partial
    from http.server import ThreadingHTTPServer

    from toolkit import preview

    monkeypatch.setattr(preview, "LONG_POLL", 0.5)
    shown = preview.Preview(tmp_path)
    handler = type("Handler", (preview._Handler,), {"preview": shown})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        client = socket.create_connection(server.server_address)
        client.sendall(b"GET /_teikit/status?since=0&busy=0 HTTP/1.1\r\nHost: x\r\n\r\n")
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        client.close()  # gone before the answer (a reset, as a closed tab)
        time.sleep(1.0)
        assert fetch(f"http://127.0.0.1:{server.server_address[1]}/_teikit/status")[0] == 200
    finally:
        server.shutdown()
        server.server_close()
    assert "Traceback" not in capfd.readouterr().err
