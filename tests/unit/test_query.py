"""The query parser beyond dates: malformed queries named, everyday text read as words."""

import pytest

from newsgrep.engine.whoosh.compile import compile_query
from newsgrep.engine.whoosh.schema import build_schema
from newsgrep.errors import QueryError
from newsgrep.query.parser import parse_query
from newsgrep.query.tree import DateSpan, Pattern, leaves


def _compiled(text):
    """The query as the engine runs it: parsed, then compiled for an index."""
    return compile_query(parse_query(text), build_schema())


@pytest.mark.parametrize(
    "query,problem",
    [
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
    ],
)
def test_malformed_queries_are_named(query, problem):
    with pytest.raises(
        QueryError, match=problem.replace("(", r"\(").replace(")", r"\)").replace("]", r"\]")
    ):
        _compiled(query)


@pytest.mark.parametrize(
    "query",
    [
        "Putin's view and Bush's plan",  # apostrophes are not quotes
        "what happened at 10:30?",  # a time is not a field
        "see http://example.com/page",  # neither is a web address
        "NATO AND",  # a dangling operator is dropped
        "Putin: NATO",  # a colon and a space is punctuation
        "U.S.-Russian relations",
    ],
)
def test_everyday_text_reads_as_words(query):
    assert _compiled(query) is not None


def test_phrases_keep_their_colons_and_dates():
    parsed = parse_query('"date:2001 ratio" title:"x: y"')
    assert not any(isinstance(leaf, DateSpan) for leaf in leaves(parsed))


def _patterns(text):
    return [leaf for leaf in leaves(parse_query(text)) if isinstance(leaf, Pattern)]


def test_question_mark_ends_a_question_but_is_a_wildcard_in_a_word():
    assert not _patterns("did putin join nato?")
    assert _patterns("Robertso?")
    assert _patterns("Rob?rtson nato")
