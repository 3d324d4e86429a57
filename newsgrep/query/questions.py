"""Questions as queries: the words that ask rather than say.

"What did Putin say about joining NATO?" is about Putin, joining and NATO.
The question and request words match nearly every story and, with an IDF
that never drops below 1 (Whoosh's), outweigh the words that matter; so they
are dropped from words typed side by side while other clauses remain.
Measured with benchmarks/ranking.py (see rank/weights.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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

_PIECE = re.compile(r"\w+")


def content_words(words: Sequence[str], others: bool) -> list[str]:
    """The plain words typed side by side less the question words, unless
    nothing else would be left: with no ``others`` (clauses of other kinds
    beside them), a query of question words only runs on them."""
    kept = [word for word in words if not is_question_word(word)]
    return kept if kept or others else list(words)


def is_question_word(word: str) -> bool:
    """'What', 'say,', "what's": a question word, its punctuation and any
    one-letter piece ('s) aside."""
    pieces = [piece for piece in _PIECE.findall(word.lower()) if len(piece) > 1]
    return bool(pieces) and all(piece in QUESTION_WORDS for piece in pieces)
