"""Turn what the user typed into a Whoosh query: fields, phrases, booleans,
fuzzy and wildcard words, and dates exact to the day.

Whoosh's own DateParserPlugin widens some ranges to whole years and raises on
others, so ``date:`` clauses are cut out before Whoosh parses the rest and put
back as exact :class:`~whoosh.query.DateRange` queries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from whoosh import query as q

from newsgrep.schema import TEXT_FIELDS


class QueryError(ValueError):
    """A query that cannot be run; the message is one line naming the problem."""


FIELDS = ("title", "body", "people", "source", "place", "date", "author", "path")
_DATE_CLAUSE = re.compile(
    r"(?<![\w:])date:(?P<op>[<>]=?)?(?P<value>\[[^\]]*\]|\{[^}]*\}|\"[^\"]*\"|'[^']*'|[^\s()]+)",
    re.IGNORECASE,
)
_PLACEHOLDER = "ngdate{}"
_ISO = re.compile(r"^(\d{4})(?:-?(\d{1,2})(?:-?(\d{1,2}))?)?$")
_FIELD_PREFIX = re.compile(r"(?<![\w\\])([A-Za-z_]+):(?=\S)")


def parse_query(text: str, schema) -> q.Query:
    """Parse a user's query; raise QueryError with a one-line reason."""
    from newsgrep.readers.decoding import decode_argument

    text = decode_argument(text).strip()
    if not text:
        raise QueryError("empty query")
    if text == "*":
        return q.Every()
    _check_fields(text)
    ranges: list[q.Query] = []

    def cut_date(match: re.Match) -> str:
        ranges.append(date_clause(match.group("value"), match.group("op") or ""))
        return "path:" + _PLACEHOLDER.format(len(ranges) - 1)

    text = _DATE_CLAUSE.sub(cut_date, text)
    try:
        parsed = _parser(schema).parse(text)
    except Exception as err:  # Whoosh raises assorted errors on odd input
        raise QueryError(f"cannot read query: {err}") from None
    return parsed.accept(lambda node: _put_back_dates(node, ranges))


def date_clause(value: str, op: str = "") -> q.Query:
    """The exact DateRange for a date: value, with an optional < > <= >= operator."""
    value = value.strip()
    if value[:1] in "[{":
        return _bracket_range(value)
    start, end = date_span(value.strip("\"'"))
    if op.startswith(">"):
        return q.DateRange("date", start if op == ">=" else end + _TICK, None)
    if op.startswith("<"):
        return q.DateRange("date", None, end if op == "<=" else start - _TICK)
    return q.DateRange("date", start, end)


def date_span(text: str) -> tuple[datetime, datetime]:
    """First and last moment of the period a date names: 2001, 2001-11, 'Nov 2001'."""
    text = text.strip()
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        return _span(year, month, day, text)
    return _natural_span(text)


_TICK = timedelta(microseconds=1)


def _span(year: int, month: int | None, day: int | None, text: str) -> tuple[datetime, datetime]:
    try:
        if day:
            start = datetime(year, month, day)
            return start, start + timedelta(days=1) - _TICK
        if month:
            start = datetime(year, month, 1)
            following = datetime(year + (month == 12), month % 12 + 1, 1)
            return start, following - _TICK
        return datetime(year, 1, 1), datetime(year + 1, 1, 1) - _TICK
    except ValueError:
        raise QueryError(f"not a date: {text!r}") from None


def _natural_span(text: str) -> tuple[datetime, datetime]:
    """'Nov 2001', '22 November 2001': the parts given decide the span."""
    from dateutil import parser

    try:
        a = parser.parse(text, default=datetime(1004, 1, 1))
        b = parser.parse(text, default=datetime(1008, 2, 2))
    except (ValueError, OverflowError, TypeError):
        raise QueryError(f"not a date: {text!r}") from None
    if a.year != b.year:
        raise QueryError(f"a date needs a year: {text!r}")
    month = a.month if a.month == b.month else None
    day = a.day if a.day == b.day and month else None
    return _span(a.year, month, day, text)


def _bracket_range(value: str) -> q.Query:
    inner = value[1:-1] if value[-1:] in "]}" else value[1:]
    parts = re.split(r"\s+to\s+|^to\s+|\s+to$|^to$", inner.strip(), flags=re.IGNORECASE)
    if len(parts) != 2:
        raise QueryError(f"a date range reads [FROM TO UNTIL]: {value!r}")
    low, high = (p.strip().strip("\"'") for p in parts)
    if not low and not high:
        raise QueryError(f"an open date range needs one end: {value!r}")
    start = date_span(low)[0] if low else None
    end = date_span(high)[1] if high else None
    if start and end and start > end:
        raise QueryError(f"date range ends before it starts: {value!r}")
    return q.DateRange("date", start, end)


def _put_back_dates(node: q.Query, ranges: list[q.Query]) -> q.Query:
    if isinstance(node, q.Term) and node.fieldname == "path":
        match = re.fullmatch(_PLACEHOLDER.format(r"(\d+)"), str(node.text))
        if match:
            return ranges[int(match.group(1))]
    return node


def _check_fields(text: str) -> None:
    """An unknown field prefix is a typo worth reporting, not a word to search."""
    outside_quotes = re.sub(r'"[^"]*"', " ", text)
    for name in _FIELD_PREFIX.findall(outside_quotes):
        if name.lower() not in FIELDS and not name.isupper():
            raise QueryError(
                f"unknown field {name!r}: use one of {', '.join(FIELDS[:-1])}"
            )


_parsers: dict[int, object] = {}


def _parser(schema):
    """One parser per schema: grouping favours stories with more of the words."""
    key = id(schema)
    if key not in _parsers:
        from whoosh import qparser

        parser = qparser.MultifieldParser(
            list(TEXT_FIELDS), schema, group=qparser.OrGroup.factory(0.9)
        )
        parser.add_plugin(qparser.FuzzyTermPlugin())
        parser.add_plugin(qparser.PlusMinusPlugin())
        parser.add_plugin(qparser.GtLtPlugin())
        _parsers[key] = parser
    return _parsers[key]


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
        start = date_span(since)[0] if since else None
        end = date_span(until)[1] if until else None
        parts.append(q.DateRange("date", start, end))
    for field, values in (("source", sources), ("people", people), ("place", places)):
        values = [v for v in values if v.strip()]
        if values:
            parts.append(q.Or([_value_query(field, v) for v in values]))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else q.And(parts)


def _value_query(field: str, value: str) -> q.Query:
    """A name or source as its field analyses it: 'Vladimir Putin' as a phrase."""
    from newsgrep.readers.decoding import decode_argument

    value = decode_argument(value)
    if field == "source":
        return q.Term("source", value.strip().lower())
    from newsgrep.schema import name_analyzer

    words = [t.text for t in name_analyzer()(value)]
    if not words:
        raise QueryError(f"nothing to match in {value!r}")
    return q.Term(field, words[0]) if len(words) == 1 else q.Phrase(field, words)
