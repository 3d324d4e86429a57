"""Counting matching stories per source, person, speaker, place or period (``--by``).

Counts cover every matching story, not one page of hits. Periods are labelled
``2001``, ``2001-11``, ``2001-W47`` (ISO week) and ``2001-11-22``; the periods
between the first and the last with a story are listed with zero counts, so a
timeline shows its gaps. ``share`` divides each count by all stories with the
same value (the same period, source, ...) that pass the same filters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from newsgrep.model import Bucket

PERIODS = ("year", "month", "week", "day")
FIELDS = ("source", "person", "speaker", "place")
# Values of which a story has a list: each counts the story once.
_LISTS = {"person": "people", "speaker": "speaker"}
BY_CHOICES = FIELDS + PERIODS


def story_values(stored: dict, by: str) -> list[str | None]:
    """One story's values for ``by``: [None] when it has none, each person
    (or speaker) once."""
    if by in PERIODS:
        when = stored.get("date")
        return [period_label(when, by) if when else None]
    if by in _LISTS:
        return list(dict.fromkeys(stored.get(_LISTS[by]) or [None]))
    return [stored.get(by) or None]


def _folded(counts: Counter[str | None], one_names: Mapping[str, str]) -> Counter[str | None]:
    for name, person in one_names.items():
        if name in counts:
            counts[person] += counts.pop(name)
    return counts


def count_periods(dates: Counter[datetime | None], by: str) -> Counter[str | None]:
    """Stories per period label, from stories per date (None: undated)."""
    counts: Counter[str | None] = Counter()
    for when, stories in dates.items():
        counts[period_label(when, by) if when else None] += stories
    return counts


def period_label(when: date, by: str) -> str:
    """'2001', '2001-11', '2001-W47' or '2001-11-22'."""
    if by == "year":
        return f"{when.year:04d}"
    if by == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if by == "week":
        year, week, _ = when.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return f"{when.year:04d}-{when.month:02d}-{when.day:02d}"


def buckets(
    counts: Counter[str | None],
    by: str,
    totals: Counter[str | None] | None = None,
    one_names: Mapping[str, str] | None = None,
) -> list[Bucket]:
    """Periods in time order with gaps as zeros; other values by count; with
    ``totals`` (all stories per value), each count's share of its total;
    with ``one_names``, a person's other names counted as the one name
    (rank/names.py), before ranking: the table is small, the counts are not."""
    if one_names and by in _LISTS:
        counts, totals = _folded(counts, one_names), totals and _folded(totals, one_names)
    unknown = counts.pop(None, 0)
    if by in PERIODS:
        known = [label for label in counts if label is not None]  # None was popped above
        labels = period_range(min(known), max(known), by) if known else []
        buckets = [Bucket(label, counts.get(label, 0)) for label in labels]
    else:
        buckets = ranked(counts)
    if unknown:
        buckets.append(Bucket(None, unknown))
    if totals is not None:
        for bucket in buckets:
            whole = totals.get(bucket.value, 0)
            bucket.share = bucket.count / whole if whole else 0.0
    return buckets


def ranked(counts: Counter) -> list[Bucket]:
    """Known values, most stories first, ties in alphabetical order."""
    order = sorted(
        (item for item in counts.items() if item[0] is not None),
        key=lambda item: (-item[1], item[0].casefold()),
    )
    return [Bucket(value, count) for value, count in order]


def period_range(first: str, last: str, by: str) -> list[str]:
    """Every period label from ``first`` to ``last``, both included."""
    day, end = _period_start(first, by), _period_start(last, by)
    labels = []
    while day <= end:
        labels.append(period_label(day, by))
        day = _next_period(day, by)
    return labels


def _period_start(label: str, by: str) -> date:
    if by == "week":
        year, week = label.split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    parts = [int(p) for p in label.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _next_period(day: date, by: str) -> date:
    if by == "year":
        return date(day.year + 1, 1, 1)
    if by == "month":
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return day + timedelta(days=7 if by == "week" else 1)
