"""A damaged, read-only or full index: a clear one-line message naming the
command that repairs it, and a failed run leaves the previous index usable."""

import os
import random
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgrep.cli.app import cli
from tests.helpers.hostile import decoded, run_newsgrep
from tests.helpers.paths import CORPUS, ROOT


@pytest.fixture
def indexed(tmp_path):
    """A copy of the sample corpus and its index: (corpus, index, stories)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    index = tmp_path / "index"
    assert _cli("index", str(corpus), "--index", str(index), "-q").exit_code == 0
    return corpus, index, _count(index)


def _cli(*args):
    return CliRunner().invoke(cli, list(args))


def _count(index) -> int:
    result = _cli("search", "*", "-c", "--index", str(index))
    assert result.exit_code == 0, result.output
    return int(result.stdout)


def _one_line_error(result) -> str:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsgrep: "), result.stderr
    return lines[0]


def _remove_toc(index):
    for toc in index.glob("_MAIN_*.toc"):
        toc.unlink()


def _remove_segment(index):
    next(index.glob("*.seg")).unlink()


def _truncate_segment(index):
    segment = next(index.glob("*.seg"))
    segment.write_bytes(segment.read_bytes()[:100])


def _scramble_segment(index):
    segment = next(index.glob("*.seg"))
    segment.write_bytes(random.Random(9).randbytes(segment.stat().st_size))


def _scramble_toc(index):
    for toc in index.glob("_MAIN_*.toc"):
        toc.write_bytes(random.Random(9).randbytes(300))


DAMAGE = [_remove_toc, _remove_segment, _truncate_segment, _scramble_segment, _scramble_toc]


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__.strip("_"))
def test_a_damaged_index_names_the_command_that_rebuilds_it(indexed, damage):
    corpus, index, stories = indexed
    damage(index)
    message = _one_line_error(_cli("search", "nato", "--index", str(index)))
    assert "damaged" in message
    command = message.split("rebuild it with: ", 1)[1]
    assert command == f"newsgrep index --rebuild --index {index} FOLDER"
    rebuilt = _cli(*command.split()[1:-1], str(corpus), "-q")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert _count(index) == stories


def test_a_missing_index_says_how_to_build_one(tmp_path):
    (tmp_path / "empty").mkdir()
    for folder in (tmp_path / "empty", tmp_path / "nowhere"):
        message = _one_line_error(_cli("search", "nato", "--index", str(folder)))
        assert "no index" in message and "newsgrep index" in message


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__.strip("_"))
def test_indexing_into_a_damaged_index_is_a_one_line_error(indexed, damage):
    """Depends on the indexing command (issue 7) turning store errors into one line."""
    corpus, index, _ = indexed
    damage(index)
    message = _one_line_error(_cli("index", str(corpus), "--index", str(index)))
    assert "--rebuild" in message


@pytest.fixture
def read_only(indexed):
    corpus, index, stories = indexed
    modes = {path: path.stat().st_mode for path in [index, *index.iterdir()]}
    for path, mode in modes.items():
        path.chmod(mode & ~0o222)
    yield corpus, index, stories
    for path, mode in modes.items():
        path.chmod(mode)


def test_a_read_only_index_still_serves_searches(read_only):
    corpus, index, stories = read_only
    result = run_newsgrep("search", "*", "-c", index=index, unprivileged=True)
    assert result.returncode == 0, decoded(result.stderr)
    assert int(result.stdout) == stories


def test_indexing_into_a_read_only_index_says_why(read_only):
    corpus, index, stories = read_only
    (corpus / "extra.txt").write_text("Extra story\n\nA brand new zebrafish story.\n")
    result = run_newsgrep("index", str(corpus), index=index, unprivileged=True)
    err = decoded(result.stderr).strip()
    assert result.returncode == 2 and "Traceback" not in err
    assert len(err.splitlines()) == 1 and "ermission denied" in err, err
    assert str(index) in err or "index" in err
    assert _count(index) == stories


# Runs newsgrep with every index file's writes failing with ENOSPC once
# NEWSGREP_TEST_DISK_BYTES bytes are spent: a disk filling up mid-run.
FULL_DISK = """
import errno, os, sys
from whoosh.filedb.filestore import FileStorage

budget = int(os.environ["NEWSGREP_TEST_DISK_BYTES"])
spent = 0


class FullDisk:
    def __init__(self, file):
        self._file = file

    def write(self, data):
        global spent
        spent += len(data)
        if spent > budget:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self._file.write(data)

    def __getattr__(self, name):
        return getattr(self._file, name)


real_create = FileStorage.create_file


def create_file(self, name, *args, **kwargs):
    file = real_create(self, name, *args, **kwargs)
    file.file = FullDisk(file.file)
    return file


FileStorage.create_file = create_file
sys.argv[0] = "newsgrep"
from newsgrep.cli.app import main
main()
"""


@pytest.mark.slow
@pytest.mark.parametrize("budget", [0, 5_000, 50_000])
def test_a_full_disk_fails_the_run_and_keeps_the_previous_index(indexed, budget):
    corpus, index, stories = indexed
    rnd = random.Random(budget)  # many distinct words: a new segment of some size
    words = " ".join("".join(rnd.choices("abcdefghij", k=8)) for _ in range(20_000))
    (corpus / "extra.txt").write_text(f"Extra story\n\nA brand new zebrafish story. {words}\n")
    full = subprocess.run(
        [sys.executable, "-c", FULL_DISK, "index", str(corpus), "--index", str(index)],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "NEWSGREP_TEST_DISK_BYTES": str(budget)},
    )
    err = decoded(full.stderr).strip()
    assert full.returncode == 2 and "Traceback" not in err, err
    assert len(err.splitlines()) == 1 and "No space left on device" in err, err
    assert _count(index) == stories
    assert _cli("search", "zebrafish", "--index", str(index)).exit_code == 1
    again = run_newsgrep("index", str(corpus), "-q", index=index)  # the disk has room again
    assert again.returncode == 0, decoded(again.stderr)
    assert _count(index) == stories + 1
    assert _cli("search", "zebrafish", "--index", str(index)).exit_code == 0


@pytest.mark.slow
def test_a_file_size_limit_from_the_system_fails_the_run_cleanly(indexed):
    """The operating system refusing writes (RLIMIT_FSIZE, EFBIG), not a mock."""
    corpus, index, stories = indexed
    # 50,000 distinct words: a segment far over the limit, however its postings are compressed.
    words = " ".join(f"zebrafish{number}" for number in range(50_000))
    (corpus / "extra.txt").write_text("Extra story\n\n" + words)

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))

    result = run_newsgrep("index", str(corpus), index=index, preexec_fn=small_files)
    err = decoded(result.stderr).strip()
    assert result.returncode == 2 and "Traceback" not in err, err
    assert len(err.splitlines()) == 1 and "File too large" in err
    assert _count(index) == stories
    assert Path(index).is_dir()
