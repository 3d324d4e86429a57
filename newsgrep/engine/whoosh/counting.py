"""Exact totals from posting lists, without scoring.

A ranked page needs only its top hits scored (Whoosh skips posting blocks
that cannot reach them), but the footer says how many stories matched, and
Whoosh counts them by walking the whole query's matcher once more, posting by
posting (``len(results)``): at 100,000 stories as slow as scoring them. Here
the same set is built from document-number sets instead: a term's postings
read a block at a time, combined as the query combines them (union for OR,
intersection for AND, difference for ANDNOT). Queries that look at more than
which documents hold a term (phrases, spans, ranges, wildcards) are walked by
their own matcher, as before, but alone rather than inside the whole query.
"""

from __future__ import annotations

from collections.abc import Collection

from whoosh import query as q
from whoosh.collectors import TopCollector
from whoosh.searching import Results, Searcher

from newsgrep.engine.whoosh.compile import AndNot
from newsgrep.engine.whoosh.internals.reading import posting_ids


def exact_total(
    searcher: Searcher,
    results: Results,
    query: q.Query,
    restrict: q.Query | None = None,
    mask: Collection[int] = (),
) -> int:
    """Every story ``results`` (a run of ``query`` with filter ``restrict``
    and ``mask``) matched. A run that collected every match (sorted, or
    without a limit) counted them; a run for the top hits skipped posting
    blocks that could not reach them, and they are counted here."""
    collector = results.collector
    if not isinstance(getattr(collector, "child", collector), TopCollector):
        return int(len(results))
    return match_count(searcher, query, restrict, mask)


def match_count(
    searcher: Searcher,
    query: q.Query,
    restrict: q.Query | None = None,
    mask: Collection[int] = (),
) -> int:
    """How many live stories match ``query`` and ``restrict`` (a filter, as
    Whoosh's ``filter=``), leaving out the global document numbers in ``mask``."""
    total = 0
    for leaf, offset in searcher.leaf_searchers():
        found = _docs(leaf, query)
        if restrict is not None and found:
            found &= _docs(leaf, restrict)
        if mask:
            end = offset + leaf.doc_count_all()
            found -= {docnum - offset for docnum in mask if offset <= docnum < end}
        total += len(found)
    return total


def _docs(leaf: Searcher, query: q.Query) -> set[int]:
    """The segment's live documents matching ``query``, as its matcher would find them."""
    kind = type(query)
    if kind is q.Term:
        return posting_ids(leaf.reader(), query.fieldname, query.text)
    if kind is q.Or:
        return set().union(*(_docs(leaf, sub) for sub in query.subqueries))
    if kind is q.And:
        return _intersection(leaf, query.subqueries)
    if kind is AndNot:  # newsgrep's, which leaves out every story matching b
        kept = _docs(leaf, query.a)
        return kept - _docs(leaf, query.b) if kept else kept
    if kind is q.AndMaybe:
        return _docs(leaf, query.a)
    if kind is q.NullQuery.__class__:
        return set()
    return set(query.docs(leaf))


def _intersection(leaf: Searcher, parts: list[q.Query]) -> set[int]:
    found: set[int] | None = None
    for part in parts:
        docs = _docs(leaf, part)
        found = docs if found is None else found & docs
        if not found:
            return set()
    return found or set()
