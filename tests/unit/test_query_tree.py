"""The parser's tree: what a query means before any engine sees it."""

from datetime import datetime, timedelta

import pytest
from whoosh import query as q

from newsgrep.engine.whoosh.compile import compile_query, proximity_query
from newsgrep.engine.whoosh.schema import build_schema
from newsgrep.errors import QueryError
from newsgrep.model import SearchOptions
from newsgrep.query.parser import filter_query, options_filter, parse_query
from newsgrep.query.tree import (
    And,
    AndMaybe,
    AndNot,
    DateSpan,
    Every,
    Fuzzy,
    Or,
    Pattern,
    Phrase,
    SideBySide,
    Term,
    Words,
)
from newsgrep.rank.weights import RANKING, Ranking

TICK = timedelta(microseconds=1)
NOVEMBER_2001 = DateSpan(datetime(2001, 11, 1), datetime(2001, 12, 1) - TICK)
YEAR_2001 = DateSpan(datetime(2001, 1, 1), datetime(2002, 1, 1) - TICK)


@pytest.mark.parametrize(
    "query,tree",
    [
        ("oil AND gas OR coal", Or((And((Term("oil"), Term("gas"))), Term("coal")))),
        ("coal OR oil AND gas", Or((Term("coal"), And((Term("oil"), Term("gas")))))),
        ("NOT oil AND gas", AndNot(Term("gas"), Term("oil"))),
        ("oil OR NOT gas", AndNot(Term("oil"), Term("gas"))),  # Lucene: NOT in an OR excludes
        ("nato oil OR gas", SideBySide((Words(("nato",)), Or((Term("oil"), Term("gas")))))),
        ("(oil OR OPEC) AND Russia", And((Or((Term("oil"), Term("OPEC"))), Term("Russia")))),
        ("NATO NOT Russia", AndNot(Words(("NATO",)), Term("Russia"))),
        ("NATO AND", Words(("NATO", "AND"))),  # a dangling operator is a word
        ("nato and not", Words(("nato", "and", "not"))),  # lower case: words
    ],
)
def test_operators_bind_not_then_and_then_or_then_side_by_side(query, tree):
    assert parse_query(query) == tree


@pytest.mark.parametrize(
    "query,tree",
    [
        ("people:putin date:2001", And((Term("putin", "people"), YEAR_2001))),
        (
            "people:putin nato date:2001-11",
            And((Term("putin", "people"), NOVEMBER_2001, Words(("nato",)))),
        ),
        (
            "nato (people:putin OR people:bush)",
            And((Or((Term("putin", "people"), Term("bush", "people"))), Words(("nato",)))),
        ),
        ("nato title:putin", SideBySide((Words(("nato",)), Term("putin", "title")))),
        ("* place:london", Term("london", "place")),  # a lone * beside words is dropped
    ],
)
def test_metadata_beside_words_filters_them(query, tree):
    assert parse_query(query) == tree


@pytest.mark.parametrize(
    "query,tree",
    [
        (
            "+Chechnya nato -referendum",
            AndNot(AndMaybe(Term("Chechnya"), Words(("nato",))), Term("referendum")),
        ),
        ("-russia", AndNot(Every(), Term("russia"))),
        ("NATO -date:2001", AndNot(Words(("NATO",)), YEAR_2001)),
        ("nato -russia OR oil", AndNot(Or((Term("nato"), Term("oil"))), Term("russia"))),
        (
            "source:ITAR-TASS Vike-Freiberga",
            And((Term("ITAR-TASS", "source"), Words(("Vike-Freiberga",)))),
        ),
        ("- nato", Words(("-", "nato"))),
    ],
)
def test_plus_and_minus_start_a_word_only(query, tree):
    assert parse_query(query) == tree


@pytest.mark.parametrize(
    "query,tree",
    [
        ('"coordinate its position"', Phrase(("coordinate", "its", "position"))),
        ('"coordinate NATO"~5', Phrase(("coordinate", "NATO"), slop=5)),
        ('title:"x: y"^2', Phrase(("x:", "y"), "title", boost=2.0)),
        ('people:"Igor Ivanov"', Phrase(("Igor", "Ivanov"), "people")),
        ('source:"Associated Press"', Term("AP", "source")),  # as the indexer stores it
        ("Putin's view", Words(("Putin's", "view"))),  # 'single quotes' are not syntax
    ],
)
def test_phrases(query, tree):
    assert parse_query(query) == tree


@pytest.mark.parametrize(
    "query,span",
    [
        ("date:2001-11", NOVEMBER_2001),
        ('date:"Nov 2001"', NOVEMBER_2001),
        ("date:[2001-11-01 TO 2001-11-30]", NOVEMBER_2001),
        ("date:{2001-10-31 TO 2001-12-01}", NOVEMBER_2001),
        ("DATE:2001", YEAR_2001),
        ("date:>2001-10", DateSpan(datetime(2001, 11, 1), None)),
        ("date:[TO 2001-11]", DateSpan(None, datetime(2001, 12, 1) - TICK)),
    ],
)
def test_dates_are_spans_exact_to_the_day(query, span):
    assert parse_query(query) == span


@pytest.mark.parametrize(
    "query,tree",
    [
        ("What did Putin say about joining NATO?", Words(("Putin", "joining", "NATO"))),
        ("what did he say", Words(("what", "did", "he", "say"))),  # nothing else: kept
        ("what's the news, tell me", Words(("the", "news,"))),
        ("oil oil Russia", Words(("oil", "oil", "Russia"))),  # typed twice, counted twice
        ("what title:putin", Term("putin", "title")),
        ("Blair^3 NATO", SideBySide((Words(("NATO",)), Term("Blair", boost=3.0)))),
        ("membersh* Kasyanof~2", SideBySide((Pattern("membersh*"), Fuzzy("Kasyanof", 2)))),
    ],
)
def test_words_side_by_side_lose_their_question_words(query, tree):
    assert parse_query(query) == tree


def test_fields_colons_and_question_marks():
    assert parse_query("TITLE:putin") == Term("putin", "title")
    assert parse_query("Putin: NATO") == Words(("Putin:", "NATO"))
    assert parse_query("what happened at 10:30?") == Words(("at", "10:30"))
    assert parse_query("Robertso?") == Pattern("Robertso?")
    assert parse_query("did putin join nato?") == Words(("putin", "join", "nato"))


def test_filters_or_within_and_across_options():
    assert filter_query() is None
    assert filter_query(
        since="2001-11",
        until="2001-11",
        sources=("Associated Press", "Reuters"),
        people=("Igor Ivanov",),
    ) == And(
        (
            NOVEMBER_2001,
            Or((Term("AP", "source"), Term("Reuters", "source"))),
            Or((Term("Igor Ivanov", "people"),)),
        )
    )
    with pytest.raises(QueryError, match="nothing to match"):
        filter_query(people=("!!!",))


def test_narrowings_are_each_one_more_filter_and_take_any_value():
    both = filter_query(
        people=("Igor Ivanov", "Colin Powell"),
        narrow=(("people", 'Paul "the Boss" O\'Neill'), ("source", "Associated Press")),
    )
    assert both == And(
        (
            Or((Term("Igor Ivanov", "people"), Term("Colin Powell", "people"))),
            Term('Paul "the Boss" O\'Neill', "people"),
            Term("AP", "source"),  # a source as the indexer stores it, as --source
        )
    )
    assert options_filter(SearchOptions(narrow=(("place", "Moscow"),))) == Term("Moscow", "place")
    assert options_filter(SearchOptions()) is None
    with pytest.raises(QueryError, match="cannot narrow on 'title'"):
        filter_query(narrow=(("title", "NATO"),))


def test_compiled_words_weigh_repeats_and_neighbours():
    compiled = compile_query(parse_query("oil oil Russia"), build_schema())
    assert q.Term("title", "oil", boost=2 * RANKING.title_weight) in compiled.subqueries
    assert q.Term("body", "oil", boost=2.0) in compiled.subqueries
    assert compiled.scale == RANKING.coordination
    plain = compile_query(parse_query("oil Russia"), build_schema(), Ranking(coordination=0.0))
    assert not plain.scale
    # neighbours near each other: a separate bonus, for the top candidates only
    assert not any(isinstance(part, q.Phrase) for part in compiled.leaves())
    assert proximity_query(parse_query("oil Russia"), build_schema()) is None  # none shipped
    near = Ranking(proximity_weight=0.4)
    bonus = proximity_query(parse_query("oil oil Russia -gas"), build_schema(), near)
    assert q.Phrase("body", ["oil", "russia"], slop=8, boost=0.4) in bonus.leaves()
    assert {tuple(leaf.words) for leaf in bonus.leaves()} == {("oil", "russia")}


def test_compiled_names_of_several_tokens_are_phrases():
    schema = build_schema()
    assert compile_query(parse_query("people:O'Neill"), schema) == q.Phrase(
        "people", ["o", "neill"]
    )
    assert compile_query(Term("ITAR-TASS", "source"), schema) == q.Phrase(
        "source", ["itar", "tass"]
    )
    assert compile_query(Term("CNN", "source"), schema) == q.Term("source", "cnn")
    with pytest.raises(QueryError, match="nothing to search for"):
        compile_query(parse_query("the of"), schema)
