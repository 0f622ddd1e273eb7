"""Datelines: `Washington, December 19, 1952.` or `Pusan, January 5, 1953—3 p.m.`

A dateline becomes placeName + date with an ISO `@when` when the date is
complete and real; a dateline whose date cannot be read keeps its text and
gets a warning, never a guessed date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
_MONTH = "|".join(MONTHS)
DATE_TEXT = rf"(?:(?:{_MONTH}) \d{{1,2}}, \d{{4}}|(?:{_MONTH}) \d{{4}}|undated|\d{{4}})"
TIME_TEXT = r"(?:\d{1,2}(?::\d{2})?\s?[ap]\.\s?m\.|noon|midnight)"
DATELINE_RE = re.compile(
    rf"^(?:(?P<place>[A-Z][^\d,\[\]{{}}\\]{{0,40}}), )?(?P<date>{DATE_TEXT}"
    rf"(?:(?:—|, )(?:{TIME_TEXT}))?)(?P<end>\.?)$")
LOOSE_RE = re.compile(rf"^[A-Z][^\d,\[\]{{}}\\]{{0,40}}, .*\b(?:{_MONTH})\b.*\d{{4}}.*$")
FULL_RE = re.compile(rf"^(?P<month>{_MONTH}) (?P<day>\d{{1,2}}), (?P<year>\d{{4}})"
                     rf"(?:(?:—|, )(?P<time>{TIME_TEXT}))?$")
MONTH_YEAR_RE = re.compile(rf"^(?P<month>{_MONTH}) (?P<year>\d{{4}})$")


@dataclass
class Dateline:
    place: str | None
    date_text: str
    when: str | None
    end: str
    warning: str | None = None


def looks_like_dateline(text: str) -> bool:
    return len(text) <= 80 and bool(DATELINE_RE.match(text) or LOOSE_RE.match(text))


def parse_dateline(text: str) -> Dateline | None:
    m = DATELINE_RE.match(text)
    if not m:
        if LOOSE_RE.match(text):
            place, _, rest = text.partition(", ")
            return Dateline(place, rest, None, "",
                            f"could not read the date in dateline {text!r}; kept as text "
                            "without @when")
        return None
    date_text = m.group("date")
    when, warning = iso_date(date_text)
    return Dateline(m.group("place"), date_text, when, m.group("end"), warning)


def iso_date(date_text: str) -> tuple[str | None, str | None]:
    """ISO form of a printed date, or (None, warning)."""
    if date_text == "undated":
        return None, None
    if re.fullmatch(r"\d{4}", date_text):
        return date_text, None
    m = MONTH_YEAR_RE.match(date_text)
    if m:
        return f"{m.group('year')}-{MONTHS.index(m.group('month')) + 1:02d}", None
    m = FULL_RE.match(date_text)
    if not m:
        return None, f"could not read the date {date_text!r}; kept as text without @when"
    try:
        day = dt.date(int(m.group("year")), MONTHS.index(m.group("month")) + 1,
                      int(m.group("day")))
    except ValueError:
        return None, f"{date_text!r} is not a real date; kept as text without @when"
    if not m.group("time"):
        return day.isoformat(), None
    hour_min = _time(m.group("time"))
    if hour_min is None:
        return day.isoformat(), f"could not read the time in {date_text!r}; @when has the day only"
    return f"{day.isoformat()}T{hour_min[0]:02d}:{hour_min[1]:02d}:00", None


def _time(text: str) -> tuple[int, int] | None:
    if text == "noon":
        return 12, 0
    if text == "midnight":
        return 0, 0
    m = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s?([ap])\.\s?m\.", text)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if not (1 <= hour <= 12 and minute < 60):
        return None
    if m.group(3) == "p" and hour != 12:
        hour += 12
    if m.group(3) == "a" and hour == 12:
        hour = 0
    return hour, minute
