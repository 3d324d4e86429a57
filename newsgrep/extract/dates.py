"""Dates from free text, headers and paths, exact to what the text says.

A date whose year the text does not give is never completed from today's
date: the caller supplies the year from a header or the file's path, or the
story goes without a date. Times are kept as the story's own local time with
the zone dropped, so a story filed at 10:13pm EDT on 1 April stays on 1 April.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

_DEFAULT_A = datetime(1004, 1, 1)
_DEFAULT_B = datetime(1008, 2, 2)
_PATH_DATE = re.compile(
    r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?:[/_-]?)(0[1-9]|1[0-2])(?:[/_-]?)(0[1-9]|[12]\d|3[01])(?!\d)"
)
_ZONE = re.compile(
    r"\s(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|JST|IST|HKT|SGT|AEST|AEDT)$"
)
_PATH_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_DIGIT = re.compile(r"\d")
_DOTTED_HOUR = re.compile(r"\b([AaPp])\.[Mm]\.")  # "a.m."
_ORDINAL = re.compile(r"(\d)(st|nd|rd|th)\b")
_OFFSET = re.compile(r"[+-]\d{2}:?\d{2}$")
# Before this no story in an archive was printed with its date; scrapers
# write "0001-11-30" for "unknown".
_EARLIEST = datetime(1800, 1, 1)


@dataclass(frozen=True)
class PartialDate:
    """What a date string says: the year may be missing."""

    month: int
    day: int
    year: int | None = None
    hour: int = 0
    minute: int = 0
    second: int = 0

    def complete(self, year: int | None = None, near: datetime | None = None) -> datetime | None:
        """The full date, its year from the text, else the one that puts it
        nearest ``near`` (a dateline "Dec 31" in a file of 2002/01/01 is
        2001), else ``year``; None when no year is known."""
        if self.year:
            return self._on(self.year)
        if near:
            options = [d for y in (near.year - 1, near.year, near.year + 1) if (d := self._on(y))]
            return min(options, key=lambda d: abs(d - near), default=None)
        return self._on(year) if year else None

    def _on(self, year: int) -> datetime | None:
        try:
            return datetime(year, self.month, self.day, self.hour, self.minute, self.second)
        except ValueError:
            return None


@lru_cache(maxsize=4096)
def parse_partial(text: str) -> PartialDate | None:
    """Parse a date, noting whether the text gave its year. None if not a date.

    Cached: wire stories repeat the same few datelines ("Feb 26"), and
    dateutil's parser is the costliest step of extraction.
    """
    from dateutil import parser

    text = _clean(text)
    if not text or not _DIGIT.search(text):
        return None
    try:
        a = parser.parse(text, default=_DEFAULT_A)
        b = parser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError, TypeError):
        return None
    if a.month != b.month or a.day != b.day:
        return None  # "2001" or "November 2001" alone does not name a day
    year = a.year if a.year == b.year else None
    return PartialDate(a.month, a.day, year, a.hour, a.minute, a.second)


def parse_date(text: str) -> datetime | None:
    """A full date (with year) from text, or None."""
    partial = parse_partial(text)
    return partial.complete() if partial else None


def is_story_date(date: datetime) -> bool:
    """Can a story carry this date? Not before 1800 and not more than a day
    ahead of now (a day allows for the zones a local time was written in):
    placeholders ("0001-11-30") and typos ("2050-09-30") are not dates."""
    return _EARLIEST <= date <= datetime.now() + timedelta(days=1)


def year_from_path(path: str) -> tuple[int | None, datetime | None]:
    """A year (and a whole date when present) from 2001/11/22, 20011122, 2001-11-22."""
    for match in reversed(list(_PATH_DATE.finditer(path))):
        year, month, day = (int(g) for g in match.groups())
        return year, datetime(year, month, day)
    years = _PATH_YEAR.findall(path)
    return (int(years[-1]), None) if years else (None, None)


def _clean(text: str) -> str:
    """Strip what dateutil trips on: zone names it does not know, 'a.m.', ordinals."""
    text = " ".join(text.split()).strip(" -–—,()")
    text = _DOTTED_HOUR.sub(r"\1M", text)
    text = _ORDINAL.sub(r"\1", text)
    text = _ZONE.sub("", text).strip()
    text = _OFFSET.sub("", text).strip()
    return text
