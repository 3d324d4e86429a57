"""The browser's search: the typed query with its narrowings as clauses,
what a story offers to narrow to, and the filter bar's labels."""

from __future__ import annotations

from newsgrep.browse.state import Narrowing, Search, values
from newsgrep.model import Hit, SearchOptions
from newsgrep.query.parser import parse_query
from newsgrep.query.tree import And


def hit(people: list[str], source: str, place: str) -> Hit:
    return Hit(1, 1.0, "/a.txt", "a title", None, source, people, place)


def test_narrowings_stand_beside_the_typed_query_as_clauses_weighted_nothing():
    search = Search("NATO OR Russia", SearchOptions())
    assert search.query() == "NATO OR Russia"
    search.narrow(Narrowing("person", "Vladimir Putin"))
    search.narrow(Narrowing("place", "Moscow"))
    assert search.query() == '(NATO OR Russia) people:"Vladimir Putin"^0 place:Moscow^0'
    tree = parse_query(search.query())
    assert isinstance(tree, And) and len(tree.parts) == 3  # both narrowings AND the query


def test_a_query_of_everything_or_nothing_is_narrowed_by_the_clauses_alone():
    for typed in ("", "  ", "*"):
        search = Search(typed, SearchOptions())
        assert search.query() == (typed.strip() or "*")
        assert search.highlight() is None
        search.narrow(Narrowing("source", "RFE/RL"))
        assert search.query() == "source:RFE/RL^0"


def test_a_narrowing_is_added_once_and_removed_last_first():
    search = Search("nato", SearchOptions())
    putin, ap = Narrowing("person", "Vladimir Putin"), Narrowing("source", "AP")
    assert search.narrow(putin) and search.narrow(ap)
    assert not search.narrow(putin)
    assert search.widen() == ap and search.widen() == putin and search.widen() is None
    assert search.query() == "nato"


def test_values_that_the_query_language_would_misread_are_quoted():
    assert Narrowing("person", "Paul O'Neill").clause == 'people:"Paul O\'Neill"^0'
    assert Narrowing("place", "NOT").clause == 'place:"NOT"^0'
    assert Narrowing("source", "ITAR-TASS").clause == "source:ITAR-TASS^0"
    assert Narrowing("place", "Wash(ington)").clause == 'place:"Wash(ington)"^0'


def test_a_story_offers_its_people_and_its_one_source_and_place_that_can_be_quoted():
    story = hit(people=["Tony Blair", 'The "Boss"', "--"], source="Reuters", place="")
    assert values(story, "person") == ["Tony Blair"]
    assert values(story, "source") == ["Reuters"]
    assert values(story, "place") == []


def test_the_filter_bar_lists_the_command_line_filters_then_the_narrowings():
    options = SearchOptions(sources=("AFP",), since="2001-11", sort="newest")
    search = Search("nato", options)
    search.narrow(Narrowing("person", "George\x1b[31m Bush"))
    assert search.filter_labels() == [
        "--source AFP",
        "--since 2001-11",
        "--sort newest",
        "person: George Bush",
    ]
