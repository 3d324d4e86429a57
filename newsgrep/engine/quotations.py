"""A quotation as the text every engine indexes, so that ``said:`` means the
same whatever runs it.

A story's quotations are the values of one field, an array whose values an
engine keeps apart (a position gap of 10,000, Lucene's
``position_increment_gap``), analysed like the body. Each value is the
speaker's name, word by word, marked as speaker terms (``_Vladimir
_Putin``: ``_putin`` is Putin speaking, ``putin`` the word), then the
quotation's words, with the mark taken out of them so that no word passes
for a speaker. The body's word analysis keeps the mark (an underscore is a
word character), so a query's speaker is analysed the same way.

Which of a hit's quotations a said: clause matched is decided here too,
for every engine, by the engine's own analysis of the field (Analysis).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from newsgrep.model import Quote
from newsgrep.query import tree as t

SPEAKER_MARK = "_"
_NAME_WORD = re.compile(r"\w+")


def marked_name(name: str) -> str:
    """A speaker's name as speaker terms: 'Jean-Claude Juncker' is '_Jean _Claude _Juncker'."""
    return " ".join(SPEAKER_MARK + word for word in _NAME_WORD.findall(name))


def indexed_text(quote: Quote) -> str:
    """One quotation as its field indexes it: the marked speaker, then the words."""
    words = quote.text.replace(SPEAKER_MARK, " ")
    return f"{marked_name(quote.speaker)} {words}" if quote.speaker else words


def said_clauses(tree: t.Query | None) -> tuple[t.Said, ...]:
    """The said: clauses of a query tree."""
    return tuple(leaf for leaf in t.leaves(tree) if isinstance(leaf, t.Said)) if tree else ()


def typed_words(node: t.Said) -> list[tuple[str, int]]:
    """Each word or phrase of a quotation as (text, slop): each term at most
    ``slop`` positions after the one before."""
    return [
        (word.text, 1) if isinstance(word, t.Term) else (" ".join(word.words), word.slop)
        for word in node.words
    ]


# -- which quotations a hit's query matched ------------------------------------

Positions = dict[str, list[int]]
# A said: clause as analysed terms: the speaker's, then each word's or phrase's with its slop.
Wanted = tuple[list[str], list[tuple[list[str], int]]]


class Analysis(Protocol):
    """The quotes field's analysis, as an engine does it."""

    def terms(self, text: str) -> list[str]:
        """Typed text's terms, as a query looks for them."""
        ...

    def positions(self, text: str) -> Positions:
        """Each term of ``text`` and where it stands, as the field indexes it."""
        ...


def matching_first(
    quotes: list[Quote], said: Sequence[t.Said], analysis: Analysis
) -> tuple[list[Quote], int]:
    """The quotations that match a said: clause first, the others after, each
    in the story's order; and how many matched."""
    if not said:
        return quotes, 0
    wanted = [_wanted(node, analysis) for node in said]
    speakers: dict[str, Positions] = {}  # each name analysed once
    matched = [_matches(quote, wanted, analysis, speakers) for quote in quotes]
    first = [quote for quote, hit in zip(quotes, matched, strict=True) if hit]
    rest = [quote for quote, hit in zip(quotes, matched, strict=True) if not hit]
    return first + rest, len(first)


def _wanted(node: t.Said, analysis: Analysis) -> Wanted:
    speaker = analysis.terms(marked_name(" ".join(node.speaker)))
    return speaker, [(analysis.terms(text), slop) for text, slop in typed_words(node)]


def _matches(
    quote: Quote, wanted: list[Wanted], analysis: Analysis, speakers: dict[str, Positions]
) -> bool:
    """What said: finds, for one quotation analysed as it was indexed:
    its speaker's name first (it stands first in the indexed text too), then
    its words only if some clause asks for that speaker."""
    if not quote.speaker:
        return False
    if quote.speaker not in speakers:
        speakers[quote.speaker] = analysis.positions(marked_name(quote.speaker))
    asked = [words for speaker, words in wanted if _stands(speakers[quote.speaker], speaker, 1)]
    if not asked or not all(asked):
        return bool(asked)  # a clause without words asks for the speaker only
    positions = analysis.positions(indexed_text(quote))
    return any(all(_stands(positions, terms, slop) for terms, slop in words) for words in asked)


def _stands(positions: Positions, terms: list[str], slop: int) -> bool:
    """Do ``terms`` stand in this order, each 1 to ``slop`` positions after the last?"""
    if not terms:
        return True  # stop words only: nothing asked of the quotation
    reached = set(positions.get(terms[0], ()))
    for term in terms[1:]:
        reached = {p for p in positions.get(term, ()) if any(0 < p - r <= slop for r in reached)}
    return bool(reached)
