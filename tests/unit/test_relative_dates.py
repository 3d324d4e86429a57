"""Dates relative to today (issue 27): each names a period, read against a
clock the test gives, so no test depends on the day it runs."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsgrep.errors import QueryError
from newsgrep.query.dates import between, date_span
from newsgrep.query.parser import filter_query, parse_query
from newsgrep.query.tree import DateSpan

NOW = datetime(2024, 3, 31, 15, 30)  # a Sunday, the last day of a month after a leap February
LAST = datetime.max.time()


def day(year: int, month: int, dom: int) -> datetime:
    return datetime(year, month, dom)


def end(year: int, month: int, dom: int) -> datetime:
    return datetime.combine(day(year, month, dom).date(), LAST)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("today", day(2024, 3, 31), end(2024, 3, 31)),
        ("Yesterday", day(2024, 3, 30), end(2024, 3, 30)),
        ("this week", day(2024, 3, 25), end(2024, 3, 31)),
        ("last  week", day(2024, 3, 18), end(2024, 3, 24)),
        ("this month", day(2024, 3, 1), end(2024, 3, 31)),
        ("last month", day(2024, 2, 1), end(2024, 2, 29)),
        ("this year", day(2024, 1, 1), end(2024, 12, 31)),
        ("last year", day(2023, 1, 1), end(2023, 12, 31)),
        ("7d", day(2024, 3, 24), end(2024, 3, 24)),
        ("2w", day(2024, 3, 17), end(2024, 3, 17)),
        ("1m", day(2024, 2, 29), end(2024, 2, 29)),  # no 31 February: its last day
        ("13m", day(2023, 2, 28), end(2023, 2, 28)),
        ("1y", day(2023, 3, 31), end(2023, 3, 31)),
        ("3 days ago", day(2024, 3, 28), end(2024, 3, 28)),
        ("1 week ago", day(2024, 3, 24), end(2024, 3, 24)),
        ("2 months", day(2024, 1, 31), end(2024, 1, 31)),
    ],
)
def test_a_relative_date_names_a_period(text, first, last):
    assert date_span(text, NOW) == (first, last)


def test_last_month_in_january_is_december():
    assert date_span("last month", datetime(2024, 1, 5)) == (day(2023, 12, 1), end(2023, 12, 31))


@pytest.mark.parametrize("text", ["tomorrow", "next week", "7x", "d7", "-7d", "7 days later"])
def test_what_the_grammar_lacks_is_refused(text):
    with pytest.raises(QueryError, match="not a date"):
        filter_query(since=text)


def test_since_and_until_take_the_ends_of_their_periods():
    assert between("last week", "yesterday", NOW) == DateSpan(day(2024, 3, 18), end(2024, 3, 30))
    assert filter_query(since="7d", now=NOW) == DateSpan(day(2024, 3, 24), None)


def test_an_age_alone_in_date_is_from_that_day_on():
    assert parse_query("date:7d", NOW) == DateSpan(day(2024, 3, 24), None)
    assert parse_query('date:"last week"', NOW) == DateSpan(day(2024, 3, 18), end(2024, 3, 24))
    assert parse_query("date:<yesterday", NOW) == DateSpan(None, end(2024, 3, 29))
    assert parse_query("date:[2w TO yesterday]", NOW) == DateSpan(
        day(2024, 3, 17), end(2024, 3, 30)
    )


def test_absolute_dates_are_read_as_before():
    assert date_span("2001-11", NOW) == (day(2001, 11, 1), end(2001, 11, 30))
    assert date_span("Nov 2001", NOW) == (day(2001, 11, 1), end(2001, 11, 30))
