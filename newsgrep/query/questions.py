"""Questions as queries: the words that ask rather than say.

"What did Putin say about joining NATO?" is about Putin, joining and NATO.
The question and request words match nearly every story and outweigh the
words that matter; so they are dropped from words typed side by side while
other clauses remain. STOP_WORDS adds common English words, which the
ranking drops too (rank/weights.py's ``stop_words``, chosen by
cross-validation: benchmarks/ranking_tune.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# Words that ask rather than say: question words, verbs of asking and
# telling, pronouns and quantifiers that a short stop list lets through.
QUESTION_WORDS = frozenset(
    """
what which who whom whose why how when where whether
do does did done doing say says said saying tell tells told telling
about any anything there here is are was were been be being has have had having
i me my mine you your yours we our us he him his she her it its they them their
please show give find know let like such these those this that some
many much more most other others also just very can could would should will shall
get got going happen happens happened happening
document documents article articles story stories information discuss discusses
discussing describe describes describing mention mentions mentioning relevant
identify concerning regarding
""".split()
)

# Common English words beyond the question words and the index's own stop
# list, which a ranking may drop from words typed side by side (rank/weights.py's
# ``stop_words``), as textbook BM25 with an English stop list does.
STOP_WORDS = QUESTION_WORDS | frozenset(
    """
a an and are as at be but by for from if in into is it no nor not of off on
once only or own same so than then too to under until up upon with within
without all both each few further again against between through during
before after above below out over because while onto among amongst per via
one two three etc
""".split()
)

_PIECE = re.compile(r"\w+")


def content_words(
    words: Sequence[str], others: bool, drop: Callable[[str], bool] | None = None
) -> list[str]:
    """The plain words typed side by side less the question words (or what
    ``drop`` says), unless nothing else would be left: with no ``others``
    (clauses of other kinds beside them), a query of such words only runs
    on them."""
    dropped = drop or is_question_word
    kept = [word for word in words if not dropped(word)]
    return kept if kept or others else list(words)


def is_question_word(word: str) -> bool:
    """'What', 'say,', "what's": a question word, its punctuation and any
    one-letter piece ('s) aside."""
    return _all_pieces_in(word, QUESTION_WORDS)


def is_stop_word(word: str) -> bool:
    """A question word or a common English word (STOP_WORDS), read as is_question_word."""
    return _all_pieces_in(word, STOP_WORDS)


def _all_pieces_in(word: str, words: frozenset[str]) -> bool:
    pieces = [piece for piece in _PIECE.findall(word.lower()) if len(piece) > 1]
    return bool(pieces) and all(piece in words for piece in pieces)
