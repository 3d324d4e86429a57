"""The weighting model a search scores with: Whoosh's BM25F with the
ranking's parameters (rank/weights.py), and Lucene's idf where it asks."""

from __future__ import annotations

from math import log
from typing import Any

from whoosh.scoring import BM25F

from newsgrep.rank.weights import RANKING, Ranking


class NewsgrepBM25F(BM25F):
    """BM25F with k1 and b per field from a Ranking; with ``lucene_idf``,
    ln(1 + (N - df + 0.5) / (df + 0.5)) instead of Whoosh's ln(N / (df + 1)) + 1,
    whose floor of 1 lets words found in nearly every story outweigh rare ones."""

    def __init__(self, ranking: Ranking = RANKING) -> None:
        super().__init__(
            B=ranking.body_b, K1=ranking.k1, title_B=ranking.title_b, body_B=ranking.body_b
        )
        self.lucene_idf = ranking.lucene_idf

    def idf(self, searcher: Any, fieldname: str, text: Any) -> float:
        if not self.lucene_idf:
            return float(super().idf(searcher, fieldname, text))
        parent = searcher.get_parent()
        df = parent.doc_frequency(fieldname, text)
        stories = parent.doc_count_all()
        return log(1 + (stories - df + 0.5) / (df + 0.5))


def weighting(ranking: Ranking = RANKING) -> NewsgrepBM25F:
    """The model a searcher scores ``ranking``'s searches with."""
    return NewsgrepBM25F(ranking)
