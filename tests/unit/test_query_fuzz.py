"""Thousands of random strings at the parser: a Query or a QueryError, never a crash."""

import pytest
from hypothesis import HealthCheck, given, settings

from newsgrep.engine.whoosh.compile import compile_query
from newsgrep.engine.whoosh.schema import build_schema
from newsgrep.errors import QueryError
from newsgrep.query.parser import parse_query
from tests.helpers.queries import QUERIES

# Three thousand hypothesis examples: several seconds.
pytestmark = pytest.mark.slow

SCHEMA = build_schema()


def _parse_or_named_error(text: str):
    try:
        return compile_query(parse_query(text), SCHEMA)
    except QueryError as err:
        message = str(err)
        assert message and "\n" not in message
        return None


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(QUERIES)
def test_parser_never_crashes(text):
    _parse_or_named_error(text)
