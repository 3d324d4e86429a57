"""Dates in queries are exact to the day, whatever form they take."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsgrep
from newsgrep.model import SearchOptions

# Stories on the edges of November 2001, and a year either side.
DAYS = [
    date(2000, 11, 15),
    date(2001, 1, 1),
    date(2001, 10, 31),
    date(2001, 11, 1),
    date(2001, 11, 15),
    date(2001, 11, 30),
    date(2001, 12, 1),
    date(2001, 12, 31),
    date(2002, 1, 1),
    date(2002, 11, 15),
]


@pytest.fixture(scope="module")
def dated_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dated")
    for day in DAYS:
        (folder / f"{day.isoformat()}.txt").write_text(
            f"Talks held on {day.isoformat()}\n\n"
            f"MOSCOW, {day:%B} {day.day}, {day.year} (AP) - Officials met for talks.\n"
        )
    newsgrep.index_paths([folder], folder / "ix")
    return folder / "ix"


def _days(index, text: str, **options) -> set[date]:
    result = newsgrep.search(index, text, SearchOptions(limit=0, snippets=False, **options))
    return {hit.date.date() for hit in result.hits}


def test_every_story_got_its_date(dated_index):
    assert _days(dated_index, "*") == set(DAYS)


NOVEMBER = {date(2001, 11, 1), date(2001, 11, 15), date(2001, 11, 30)}


@pytest.mark.parametrize(
    "query",
    [
        "date:[2001-11-01 TO 2001-11-30]",  # Whoosh's own parser widens this one to 2001
        "date:[2001-11-01 to 2001-11-30]",
        "date:2001-11",
        'date:"Nov 2001"',
        'date:"November 2001"',
        "date:{2001-10-31 TO 2001-12-01}",
        "date:[2001-11 TO 2001-11]",
    ],
)
def test_november_2001_is_november_and_nothing_else(dated_index, query):
    assert _days(dated_index, query) == NOVEMBER


def test_open_ranges_and_comparisons(dated_index):
    assert _days(dated_index, "date:[2001-11-30 TO]") == {
        d for d in DAYS if d >= date(2001, 11, 30)
    }
    assert _days(dated_index, "date:[2001-11-30 TO *]") == {
        d for d in DAYS if d >= date(2001, 11, 30)
    }
    assert _days(dated_index, "date:[TO 2001-11-01]") == {d for d in DAYS if d <= date(2001, 11, 1)}
    assert _days(dated_index, "date:>2001-11-30") == {d for d in DAYS if d > date(2001, 11, 30)}
    assert _days(dated_index, "date:>=2001-11-30") == {d for d in DAYS if d >= date(2001, 11, 30)}
    assert _days(dated_index, "date:<2001") == {date(2000, 11, 15)}
    assert _days(dated_index, "date:<=2001") == {d for d in DAYS if d.year <= 2001}


def test_a_day_a_year_and_words(dated_index):
    assert _days(dated_index, "date:2001-11-30") == {date(2001, 11, 30)}
    assert _days(dated_index, 'date:"30 November 2001"') == {date(2001, 11, 30)}
    assert _days(dated_index, "date:2002") == {date(2002, 1, 1), date(2002, 11, 15)}


def test_dates_combine_with_words_and_not(dated_index):
    assert _days(dated_index, "talks date:2001-11") == NOVEMBER
    assert _days(dated_index, "talks NOT date:2001") == {d for d in DAYS if d.year != 2001}
    assert _days(dated_index, "talks -date:2001-11") == set(DAYS) - NOVEMBER
    assert _days(dated_index, "date:2000 OR date:2002") == {d for d in DAYS if d.year != 2001}


def test_since_until_are_inclusive(dated_index):
    assert _days(dated_index, "*", since="2001-11-01", until="2001-11-30") == NOVEMBER
    assert _days(dated_index, "*", since="2001-11", until="2001-11") == NOVEMBER
    assert _days(dated_index, "*", until="Nov 2001") == {d for d in DAYS if d <= date(2001, 11, 30)}
    assert _days(dated_index, "talks", since="2002") == {d for d in DAYS if d.year >= 2002}


@settings(max_examples=150, deadline=None)
@given(
    st.dates(date(2000, 10, 1), date(2003, 1, 31)), st.dates(date(2000, 10, 1), date(2003, 1, 31))
)
def test_any_range_holds_exactly_the_days_between(dated_index, start, end):
    if start > end:
        start, end = end, start
    query = f"date:[{start.isoformat()} TO {end.isoformat()}]"
    assert _days(dated_index, query) == {d for d in DAYS if start <= d <= end}
