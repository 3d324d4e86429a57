"""Counting every matching story per source, person, place or period (``--by``)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator

from whoosh import query as q
from whoosh.searching import Searcher

from newsgrep.engine.whoosh.searching import prepared_query
from newsgrep.model import Facets, SearchOptions
from newsgrep.query.tree import Query
from newsgrep.rank.facets import BY_CHOICES, buckets, story_values


def count_by(
    searcher: Searcher, tree: Query, by: str, options: SearchOptions, share: bool = False
) -> Facets:
    """Count the stories matching a query (and the options' filters) per value of ``by``."""
    if by not in BY_CHOICES:
        raise ValueError(f"cannot count by {by!r}")
    started = time.perf_counter()
    query, restrict = prepared_query(searcher.schema, tree, options)
    docs = _matching(searcher, query, restrict)
    counts = Counter(_values(searcher, docs, by))
    totals = (
        Counter(_values(searcher, _matching(searcher, q.Every(), restrict), by)) if share else None
    )
    return Facets(by, buckets(counts, by, totals), len(docs), time.perf_counter() - started)


def _matching(searcher: Searcher, query: q.Query, restrict: q.Query | None) -> list[int]:
    results = searcher.search(query, filter=restrict, limit=None, scored=False)
    return sorted(results.docs())


def _values(searcher: Searcher, docs: Iterable[int], by: str) -> Iterator[str | None]:
    """Each story's value(s) for ``by``; a story naming three people gives three."""
    reader = searcher.reader()
    for doc in docs:
        yield from story_values(reader.stored_fields(doc), by)
