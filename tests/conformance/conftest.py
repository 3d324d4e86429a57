"""The conformance suite's fixtures: the sample corpus indexed on each
engine in turn, and the stories as newsgrep extracted them, from which each
test derives the answer every engine must give (tests/conformance/oracle.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsgrep.engine import open_engine
from newsgrep.engine.base import Engine
from newsgrep.indexing.stories import read_articles
from newsgrep.model import Article
from tests.helpers.cluster import ENGINES, location_on
from tests.helpers.paths import CORPUS


@pytest.fixture(scope="session")
def articles() -> list[Article]:
    """Every story of the sample corpus, as the indexer extracts it."""
    return [article for path in sorted(CORPUS.glob("*.txt")) for article in read_articles(path)]


@pytest.fixture(scope="session")
def engine(corpus_index_on) -> Engine:
    """The sample corpus's index on each engine in turn (read only)."""
    return open_engine(corpus_index_on)


@pytest.fixture(scope="session")
def engines(corpus_index, opensearch_corpus_index) -> tuple[Engine, Engine]:
    """Both engines' indexes of the sample corpus, for answers no story
    list predicts (ranking, similar stories): the test compares them."""
    return open_engine(corpus_index), open_engine(opensearch_corpus_index)


@pytest.fixture(params=ENGINES)
def fresh(request, tmp_path) -> Iterator[Engine]:
    """An engine on a fresh, empty location (each engine in turn), for the
    writing side: a folder, or an index on the test cluster deleted afterwards."""
    with location_on(request.param, tmp_path, request, "engines") as location:
        yield open_engine(location)
