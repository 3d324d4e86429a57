"""Every ``--json`` object newsgrep prints, in one place: the schemas docs/output.md
documents. Strings from stories are cleaned for a terminal here too, since
``jq -r`` prints them raw.
"""

from __future__ import annotations

import json
from typing import Any

from newsgrep.model import Bucket, Hit, IndexStats, Quote, Story
from newsgrep.safety import clean_line, clean_text

# C1 controls are valid JSON text but act on a terminal once `jq -r` prints them.
_C1 = {c: f"\\u{c:04x}" for c in range(0x7F, 0xA0)}

JsonObject = dict[str, Any]


def story_json(hit: Hit) -> JsonObject:
    """The fields of a story that every JSON output shares."""
    return {
        "path": clean_line(hit.path),
        "title": clean_line(hit.title),
        "date": hit.date.isoformat() if hit.date else None,
        "source": clean_line(hit.source),
        "people": [clean_line(p) for p in hit.people],
        "people_as_written": [clean_line(p) for p in hit.people_as_written or hit.people],
        "place": clean_line(hit.place),
        "author": [clean_line(a) for a in hit.author],
        "url": clean_line(hit.url),
    }


def hit_json(hit: Hit, with_duplicates: bool = False) -> JsonObject:
    """The stable JSON Lines schema of one hit (docs/output.md documents it)."""
    obj = {
        "rank": hit.rank,
        "score": round(hit.score, 4),
        **story_json(hit),
        "snippet": clean_line(hit.snippet_text),
    }
    if with_duplicates:
        obj["duplicates"] = [
            {**story_json(dup.hit), "similarity": round(dup.similarity, 4)}
            for dup in hit.duplicates
        ]
    obj["quotes"] = [quote_json(quote) for quote in hit.quotes]
    return obj


def watch_hit_json(hit: Hit, watch: str) -> JsonObject:
    """`newsgrep watch --json`: the hit schema and the name of the watch it entered."""
    return {**hit_json(hit), "watch": watch}


def quote_json(quote: Quote) -> JsonObject:
    """One quotation: {"speaker": "Vladimir Putin", "text": "..."}; speaker null if none."""
    return {
        "speaker": clean_line(quote.speaker) if quote.speaker else None,
        "text": clean_line(quote.text),
    }


def full_story_json(story: Story) -> JsonObject:
    """`newsgrep show --json`: the hit fields, the whole body, the quotations."""
    return {
        **story_json(story.hit),
        "body": clean_text(story.body),
        "quotes": [quote_json(quote) for quote in story.hit.quotes],
    }


def bucket_json(bucket: Bucket) -> JsonObject:
    """One value of ``--by``: {"value": "2001-11", "count": 3} (plus "share")."""
    obj: JsonObject = {
        "value": clean_line(bucket.value) if bucket.value is not None else None,
        "count": bucket.count,
    }
    if bucket.share is not None:
        obj["share"] = round(bucket.share, 4)
    return obj


def stats_json(stats: IndexStats) -> JsonObject:
    """The stable JSON object of `newsgrep stats --json` (docs/output.md documents it)."""

    def values(buckets: list[Bucket]) -> list[JsonObject]:
        # The top lists have no None bucket (ranked() leaves it out).
        return [{"value": clean_line(b.value or ""), "count": b.count} for b in buckets]

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


def json_line(obj: JsonObject) -> str:
    """One JSON object on one line; C1 controls escaped too, for safe `jq -r`."""
    return json.dumps(obj, ensure_ascii=False).translate(_C1)
