"""Fixtures shared by every tier: the sample corpus, its index, a CLI runner,
the seed story and the shared Reuters corpus (skipped when absent), and the
two engines: a Whoosh folder or an index on the OpenSearch test cluster
(skipped, with the reason on one line, when no cluster is set or answers)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsgrep
from newsgrep.cli.app import cli
from tests.helpers.cluster import (
    ENGINES,
    cluster_url,
    delete_index,
    fresh_index_name,
    location_on,
    why_unusable,
)
from tests.helpers.paths import CORPUS, REUTERS, SEED


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory) -> Path:
    """An index of the sample corpus, built once per test session."""
    folder = tmp_path_factory.mktemp("corpus-index")
    newsgrep.index_paths([CORPUS], folder)
    return folder


@pytest.fixture(scope="session")
def opensearch_url() -> str:
    """The base URL of the OpenSearch test cluster ($NEWSGREP_TEST_OPENSEARCH);
    the test is skipped when it is unset or the cluster does not answer."""
    url = cluster_url()
    reason = why_unusable(url)
    if reason:
        pytest.skip(reason)
    assert url is not None
    return url


@pytest.fixture(params=ENGINES)
def index_location(request, tmp_path) -> Iterator[str]:
    """Where a test builds its own index, once per engine: a fresh folder, or
    ``URL/newsgrep-test-<random>`` on the test cluster, deleted afterwards."""
    with location_on(request.param, tmp_path, request) as location:
        yield location


@pytest.fixture(scope="session")
def opensearch_corpus_index(opensearch_url) -> Iterator[str]:
    """The sample corpus indexed on the test cluster, once per test session."""
    name = fresh_index_name("corpus")
    location = f"{opensearch_url}/{name}"
    try:
        newsgrep.index_paths([CORPUS], location)
        yield location
    finally:
        delete_index(opensearch_url, name)


@pytest.fixture(scope="session", params=ENGINES)
def corpus_index_on(request) -> str:
    """The sample corpus's index on each engine in turn (the folder of
    ``corpus_index``, or ``opensearch_corpus_index``'s URL)."""
    if request.param == "whoosh":
        return str(request.getfixturevalue("corpus_index"))
    return request.getfixturevalue("opensearch_corpus_index")


def cli_on(location: str | Path, monkeypatch) -> Callable:
    """Run the CLI with $NEWSGREP_INDEX set to LOCATION; returns click's Result."""
    monkeypatch.setenv("NEWSGREP_INDEX", str(location))
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def run(corpus_index, monkeypatch):
    """Run the CLI against the sample corpus index; returns click's Result."""
    return cli_on(corpus_index, monkeypatch)


@pytest.fixture
def run_on(corpus_index_on, monkeypatch):
    """Like ``run``, once on each engine's index of the sample corpus."""
    return cli_on(corpus_index_on, monkeypatch)


@pytest.fixture
def reuters() -> Path:
    """The shared Reuters-21578 corpus; tests using it skip when it is absent."""
    if not REUTERS.is_dir():
        pytest.skip("../shared/corpora/reuters21578 is not here")
    return REUTERS


@pytest.fixture
def seed() -> Path:
    """The seed article, as copied into the sample corpus."""
    return SEED
