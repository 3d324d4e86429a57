"""Turn what the user typed into a Whoosh query: fields, phrases, booleans,
fuzzy and wildcard words, and dates exact to the day.

Whoosh parses most of the syntax. Around it newsgrep:

* cuts ``date:`` clauses out before Whoosh parses the rest and puts them back
  as exact :class:`~whoosh.query.DateRange` queries (see querydates.py);
* reports malformed queries (unbalanced quotes, brackets, unknown fields, bad
  dates) as a one-line :class:`QueryError` instead of guessing or raising;
* reads ``NOT word`` inside an OR group as "without word", as Lucene does,
  where plain Whoosh would match every story that lacks the word;
* keeps a hyphen inside a word (``ITAR-TASS``, ``Vike-Freiberga``) part of the
  word: only a ``-`` at the start of a word excludes it;
* reads agency names as the indexer stored them (``source:"Associated Press"``
  is ``AP``) and a word that analyses to several tokens (``O'Neill``) as a phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from whoosh import query as q

from newsgrep.engine.whoosh.syntax import AndNot, SideBySide, parser_for
from newsgrep.errors import QueryError
from newsgrep.query.dates import DateError, between, date_range
from newsgrep.rank.weights import weigh_words

FIELDS = ("title", "body", "people", "source", "place", "date", "author")
MAX_FUZZY = 2
# Quoted text is skipped by every rewrite below: it is a phrase, not syntax.
_QUOTED = r'"[^"]*"'
_DATE_CLAUSE = re.compile(
    rf"(?P<quoted>{_QUOTED})"
    r"|(?<![\w:])date:(?P<op>[<>]=?)?"
    r"(?P<value>\[[^\]]*\]?|\{[^}]*\}?|\"[^\"]*\"|'[^']*'|[^\s()]+)",
    re.IGNORECASE,
)
_LEFT_OVER_DATE = re.compile(r"(?<![\w:])date:", re.IGNORECASE)
_PLACEHOLDER = "ngdate{}"
_FIELD_PREFIX = re.compile(r"(?<![\w\\.:/-])([A-Za-z_]+):(?=[^\s:/])")
_EMPTY_FIELD = re.compile(r"(?<![\w\\.:/-])([A-Za-z_]+):(?=\s|$|\))")
# A '?' ending a word of a longer query is a question mark, not a wildcard.
_QUESTION_MARK = re.compile(r"(?<=\w)\?+(?=\s|$|[)\]}])")
_LONE_STAR = re.compile(r"(?:^|(?<=\s))\*(?=\s|$)")
_PAIRS = {"(": ")", "[": "]", "{": "}"}


def parse_query(text: str, schema) -> q.Query:
    """Parse a user's query; raise QueryError with a one-line reason."""
    from newsgrep.readers.decoding import decode_argument

    text = " ".join(decode_argument(text).split())
    if not text:
        raise QueryError("empty query")
    if text == "*":
        return q.Every()
    _check_balance(text)
    text, ranges = _cut_dates(text)
    _check_fields(text)
    text = _drop_punctuation_marks(text)
    if not text:
        return _and_all(ranges)
    try:
        parsed = parser_for(schema).parse(text, normalize=False)
        parsed = _rewrite(parsed, ranges, schema).normalize()
    except QueryError:
        raise
    except Exception as err:  # Whoosh raises assorted errors on odd input
        raise QueryError(f"cannot read query: {_one_line(err)}") from None
    if isinstance(parsed, type(q.NullQuery)):
        raise QueryError("nothing to search for: the query has only stop words or operators")
    return parsed


def filter_query(
    since: str | None = None,
    until: str | None = None,
    sources: Iterable[str] = (),
    people: Iterable[str] = (),
    places: Iterable[str] = (),
) -> q.Query | None:
    """The options' filters: OR within one option, AND across options."""
    parts: list[q.Query] = []
    if since or until:
        try:
            parts.append(between(since, until))
        except DateError as err:
            raise QueryError(f"--since/--until: {err}") from None
    for field, values in (("source", sources), ("people", people), ("place", places)):
        values = [v for v in values if v.strip()]
        if values:
            parts.append(q.Or([value_query(field, v) for v in values]))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else q.And(parts)


def value_query(field: str, value: str) -> q.Query:
    """A name or source as its field stores it: 'Vladimir Putin' as a phrase."""
    from newsgrep.readers.decoding import decode_argument

    value = decode_argument(value)
    if field == "source":
        return q.Term("source", source_key(value))
    from newsgrep.engine.whoosh.schema import name_analyzer

    words = [t.text for t in name_analyzer()(value)]
    if not words:
        raise QueryError(f"nothing to match in {value!r}")
    return q.Term(field, words[0]) if len(words) == 1 else q.Phrase(field, words)


def source_key(name: str) -> str:
    """The indexed form of an agency name: 'Associated Press' -> 'ap'."""
    from newsgrep.extract.sources import normal_source

    return normal_source(name).lower() or name.strip().lower()


def _one_line(err: object) -> str:
    return " ".join(str(err).split()) or type(err).__name__


# -- checks and rewrites of the text ----------------------------------------

def _check_balance(text: str) -> None:
    """Unbalanced quotes and brackets are reported, not silently dropped."""
    if text.count('"') % 2:
        raise QueryError('unbalanced quote: a phrase needs a closing "')
    stack: list[str] = []
    for ch in re.sub(_QUOTED, " ", text):
        if ch in _PAIRS:
            stack.append(_PAIRS[ch])
        elif ch in _PAIRS.values():
            if not stack or stack.pop() != ch:
                raise QueryError(f"unbalanced {ch!r}: nothing opens it")
    if stack:
        raise QueryError(f"unbalanced brackets: {''.join(reversed(stack))!r} missing")


def _cut_dates(text: str) -> tuple[str, list[q.Query]]:
    """Replace each date: clause by a placeholder term; return the exact ranges."""
    ranges: list[q.Query] = []

    def cut(match: re.Match) -> str:
        if match.group("quoted"):
            return match.group("quoted")
        try:
            ranges.append(date_range(match.group("value"), match.group("op") or ""))
        except DateError as err:
            raise QueryError(str(err)) from None
        return "path:" + _PLACEHOLDER.format(len(ranges) - 1)

    text = _DATE_CLAUSE.sub(cut, text)
    if _LEFT_OVER_DATE.search(re.sub(_QUOTED, " ", text)):
        raise QueryError("date: takes a date (2001-11-22, 2001-11, 2001) or a range [FROM TO UNTIL]")
    return text, ranges


def _check_fields(text: str) -> None:
    """An unknown field prefix is a typo worth reporting, not a word to search."""
    outside = re.sub(_QUOTED, "\"…\"", text)  # a phrase is a value, never a field
    for name in _FIELD_PREFIX.findall(outside):
        if name.lower() not in FIELDS and name != "path":
            raise QueryError(f"unknown field {name!r}: use one of {', '.join(FIELDS)}")
    for name in _EMPTY_FIELD.findall(outside):
        if name.lower() in FIELDS:
            raise QueryError(f"{name}: needs a value right after the colon, as in {name}:word")


def _drop_punctuation_marks(text: str) -> str:
    """Question marks ending words of a sentence, and a lone * beside other words."""
    outside = re.split(f"({_QUOTED})", text)
    words = re.sub(_QUOTED, " ", text).split()
    for i in range(0, len(outside), 2):
        if len(words) > 1:
            outside[i] = _QUESTION_MARK.sub("", outside[i])
            outside[i] = _LONE_STAR.sub(" ", outside[i])
    return " ".join("".join(outside).split())


def _and_all(queries: list[q.Query]) -> q.Query:
    return queries[0] if len(queries) == 1 else q.And(queries)


# -- rewrites of the parsed tree ---------------------------------------------

def _rewrite(node: q.Query, ranges: list[q.Query], schema) -> q.Query:
    """Dates back in, sources as stored, NOT inside OR as exclusion."""
    if isinstance(node, (q.Term, q.Phrase)):
        return _rewrite_leaf(node, ranges)
    if isinstance(node, q.FuzzyTerm) and node.maxdist > MAX_FUZZY:
        raise QueryError(f"fuzzy distance {node.maxdist} is too far: use ~1 or ~2")
    if getattr(node, "error", None):  # how Whoosh marks what it could not parse
        raise QueryError(f"cannot read query: {_one_line(node.error)}")
    node = _apply(node, lambda child: _rewrite(child, ranges, schema))
    if isinstance(node, SideBySide):
        return _side_by_side(node, schema)
    if isinstance(node, q.Or):
        return _exclusions(node)
    if isinstance(node, q.AndNot):  # "-russia" alone: every story without it
        return AndNot(q.Every() if _is_empty(node.a) else node.a, node.b)
    return node


def _apply(node: q.Query, fn) -> q.Query:
    """node.apply(fn), keeping an Or's coordination bonus (Whoosh's apply drops it)."""
    if isinstance(node, q.Or):
        return node.__class__([fn(c) for c in node.subqueries], boost=node.boost,
                              minmatch=node.minmatch, scale=node.scale)
    return node.apply(fn)


def _rewrite_leaf(node: q.Query, ranges: list[q.Query]) -> q.Query:
    if node.fieldname == "path" and isinstance(node, q.Term):
        match = re.fullmatch(_PLACEHOLDER.format(r"(\d+)"), str(node.text))
        if match:
            return ranges[int(match.group(1))]
    if node.fieldname == "source":
        # A quoted source ("Associated Press") comes as a one-word phrase.
        text = node.text if isinstance(node, q.Term) else " ".join(node.words)
        return q.Term("source", source_key(text), boost=node.boost)
    return node


def _side_by_side(node: q.Or, schema) -> q.Query:
    """Clauses typed with no operator between them.

    Words are optional (more of them rank higher), as in Lucene; but a clause
    on a story's metadata (date:, source:, people:, place:, author:) is a
    filter the user wants every hit to pass: 'people:putin date:2001' means
    Putin in 2001, not everything from 2001 plus everything about Putin.
    """
    banned = [c.query for c in node.subqueries if isinstance(c, q.Not)]
    rest = [c for c in node.subqueries if not isinstance(c, q.Not)]
    required = [c for c in rest if _only_metadata(c)]
    words = [c for c in rest if not _only_metadata(c)]
    positive = weigh_words(words, schema, node.scale) if words else None
    if required:
        positive = _and_all(required + ([positive] if positive else []))
    return _without(positive, banned)


def _exclusions(node: q.Or) -> q.Query:
    """Or(a, b, NOT c) -> (a OR b) ANDNOT c: a NOT word excludes, as in Lucene."""
    banned = [c.query for c in node.subqueries if isinstance(c, q.Not)]
    if not banned:
        return node
    kept = [c for c in node.subqueries if not isinstance(c, q.Not)]
    positive = kept[0] if len(kept) == 1 else (node.__class__(kept, boost=node.boost) if kept else None)
    return _without(positive, banned)


def _without(positive: q.Query | None, banned: list[q.Query]) -> q.Query:
    if not banned:
        return positive if positive is not None else q.NullQuery
    return AndNot(positive or q.Every(), banned[0] if len(banned) == 1 else q.Or(banned))


def _only_metadata(node: q.Query) -> bool:
    fields = {leaf.field() for leaf in node.leaves()} if node.is_leaf() is False else {node.field()}
    return bool(fields) and fields <= _METADATA


def _is_empty(node: q.Query) -> bool:
    return isinstance(node, type(q.NullQuery)) or (
        isinstance(node, q.compound.CompoundQuery) and not node.subqueries)


_METADATA = {"date", "source", "people", "place", "author"}
