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

from newsgrep.engine.quotations import indexed_text, marked_name
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
    words = [_in_order(_terms(schema, text), slop) for text, slop in _typed(node)]
    spans = [speaker] + [span for span in words if span is not None]
    # mindist 0: a word may stand inside the span of the speaker and another word.
    found = (
        spans[0]
        if len(spans) == 1
        else q.SpanNear2(spans, slop=WITHIN_QUOTE, ordered=False, mindist=0)
    )
    return found if node.boost == 1 else found.with_boost(node.boost)


def _typed(node: t.Said) -> list[tuple[str, int]]:
    """Each word or phrase of a quotation as (text, slop)."""
    return [
        (word.text, 1) if isinstance(word, t.Term) else (" ".join(word.words), word.slop)
        for word in node.words
    ]


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


def said_clauses(tree: t.Query | None) -> tuple[t.Said, ...]:
    """The said: clauses of a query tree."""
    return tuple(leaf for leaf in t.leaves(tree) if isinstance(leaf, t.Said)) if tree else ()


def matching_first(
    quotes: list[Quote], said: Sequence[t.Said], schema: Any
) -> tuple[list[Quote], int]:
    """The quotations that match a said: clause first, the others after, each
    in the story's order; and how many matched."""
    if not said or QUOTES not in schema:
        return quotes, 0
    wanted = [_wanted(node, schema) for node in said]
    speakers: dict[str, Positions] = {}  # each name analysed once
    matched = [_matches(quote, wanted, schema, speakers) for quote in quotes]
    first = [quote for quote, hit in zip(quotes, matched, strict=True) if hit]
    rest = [quote for quote, hit in zip(quotes, matched, strict=True) if not hit]
    return first + rest, len(first)


Positions = dict[str, list[int]]
# A said: clause as analysed terms: the speaker's, then each word's or phrase's with its slop.
Wanted = tuple[list[str], list[tuple[list[str], int]]]


def _wanted(node: t.Said, schema: Any) -> Wanted:
    speaker = _terms(schema, marked_name(" ".join(node.speaker)))
    return speaker, [(_terms(schema, text), slop) for text, slop in _typed(node)]


def _matches(
    quote: Quote, wanted: list[Wanted], schema: Any, speakers: dict[str, Positions]
) -> bool:
    """What said_query finds, for one quotation analysed as it was indexed:
    its speaker's name first (it stands first in the indexed text too), then
    its words only if some clause asks for that speaker."""
    if not quote.speaker:
        return False
    if quote.speaker not in speakers:
        speakers[quote.speaker] = _positions(schema, marked_name(quote.speaker))
    asked = [words for speaker, words in wanted if _stands(speakers[quote.speaker], speaker, 1)]
    if not asked or not all(asked):
        return bool(asked)  # a clause without words asks for the speaker only
    positions = _positions(schema, indexed_text(quote))
    return any(all(_stands(positions, terms, slop) for terms, slop in words) for words in asked)


def _positions(schema: Any, text: str) -> Positions:
    """Each term of ``text`` and where it stands, as the quotes field indexes it."""
    positions: Positions = {}
    for token in schema[QUOTES].analyzer(text, positions=True, mode="index"):
        positions.setdefault(token.text, []).append(token.pos)
    return positions


def _stands(positions: dict[str, list[int]], terms: list[str], slop: int) -> bool:
    """Do ``terms`` stand in this order, each 1 to ``slop`` positions after the last?"""
    if not terms:
        return True  # stop words only: nothing asked of the quotation
    reached = set(positions.get(terms[0], ()))
    for term in terms[1:]:
        reached = {p for p in positions.get(term, ()) if any(0 < p - r <= slop for r in reached)}
    return bool(reached)
