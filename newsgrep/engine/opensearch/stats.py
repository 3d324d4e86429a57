"""What an index on a cluster holds: stories, files, date span, top sources,
people and places (counted as on Whoosh, by rank/facets.py), and its size."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from newsgrep.engine.opensearch.client import ClusterAddress
from newsgrep.engine.opensearch.facets import distinct_values, value_counts
from newsgrep.engine.opensearch.searching import parse_date
from newsgrep.engine.opensearch.store import INDEX_GENERATION, counter_written
from newsgrep.model import IndexStats
from newsgrep.rank.facets import FIELDS, ranked

TOP = 10
EVERY: dict = {"match_all": {}}


def index_stats(client: Any, address: ClusterAddress, top: int = TOP) -> IndexStats:
    """Counts by aggregations; updated: the writer's last commit."""
    name = address.name
    answer = client.search(
        index=name,
        body={
            "size": 0,
            "track_total_hits": True,
            "aggs": {
                "first": {"min": {"field": "date"}},
                "last": {"max": {"field": "date"}},
                "undated": {"missing": {"field": "date"}},
            },
        },
    )
    aggs = answer["aggregations"]
    stats = IndexStats(
        index=str(address),
        stories=answer["hits"]["total"]["value"],
        files=distinct_values(client, name, EVERY, "file"),
        first_date=_date(aggs["first"]),
        last_date=_date(aggs["last"]),
        undated=aggs["undated"]["doc_count"],
    )
    for by in FIELDS:
        values = ranked(value_counts(client, name, EVERY, by))
        stats.top[by] = values[:top] if top else values
    store = client.indices.stats(index=name, metric="store")
    stats.index_bytes = store["_all"]["primaries"]["store"]["size_in_bytes"]
    stats.updated = counter_written(client, address, INDEX_GENERATION)
    return stats


def _date(aggregate: dict) -> datetime | None:
    return (
        parse_date(aggregate.get("value_as_string")) if aggregate.get("value") is not None else None
    )
