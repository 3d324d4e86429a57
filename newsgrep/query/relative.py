"""Dates relative to today: ``today``, ``yesterday``, ``this week``, ``last
month``, ``7d``, ``2w``, ``3m``, ``1y``, ``3 days ago``.

A closed grammar read by one pattern, not a general date library:
dateparser reads hundreds of phrasings in two hundred languages but costs a
search's start far more than newsgrep's whole budget for it, and its guesses
("in 7 days"?) are the opposite of a search's need to refuse what it cannot
read exactly. Every form names a period, as an absolute date does:

* ``today``, ``yesterday``: that day;
* ``this``/``last`` ``week``, ``month``, ``year``: that calendar period
  (weeks start on Monday, as ISO's and ``--by week``'s do);
* an age, ``7d``, ``2w``, ``3m`` (months), ``1y`` or ``7 days ago``: the day
  that long before today (a month back from 31 March is the last day of
  February).

``--since 7d`` is therefore from the start of the day a week ago, and
``--until yesterday`` to the end of yesterday. The clock is a parameter, so
that a test does not depend on the day it runs.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

UNITS = {"d": "day", "w": "week", "m": "month", "y": "year"}
_AGE = re.compile(
    r"(?P<count>\d{1,4}) ?(?:(?P<unit>[dwmy])|(?P<word>day|week|month|year)s?(?: ago)?)"
)
_NAMED = re.compile(r"(?P<which>this|last) (?P<period>week|month|year)")


def relative_span(text: str, now: datetime) -> tuple[datetime, datetime] | None:
    """First and last moment of the period ``text`` names relative to
    ``now``; None when ``text`` is no relative date."""
    words = " ".join(text.lower().split())
    today = now.date()
    if words in ("today", "yesterday"):
        return _days(today - timedelta(days=words == "yesterday"), 1)
    named = _NAMED.fullmatch(words)
    if named:
        return _calendar(today, named["period"], back=named["which"] == "last")
    age = _AGE.fullmatch(words)
    if age:
        unit = UNITS.get(age["unit"] or "", age["word"])
        return _days(_before(today, int(age["count"]), unit), 1)
    return None


def is_age(text: str) -> bool:
    """``7d``, ``3 days ago``: an age, not a calendar period."""
    return _AGE.fullmatch(" ".join(text.lower().split())) is not None


def _before(today: date, count: int, unit: str) -> date:
    if unit in ("day", "week"):
        return today - timedelta(days=count * (7 if unit == "week" else 1))
    first = _month(today, count * (12 if unit == "year" else 1))
    following = _month(first, -1)
    return min(first + timedelta(days=today.day - 1), following - timedelta(days=1))


def _month(day: date, back: int) -> date:
    """The first day of the month ``back`` months before ``day``'s."""
    year, month = divmod(day.year * 12 + day.month - 1 - back, 12)
    return date(year, month + 1, 1)


def _calendar(today: date, period: str, back: bool) -> tuple[datetime, datetime]:
    if period == "week":
        monday = today - timedelta(days=today.weekday())
        return _days(monday - timedelta(days=7 * back), 7)
    if period == "month":
        first = _month(today, back)
        return _days(first, (_month(first, -1) - first).days)
    first = date(today.year - back, 1, 1)
    return _days(first, (date(first.year + 1, 1, 1) - first).days)


def _days(first: date, count: int) -> tuple[datetime, datetime]:
    """From the first moment of ``first`` to the last of ``count`` days later."""
    start = datetime(first.year, first.month, first.day)
    return start, start + timedelta(days=count, microseconds=-1)
