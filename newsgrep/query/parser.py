"""What the user typed, as newsgrep's query tree: the query language's grammar.

    group   = { ["+" | "-"] unit | "NOT" | "AND" | "OR" }
    unit    = [field ":"] ( word | phrase | "(" group ")" ) | "date:" date
            | "said:" ( word | phrase ) { word | phrase }

The tokens come from lexer.py. A group (the whole query, or one in brackets)
reads as in Lucene:

* a ``+`` clause is required and a ``-`` clause left out, wherever it stands
  in the group (``-russia`` alone is every story without Russia);
* of the rest, ``NOT`` binds tightest, then ``AND``, then ``OR``, then
  clauses typed side by side; an operator with nothing to join is dropped
  (``NATO AND``);
* ``NOT x`` beside other clauses or inside an OR leaves x out, where plain
  Whoosh matched every story that lacks x;
* clauses typed side by side are each optional, stories matching more of
  them ranked higher, but a clause on a story's metadata (``date:``,
  ``source:``, ``people:``, ``place:``, ``author:``) or on who was quoted
  (``said:``) is a filter every hit passes: ``people:putin date:2001`` is
  Putin in 2001;
* the plain words and phrases typed right after ``said:NAME``, up to the
  next operator, sign, field, bracket or the end, are the words of that
  speaker's quotation (tree.Said): ``said:putin nato``; words before it, or
  after a bracket (``(said:putin nato) russia``), search the story;
* plain words typed side by side rank together (tree.Words), less the
  question words (questions.py).

Everything else (stop words, stems, names, how the words weigh) is the
engine's: it compiles the tree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeGuard

from newsgrep.errors import QueryError
from newsgrep.extract.sources import normal_source
from newsgrep.model import SearchOptions
from newsgrep.query.dates import DateError, between
from newsgrep.query.lexer import (
    AND,
    CLOSE,
    FIELD,
    LEAF,
    NOT,
    OPEN,
    OR,
    SIGN,
    Leaf,
    Token,
    tokenize,
)
from newsgrep.query.questions import content_words
from newsgrep.query.tree import (
    METADATA_FIELDS,
    SAID,
    And,
    AndMaybe,
    AndNot,
    DateSpan,
    Every,
    Fuzzy,
    Or,
    Pattern,
    Phrase,
    Query,
    Said,
    SideBySide,
    Term,
    Words,
    leaves,
)
from newsgrep.readers.decoding import decode_argument

# The fields the options filter on: --source, --person, --place.
FILTER_FIELDS = ("source", "people", "place")
NOTHING = "nothing to search for: the query has only stop words or operators"


def parse_query(text: str, now: datetime | None = None) -> Query:
    """The tree of a query as typed, relative dates read against ``now``
    (None: the clock); raises QueryError with a one-line reason."""
    text = " ".join(decode_argument(text).split())
    if not text:
        raise QueryError("empty query")
    if text == "*":
        return Every()
    node = _Parser(tokenize(text, now)).group(None)  # the lexer checked the brackets
    if node is None:
        raise QueryError(NOTHING)
    return node


def options_filter(options: SearchOptions) -> Query | None:
    """Every filter of ``options`` as one tree, None without any: what an
    engine applies as its filter, which never weighs in the ranking."""
    return filter_query(
        options.since,
        options.until,
        options.sources,
        options.people,
        options.places,
        options.narrow,
        speakers=options.speakers,
    )


def filter_query(
    since: str | None = None,
    until: str | None = None,
    sources: Iterable[str] = (),
    people: Iterable[str] = (),
    places: Iterable[str] = (),
    narrow: Iterable[tuple[str, str]] = (),
    now: datetime | None = None,
    speakers: Iterable[str] = (),
) -> Query | None:
    """The options' filters: OR within one option, AND across options and
    with each (field, value) of ``narrow``; None without any. A speaker is
    as said:"NAME": stories quoting someone of that name."""
    parts: list[Query] = []
    if since or until:
        try:
            parts.append(between(since, until, now))
        except DateError as err:
            raise QueryError(f"--since/--until: {err}") from None
    for field, values in zip(FILTER_FIELDS, (sources, people, places), strict=True):
        values = [v for v in values if v.strip()]
        if values:
            parts.append(Or(tuple(_value(field, decode_argument(v)) for v in values)))
    quoted = [v for v in speakers if v.strip()]
    if quoted:
        parts.append(Or(tuple(_speaker(Phrase(tuple(decode_argument(v).split()))) for v in quoted)))
    for field, value in narrow:  # values from the index, not from a command line
        if field not in FILTER_FIELDS:
            raise QueryError(f"cannot narrow on {field!r}")
        parts.append(_value(field, value))
    return _all(parts) if parts else None


def _value(field: str, value: str) -> Term:
    """A name as typed (a source as stored: 'Associated Press' is 'AP'),
    which needs a letter or digit to match. An engine matches a Term of a
    name field as the phrase of its words, case and accents folded, as
    people:putin finds "Vladimir Putin" and source:cnn "CNN (Web News)"."""
    if not re.search(r"\w", value):
        raise QueryError(f"nothing to match in {value!r}")
    return Term(stored_source(value) if field == "source" else value, field)


def stored_source(name: str) -> str:
    """An agency as the indexer stores it: 'Associated Press' is 'AP'."""
    return normal_source(name) or name.strip()


@dataclass(frozen=True)
class _Not:
    """``NOT x`` while its group is read: x left out of what stands beside it."""

    node: Query


Item = Query | _Not | str | list  # a clause, an operator, or an AND/OR chain being read
Combine = Callable[[list[Query | _Not]], Query]


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.pos = 0

    def _next(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def group(self, field: str | None) -> Query | None:
        """The clauses up to a closing bracket or the end, as one tree."""
        required: list[Query] = []
        left_out: list[Query] = []
        rest: list[Query | str] = []  # clauses and operators
        while (token := self._next()) is not None and token.kind != CLOSE:
            if token.kind in (AND, OR, NOT):
                self.pos += 1
                rest.append(token.kind)
            elif token.kind == SIGN:
                self.pos += 1
                unit = self._unit(field)
                if unit is not None:
                    (required if token.text == "+" else left_out).append(unit)
            else:
                unit = self._unit(field)
                if unit is not None:
                    rest.append(unit)
        return _group(required, left_out, _clauses(rest))

    def _unit(self, field: str | None) -> Query | None:
        """A leaf, or a group in brackets; None where neither stands."""
        token = self._next()
        if token is None or token.kind not in (FIELD, OPEN, LEAF):
            return None
        self.pos += 1
        if token.kind == FIELD:
            unit = self._unit(token.text)
            if unit is not None and any(isinstance(leaf, Said) for leaf in leaves(unit)):
                return self._quoted(unit)
            return unit
        if token.kind == OPEN:
            node = self.group(field)
            self.pos += 1  # the closing bracket: the lexer checked that there is one
            return node
        assert token.leaf is not None  # the lexer gives every LEAF token its leaf
        return _in_field(token.leaf, field)

    def _quoted(self, said: Query) -> Query:
        """The plain words and phrases typed right after said:NAME (or
        said:(NAME OR NAME)): the words of each speaker's quotation, up to
        anything else."""
        words: list[Term | Phrase] = []
        while (token := self._next()) is not None and token.kind == LEAF:
            if isinstance(token.leaf, (Pattern, Fuzzy)):
                raise QueryError(SAID_WORDS)
            if not isinstance(token.leaf, (Term, Phrase)):
                break
            words.append(token.leaf)
            self.pos += 1
        return _quoting(said, tuple(words)) if words else said


SAID_NAME = 'said: takes a name, as in said:putin or said:"vladimir putin"'
SAID_WORDS = "said: matches whole words and phrases of a quotation, without wildcards or ~"


def _in_field(leaf: Leaf, field: str | None) -> Query:
    """A leaf typed after ``field:`` (or inside ``field:( )``); a source as
    stored; a speaker as a Said."""
    if field is None or isinstance(leaf, DateSpan) or leaf.field is not None:
        return leaf
    if field == SAID:
        return _speaker(leaf)
    if field == "source" and isinstance(leaf, (Term, Phrase)):
        text = leaf.text if isinstance(leaf, Term) else " ".join(leaf.words)
        return Term(stored_source(text), field, leaf.boost)
    return replace(leaf, field=field)


def _quoting(node: Query, words: tuple[Term | Phrase, ...]) -> Query:
    """``node`` with ``words`` added to the quotation of every speaker it
    asks for (not of those it leaves out)."""
    if isinstance(node, Said):
        return replace(node, words=node.words + words)
    if isinstance(node, (And, Or, SideBySide)):
        return replace(node, parts=tuple(_quoting(part, words) for part in node.parts))
    if isinstance(node, AndNot):
        return replace(node, kept=_quoting(node.kept, words))
    if isinstance(node, AndMaybe):
        return AndMaybe(_quoting(node.required, words), _quoting(node.optional, words))
    return node


def _speaker(leaf: Term | Phrase | Pattern | Fuzzy) -> Said:
    """said:putin or said:"vladimir putin", as a Said without words yet."""
    if isinstance(leaf, Term):
        name: tuple[str, ...] = (leaf.text,)
    elif isinstance(leaf, Phrase):
        name = leaf.words
    else:
        raise QueryError(SAID_NAME)
    if not any(re.search(r"\w", word) for word in name):
        raise QueryError(SAID_NAME)
    return Said(name, boost=leaf.boost)


# -- a group: operators, then clauses side by side ----------------------------


def _clauses(items: list[Query | str]) -> list[Query | _Not]:
    """NOT, then AND, then OR; what remains stands side by side."""
    chained = _chains(_chains(_negations(items), AND, _every), OR, _any)
    return [item for item in chained if not isinstance(item, str)]


def _negations(items: list[Query | str]) -> list[Item]:
    """NOT x as _Not(x); a NOT with no clause after it is dropped."""
    out: list[Item] = []
    for before, item in zip([None, *items], items, strict=False):
        if item != NOT:
            out.append(_Not(item) if before == NOT and not isinstance(item, str) else item)
    return out


def _chains(items: Sequence[Item], operator: str, combine: Combine) -> list[Query | _Not | str]:
    """``a OP b OP c`` as one clause; an operator missing either side is dropped."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        item, after = items[i], items[i + 1] if i + 1 < len(items) else None
        if item != operator:
            out.append(item)
        elif out and _is_clause(out[-1]) and _is_clause(after):
            out[-1] = (out[-1] if isinstance(out[-1], list) else [out[-1]]) + [after]
            i += 1
        i += 1
    return [combine(item) if isinstance(item, list) else item for item in out]


def _is_clause(item: Item | None) -> bool:
    return item is not None and not isinstance(item, str)


def _every(parts: list[Query | _Not]) -> Query:
    """a AND b AND NOT c: a and b, without c."""
    return _excluding(parts, _all)


def _any(parts: list[Query | _Not]) -> Query:
    """a OR b OR NOT c: a or b, without c (Lucene's reading)."""
    return _excluding(parts, _one_of)


def _excluding(parts: list[Query | _Not], combine: Callable[[list[Query]], Query]) -> Query:
    kept = [p for p in parts if not isinstance(p, _Not)]
    left_out = [p.node for p in parts if isinstance(p, _Not)]
    positive = combine(kept) if kept else Every()  # as _without reads 'nothing kept'
    return AndNot(positive, _one_of(left_out)) if left_out else positive


def _group(
    required: list[Query], left_out: list[Query], clauses: list[Query | _Not]
) -> Query | None:
    """Clauses side by side: metadata filters, the rest optional; +required, -left out."""
    rest = [c for c in clauses if not isinstance(c, _Not)]
    filters = [c for c in rest if is_filter(c)]
    positive = _side_by_side([c for c in rest if c not in filters])
    if filters:
        positive = _all(filters + ([positive] if positive is not None else []))
    if required:
        positive = AndMaybe(_all(required), positive) if positive is not None else _all(required)
    return _without(positive, [c.node for c in clauses if isinstance(c, _Not)] + left_out)


def _side_by_side(clauses: list[Query]) -> Query | None:
    """Optional clauses: the plain words as one Words, then the others."""
    plain = [c.text for c in clauses if _is_plain(c)]
    others = [c for c in clauses if not _is_plain(c)]
    words = content_words(plain, others=bool(others))
    parts = ([Words(tuple(words))] if words else []) + others
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else SideBySide(tuple(parts))


def _is_plain(node: Query) -> TypeGuard[Term]:
    return isinstance(node, Term) and node.field is None and node.boost == 1


def is_filter(node: Query) -> bool:
    """A clause on metadata or on who was quoted: every hit must pass it."""
    return all(
        isinstance(leaf, (DateSpan, Said)) or getattr(leaf, "field", None) in METADATA_FIELDS
        for leaf in leaves(node)
    )


def _without(positive: Query | None, left_out: list[Query]) -> Query | None:
    if not left_out:
        return positive
    return AndNot(positive if positive is not None else Every(), _one_of(left_out))


def _all(parts: list[Query]) -> Query:
    return parts[0] if len(parts) == 1 else And(tuple(parts))


def _one_of(parts: list[Query]) -> Query:
    return parts[0] if len(parts) == 1 else Or(tuple(parts))
