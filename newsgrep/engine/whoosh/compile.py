"""newsgrep's query tree (newsgrep.query.tree) as a Whoosh query.

The tree says what was typed; here it meets the index. Words are analysed as
their field was indexed (stemmed for title and body, names and sources word
by word); a word or phrase without a field searches
title and body; a word that analyses to several tokens (``O'Neill``,
``U.S.-Russian``) is a phrase of them, a stop word nothing; plain words typed
side by side weigh as rank/weights.py says (their proximity bonus is a
separate query, for the top candidates only); a DateSpan is an exact
DateRange; a Said spans one quotation (quotes.py); and ``a ANDNOT b``
leaves out every story matching b.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from whoosh import query as q
from whoosh.matching.binary import AndNotMatcher

from newsgrep.engine.whoosh.quotes import said_query
from newsgrep.engine.whoosh.schema import TEXT_FIELDS, source_by_words
from newsgrep.errors import IndexDamaged, QueryError
from newsgrep.query import tree as t
from newsgrep.query.parser import NOTHING
from newsgrep.rank.weights import RANKING, Ranking, scored_words


def compile_query(node: t.Query, schema: Any, ranking: Ranking = RANKING) -> q.Query:
    """The Whoosh query for a tree, on an index of ``schema``, its plain
    words weighed by ``ranking``; raises QueryError when nothing is left to
    search for (stop words only)."""
    compiled = _compile(node, schema, ranking).normalize()
    if compiled is q.NullQuery:
        raise QueryError(NOTHING)
    return compiled


class ExclusionMatcher(AndNotMatcher):
    """Whoosh 2.7.5's AndNotMatcher, with its first step fixed.

    Whoosh skips the excluded postings forward to the first candidate only
    when both already sit on the same story, so 'nato -russia' kept the
    first NATO story whenever a story with Russia came before it.
    """

    def _find_first(self) -> None:
        if self.a.is_active() and self.b.is_active():
            self._find_next()


class AndNot(q.AndNot):
    """'a ANDNOT b' that really leaves out every story matching b."""

    def matcher(self, searcher: Any, context: Any = None) -> ExclusionMatcher:
        kept = self.a.matcher(searcher, context)
        left_out = self.b.matcher(searcher, searcher.boolean_context())
        return ExclusionMatcher(kept, left_out)


def _compile(node: t.Query, schema: Any, ranking: Ranking) -> q.Query:
    if getattr(node, "field", None) == "source" and not source_by_words(schema):
        raise IndexDamaged(OLD_SOURCES)
    return _COMPILERS[type(node)](node, schema, ranking)


OLD_SOURCES = (
    "this index was built when a source matched only as a whole name: "
    "rebuild it with newsgrep index --rebuild FOLDER to search sources by word"
)


# -- leaves -------------------------------------------------------------------

Maker = Callable[[str, float], q.Query]


def _term(node: t.Term, schema: Any, ranking: Ranking = RANKING) -> q.Query:
    return _in_fields(
        node.field, node.boost, lambda field, boost: _analysed(schema, field, node.text, boost)
    )


def _phrase(node: t.Phrase, schema: Any, ranking: Ranking = RANKING) -> q.Query:
    text = " ".join(node.words)
    return _in_fields(
        node.field,
        node.boost,
        lambda field, boost: q.Phrase(
            field, _tokens(schema, field, text), slop=node.slop, boost=boost
        ),
    )


def _pattern(node: t.Pattern, schema: Any, ranking: Ranking = RANKING) -> q.Query:
    """``wor*`` looks terms up by prefix; anything else (``w?rd``, ``*ord``) by pattern."""
    text, kind = node.text, q.Wildcard
    if (
        len(text) > 1
        and text.find("*") == len(text) - 1
        and not any(mark in text for mark in t.WILDCARDS.replace("*", ""))
    ):
        text, kind = text[:-1], q.Prefix
    return _in_fields(
        node.field, node.boost, lambda field, boost: _whole(schema, field, text, boost, kind)
    )


def _fuzzy(node: t.Fuzzy, schema: Any, ranking: Ranking = RANKING) -> q.Query:
    return _in_fields(
        node.field,
        node.boost,
        lambda field, boost: _whole(
            schema, field, node.text, boost, q.FuzzyTerm, maxdist=node.distance, prefixlength=0
        ),
    )


def _in_fields(field: str | None, boost: float, make: Maker) -> q.Query:
    """``make`` in ``field``; without one, in title or body, the boost on both together."""
    if field is not None:
        return make(field, boost)
    return q.Or([make(name, 1.0) for name in TEXT_FIELDS], boost=boost)


def _analysed(schema: Any, field: str, text: str, boost: float) -> q.Query:
    """A typed word as its field indexes it: a term, a phrase of its tokens, or nothing."""
    tokens = _tokens(schema, field, text)
    if not tokens:
        return q.NullQuery
    if len(tokens) == 1:
        return q.Term(field, tokens[0], boost=boost)
    return q.Phrase(field, tokens, boost=boost)


def _whole(
    schema: Any, field: str, text: str, boost: float, kind: type[q.Query], **options: Any
) -> q.Query:
    """A word analysed whole (not split, never a stop word), as wildcards and
    fuzzy words are: the same stem and case as the index, its marks kept."""
    tokens = _tokens(schema, field, text, tokenize=False, removestops=False)
    return kind(field, tokens[0], boost=boost, **options) if tokens else q.NullQuery


def _tokens(schema: Any, field: str, text: str, **options: Any) -> list[str]:
    return list(schema[field].process_text(text, mode="query", **options))


# -- words side by side, weighed ------------------------------------------------


def _words(node: t.Words, schema: Any, ranking: Ranking) -> q.Query:
    return _ranked(node.words, [], schema, ranking)


def _side_by_side(node: t.SideBySide, schema: Any, ranking: Ranking) -> q.Query:
    """The first part is the plain words, if any (a Words further on is a group's)."""
    first, *rest = node.parts
    words = first.words if isinstance(first, t.Words) else ()
    others = rest if isinstance(first, t.Words) else node.parts
    return _ranked(words, [_compile(part, schema, ranking) for part in others], schema, ranking)


def _ranked(words: Sequence[str], others: list[q.Query], schema: Any, ranking: Ranking) -> q.Query:
    """Plain words weighed (rank/weights.py), beside the other clauses typed
    with them; stories matching more of them rank higher (coordination)."""
    stems, phrases = _stems(words, schema, ranking)
    parts = [_word(stem, count, ranking) for stem, count in Counter(stems).items()]
    parts += [part for part in phrases + others if part.normalize() is not q.NullQuery]
    if not parts:
        return q.NullQuery
    if len(parts) == 1:
        return parts[0]
    return q.Or(parts, scale=ranking.coordination) if ranking.coordination else q.Or(parts)


def _stems(words: Sequence[str], schema: Any, ranking: Ranking) -> tuple[list[str], list[q.Query]]:
    """The words' stems, in order; a word of several tokens is a phrase
    instead, a stop word nothing (the ranking's query stop words too, while
    other words remain). Title and body share one analyser."""
    stems: list[str] = []
    phrases: list[q.Query] = []
    for word in scored_words(words, ranking):
        tokens = _tokens(schema, "body", word)
        if len(tokens) == 1:
            stems.append(tokens[0])
        elif tokens:
            phrases.append(_term(t.Term(word), schema))
    return stems, phrases


def _word(stem: str, count: int, ranking: Ranking) -> q.Query:
    return q.Or(
        [
            q.Term("title", stem, boost=ranking.title_weight * count),
            q.Term("body", stem, boost=float(count)),
        ]
    )


def proximity_query(node: t.Query, schema: Any, ranking: Ranking = RANKING) -> q.Query | None:
    """The bonus for plain words typed side by side that stand close together
    in a story, or None. Not part of compile_query's query: span matching
    over every story holding both words costs too much at scale, so the
    searcher adds it to the first pass's top candidates only."""
    if not ranking.proximity_weight:
        return None
    clauses = [
        clause
        for words in t.ranking_words(node)
        for clause in _proximity(_stems(words, schema, ranking)[0], ranking)
    ]
    return q.Or(clauses) if clauses else None


def _proximity(stems: list[str], ranking: Ranking) -> list[q.Query]:
    """Neighbouring words (each pair once) within the ranking's slop."""
    pairs = list(dict.fromkeys((a, b) for a, b in zip(stems, stems[1:], strict=False) if a != b))
    return [
        q.Or(
            [
                q.Phrase(field, [a, b], slop=ranking.proximity_slop, boost=ranking.proximity_weight)
                for field in TEXT_FIELDS
            ]
        )
        for a, b in pairs
    ]


# -- operators ------------------------------------------------------------------


def _and_not(node: t.AndNot, schema: Any, ranking: Ranking) -> q.Query:
    kept = _compile(node.kept, schema, ranking)
    if kept.normalize() is q.NullQuery:  # 'the -russia': every story without Russia
        kept = q.Every()
    return AndNot(kept, _compile(node.left_out, schema, ranking))


_COMPILERS: dict[type, Callable[..., q.Query]] = {
    t.Term: _term,
    t.Phrase: _phrase,
    t.Pattern: _pattern,
    t.Fuzzy: _fuzzy,
    t.Said: lambda node, schema, ranking: said_query(node, schema),
    t.DateSpan: lambda node, schema, ranking: q.DateRange("date", node.start, node.end),
    t.Every: lambda node, schema, ranking: q.Every(),
    t.And: lambda node, schema, ranking: q.And([_compile(p, schema, ranking) for p in node.parts]),
    t.Or: lambda node, schema, ranking: q.Or([_compile(p, schema, ranking) for p in node.parts]),
    t.AndNot: _and_not,
    t.AndMaybe: lambda node, schema, ranking: q.AndMaybe(
        _compile(node.required, schema, ranking), _compile(node.optional, schema, ranking)
    ),
    t.Words: _words,
    t.SideBySide: _side_by_side,
}
