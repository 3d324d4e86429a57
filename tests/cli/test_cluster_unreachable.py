"""A cluster that cannot be reached: every command says so on one line of
stderr and exits 2, never with a traceback, and never shows the password."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from newsgrep.cli.app import cli
from tests.helpers.paths import CORPUS, SEED

PASSWORD = "not-to-be-printed-7f3a"
COMMANDS = [
    ("search", "nato"),
    ("search", "nato", "-c"),
    ("search", "nato", "-l"),
    ("search", "nato", "--json"),
    ("search", "nato", "--by", "source"),
    ("show", str(SEED)),
    ("similar", str(SEED)),
    ("stats",),
    ("index", str(CORPUS), "-q"),
]


@pytest.fixture(scope="module")
def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: connections are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _name(args: tuple[str, ...]) -> str:
    return " ".join(arg.rsplit("/", 1)[-1] for arg in args)


@pytest.mark.parametrize("args", COMMANDS, ids=_name)
def test_an_unreachable_cluster_is_one_line_and_exit_2(args, closed_port, monkeypatch):
    url = f"http://127.0.0.1:{closed_port}/news"
    monkeypatch.setenv("NEWSGREP_INDEX_USER", "reader")
    monkeypatch.setenv("NEWSGREP_INDEX_PASSWORD", PASSWORD)
    monkeypatch.setenv("NEWSGREP_INDEX_INSECURE", "1")  # credentials over http:// allowed
    result = CliRunner().invoke(cli, [*args, "--index", url], catch_exceptions=False)
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert f"127.0.0.1:{closed_port}" in result.stderr
    assert "Traceback" not in result.output
    assert PASSWORD not in result.output
