"""Counting every matching story per source, person, speaker, place or period (``--by``),
by aggregations: a composite aggregation walks every value (a terms
aggregation's top N would drop the rarest), stories without a value land in
its null bucket. Labels, gaps and shares are rank/facets.py's, as on Whoosh."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from newsgrep.engine.opensearch.compile import DSL
from newsgrep.engine.opensearch.searching import analyzer, filtered_query
from newsgrep.model import Facets, SearchOptions
from newsgrep.query.tree import Every, Query
from newsgrep.rank.facets import BY_CHOICES, PERIODS, buckets, period_label

# The exact value as stored, per --by choice.
VALUE_FIELDS = {
    "source": "source.keyword",
    "person": "people.keyword",
    "speaker": "speaker.keyword",
    "place": "place.keyword",
}
PAGE = 1_000


def count_by(
    client: Any, name: str, tree: Query, by: str, options: SearchOptions, share: bool = False
) -> Facets:
    """Count the stories matching a query (and the options' filters) per value of ``by``."""
    if by not in BY_CHOICES:
        raise ValueError(f"cannot count by {by!r}")
    started = time.perf_counter()
    analyze = analyzer(client, name)
    query = filtered_query(tree, options, analyze)
    counts = value_counts(client, name, query, by)
    matched = client.count(index=name, body={"query": query})["count"]
    totals = (
        value_counts(client, name, filtered_query(Every(), options, analyze), by) if share else None
    )
    return Facets(
        by, buckets(counts, by, totals, options.one_names), matched, time.perf_counter() - started
    )


def value_counts(client: Any, name: str, query: DSL, by: str) -> Counter[str | None]:
    """Matching stories per value of ``by`` (a story counted once per value;
    None for stories without one)."""
    counts: Counter[str | None] = Counter()
    for key, count in _composite(client, name, query, _value_source(by)):
        counts[_label(key, by)] += count
    return counts


def distinct_values(client: Any, name: str, query: DSL, field: str) -> int:
    """How many values of a keyword field the matching stories hold, exactly
    (a cardinality aggregation only estimates)."""
    return sum(1 for _ in _composite(client, name, query, {"terms": {"field": field}}))


def _value_source(by: str) -> DSL:
    if by in PERIODS:
        histogram = {"field": "date", "calendar_interval": by, "missing_bucket": True}
        return {"date_histogram": histogram}
    return {"terms": {"field": VALUE_FIELDS[by], "missing_bucket": True}}


def _label(key: Any, by: str) -> str | None:
    """A bucket's key as rank/facets.py labels it; no value (or "") is None."""
    if key is None or key == "":
        return None
    if by in PERIODS:
        return period_label(datetime.fromtimestamp(key / 1000, UTC).date(), by)
    return str(key)


def _composite(client: Any, name: str, query: DSL, source: DSL) -> Iterator[tuple[Any, int]]:
    """(key, stories) for every value of a composite aggregation, page by page."""
    after: DSL | None = None
    while True:
        composite: DSL = {"size": PAGE, "sources": [{"value": source}]}
        if after is not None:
            composite["after"] = after
        answer = client.search(
            index=name,
            body={"size": 0, "query": query, "aggs": {"values": {"composite": composite}}},
        )["aggregations"]["values"]
        for bucket in answer["buckets"]:
            yield bucket["key"]["value"], bucket["doc_count"]
        after = answer.get("after_key")
        if not answer["buckets"] or after is None:
            return
