"""Pseudo-relevance feedback: the first pass's top stories lend their words.

The most informative words of the top ``feedback_docs`` stories (Whoosh's
Bo1 model, as `similar` picks a story's key terms) join the query as
optional clauses of weight ``feedback_weight``: they re-rank the stories the
query matched and match no others, so counts, -l and every filter are the
query's own. It costs a second search (rank/weights.py says whether it is on).
"""

from __future__ import annotations

from typing import Any

from whoosh import query as q
from whoosh.searching import Searcher

from newsgrep.rank.weights import Ranking


def expanded(searcher: Searcher, first: q.Query, restrict: Any | None, ranking: Ranking) -> q.Query:
    """``first`` with the feedback words of its top stories as optional clauses."""
    top = searcher.search(first, limit=ranking.feedback_docs, filter=restrict)
    docnums = [hit.docnum for hit in top]
    if not docnums:
        return first
    terms = searcher.key_terms(docnums, "body", numterms=ranking.feedback_terms, normalize=True)
    if not terms:
        return first
    extra = q.Or(
        [
            q.Term(field, word, boost=ranking.feedback_weight * weight * field_weight)
            for word, weight in terms
            for field, field_weight in (("title", ranking.title_weight), ("body", 1.0))
        ]
    )
    return q.AndMaybe(first, extra)
