"""Dates in queries, exact to the day: ``2001``, ``2001-11``, ``2001-11-22``,
``"Nov 2001"``, dates relative to today (``yesterday``, ``last week``, ``7d``:
relative.py), ranges ``[FROM TO UNTIL]`` (either end open) and ``>``/``<``.

Whoosh's DateParserPlugin widens ``[2001-11-01 to 2001-11-30]`` to all of 2001
and raises on some inputs, so newsgrep reads dates itself: a date names a
period (a year, a month or a day) and a range runs from the first moment of
its first period to the last moment of its last.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from newsgrep.query.tree import DateSpan

TICK = timedelta(microseconds=1)
_ISO = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
_RANGE_SPLIT = re.compile(r"(?:^|\s+)to(?:\s+|$)", re.IGNORECASE)
_OPEN_ENDS = ("", "*")
DATE_FORMS = "2001-11-22, 2001-11, 2001, 'Nov 2001', yesterday, last week, 7d"


class DateError(ValueError):
    """A date or range that cannot be read; the message names it."""


def clock() -> datetime:
    """Now, for dates relative to today (a test passes its own ``now``)."""
    return datetime.now()


def date_span(text: str, now: datetime | None = None) -> tuple[datetime, datetime]:
    """First and last moment of the period a date names: 2001, 2001-11,
    'Nov 2001', 'yesterday' (relative to ``now``, by default the clock's)."""
    text = text.strip().strip("\"'").strip()
    match = _ISO.match(text)
    if match:
        year, month, day = match.groups()  # the year's group always takes part
        return _span(int(year), int(month) if month else None, int(day) if day else None, text)
    # Imported here: a search without a relative date does not compile its patterns.
    from newsgrep.query.relative import relative_span

    relative = relative_span(text, now or clock())
    return relative if relative else _natural_span(text)


def date_range(value: str, op: str = "", now: datetime | None = None) -> DateSpan:
    """The exact span of the value of a ``date:`` clause and its operator.
    An age alone (``date:7d``) is from that day on: the last week's stories."""
    value = value.strip()
    if value[:1] in "[{":
        return _bracket_range(value, now)
    start, end = date_span(value, now)
    if not op and _is_age(value):
        return DateSpan(start, None)
    if op == ">":
        return DateSpan(end + TICK, None)
    if op == ">=":
        return DateSpan(start, None)
    if op == "<":
        return DateSpan(None, start - TICK)
    if op == "<=":
        return DateSpan(None, end)
    return DateSpan(start, end)


def _is_age(value: str) -> bool:
    from newsgrep.query.relative import is_age

    return is_age(value)


def between(since: str | None, until: str | None, now: datetime | None = None) -> DateSpan:
    """Stories from the start of ``since`` to the end of ``until`` (both inclusive)."""
    start = date_span(since, now)[0] if since else None
    end = date_span(until, now)[1] if until else None
    if start and end and start > end:
        raise DateError(f"{until!r} is before {since!r}")
    return DateSpan(start, end)


def _span(year: int, month: int | None, day: int | None, text: str) -> tuple[datetime, datetime]:
    try:
        if day and month is not None:  # a day comes with its month
            start = datetime(year, month, day)
            return start, start + timedelta(days=1) - TICK
        if month:
            start = datetime(year, month, 1)
            following = datetime(year + (month == 12), month % 12 + 1, 1)
            return start, following - TICK
        return datetime(year, 1, 1), datetime(year + 1, 1, 1) - TICK
    except (ValueError, OverflowError):
        raise DateError(f"not a date: {text!r}") from None


def _natural_span(text: str) -> tuple[datetime, datetime]:
    """'Nov 2001', '22 November 2001': the parts the text gives decide the span.

    Parsing twice with different defaults shows which parts were given: a part
    that comes out the same both times was in the text.
    """
    from dateutil import parser

    if not re.search(r"\d{4}", text):
        raise DateError(f"not a date with a year: {text!r} ({DATE_FORMS})")
    try:
        a = parser.parse(text, default=datetime(1004, 1, 1))
        b = parser.parse(text, default=datetime(1008, 2, 2))
    except (ValueError, OverflowError, TypeError, LookupError):
        raise DateError(f"not a date: {text!r}") from None
    if a.year != b.year:
        raise DateError(f"not a date with a year: {text!r}")
    month = a.month if a.month == b.month else None
    day = a.day if a.day == b.day and month else None
    return _span(a.year, month, day, text)


def _bracket_range(value: str, now: datetime | None) -> DateSpan:
    """[FROM TO UNTIL] includes both ends' periods, {FROM TO UNTIL} excludes them."""
    if value[-1:] not in "]}" or len(value) < 2:
        raise DateError(f"unclosed date range: {value!r}")
    inclusive_start, inclusive_end = value[0] == "[", value[-1] == "]"
    parts = _RANGE_SPLIT.split(value[1:-1].strip())
    if len(parts) != 2:
        raise DateError(f"a date range reads [FROM TO UNTIL]: {value!r}")
    low, high = (p.strip().strip("\"'").strip() for p in parts)
    low, high = ("" if low in _OPEN_ENDS else low), ("" if high in _OPEN_ENDS else high)
    if not low and not high:
        raise DateError(f"a date range needs at least one end: {value!r}")
    start = end = None
    if low:
        first, last = date_span(low, now)
        start = first if inclusive_start else last + TICK
    if high:
        first, last = date_span(high, now)
        end = last if inclusive_end else first - TICK
    if start and end and start > end:
        raise DateError(f"date range ends before it starts: {value!r}")
    return DateSpan(start, end)
