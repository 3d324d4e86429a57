"""The second pass: the proximity bonus added to the first pass's top hits.

Whoosh matches a phrase with slop by comparing word positions in every
story that holds all its words; for common words at scale that is most of a
search's time. Ranking by the words first and scoring proximity on the top
``PROXIMITY_CANDIDATES`` hits only costs a hundred skips, whatever matched.
"""

from __future__ import annotations

from whoosh import query as q
from whoosh.searching import Results, Searcher

from newsgrep.rank.weights import PROXIMITY_CANDIDATES


def candidates(limit: int | None) -> int | None:
    """Hits the first pass keeps: the page's, and at least the candidates."""
    return None if limit is None else max(limit, PROXIMITY_CANDIDATES)


def add_proximity(searcher: Searcher, results: Results, bonus: q.Query, limit: int | None) -> None:
    """Add ``bonus``'s score to the top candidates of ``results`` (in place),
    re-rank them, and keep ``limit`` hits. A hit only gains, so the candidates
    still outrank every hit below them."""
    top = results.top_n[:PROXIMITY_CANDIDATES]
    extra = _scores(searcher, bonus, sorted(docnum for _, docnum in top))
    rescored = sorted(
        ((score + extra.get(docnum, 0.0), docnum) for score, docnum in top),
        key=lambda pair: (-pair[0], pair[1]),
    )
    results.top_n = (rescored + results.top_n[PROXIMITY_CANDIDATES:])[:limit]


def _scores(searcher: Searcher, query: q.Query, docnums: list[int]) -> dict[int, float]:
    """``query``'s score on each of ``docnums`` (ascending) that it matches,
    segment by segment as Whoosh scores a search (index-wide statistics)."""
    found: dict[int, float] = {}
    for leaf, offset in searcher.leaf_searchers():
        end = offset + leaf.doc_count_all()
        matcher = query.matcher(leaf, leaf.context())
        for docnum in (d - offset for d in docnums if offset <= d < end):
            if not matcher.is_active():
                break
            if matcher.id() < docnum:
                matcher.skip_to(docnum)
            if matcher.is_active() and matcher.id() == docnum:
                found[docnum + offset] = matcher.score()
    return found
