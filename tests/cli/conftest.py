"""Fixtures of the command-line tier."""

from __future__ import annotations

import pytest

from tests.helpers.paths import ROOT


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
        return subprocess.run(
            [sys.executable, "-m", "newsgrep", *args],
            capture_output=True,
            env=environ,
            text=text,
            cwd=ROOT,
        )

    return invoke
