"""The query parser beyond dates: malformed queries named, everyday text read as words."""

import pytest

from newsgrep.engine.whoosh.schema import build_schema
from newsgrep.errors import QueryError
from newsgrep.query.parser import parse_query


@pytest.mark.parametrize("query,problem", [
    ('"coordinate its', "unbalanced quote"),
    ("(nato", "unbalanced brackets"),
    ("nato)", "unbalanced ')'"),
    ("nato]", "unbalanced ']'"),
    ("dateline:moscow", "unknown field 'dateline'"),
    ("title:", "title: needs a value"),
    ("people: putin", "people: needs a value"),
    ("AND", "nothing to search for"),
    ("the of", "nothing to search for"),
    ("nato~5", "fuzzy distance"),
    ("   ", "empty query"),
])
def test_malformed_queries_are_named(query, problem):
    with pytest.raises(QueryError, match=problem.replace("(", r"\(").replace(")", r"\)")
                       .replace("]", r"\]")):
        parse_query(query, build_schema())


@pytest.mark.parametrize("query", [
    "Putin's view and Bush's plan",     # apostrophes are not quotes
    "what happened at 10:30?",           # a time is not a field
    "see http://example.com/page",       # neither is a web address
    "NATO AND",                          # a dangling operator is dropped
    "Putin: NATO",                       # a colon and a space is punctuation
    "U.S.-Russian relations",
])
def test_everyday_text_reads_as_words(query):
    assert parse_query(query, build_schema()) is not None


def test_phrases_keep_their_colons_and_dates():
    parsed = parse_query('"date:2001 ratio" title:"x: y"', build_schema())
    assert "DateRange" not in repr(parsed)


def test_question_mark_ends_a_question_but_is_a_wildcard_in_a_word():
    schema = build_schema()
    assert "Wildcard" not in repr(parse_query("did putin join nato?", schema))
    assert "Wildcard" in repr(parse_query("Robertso?", schema))
    assert "Wildcard" in repr(parse_query("Rob?rtson nato", schema))
