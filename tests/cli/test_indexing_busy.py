"""While an indexer writes the index, stats, search and browse say so on
stderr (issue 27); a first index with nothing committed yet says that, not
"0 stories"; and a missing index names where newsgrep looked."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import cli_on

ROOT = Path(__file__).parents[2]
_HOLD = """
import sys, time
from newsgrep.engine.local.lock import writer_lock
with writer_lock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(60)
"""


@contextmanager
def indexer_holding(folder: Path) -> Iterator[int]:
    """A process holding the index's writer lock, as `newsgrep index` does; its pid."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        env={"PYTHONPATH": str(ROOT)},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        yield holder.pid
    finally:
        holder.kill()
        holder.wait()


def test_stats_and_search_name_the_running_indexer(corpus_index, tmp_path, monkeypatch):
    folder = tmp_path / "index"
    shutil.copytree(corpus_index, folder)
    run = cli_on(folder, monkeypatch)
    with indexer_holding(folder) as pid:
        note = f"newsgrep: indexing in progress (pid {pid}): 42 stories committed so far\n"
        stats = run("stats")
        assert stats.exit_code == 0 and stats.stderr == note
        assert "42" in stats.stdout
        search = run("search", "nato", "-c")
        assert search.exit_code == 0 and search.stderr == note
    assert run("stats").stderr == ""  # the indexer is gone: nothing said


def test_a_first_index_with_nothing_committed_says_so(tmp_path, monkeypatch):
    folder = tmp_path / "index"
    monkeypatch.setattr("newsgrep.cli.browse.is_terminal", lambda stream: True)
    run = cli_on(folder, monkeypatch)
    with indexer_holding(folder) as pid:
        for args in (("stats",), ("search", "nato"), ("browse",)):
            result = run(*args)
            assert result.exit_code == 1, args
            assert result.stderr.startswith(
                f"newsgrep: indexing in progress (pid {pid}): no story committed yet"
            )
            assert result.stdout == ""


def test_a_missing_index_names_the_folder_and_the_ways_to_name_another(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSGREP_INDEX", raising=False)
    from click.testing import CliRunner

    from newsgrep.cli.app import cli

    result = CliRunner().invoke(cli, ["search", "nato"])
    assert result.exit_code == 2
    message = result.stderr
    assert f"no index at {tmp_path / 'index'}" in message
    assert "--index" in message and "NEWSGREP_INDEX" in message
    assert message.count("\n") == 1
