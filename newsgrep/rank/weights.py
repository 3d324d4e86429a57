"""How the words of a query weigh: BM25's parameters, titles, proximity,
coordination, query stop words and pseudo-relevance feedback.

Applied to plain words typed side by side (not to phrases, fields or
operators' operands) by the engine that compiles the query tree, together
with the query package's own decisions on such words (query/questions.py:
question and request words are dropped while other words remain; a word
typed twice counts twice, BM25's query term frequency, where Whoosh would
fold the repeats into one).

Every figure in ``RANKING`` was chosen by benchmarks/ranking_tune.py:
hundreds of settings scored in process on the five judged IR collections,
each setting kept only where leave-one-collection-out cross-validation
(tuned on four, scored on the fifth) said it helps; docs/ranking.md prints
the held-out table. The Reuters-21578 topics and the sample corpus are
checks, never tuning data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsgrep.query.questions import content_words, is_stop_word


@dataclass(frozen=True)
class Ranking:
    """What a search applies at query time; the index does not change with it."""

    # BM25's term-frequency saturation and length normalisation, per field.
    k1: float = 0.9
    title_b: float = 0.75
    body_b: float = 0.5
    # A title match's weight beside a body match's 1 (the index already
    # doubles title term frequency: schema.TITLE_BOOST).
    title_weight: float = 0.3
    # Two neighbouring words within ``proximity_slop`` positions: a bonus of
    # this weight, scored on the first pass's top candidates (0: none).
    proximity_weight: float = 0.0
    proximity_slop: int = 8
    # Whoosh's coordination bonus for stories that hold more of the clauses
    # typed side by side (0: a plain sum).
    coordination: float = 0.9
    # Drop common English words (questions.STOP_WORDS) from words typed side
    # by side while other words remain, as textbook BM25 does.
    stop_words: bool = True
    # Lucene's idf, ln(1 + (N - df + 0.5) / (df + 0.5)), in place of
    # Whoosh's ln(N / (df + 1)) + 1, which never drops below 1.
    lucene_idf: bool = True
    # Pseudo-relevance feedback (0 terms: none): the ``feedback_terms`` most
    # informative words of the first pass's top ``feedback_docs`` stories
    # (Bo1, as `similar` weighs them) added with weight ``feedback_weight``.
    feedback_terms: int = 0
    feedback_docs: int = 10
    feedback_weight: float = 0.3


RANKING = Ranking()

# The figures the OpenSearch engine compiles with (engine/opensearch/compile.py).
TITLE_WEIGHT = RANKING.title_weight
PROXIMITY_WEIGHT = RANKING.proximity_weight
PROXIMITY_SLOP = RANKING.proximity_slop
COORDINATION = RANKING.coordination
# The proximity bonus is scored on this many top hits of a first pass without
# it, not as span matching over every story that holds both words (slow on
# common words at scale). Relevant stories far below the first hundred rarely
# climb into a page on a bonus this size; benchmarks/ranking.py checks it.
PROXIMITY_CANDIDATES = 100


def scored_words(words: Sequence[str], ranking: Ranking = RANKING) -> list[str]:
    """The plain words typed side by side that a ranking scores: with
    ``stop_words``, less the common English words while others remain. Both
    engines' compilers ask here, so they match the same stories."""
    return (
        content_words(words, others=False, drop=is_stop_word) if ranking.stop_words else list(words)
    )
