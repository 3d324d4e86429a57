"""newsgrep's query tree (newsgrep.query.tree) as an OpenSearch query (DSL dicts).

Node by node the meaning of engine/whoosh/compile.py, never query text handed
to a query-string parser. Plain words are looked up as the index analysed
them: ``analyze`` gives each typed word's tokens in title and body (stemmed,
stop words gone; the searcher asks the cluster's ``_analyze`` once per
query), so a word of one token is a term, a word of several (``O'Neill``,
``U.S.-Russian``) a phrase of them, a stop word nothing, and a word typed
twice counts twice. Other leaves let their field's analyser do the same
(``match_phrase`` is a term for one token, a phrase for several, nothing for
none). Wildcard and fuzzy words match every expansion (a filter) and are
scored on their best expansions, as Whoosh scores an OR of its terms.
Metadata clauses typed beside words filter (the parser put them in an And);
a DateSpan is an exact range; a Said spans one quotation (quotes.py); ``a
ANDNOT b`` leaves out every story matching b.

A compiled query is a dict, or None for "nothing to search for"; None is
dropped from And/Or as Whoosh's normalize drops its NullQuery.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any, Protocol

from newsgrep.engine.opensearch.quotes import said_query
from newsgrep.errors import QueryError
from newsgrep.query import tree as t
from newsgrep.query.parser import NOTHING, is_filter
from newsgrep.rank.weights import PROXIMITY_SLOP, PROXIMITY_WEIGHT, TITLE_WEIGHT, scored_words

DSL = dict[str, Any]
# Each typed word's tokens as title and body index them, in the order given.
# With ``whole``, each text analysed whole (not split, never a stop word), as
# Whoosh analyses wildcard and fuzzy words: one token, its stem.


class Analyze(Protocol):
    def __call__(self, words: Sequence[str], whole: bool = False) -> list[list[str]]: ...


TEXT_FIELDS = t.TEXT_FIELDS
# The Whoosh index counts each title word twice (its title field boost);
# OpenSearch cannot boost at index time, so a title match is boosted at
# query time by what doubling buys under BM25's saturation (k1=1.2, a short
# title): a score about 1.4 times as high.
TITLE_FACTOR = 1.4
# Neighbouring pairs given the proximity bonus: the first these many. Each
# costs ten clauses, and OpenSearch refuses a query of more than 1024
# (indices.query.bool.max_clause_count): a pasted paragraph still ranks.
PROXIMITY_PAIRS = 96
# Wildcard and fuzzy words: every expansion matches, these many score.
SCORED_EXPANSIONS = 64


def compile_query(node: t.Query, analyze: Analyze) -> DSL:
    """The OpenSearch query for a tree; raises QueryError when nothing is
    left to search for (stop words only)."""
    compiled = _Compiler(analyze, node).compile(node)
    if compiled is None:
        raise QueryError(NOTHING)
    return compiled


def proximity_query(
    node: t.Query, analyze: Analyze, weight: float = PROXIMITY_WEIGHT
) -> DSL | None:
    """The bonus for plain words typed side by side that stand close together
    (engine/whoosh/compile.py's proximity_query), or None: neighbouring words
    of different stems, each pair once, in order within PROXIMITY_SLOP
    positions (Whoosh's slop counts the step, a span's the words between).
    Whoosh scores such a pair as its two words' scores in the field, so
    the span only decides which stories gain, the words' terms how much.
    A ``weight`` of 0 (rank/weights.py's choice today) is no bonus at all."""
    if not weight:
        return None
    clauses: list[DSL] = []
    for words in t.ranking_words(node):
        stems = [tokens[0] for tokens in analyze(scored_words(words)) if len(tokens) == 1]
        pairs = dict.fromkeys((a, b) for a, b in zip(stems, stems[1:], strict=False) if a != b)
        clauses += [
            _should([_near(field, a, b, weight) for field in TEXT_FIELDS]) for a, b in pairs
        ]
    clauses = clauses[:PROXIMITY_PAIRS]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else _should(clauses)


def _near(field: str, first: str, second: str, boost: float) -> DSL:
    span = {
        "clauses": [{"span_term": {field: first}}, {"span_term": {field: second}}],
        "slop": PROXIMITY_SLOP - 1,
        "in_order": True,
    }
    weight = TITLE_FACTOR if field == "title" else 1.0
    words = [_term_query(field, stem, weight) for stem in (first, second)]
    return {"bool": {"filter": [{"span_near": span}], "should": words, "boost": boost}}


def _typed_words(node: t.Query) -> Iterator[str]:
    """Every word of the tree that title and body analysis decides on."""
    for leaf in t.leaves(node):
        if isinstance(leaf, t.Words):
            yield from leaf.words
        elif isinstance(leaf, t.Phrase) and _is_text(leaf.field):
            yield from leaf.words
        elif isinstance(leaf, t.Term) and _is_text(leaf.field):
            yield leaf.text


def _whole_words(node: t.Query) -> Iterator[str]:
    """Every wildcard and fuzzy word of the tree in title and body."""
    for leaf in t.leaves(node):
        if isinstance(leaf, t.Pattern) and _is_text(leaf.field):
            yield _pattern_kind(leaf)[1]
        elif isinstance(leaf, t.Fuzzy) and _is_text(leaf.field):
            yield leaf.text


def _pattern_kind(node: t.Pattern) -> tuple[str, str]:
    """``wor*`` a prefix (``wor``); anything else (``w?rd``, ``*ord``) a wildcard."""
    text = node.text
    if (
        len(text) > 1
        and text.find("*") == len(text) - 1
        and not any(mark in text for mark in t.WILDCARDS.replace("*", ""))
    ):
        return "prefix", text[:-1]
    return "wildcard", text


def _is_text(field: str | None) -> bool:
    return field is None or field in TEXT_FIELDS


class _Compiler:
    def __init__(self, analyze: Analyze, node: t.Query) -> None:
        self.analyze = analyze
        typed = list(dict.fromkeys(_typed_words(node)))
        self.tokens = dict(zip(typed, analyze(typed) if typed else [], strict=True))
        wholes = list(dict.fromkeys(_whole_words(node)))
        self.wholes = dict(zip(wholes, analyze(wholes, whole=True) if wholes else [], strict=True))

    def _whole(self, text: str, field: str | None) -> str:
        """A wildcard or fuzzy word as its field indexes a word: stemmed in
        title and body, folded in a name."""
        tokens = self.wholes.get(text) if _is_text(field) else None
        return tokens[0] if tokens else _folded(text)

    def compile(self, node: t.Query) -> DSL | None:
        method: Callable[[Any], DSL | None] = getattr(self, "_" + type(node).__name__.lower())
        return method(node)

    # -- leaves ---------------------------------------------------------------

    def _term(self, node: t.Term) -> DSL | None:
        """A typed word as its field indexes it: in title and body a term, a
        phrase of its tokens, or nothing; a name (or a source) a phrase of its words."""
        tokens = self.tokens[node.text] if _is_text(node.field) else [node.text]
        if not tokens:
            return None
        if len(tokens) == 1 and _is_text(node.field):
            return _in_fields(
                node.field, node.boost, lambda field, boost: _term_query(field, tokens[0], boost)
            )
        return _in_fields(
            node.field, node.boost, lambda field, boost: _match_phrase(field, node.text, 0, boost)
        )

    def _phrase(self, node: t.Phrase) -> DSL | None:
        """Stop words (in title and body) leave the gap the index left for them."""
        if _is_text(node.field) and not any(self.tokens[word] for word in node.words):
            return None
        text = " ".join(node.words)
        return _in_fields(
            node.field,
            node.boost,
            lambda field, boost: _match_phrase(field, text, node.slop - 1, boost),
        )

    def _pattern(self, node: t.Pattern) -> DSL | None:
        kind, text = _pattern_kind(node)
        value = self._whole(text, node.field)
        return _in_fields(
            node.field, node.boost, lambda field, boost: _expanded(kind, field, value, boost)
        )

    def _fuzzy(self, node: t.Fuzzy) -> DSL | None:
        """The word's stem, and every indexed term within ``distance`` edits of it."""
        word = self._whole(node.text, node.field)
        options = {"fuzziness": node.distance, "prefix_length": 0, "transpositions": False}
        return _in_fields(
            node.field,
            node.boost,
            lambda field, boost: _expanded("fuzzy", field, word, boost, options),
        )

    def _datespan(self, node: t.DateSpan) -> DSL:
        bounds = {}
        if node.start is not None:
            bounds["gte"] = _when(node.start)
        if node.end is not None:
            bounds["lte"] = _when(node.end)
        return {"range": {"date": bounds}} if bounds else {"exists": {"field": "date"}}

    def _said(self, node: t.Said) -> DSL:
        return said_query(node, self.analyze)

    def _every(self, node: t.Every) -> DSL:
        return {"match_all": {}}

    # -- operators --------------------------------------------------------------

    def _and(self, node: t.And) -> DSL | None:
        """Every part; a part on metadata only (``people:putin date:2001``
        typed beside words) filters, it does not score, unless nothing else
        would rank the stories."""
        metadata = [part for part in node.parts if is_filter(part)]
        ranking = self._parts([part for part in node.parts if part not in metadata])
        filters = self._parts(metadata)
        if not ranking:
            return _one_or(filters, lambda ps: {"bool": {"must": ps}})
        if not filters:
            return _one_or(ranking, lambda ps: {"bool": {"must": ps}})
        return {"bool": {"must": ranking, "filter": filters}}

    def _or(self, node: t.Or) -> DSL | None:
        return _one_or(self._parts(node.parts), _should)

    def _andnot(self, node: t.AndNot) -> DSL | None:
        kept = self.compile(node.kept) or {"match_all": {}}  # 'the -russia'
        left_out = self.compile(node.left_out)
        if left_out is None:
            return kept
        return {"bool": {"must": [kept], "must_not": [left_out]}}

    def _andmaybe(self, node: t.AndMaybe) -> DSL | None:
        required, optional = self.compile(node.required), self.compile(node.optional)
        if required is None or optional is None:
            return required or optional  # as Whoosh normalizes it
        return {"bool": {"must": [required], "should": [optional]}}

    def _parts(self, nodes: Sequence[t.Query]) -> list[DSL]:
        return [c for c in (self.compile(n) for n in nodes) if c is not None]

    # -- words side by side, weighed ----------------------------------------------

    def _words(self, node: t.Words) -> DSL | None:
        return self._ranked(node.words, [])

    def _sidebyside(self, node: t.SideBySide) -> DSL | None:
        """The first part is the plain words, if any (a Words further on is a group's)."""
        first, *rest = node.parts
        words = first.words if isinstance(first, t.Words) else ()
        others = rest if isinstance(first, t.Words) else node.parts
        return self._ranked(words, self._parts(others))

    def _ranked(self, words: Sequence[str], others: list[DSL]) -> DSL | None:
        """Plain words weighed (rank/weights.py) beside the other clauses typed
        with them; a story scores the sum of what it matches, so one matching
        more of them ranks higher. (Whoosh adds a coordination bonus of
        1 / (T - 0.9)² per term matched of T; OpenSearch has none, and
        emulated with constant-score clauses it changed no top 10 of the
        Reuters questions: a hundredth of a score, it is left out.)"""
        stems: list[str] = []
        phrases: list[DSL] = []
        for word in scored_words(words):
            tokens = self.tokens[word]
            if len(tokens) == 1:
                stems.append(tokens[0])
            elif (phrase := self._term(t.Term(word))) is not None:
                phrases.append(phrase)
        parts = [_word(stem, count) for stem, count in Counter(stems).items()]
        return _one_or(parts + phrases + others, _should)


# -- DSL pieces -----------------------------------------------------------------


def _word(stem: str, count: int) -> DSL:
    return _should(
        [
            _term_query("title", stem, TITLE_WEIGHT * TITLE_FACTOR * count),
            _term_query("body", stem, float(count)),
        ]
    )


def _term_query(field: str, value: str, boost: float) -> DSL:
    return {"term": {field: {"value": value, "boost": boost}}}


def _match_phrase(field: str, text: str, slop: int, boost: float) -> DSL:
    """Analysed as the field indexes it; no tokens matches nothing."""
    options: DSL = {"query": text, "zero_terms_query": "none"}
    if slop > 0:
        options["slop"] = slop
    if boost != 1.0:
        options["boost"] = boost
    return {"match_phrase": {field: options}}


def _expanded(kind: str, field: str, value: str, boost: float, options: DSL | None = None) -> DSL:
    """A multi-term query that matches every expansion of ``value`` (a
    constant-score filter, exact whatever it expands to) and scores the
    SCORED_EXPANSIONS best, as Whoosh scores the OR of a pattern's terms."""
    options = options or {}
    every = {kind: {field: {"value": value, "rewrite": "constant_score", **options}}}
    scored_options = {**options, "boost": boost} if boost != 1.0 else options
    if kind == "fuzzy":  # fuzzy's own rewrite, bounded by max_expansions
        scored_options = {**scored_options, "max_expansions": SCORED_EXPANSIONS}
    else:
        scored_options = {**scored_options, "rewrite": f"top_terms_{SCORED_EXPANSIONS}"}
    scored = {kind: {field: {"value": value, **scored_options}}}
    return {"bool": {"filter": [every], "should": [scored]}}


def _in_fields(field: str | None, boost: float, make: Callable[[str, float], DSL]) -> DSL:
    """``make`` in ``field``; without one, in title or body, the boost on both
    together, a title match weighed as Whoosh's title field boost does."""
    if field is not None:
        return make(field, boost)
    query = _should([make("title", TITLE_FACTOR), make("body", 1.0)])
    if boost != 1.0:
        query["bool"]["boost"] = boost
    return query


def _should(parts: list[DSL]) -> DSL:
    return {"bool": {"should": parts, "minimum_should_match": 1}}


def _one_or(parts: list[DSL], combine: Callable[[list[DSL]], DSL]) -> DSL | None:
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else combine(parts)


def _when(moment: datetime) -> str:
    """Naive dates as the index stores them; microseconds kept (a range's
    end is the last microsecond of its day)."""
    return moment.replace(tzinfo=None).isoformat(timespec="microseconds")


def _folded(text: str) -> str:
    """Lower case without accents, as the index folds words (not stemmed:
    a pattern or a word the analyser cannot take whole is matched as typed)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
