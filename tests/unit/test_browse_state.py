"""The browser's search: the typed query, its narrowings as filters of the
options, what a story offers to narrow to, and the filter bar's labels."""

from __future__ import annotations

from newsgrep.browse.state import Narrowing, Search, values
from newsgrep.model import Hit, SearchOptions


def hit(people: list[str], source: str, place: str) -> Hit:
    return Hit(1, 1.0, "/a.txt", "a title", None, source, people, place)


def test_narrowings_are_filters_beside_the_options_and_leave_the_query_alone():
    options = SearchOptions(people=("Tony Blair", "Jacques Chirac"), since="2001")
    search = Search("NATO OR Russia", options)
    assert search.filtered() == options
    search.narrow(Narrowing("person", "Vladimir Putin"))
    search.narrow(Narrowing("place", "Moscow"))
    assert search.query() == "NATO OR Russia"
    narrowed = search.page(2)
    assert narrowed.narrow == (("people", "Vladimir Putin"), ("place", "Moscow"))
    assert narrowed.people == options.people and narrowed.since == "2001"
    assert narrowed.page == 2 and search.options == options  # the command line's kept
    assert search.described() == "NATO OR Russia · person: Vladimir Putin · place: Moscow"


def test_a_query_of_everything_or_nothing_searches_every_story():
    for typed in ("", "  ", "*"):
        search = Search(typed, SearchOptions())
        assert search.query() == "*"
        assert search.highlight() is None


def test_a_narrowing_is_added_once_and_removed_last_first():
    search = Search("nato", SearchOptions())
    putin, ap = Narrowing("person", "Vladimir Putin"), Narrowing("source", "AP")
    assert search.narrow(putin) and search.narrow(ap)
    assert not search.narrow(putin)
    assert search.filtered().narrow == (("people", "Vladimir Putin"), ("source", "AP"))
    assert search.widen() == ap and search.widen() == putin and search.widen() is None
    assert search.filtered().narrow == ()


def test_a_story_offers_its_people_and_its_one_source_and_place_with_a_word():
    story = hit(people=["Tony Blair", 'The "Boss"', "--"], source="Reuters", place="")
    assert values(story, "person") == ["Tony Blair", 'The "Boss"']
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
