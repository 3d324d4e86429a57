"""Concurrent and interrupted indexing as a user meets it: two indexers
started together, Ctrl-C at a terminal (SIGINT to the whole process group,
workers included), kill -9 of everything, searches in every output mode
while the index is rewritten. The previous index stays searchable throughout.

The mechanism (lock file, batch commits, signal handling) is the indexer's;
these tests only use the command line.
"""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.hostile import decoded, run_newsgrep
from tests.helpers.paths import ROOT

# Thousands of stories indexed by subprocesses, again and again: about a minute.
pytestmark = pytest.mark.slow

OLD, NEW = 30, 4000
WORDS = (
    "alliance talks ministers summit treaty membership security council vote grain "
    "wheat prices market exports harvest bank rates election parliament border"
).split()


def _write_stories(folder: Path, count: int, seed: int) -> None:
    rnd = random.Random(seed)
    folder.mkdir(parents=True)
    for number in range(count):
        body = " ".join(rnd.choice(WORDS) for _ in range(220))
        (folder / f"story{number:05d}.txt").write_text(
            f"{rnd.choice(WORDS).title()} story {seed}-{number}\n\nLONDON (Reuters) - {body}.\n"
        )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """old/ holds OLD stories, new/ NEW more; the corpus is both."""
    root = tmp_path_factory.mktemp("concurrency") / "corpus"
    _write_stories(root / "old", OLD, seed=1)
    _write_stories(root / "new", NEW, seed=2)
    return root


@pytest.fixture
def previous(corpus, tmp_path) -> Path:
    """An index of old/ only: the previous index a run starts from."""
    index = tmp_path / "index"
    result = run_newsgrep("index", str(corpus / "old"), "-q", index=index)
    assert result.returncode == 0, decoded(result.stderr)
    assert _count(index) == OLD
    return index


def _start(*args: str, index: Path) -> subprocess.Popen:
    """Start newsgrep in a session of its own, as a shell starts a job."""
    return subprocess.Popen(
        [sys.executable, "-m", "newsgrep", *args, "--index", str(index)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _count(index: Path) -> int:
    result = run_newsgrep("search", "*", "-c", index=index)
    assert result.returncode == 0, decoded(result.stderr)
    return int(result.stdout)


def _busy(process: subprocess.Popen, index: Path, seconds: float = 1.0) -> None:
    """Wait until the run has committed something new or ``seconds`` passed;
    it must still be running, or there is nothing to interrupt."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        if _count(index) > OLD:
            break
        time.sleep(0.05)
    if process.poll() is not None:
        pytest.skip("the run finished before it could be interrupted")


def _no_traceback(*outputs: bytes) -> None:
    for output in outputs:
        assert "Traceback" not in decoded(output), decoded(output)


def test_ctrl_c_at_a_terminal_stops_every_process_quietly(corpus, previous):
    process = _start("index", str(corpus), index=previous)
    _busy(process, previous)
    os.killpg(process.pid, signal.SIGINT)  # a terminal signals the whole foreground group
    out, err = process.communicate(timeout=120)
    _no_traceback(out, err)
    assert process.returncode == 130, decoded(err)
    assert "interrupted" in decoded(err).strip().splitlines()[-1]
    assert OLD <= _count(previous) <= OLD + NEW
    finished = run_newsgrep("index", str(corpus), "-q", index=previous)
    assert finished.returncode == 0, decoded(finished.stderr)
    assert _count(previous) == OLD + NEW


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGHUP], ids=["kill-9", "hangup"])
def test_killing_every_process_leaves_the_previous_index(corpus, previous, sig):
    process = _start("index", str(corpus), index=previous)
    _busy(process, previous)
    os.killpg(process.pid, sig)
    process.communicate(timeout=120)
    assert OLD <= _count(previous) <= OLD + NEW
    finished = run_newsgrep("index", str(corpus), "-q", index=previous)
    assert finished.returncode == 0, decoded(finished.stderr)
    assert _count(previous) == OLD + NEW


def test_two_indexers_started_together(corpus, previous):
    """Each finishes or is refused in one line naming the other; after them
    the index is whole (a refused run is simply run again)."""
    runs = [_start("index", str(corpus), "-q", index=previous) for _ in range(2)]
    results = [(run, *run.communicate(timeout=300)) for run in runs]
    for run, out, err in results:
        _no_traceback(out, err)
        assert run.returncode in (0, 2), decoded(err)
        if run.returncode == 2:
            lines = decoded(err).strip().splitlines()
            assert len(lines) == 1 and "another" in lines[0] and "--wait" in lines[0], lines
    assert any(run.returncode == 0 for run, _, _ in results)
    assert _count(previous) == OLD + NEW


def test_two_indexers_with_wait_both_finish(corpus, previous):
    runs = [_start("index", str(corpus), "-q", "--wait", index=previous) for _ in range(2)]
    for run in runs:
        out, err = run.communicate(timeout=300)
        _no_traceback(out, err)
        assert run.returncode == 0, decoded(err)
    assert _count(previous) == OLD + NEW


def test_searches_in_every_mode_answer_while_the_index_is_rewritten(corpus, previous):
    process = _start("index", str(corpus), index=previous)
    counts = []
    modes = [["-c"], ["--json", "-n", "3"], ["-l"], ["-n", "2"]]
    while process.poll() is None or not counts:
        for mode in modes:
            result = run_newsgrep("search", "story", *mode, index=previous)
            _no_traceback(result.stdout, result.stderr)
            assert result.returncode == 0, decoded(result.stderr)
            if mode == ["-c"]:
                counts.append(int(result.stdout))
            elif "--json" in mode:
                assert all(json.loads(line) for line in decoded(result.stdout).splitlines())
    process.communicate(timeout=300)
    assert process.returncode == 0
    assert counts == sorted(counts) and OLD <= counts[0] and counts[-1] <= OLD + NEW
    assert _count(previous) == OLD + NEW
