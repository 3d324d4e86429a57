"""Counting matching stories per source, person, place or period (``--by``).

Counts cover every matching story, not one page of hits. Periods are labelled
``2001``, ``2001-11``, ``2001-W47`` (ISO week) and ``2001-11-22``; the periods
between the first and the last with a story are listed with zero counts, so a
timeline shows its gaps. ``share`` divides each count by all stories with the
same value (the same period, source, ...) that pass the same filters.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

PERIODS = ("year", "month", "week", "day")
FIELDS = ("source", "person", "place")
BY_CHOICES = FIELDS + PERIODS


@dataclass
class Bucket:
    """One value and its count; ``value`` is None for stories without one."""

    value: str | None
    count: int
    share: float | None = None


@dataclass
class Facets:
    by: str
    buckets: list[Bucket]
    matched: int  # matching stories, each counted once
    seconds: float


def count_by(index_dir: str | os.PathLike, text: str, by: str, options=None,
             share: bool = False) -> Facets:
    """Count the stories matching ``text`` (and the options' filters) per value of ``by``."""
    from whoosh import query as q

    from newsgrep.search import SearchOptions, prepared_query
    from newsgrep.store import open_searcher

    if by not in BY_CHOICES:
        raise ValueError(f"cannot count by {by!r}")
    options = options or SearchOptions()
    started = time.perf_counter()
    with open_searcher(index_dir) as searcher:
        query, restrict = prepared_query(searcher.schema, text, options)
        docs = _matching(searcher, query, restrict)
        counts = Counter(_values(searcher, docs, by))
        totals = Counter(_values(searcher, _matching(searcher, q.Every(), restrict), by)) if share else None
    buckets = _buckets(counts, by)
    if totals is not None:
        for bucket in buckets:
            whole = totals.get(bucket.value, 0)
            bucket.share = bucket.count / whole if whole else 0.0
    return Facets(by, buckets, len(docs), time.perf_counter() - started)


def _matching(searcher, query, restrict) -> list[int]:
    results = searcher.search(query, filter=restrict, limit=None, scored=False)
    return sorted(results.docs())


def _values(searcher, docs: Iterable[int], by: str) -> Iterator[str | None]:
    """Each story's value(s) for ``by``; a story naming three people gives three."""
    reader = searcher.reader()
    for doc in docs:
        yield from story_values(reader.stored_fields(doc), by)


def story_values(stored: dict, by: str) -> list[str | None]:
    """One story's values for ``by``: [None] when it has none, each person once."""
    if by in PERIODS:
        when = stored.get("date")
        return [period_label(when, by) if when else None]
    if by == "person":
        return list(dict.fromkeys(stored.get("people") or [None]))
    return [stored.get(by) or None]


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


def _buckets(counts: Counter, by: str) -> list[Bucket]:
    """Periods in time order with gaps as zeros; other values by count."""
    unknown = counts.pop(None, 0)
    if by in PERIODS:
        labels = period_range(min(counts), max(counts), by) if counts else []
        buckets = [Bucket(label, counts.get(label, 0)) for label in labels]
    else:
        buckets = ranked(counts)
    if unknown:
        buckets.append(Bucket(None, unknown))
    return buckets


def ranked(counts: Counter) -> list[Bucket]:
    """Known values, most stories first, ties in alphabetical order."""
    order = sorted((item for item in counts.items() if item[0] is not None),
                   key=lambda item: (-item[1], item[0].casefold()))
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
