"""Counting every matching story per source, person, place or period (``--by``)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator, Sequence

from whoosh import query as q
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from newsgrep.engine.whoosh import columns
from newsgrep.engine.whoosh.searching import prepared_query
from newsgrep.model import Facets, SearchOptions
from newsgrep.query.tree import Query
from newsgrep.rank.facets import (
    BY_CHOICES,
    PERIODS,
    buckets,
    count_periods,
    story_values,
)


def count_by(
    searcher: Searcher, tree: Query, by: str, options: SearchOptions, share: bool = False
) -> Facets:
    """Count the stories matching a query (and the options' filters) per value of ``by``."""
    if by not in BY_CHOICES:
        raise ValueError(f"cannot count by {by!r}")
    started = time.perf_counter()
    query, restrict = prepared_query(searcher.schema, tree, options)
    docs = _matching(searcher, query, restrict)
    counts = _count(searcher, docs, by)
    totals = _count(searcher, _matching(searcher, q.Every(), restrict), by) if share else None
    return Facets(
        by, buckets(counts, by, totals, options.one_names), len(docs), time.perf_counter() - started
    )


def _matching(searcher: Searcher, query: q.Query, restrict: q.Query | None) -> list[int]:
    if isinstance(query, q.Every) and query.fieldname is None and restrict is None:
        return _every_story(searcher.reader())
    results = searcher.search(query, filter=restrict, limit=None, scored=False)
    return sorted(results.docs())


def _every_story(reader: IndexReader) -> list[int]:
    """Every live story's number, without a collector's call per story ('*'
    counts every story: 100k calls were most of `search '*' --by month`)."""
    docs: list[int] = []
    for segment, offset in reader.leaf_readers():
        count = segment.doc_count_all()
        if segment.has_deletions():
            deleted = segment.deleted_docs_set
            docs.extend(offset + doc for doc in range(count) if doc not in deleted)
        else:
            docs.extend(range(offset, offset + count))
    return docs


def _count(searcher: Searcher, docs: Sequence[int], by: str) -> Counter[str | None]:
    """Stories per value of ``by`` among ``docs``, from columns where the index
    has them (dates always; the others since the facet columns were added)."""
    reader = searcher.reader()
    if by in PERIODS and columns.has_date_column(searcher.schema):
        return count_periods(columns.dates_of(reader, docs), by)
    if by not in PERIODS and columns.has_facet_columns(searcher.schema):
        return columns.counts_of(reader, by, docs)
    return Counter(_stored_values(searcher, docs, by))


def _stored_values(searcher: Searcher, docs: Sequence[int], by: str) -> Iterator[str | None]:
    """Each story's value(s) for ``by`` from its stored fields (an index written
    before the facet columns); a story naming three people gives three."""
    reader = searcher.reader()
    for doc in docs:
        yield from story_values(reader.stored_fields(doc), by)
