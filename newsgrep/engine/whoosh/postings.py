"""Field values to postings, fast, with exactly the terms Whoosh would make.

Profiling the indexer showed analysis as the largest single cost after
Whoosh's own posting pool: every token of every story goes through a chain of
generator filters (lowercase, accent folding, stop words, stemming). Those
filters look at one token at a time, so the term a word becomes never depends
on its neighbours. :class:`FieldPostings` therefore runs the schema's own
filter chain once per distinct word and remembers the answer; a story is then
a regex scan plus a dictionary lookup per token. Fields whose analyzer is not
of that shape use Whoosh's generic ``field.index`` unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import repeat
from typing import Any, cast

from whoosh import formats
from whoosh.analysis import (
    CharsetFilter,
    CompositeAnalyzer,
    IDTokenizer,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.analysis.tokenizers import default_pattern
from whoosh.lang import stemmer_for_language

# A document's postings in one field: term bytes -> (weight, encoded value). The
# (weight, value) pair of a word seen once is shared between documents, so a
# segment's postings in memory cost little more than a list slot each.
Postings = dict[bytes, tuple[float, bytes]]

# The values of a field given as a list (a story's quotations) stand this many
# positions apart, so that no phrase or span query joins words of two values:
# Lucene's position_increment_gap, which Whoosh's own analysis lacks.
POSITION_GAP = 10_000

# Distinct words remembered per field; cleared when full so memory stays bounded.
MEMO_LIMIT = 300_000
_UNSEEN = object()
WEIGHTS_KEPT = 64


def _word_step(step: Any) -> Callable[[str], str | None]:
    """What a token-local Whoosh filter does to one word (None: drops it)."""
    kind = type(step)
    if kind is LowercaseFilter:
        return str.lower
    if kind is CharsetFilter:
        charmap = step.charmap
        return lambda word: word.translate(charmap)
    if kind is StopFilter:
        stops, shortest, longest = step.stops, step.min, step.max
        return lambda word: (
            word
            if len(word) >= shortest
            and word not in stops
            and (longest is None or len(word) <= longest)
            else None
        )
    if kind is StemFilter:
        # The stemmer itself, not the filter's cached wrapper: the memo is the cache.
        if step.lang:
            stem = stemmer_for_language(step.lang)
        else:
            stem = step.stemfn
        ignore = step.ignore
        return lambda word: word if word in ignore else stem(word)
    raise TypeError(f"not a token-local filter: {step!r}")


def _token_local_filters() -> tuple[type, ...]:
    """Filters that map one word to at most one term, whatever its neighbours."""
    return (CharsetFilter, LowercaseFilter, StemFilter, StopFilter)


def fast_path_fits(field: Any) -> bool:
    """Can this field's postings be made by :class:`FieldPostings`?"""
    analyzer = getattr(field, "analyzer", None)
    if type(field.format) is not formats.Positions or not isinstance(analyzer, CompositeAnalyzer):
        return False
    tokenizer, *filters = analyzer.items
    local = _token_local_filters()
    return (
        type(tokenizer) is RegexTokenizer
        and not tokenizer.gaps
        and all(type(f) in local for f in filters)
    )


class FieldPostings:
    """Postings of one positional text field, from a memo of word -> term."""

    def __init__(self, field: Any) -> None:

        tokenizer, *filters = field.analyzer.items
        self._words = _word_finder(tokenizer.expression)
        self._steps = [_word_step(f) for f in filters]
        # Whoosh's StopFilter renumbers the words it keeps: the first keeps its
        # place in the text, the following ones count up from it.
        self._renumber = any(isinstance(f, StopFilter) and f.renumber for f in filters)
        self._boost = field.format.field_boost
        self._encode = field.format.encode
        self._memo: dict[str, bytes | None] = {}
        self._single: dict[int, tuple[float, bytes]] = {}
        # Shared weight objects: a segment holds millions of postings.
        self._weights = [freq * self._boost for freq in range(WEIGHTS_KEPT)]

    def _term(self, word: str) -> bytes | None:
        """The term the filter chain makes of one word, or None if it drops it."""
        for step in self._steps:
            if (stepped := step(word)) is None:
                return None
            word = stepped
        return word.encode("utf-8")

    def _terms(self, words: list[str]) -> list[bytes | None]:
        """The term of each word (None where the filters drop it), via the memo."""
        memo = self._memo
        terms = list(map(memo.get, words, repeat(_UNSEEN)))
        if _UNSEEN in terms:
            if len(memo) > MEMO_LIMIT:
                memo.clear()
                self._single.clear()
            for i, term in enumerate(terms):
                if term is _UNSEEN:
                    word = words[i]
                    if word not in memo:  # else a repeat of a word new in this text
                        memo[word] = self._term(word)
                    terms[i] = memo[word]
        return cast("list[bytes | None]", terms)  # no _UNSEEN is left

    def _positions(self, terms: list[bytes | None]) -> dict[bytes, list[int]]:
        """Each term's positions, numbered as Whoosh numbers them."""
        positions: dict[bytes, list[int]] = {}
        numbered: Iterator[tuple[int, bytes]]
        if self._renumber:
            kept = [t for t in terms if t is not None]
            start = next((i for i, t in enumerate(terms) if t is not None), 0)
            numbered = enumerate(kept, start)
        else:
            numbered = ((i, t) for i, t in enumerate(terms) if t is not None)
        find = positions.get
        for pos, term in numbered:
            found = find(term)
            if found is None:
                positions[term] = [pos]
            else:
                found.append(pos)
        return positions

    def _positions_apart(self, texts: list[str]) -> dict[bytes, list[int]]:
        """Each term's positions over several values, each value starting
        POSITION_GAP positions after the last position of the one before."""
        positions: dict[bytes, list[int]] = {}
        start = 0
        for text in texts:
            last = -1
            for term, where in self._positions(self._terms(self._words(text))).items():
                positions.setdefault(term, []).extend(start + pos for pos in where)
                last = max(last, where[-1])
            start += last + 1 + POSITION_GAP
        return positions  # in order: each value's positions come after the last's

    def postings(self, text: str | list[str]) -> tuple[Postings, int]:
        """The field's postings for one value (or a list of values, kept
        apart) and its length in terms."""
        boost, encode, single, weights = self._boost, self._encode, self._single, self._weights
        if isinstance(text, list):
            positions = self._positions_apart(text)
        else:
            positions = self._positions(self._terms(self._words(text)))
        # The same dict: each term's positions are replaced by its posting below.
        postings = cast(Postings, positions)
        length = 0
        for term, where in positions.items():
            freq = len(where)
            length += freq
            if freq == 1:
                # Most words occur once in a story: their posting comes from a cache.
                pair = single.get(where[0])
                if pair is None:
                    pair = single[where[0]] = (boost, encode(where))
                postings[term] = pair
            else:
                postings[term] = (
                    weights[freq] if freq < WEIGHTS_KEPT else freq * boost,
                    encode(where),
                )
        return postings, length


def _word_finder(expression: re.Pattern[str]) -> Callable[[str], list[str]]:
    """expression.finditer's matched texts as a list, by findall when it can.

    findall returns groups instead of whole matches when the pattern has
    groups; Whoosh's default word pattern has one, so it gets its
    non-capturing twin.
    """
    if expression.pattern == default_pattern.pattern:
        expression = re.compile(r"[\w\*]+(?:\.?[\w\*]+)*", default_pattern.flags)
    if expression.groups == 0:
        return expression.findall
    return lambda text: [match.group(0) for match in expression.finditer(text)]


class DocumentPostings:
    """Postings of every indexed field of a schema, fast where the field allows.

    Positional text fields go through :class:`FieldPostings`; an ID field's
    whole value is its one term; other fields (source, date) go through
    Whoosh, remembered by value, since few values recur across many stories.
    """

    def __init__(self, schema: Any) -> None:
        self._schema = schema
        self._fast = {
            name: FieldPostings(field)
            for name, field in schema.items()
            if field.indexed and fast_path_fits(field)
        }
        self._whole = {
            name: field.format.field_boost
            for name, field in schema.items()
            if field.indexed and _whole_value_is_term(field)
        }
        self._scorable = {name for name, field in schema.items() if field.scorable}
        self._by_value: dict[tuple, tuple[Postings, int]] = {}

    def postings(self, fieldname: str, value: Any) -> tuple[Postings, int]:
        """(postings, length) of one field value; length counts only for scorable fields."""
        fast = self._fast.get(fieldname)
        if fast is not None and isinstance(value, (str, list)):
            postings, length = fast.postings(value)
        elif fieldname in self._whole and isinstance(value, str):
            postings, length = {value.encode("utf-8"): (self._whole[fieldname], b"")}, 1
        else:
            postings, length = self._remembered(fieldname, value)
        return postings, length if fieldname in self._scorable else 0

    def _remembered(self, fieldname: str, value: Any) -> tuple[Postings, int]:
        key = (fieldname, value)
        try:
            return self._by_value[key]
        except (KeyError, TypeError):  # TypeError: a value that cannot be a key
            pass
        postings, length = {}, 0
        for term, freq, weight, encoded in self._schema[fieldname].index(value):
            postings[term] = (weight, encoded)
            length += freq
        if len(self._by_value) >= MEMO_LIMIT:
            self._by_value.clear()
        try:
            self._by_value[key] = (postings, length)
        except TypeError:
            pass
        return postings, length


def _whole_value_is_term(field: Any) -> bool:
    """An ID field: one term, the value itself, with no position or frequency."""
    return type(field.analyzer) is IDTokenizer and type(field.format) is formats.Existence
