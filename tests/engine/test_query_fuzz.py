"""Random strings at search: hits or a one-line QueryError, never a crash."""

import pytest
from hypothesis import HealthCheck, given, settings

import newsgrep
from newsgrep.errors import QueryError
from newsgrep.model import SearchOptions
from tests.helpers.queries import QUERIES

# Three hundred searches of random text: several seconds.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def index(corpus_index):
    return corpus_index


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(QUERIES)
def test_search_never_crashes(index, text):
    try:
        result = newsgrep.search(index, text, SearchOptions(limit=5))
    except QueryError as err:
        assert "\n" not in str(err)
    else:
        assert result.total >= len(result.hits)
