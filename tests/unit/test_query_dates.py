"""Dates in queries: spans cover whole periods, bad dates are named."""

from datetime import date, datetime, timedelta

import pytest

from newsgrep.errors import QueryError
from newsgrep.query.dates import date_span
from newsgrep.query.parser import parse_query


def test_spans_cover_whole_periods():
    assert date_span("2001") == (
        datetime(2001, 1, 1),
        datetime(2002, 1, 1) - timedelta(microseconds=1),
    )
    assert date_span("2004-02")[1].date() == date(2004, 2, 29)
    assert date_span("22 November 2001")[0] == datetime(2001, 11, 22)


@pytest.mark.parametrize(
    "query,problem",
    [
        ("date:2001-13", "not a date"),
        ("date:2001-02-30", "not a date"),
        ("date:someday", "not a date"),
        ('date:"November"', "year"),
        ("date:[2001-12-01 TO 2001-11-01]", "ends before it starts"),
        ("date:[TO]", "at least one end"),
        ("date:[2001 2002]", "[FROM TO UNTIL]"),
        ("date:(2001 OR 2002)", "date: takes"),
    ],
)
def test_bad_dates_are_named(query, problem):
    with pytest.raises(QueryError, match=problem.replace("[", r"\[")):
        parse_query(query)
