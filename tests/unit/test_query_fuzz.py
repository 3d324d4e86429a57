"""Thousands of random strings at the parser: a Query or a QueryError, never a crash."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsgrep
from newsgrep.query.parser import parse_query
from newsgrep.errors import QueryError
from newsgrep.engine.whoosh.schema import build_schema
from newsgrep.model import SearchOptions

SCHEMA = build_schema()
# Pieces of the syntax, so random strings hit the parser's corners, not just letters.
PIECES = ["AND", "OR", "NOT", "TO", "+", "-", "(", ")", "[", "]", "{", "}", '"', "'", "~",
          "~2", "^", "^2", "*", "?", ":", "date:", "title:", "people:", "source:", "place:",
          "body:", "author:", "path:", "foo:", "2001", "2001-11", "2001-11-22", "Nov",
          "nato", "Putin", "O'Neill", "RFE/RL", "ITAR-TASS", " ", " ", "\t", ">", "<", "=",
          "\\", "/", "ngdate0", "the", "what", "é", "\x00", "\u200b"]
QUERIES = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=10).map(" ".join),
)


def _parse_or_named_error(text: str):
    try:
        return parse_query(text, SCHEMA)
    except QueryError as err:
        message = str(err)
        assert message and "\n" not in message
        return None


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(QUERIES)
def test_parser_never_crashes(text):
    _parse_or_named_error(text)


@pytest.fixture(scope="module")
def index(corpus_index):
    return corpus_index


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(QUERIES)
def test_search_never_crashes(index, text):
    try:
        result = newsgrep.search(index, text, SearchOptions(limit=5))
    except QueryError as err:
        assert "\n" not in str(err)
    else:
        assert result.total >= len(result.hits)
