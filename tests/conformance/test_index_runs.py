"""What the library's index run leaves in every engine's index as files
change: a file of several stories edited, deleted, named alone; the roots
remembered; a rebuild (single-story files: tests/e2e/test_indexing.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsgrep
from newsgrep.model import SearchOptions
from newsgrep.query.parser import parse_query
from tests.helpers.paths import CORPUS
from tests.helpers.synthetic import wire_corpus, write_stories


@pytest.fixture
def corpus(tmp_path) -> Path:
    return wire_corpus(tmp_path, CORPUS)


def stories(engine, word: str = "*") -> int:
    return engine.search(parse_query(word), SearchOptions(limit=1, snippets=False)).total


def test_a_second_run_changes_nothing(fresh, corpus):
    first = newsgrep.index_paths([corpus], fresh.location, jobs=1)
    assert first.files == len(list(corpus.iterdir())) and first.indexed > first.files
    generation = fresh.open_writer().generation
    second = newsgrep.index_paths([corpus], fresh.location, jobs=1)
    assert (second.indexed, second.unchanged, second.removed) == (0, first.files, 0)
    assert stories(fresh) == first.indexed
    assert fresh.open_writer().generation == generation


def test_an_edited_file_has_its_stories_replaced(fresh, corpus):
    total = newsgrep.index_paths([corpus], fresh.location, jobs=1).indexed
    assert stories(fresh, "bravo") == 1
    write_stories(corpus / "wire.jsonl", ["alpha", "delta"])
    again = newsgrep.index_paths([corpus], fresh.location, jobs=1)
    assert (again.files, again.indexed) == (1, 2)
    assert stories(fresh) == total - 1
    assert stories(fresh, "bravo") == stories(fresh, "charlie") == 0
    assert stories(fresh, "delta") == stories(fresh, "alpha") == 1


def test_a_deleted_file_has_its_stories_removed(fresh, corpus):
    total = newsgrep.index_paths([corpus], fresh.location, jobs=1).indexed
    (corpus / "wire.jsonl").unlink()
    assert newsgrep.index_paths([corpus], fresh.location, jobs=1).removed == 1
    assert stories(fresh) == total - 3 and stories(fresh, "alpha") == 0
    # The manifest lets the file go too: a third run removes nothing more.
    assert newsgrep.index_paths([corpus], fresh.location, jobs=1).removed == 0


def test_with_no_paths_every_root_is_updated(fresh, corpus):
    total = newsgrep.index_paths([corpus], fresh.location, jobs=1).indexed
    write_stories(corpus / "more.jsonl", ["echo"])
    assert newsgrep.index_paths([], fresh.location, jobs=1).indexed == 1
    assert stories(fresh) == total + 1


def test_a_rebuild_starts_afresh(fresh, corpus):
    total = newsgrep.index_paths([corpus], fresh.location, jobs=1).indexed
    (corpus / "wire.jsonl").unlink()
    rebuilt = newsgrep.index_paths([corpus], fresh.location, jobs=1, rebuild=True)
    assert rebuilt.indexed == stories(fresh) == total - 3


def test_a_file_named_alone_is_looked_up_and_updated(fresh, corpus):
    total = newsgrep.index_paths([corpus], fresh.location, jobs=1).indexed
    wire = corpus / "wire.jsonl"
    assert newsgrep.index_paths([wire], fresh.location, jobs=1).unchanged == 1
    write_stories(wire, ["alpha", "bravo", "charlie", "delta"])
    again = newsgrep.index_paths([wire], fresh.location, jobs=1)
    assert (again.files, again.indexed, again.removed) == (1, 4, 0)
    assert stories(fresh) == total + 1
