"""What an index holds: stories, files, date span, top sources, people and
places, its size on disk and when it was last written."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from newsgrep.facets import Bucket, ranked, story_values

TOP = 10
COUNTED = ("source", "person", "place")


@dataclass
class IndexStats:
    index: str
    stories: int = 0
    files: int = 0
    first_date: datetime | None = None
    last_date: datetime | None = None
    undated: int = 0
    top: dict[str, list[Bucket]] = field(default_factory=dict)  # by "source", "person", "place"
    index_bytes: int = 0
    updated: datetime | None = None


def index_stats(index_dir: str | os.PathLike, top: int = TOP) -> IndexStats:
    """One pass over the stored stories; raises IndexMissing."""
    from newsgrep.store import open_index

    index = open_index(index_dir)
    stats = IndexStats(index=str(index_dir))
    counts = {by: Counter() for by in COUNTED}
    files: set[str] = set()
    with index.searcher() as searcher:
        for stored in searcher.reader().all_stored_fields():
            stats.stories += 1
            files.add(stored.get("file") or stored.get("path", ""))
            _add_date(stats, stored.get("date"))
            for by in COUNTED:
                counts[by].update(story_values(stored, by))
    stats.files = len(files)
    stats.top = {by: ranked(counts[by])[:top] if top else ranked(counts[by]) for by in COUNTED}
    stats.index_bytes, stats.updated = _disk(Path(index_dir))
    return stats


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


def stats_json(stats: IndexStats) -> dict:
    """The stable JSON object of `newsgrep stats --json` (README documents it)."""
    from newsgrep.safety import clean_line

    def values(buckets: list[Bucket]) -> list[dict]:
        return [{"value": clean_line(b.value), "count": b.count} for b in buckets]

    return {
        "index": stats.index,
        "stories": stats.stories,
        "files": stats.files,
        "first_date": stats.first_date.isoformat() if stats.first_date else None,
        "last_date": stats.last_date.isoformat() if stats.last_date else None,
        "undated": stats.undated,
        "sources": values(stats.top["source"]),
        "people": values(stats.top["person"]),
        "places": values(stats.top["place"]),
        "index_bytes": stats.index_bytes,
        "updated": stats.updated.isoformat(timespec="seconds") if stats.updated else None,
    }
