"""Quotations in the Whoosh index: how a story's quotations are indexed, how
``said:`` finds them, and which of a hit's quotations a query matched.

The ``quotes`` field holds a story's quotations as the values of a list,
each the text engine/quotations.py makes of it (the marked speaker, then
the words), postings.POSITION_GAP positions apart so that nothing matches
across two; its analyzer is the body's. ``said:putin`` is the speaker term
anywhere; ``said:putin nato`` the speaker term and the word within one
quotation: a span query whose slop is below the gap. Nothing scans stored
quotations per match: only the page's hits are looked at, to put the
quotations a query matched first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from whoosh import query as q

from newsgrep.engine import quotations
from newsgrep.engine.quotations import Positions, indexed_text, marked_name, typed_words
from newsgrep.engine.whoosh.postings import POSITION_GAP
from newsgrep.errors import QueryError
from newsgrep.model import Quote
from newsgrep.query import tree as t

QUOTES = "quotes"
# Two positions of one quotation are closer than this; of two quotations, farther.
WITHIN_QUOTE = POSITION_GAP - 1
REBUILD = (
    "this index was built before quotations were indexed: "
    "rebuild it with newsgrep index --rebuild FOLDER"
)


def quote_fields(quotes: Sequence[Quote]) -> dict[str, Any]:
    """A story's quotations as fields of its Whoosh document (none without any)."""
    if not quotes:
        return {}
    speakers = list(dict.fromkeys(quote.speaker for quote in quotes if quote.speaker))
    return {
        QUOTES: [indexed_text(quote) for quote in quotes],
        f"_stored_{QUOTES}": [(quote.speaker, quote.text) for quote in quotes],
        # A comma separates the keyword field's values: none may hold one.
        "speaker": ",".join(name.replace(",", " ") for name in speakers) or None,
        "_stored_speaker": speakers,
    }


def stored_quotes(stored: dict[str, Any]) -> list[Quote]:
    """A story's quotations from its stored fields, in the story's order."""
    return [Quote(text, speaker) for speaker, text in stored.get(QUOTES) or ()]


# -- said: as a query ---------------------------------------------------------


def said_query(node: t.Said, schema: Any) -> q.Query:
    """The speaker and every word of ``node`` within one quotation."""
    if QUOTES not in schema:
        raise QueryError(REBUILD)
    speaker = _in_order(_terms(schema, marked_name(" ".join(node.speaker))), slop=1)
    if speaker is None:
        raise QueryError(f"said: has no name to look for in {' '.join(node.speaker)!r}")
    words = [_in_order(_terms(schema, text), slop) for text, slop in typed_words(node)]
    spans = [speaker] + [span for span in words if span is not None]
    # mindist 0: a word may stand inside the span of the speaker and another word.
    found = (
        spans[0]
        if len(spans) == 1
        else q.SpanNear2(spans, slop=WITHIN_QUOTE, ordered=False, mindist=0)
    )
    return found if node.boost == 1 else found.with_boost(node.boost)


def _terms(schema: Any, text: str) -> list[str]:
    return list(schema[QUOTES].process_text(text, mode="query"))


def _in_order(terms: list[str], slop: int) -> q.Query | None:
    """Terms in this order, each at most ``slop`` after the one before; None for no term."""
    if not terms:
        return None
    if len(terms) == 1:
        return q.Term(QUOTES, terms[0])
    return q.SpanNear2([q.Term(QUOTES, term) for term in terms], slop=slop, ordered=True)


# -- which quotations a hit's query matched ------------------------------------


class _WhooshAnalysis:
    """engine/quotations.py's Analysis by the quotes field's analyzer."""

    def __init__(self, schema: Any) -> None:
        self._schema = schema

    def terms(self, text: str) -> list[str]:
        return _terms(self._schema, text)

    def positions(self, text: str) -> Positions:
        positions: Positions = {}
        for token in self._schema[QUOTES].analyzer(text, positions=True, mode="index"):
            positions.setdefault(token.text, []).append(token.pos)
        return positions


def matching_first(
    quotes: list[Quote], said: Sequence[t.Said], schema: Any
) -> tuple[list[Quote], int]:
    """The quotations that match a said: clause first (engine/quotations.py),
    and how many matched; none on an index built before quotations."""
    if QUOTES not in schema:
        return quotes, 0
    return quotations.matching_first(quotes, said, _WhooshAnalysis(schema))
