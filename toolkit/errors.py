"""One error type for everything a user can get wrong.

Every failure that reaches the command line is a TeikitError carrying the place
(file, line, column) and a sentence that says what is wrong and what to do, so
the CLI can print one line and exit non-zero instead of a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Location:
    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col or 1}"
        return self.file


class TeikitError(Exception):
    """A problem with the user's input or request, reported as one line."""

    exit_code = 1

    def __init__(self, message: str, file: str | None = None, line: int = 0, col: int = 0,
                 kind: str = ""):
        super().__init__(message)
        self.message = message
        self.location = Location(file, line, col) if file else None
        self.kind = kind  # what went wrong, for reports that sort findings: unreadable, xinclude…

    def __str__(self) -> str:
        if self.location:
            return f"{self.location}: error: {self.message}"
        return f"error: {self.message}"


class UsageError(TeikitError):
    """The request itself is wrong (bad option, wrong kind of file)."""

    exit_code = 2
