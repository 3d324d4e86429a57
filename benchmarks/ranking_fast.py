"""The first pass of a newsgrep search as array arithmetic, for the tuner.

Whoosh walks a query's matchers story by story in Python: on the five IR
collections one setting took 45 s of CPU. A setting changes only numbers
(k1, b, boosts, idf, coordination), so here each query is compiled by
newsgrep's own compile_query, each term's postings and every story's field
lengths are read once into numpy arrays, and a setting's scores are
computed as Whoosh's BM25F computes them (scoring.py; the coordination of
Whoosh's Or(scale), its SQR formula; ties to the lower story number). The
proximity bonus and the feedback words come from newsgrep's own code
(proximity._scores, feedback's key terms), kept per query. ranking_tune.py
checks that this gives the figures of the real search path.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from math import log
from typing import Any

import numpy as np

from newsgrep.rank.weights import PROXIMITY_CANDIDATES, Ranking

FIELDS = ("title", "body")


@dataclass
class Leaf:
    field: str
    text: Any
    boost: float


class FastIndex:
    """One collection's index as arrays: field lengths, postings, paths."""

    def __init__(self, searcher: Any) -> None:
        from newsgrep.engine.whoosh.columns import paths_of

        self.searcher = searcher
        reader = searcher.reader()
        self.stories = reader.doc_count_all()
        every = range(self.stories)
        self.lengths = {
            f: np.array([reader.doc_field_length(d, f, 0) for d in every], float) for f in FIELDS
        }
        self.average = {f: searcher.avg_field_length(f) or 1.0 for f in FIELDS}
        self.paths = paths_of(reader, list(every))
        self._postings: dict[tuple[str, Any], tuple[np.ndarray, np.ndarray]] = {}
        self._key_terms: dict[tuple, list[tuple[str, float]]] = {}
        self._proximity: dict[tuple, dict[int, float]] = {}

    def postings(self, field: str, text: Any) -> tuple[np.ndarray, np.ndarray]:
        """(story numbers, term frequencies as Whoosh weighs them) of a term."""
        key = (field, text)
        if key not in self._postings:
            ids: list[int] = []
            weights: list[float] = []
            reader = self.searcher.reader()
            if (field, text) in reader:
                matcher = reader.postings(field, text)
                while matcher.is_active():
                    ids.append(matcher.id())
                    weights.append(matcher.weight())
                    matcher.next()
            self._postings[key] = (np.array(ids, int), np.array(weights, float))
        return self._postings[key]

    def idf(self, field: str, text: Any, lucene: bool) -> float:
        df = len(self.postings(field, text)[0])
        if lucene:
            return log(1 + (self.stories - df + 0.5) / (df + 0.5))
        return log(self.stories / (df + 1)) + 1

    def key_terms(self, top: tuple[int, ...], count: int) -> list[tuple[str, float]]:
        key = (top, count)
        if key not in self._key_terms:
            found = self.searcher.key_terms(list(top), "body", numterms=count, normalize=True)
            self._key_terms[key] = found
        return self._key_terms[key]

    def proximity(self, bonus: Any, ranking: Ranking, docs: list[int], searcher: Any) -> dict:
        """The bonus (at weight 1: it scales linearly) on each of ``docs``,
        scored by newsgrep's proximity pass, each story once per setting of
        the weighting."""
        from newsgrep.engine.whoosh.proximity import _scores

        key = (repr(bonus), ranking.k1, ranking.title_b, ranking.body_b, ranking.lucene_idf)
        known = self._proximity.setdefault(key, {})
        missing = sorted(d for d in docs if d not in known)
        if missing:
            found = _scores(searcher, bonus, missing)
            known.update({d: found.get(d, 0.0) for d in missing})
        return known


def leaves(query: Any) -> list[Leaf] | None:
    """The query's terms if it is an Or of terms (or one term); None otherwise."""
    from whoosh import query as q

    parts = query.subqueries if isinstance(query, q.Or) else [query]
    if not all(isinstance(p, q.Term) for p in parts):
        return None
    return [Leaf(p.fieldname, p.text, p.boost) for p in parts]


def scores(index: FastIndex, terms: list[Leaf], ranking: Ranking, scale: float | None) -> tuple:
    """(scores of every story, matched mask): Whoosh's BM25F sum, its coordination."""
    total = np.zeros(index.stories)
    matched = np.zeros(index.stories)
    count = 0  # Whoosh counts the terms that have a matcher: those in the index
    for leaf in terms:
        ids, tf = index.postings(leaf.field, leaf.text)
        if not len(ids):
            continue
        count += 1
        b = ranking.title_b if leaf.field == "title" else ranking.body_b
        norm = ranking.k1 * (
            (1 - b) + b * index.lengths[leaf.field][ids] / index.average[leaf.field]
        )
        idf = index.idf(leaf.field, leaf.text, ranking.lucene_idf)
        total[ids] += leaf.boost * idf * tf * (ranking.k1 + 1) / (tf + norm)
        matched[ids] += 1
    if scale and count > 1:
        total = np.where(
            matched > 0, (total + (matched - 1) / (count - scale) ** 2) * (count - 1) / count, 0.0
        )
    return total, matched > 0


def top(total: np.ndarray, mask: np.ndarray, limit: int) -> list[int]:
    """Story numbers of the ``limit`` best scores, ties to the lower number."""
    found = np.flatnonzero(mask)
    order = np.lexsort((found, -total[found]))
    return [int(d) for d in found[order[:limit]]]


def ranked(
    index: FastIndex, tree: Any, ranking: Ranking, depth: int, searcher: Any
) -> list[str] | None:
    """The paths newsgrep's search gives for ``tree`` under ``ranking``, or None
    when the query is not plain words (the caller then runs the real search)."""
    from newsgrep.engine.whoosh.compile import compile_query, proximity_query

    query = compile_query(tree, index.searcher.schema, ranking)
    terms = leaves(query)
    if terms is None:
        return None
    scale = getattr(query, "scale", None)
    total, mask = scores(index, terms, ranking, scale)
    if ranking.feedback_terms:
        first = tuple(top(total, mask, ranking.feedback_docs))
        extra = [
            Leaf(field, word, ranking.feedback_weight * weight * field_weight)
            for word, weight in index.key_terms(first, ranking.feedback_terms)
            for field, field_weight in (("title", ranking.title_weight), ("body", 1.0))
        ]
        extra_total, _ = scores(index, extra, ranking, None)
        total = total + np.where(mask, extra_total, 0.0)
    hits = top(total, mask, max(depth, PROXIMITY_CANDIDATES))
    unit = replace(ranking, proximity_weight=1.0)
    bonus = proximity_query(tree, index.searcher.schema, unit) if ranking.proximity_weight else None
    if bonus is not None:
        head = hits[:PROXIMITY_CANDIDATES]
        near = index.proximity(bonus, ranking, head, searcher)
        weight = ranking.proximity_weight
        head = sorted(head, key=lambda d: (-(total[d] + weight * near[d]), d))
        hits = head + hits[PROXIMITY_CANDIDATES:]
    return [index.paths[d] for d in hits[:depth]]
