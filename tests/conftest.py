"""Fixtures shared by every tier: the sample corpus, its index, a CLI runner,
the seed story and the shared Reuters corpus (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import newsgrep
from newsgrep.cli.app import cli
from tests.helpers.paths import CORPUS, REUTERS, SEED


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory) -> Path:
    """An index of the sample corpus, built once per test session."""
    folder = tmp_path_factory.mktemp("corpus-index")
    newsgrep.index_paths([CORPUS], folder)
    return folder


@pytest.fixture
def run(corpus_index, monkeypatch):
    """Run the CLI against the sample corpus index; returns click's Result."""
    monkeypatch.setenv("NEWSGREP_INDEX", str(corpus_index))
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke


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
