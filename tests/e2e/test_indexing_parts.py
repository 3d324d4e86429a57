"""A big multi-story file is shared out among the workers in parts."""

from __future__ import annotations

import gzip
import json

import pytest

import newsgrep
from newsgrep.engine.base import FileState
from newsgrep.engine.local.manifest import Manifest
from newsgrep.indexing import run
from newsgrep.indexing.pipeline import Committer
from newsgrep.indexing.workers import FileOutcome, Flushed
from newsgrep.model import IndexReport, SearchOptions


def write_stories(path, word: str, count: int) -> None:
    lines = (
        json.dumps(
            {
                "id": f"{word}{n}",
                "title": f"Story {n} on {word}",
                "text": f"LONDON (Reuters) - Story {n}: {word} prices moved, traders said.",
            }
        )
        for n in range(count)
    )
    path.write_text("\n".join(lines) + "\n")


@pytest.fixture
def in_parts(monkeypatch):
    """Every multi-story file counts as big, so that small test files are split."""
    monkeypatch.setattr(run, "SPLIT_BYTES", 1)


def paths(index, query: str) -> list[str]:
    return [h.path for h in newsgrep.search(index, query, SearchOptions(limit=0)).hits]


def test_a_big_file_is_indexed_by_every_worker_each_story_once(tmp_path, in_parts):
    docs = tmp_path / "docs"
    docs.mkdir()
    write_stories(docs / "wire.jsonl", "wheat", 60)
    report = newsgrep.index_paths([docs], tmp_path / "ix", jobs=2)
    assert (report.jobs, report.files, report.indexed) == (2, 1, 60)
    found = paths(tmp_path / "ix", "wheat")
    assert sorted(found) == sorted(f"{docs / 'wire.jsonl'}#wheat{n}" for n in range(60))
    again = newsgrep.index_paths([docs], tmp_path / "ix", jobs=2)
    assert (again.unchanged, again.indexed) == (1, 0)


def test_a_changed_big_file_replaces_all_its_stories(tmp_path, in_parts):
    docs = tmp_path / "docs"
    docs.mkdir()
    write_stories(docs / "wire.jsonl", "wheat", 60)
    newsgrep.index_paths([docs], tmp_path / "ix", jobs=2)
    write_stories(docs / "wire.jsonl", "maize", 45)
    report = newsgrep.index_paths([docs], tmp_path / "ix", jobs=2)
    assert (report.files, report.indexed) == (1, 45)
    assert paths(tmp_path / "ix", "wheat") == []
    assert len(paths(tmp_path / "ix", "maize")) == 45
    assert newsgrep.search(tmp_path / "ix", "*", SearchOptions(limit=1)).total == 45


def test_a_bad_big_file_is_skipped_once(tmp_path, in_parts):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "broken.jsonl.gz").write_bytes(gzip.compress(b'{"id": 1, "text": "ok"}\n')[:-9])
    for n in range(4):
        write_stories(docs / f"small{n}.jsonl", "oats", 3)
    skipped: list[str] = []
    report = newsgrep.index_paths(
        [docs], tmp_path / "ix", jobs=2, on_skip=lambda p, r: skipped.append(p)
    )
    assert skipped == [str(docs / "broken.jsonl.gz")]
    assert report.indexed == 12


class _Writer:
    """The committer's side of an index writer, counting generations."""

    generation = 7

    def commit(self, add=(), forget_files=()) -> None:
        self.generation += 1


def test_the_manifest_waits_for_every_part(tmp_path):
    """Until a file's last part is committed, the manifest neither records the
    file nor moves its generation on: a crash in between makes the next run
    recheck new files, and so remove the parts already committed."""
    manifest = Manifest(tmp_path)
    manifest.record((), (), 7)
    report = IndexReport()
    committer = Committer(_Writer(), manifest, report, recheck_new=False)
    state = FileState(str(tmp_path / "wire.jsonl"), 10, 1, "d", 20, 1)

    def part(stories: int) -> Flushed:
        return Flushed(object(), [FileOutcome(state._replace(stories=stories), False, False, 2)])

    committer.commit(part(20))
    assert manifest.generation() == 7
    assert manifest.in_folder(str(tmp_path)) == {}
    committer.commit(part(25))
    assert manifest.generation() == 9
    assert manifest.in_folder(str(tmp_path))[state.path].stories == 45
    assert (report.files, report.indexed) == (1, 45)
    manifest.close()
