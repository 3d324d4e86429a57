"""What an index holds: stories, files, date span, top sources, people and
places, its size on disk and when it was last written."""

from __future__ import annotations

import os
from collections import Counter
from datetime import datetime
from pathlib import Path

from whoosh.searching import Searcher

from newsgrep.engine.whoosh import columns
from newsgrep.model import IndexStats
from newsgrep.rank.facets import ranked, story_values

TOP = 10
COUNTED = ("source", "person", "place")


def index_stats(searcher: Searcher, folder: Path, top: int = TOP) -> IndexStats:
    """From the facet columns, or from stored stories in an index written before them."""
    stats = IndexStats(index=str(folder))
    if columns.has_facet_columns(searcher.schema):
        counts = _from_columns(searcher, stats, top)
    else:
        counts = _from_stored(searcher, stats)
    stats.top = {by: ranked(counts[by])[:top] if top else ranked(counts[by]) for by in COUNTED}
    stats.index_bytes, stats.updated = _disk(folder)
    return stats


def _from_columns(
    searcher: Searcher, stats: IndexStats, top: int
) -> dict[str, Counter[str | None]]:
    reader = searcher.reader()
    stats.stories = reader.doc_count()
    stats.files = columns.live_distinct(reader, "file")
    dates = columns.live_dates(reader)
    stats.undated = dates.pop(None, 0)
    known = [when for when in dates if when is not None]  # None was popped above
    if known:
        stats.first_date, stats.last_date = min(known), max(known)
    return {by: columns.live_counts(reader, by, top) for by in COUNTED}


def _from_stored(searcher: Searcher, stats: IndexStats) -> dict[str, Counter[str | None]]:
    """One pass over the stored stories."""
    counts: dict[str, Counter[str | None]] = {by: Counter() for by in COUNTED}
    files: set[str] = set()
    for stored in searcher.reader().all_stored_fields():
        stats.stories += 1
        files.add(stored.get("file") or stored.get("path", ""))
        _add_date(stats, stored.get("date"))
        for by in COUNTED:
            counts[by].update(story_values(stored, by))
    stats.files = len(files)
    return counts


def _add_date(stats: IndexStats, when: datetime | None) -> None:
    if when is None:
        stats.undated += 1
        return
    if stats.first_date is None or when < stats.first_date:
        stats.first_date = when
    if stats.last_date is None or when > stats.last_date:
        stats.last_date = when


def _disk(folder: Path) -> tuple[int, datetime | None]:
    """Bytes of the index's files and the time the newest was written."""
    size, newest = 0, 0.0
    for entry in os.scandir(folder):
        if entry.is_file() and not entry.name.endswith(".lock"):
            info = entry.stat()
            size += info.st_size
            newest = max(newest, info.st_mtime)
    return size, datetime.fromtimestamp(newest).astimezone() if newest else None
