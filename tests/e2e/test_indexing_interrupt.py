"""Interrupted and concurrent indexing: kill -9, Ctrl-C, the writer lock, searches meanwhile
(Ctrl-C on a cluster index too; kill -9 on a cluster: tests/engine/test_opensearch_writing.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgrep.engine.local.lock import writer_lock
from tests.helpers.cluster import delete_index, fresh_index_name
from tests.helpers.paths import ROOT
from tests.helpers.synthetic import write_corpus

# A 2,500-story corpus indexed by subprocesses in every test: about half a minute.
pytestmark = pytest.mark.slow

STORIES = 2500


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("wire"), STORIES)


def start_index(corpus: Path, index: Path | str, *options: str) -> subprocess.Popen:
    # Commit every half second, so that a run of a few seconds commits several times.
    env = dict(os.environ, NEWSGREP_COMMIT_SECONDS="0.5")
    return subprocess.Popen(
        [sys.executable, "-m", "newsgrep", "index", str(corpus), "--index", str(index), *options],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def run_index(corpus: Path, index: Path | str, *options: str) -> subprocess.CompletedProcess:
    process = start_index(corpus, index, *options)
    stdout, stderr = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def stories_in(index: Path) -> tuple[int, int]:
    """(stories, distinct paths) in the index as a searcher sees it now."""
    from whoosh import index as whoosh_index

    with whoosh_index.open_dir(str(index)).searcher() as searcher:
        paths = [fields["path"] for fields in searcher.all_stored_fields()]
    return len(paths), len(set(paths))


def wait_for_first_commit(index: Path, process: subprocess.Popen, timeout: float = 60) -> None:
    """Until the indexer has committed some stories (or finished)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if (index / "manifest.sqlite").exists() and any(index.glob("_MAIN_*.toc")):
            try:
                if stories_in(index)[0]:
                    return
            except Exception:  # noqa: BLE001 - the index is being created; look again
                pass
        time.sleep(0.05)


@pytest.mark.parametrize("delay", [0.0, 0.8, "after-commit"])
def test_kill_9_leaves_a_searchable_index_and_the_next_run_completes_it(corpus, tmp_path, delay):
    index = tmp_path / "ix"
    process = start_index(corpus, index)
    if delay == "after-commit":
        wait_for_first_commit(index, process)
    else:
        time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    if any(index.glob("_MAIN_*.toc")):
        stories, distinct = stories_in(index)  # opens: the last committed generation
        assert stories == distinct
    finished = run_index(corpus, index)
    assert finished.returncode == 0, finished.stderr
    assert stories_in(index) == (STORIES, STORIES)
    assert not list(index.glob("MAIN.tmp/*"))


def test_ctrl_c_keeps_what_is_done_and_says_how_to_resume(corpus, tmp_path):
    index = tmp_path / "ix"
    process = start_index(corpus, index)
    wait_for_first_commit(index, process)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    if process.returncode == 0:
        pytest.skip("the run finished before Ctrl-C arrived")
    assert process.returncode == 130, stderr
    message = stderr.strip().splitlines()[-1]
    assert message.endswith("stories indexed so far; run the same command again to finish")
    done = int(message.split()[1])
    assert 0 < done <= STORIES  # the workers may have been on their last chunks
    assert stories_in(index) == (done, done)
    assert "Traceback" not in stderr
    finished = run_index(corpus, index)
    assert finished.returncode == 0, finished.stderr
    assert stories_in(index) == (STORIES, STORIES)


def test_second_indexer_gets_one_line_naming_the_first_and_exit_2(corpus, tmp_path):
    index = tmp_path / "ix"
    with writer_lock(index):
        result = run_index(corpus, index)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"newsgrep: another indexer (pid {os.getpid()}) is writing {index}; "
        "wait for it or use --wait"
    ]


def test_wait_waits_for_the_running_indexer(corpus, tmp_path):
    index = tmp_path / "ix"
    with writer_lock(index):
        process = start_index(corpus, index, "--wait", "-q")
        time.sleep(1.0)
        assert process.poll() is None
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    assert f"waiting for the indexer (pid {os.getpid()})" in stderr
    assert stories_in(index) == (STORIES, STORIES)


def test_searches_keep_answering_while_indexing(corpus, tmp_path):
    index = tmp_path / "ix"
    process = start_index(corpus, index)
    wait_for_first_commit(index, process)
    answers = []
    while process.poll() is None:
        search = subprocess.run(
            [sys.executable, "-m", "newsgrep", "search", "alliance", "-c", "--index", str(index)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert search.returncode in (0, 1), search.stderr
        answers.append(int(search.stdout.strip() or 0))
    assert process.returncode == 0
    assert answers and answers == sorted(answers)


def cluster_stories(location: str) -> tuple[int, int]:
    """(stories, distinct paths) on a cluster index, as a search for everything lists them."""
    import newsgrep
    from newsgrep.model import SearchOptions

    everything = newsgrep.search(location, "*", SearchOptions(limit=0, snippets=False))
    paths = [hit.path for hit in everything.hits]
    return len(paths), len(set(paths))


def wait_for_stories_on(location: str, process: subprocess.Popen, timeout: float = 120) -> None:
    """Until the indexer has sent some stories to the cluster (or finished)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if cluster_stories(location)[0]:
                return
        except Exception:  # noqa: BLE001 - the index is being created; look again
            pass
        time.sleep(0.2)


@pytest.mark.opensearch
def test_ctrl_c_on_a_cluster_keeps_what_is_done_and_the_next_run_finishes(corpus, opensearch_url):
    name = fresh_index_name("interrupt")
    location = f"{opensearch_url}/{name}"
    try:
        process = start_index(corpus, location)
        wait_for_stories_on(location, process)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
        if process.returncode == 0:
            pytest.skip("the run finished before Ctrl-C arrived")
        assert process.returncode == 130, stderr
        assert "Traceback" not in stderr
        message = stderr.strip().splitlines()[-1]
        assert message.endswith("stories indexed so far; run the same command again to finish")
        stories, distinct = cluster_stories(location)
        # Stories sent after the last manifest write are there too: the next run
        # overwrites them, it does not add them again.
        assert stories == distinct >= int(message.split()[1]) > 0
        finished = run_index(corpus, location)
        assert finished.returncode == 0, finished.stderr
        assert cluster_stories(location) == (STORIES, STORIES)
    finally:
        delete_index(opensearch_url, name)
