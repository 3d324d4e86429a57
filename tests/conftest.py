"""Shared fixtures: the sample corpus, its index, a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import newsgrep
from newsgrep.cli.app import cli
from tests.helpers.paths import CORPUS, REUTERS, ROOT, SEED


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
def pipe(corpus_index):
    """Run ``python -m newsgrep ARGS`` with stdout a real pipe, against the
    sample corpus index; colour variables are cleared unless given."""
    import os
    import subprocess
    import sys

    def invoke(*args: str, env: dict | None = None, text: bool = True):
        environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        environ.update(NEWSGREP_INDEX=str(corpus_index), **(env or {}))
        return subprocess.run([sys.executable, "-m", "newsgrep", *args], capture_output=True,
                              env=environ, text=text, cwd=ROOT)

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
