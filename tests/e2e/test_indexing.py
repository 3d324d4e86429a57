"""Incremental indexing: unchanged, changed, new, deleted, touched files; rebuild; roots.

Each test runs on both engines (``index_location``: a folder, or an index on the
OpenSearch test cluster); what only a Whoosh folder has is tested on Whoosh only."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

import newsgrep
from newsgrep.cli.app import cli
from tests.helpers.synthetic import write_corpus


def story(headline: str, body: str) -> str:
    return f"{headline}\n\nLONDON (Reuters) - {body}\n"


@pytest.fixture
def folder(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.txt").write_text(story("Alliance talks open", "Ministers met about the alliance."))
    (docs / "b.txt").write_text(story("Grain prices rise", "Wheat and maize prices rose today."))
    (docs / "sub" / "c.txt").write_text(
        story("Central bank holds", "The bank kept interest rates.")
    )
    return docs


@pytest.fixture
def ix(index_location) -> str:
    """This module's index, on each engine in turn."""
    return index_location


def index(folder, ix, **options):
    return newsgrep.index_paths([folder], ix, **options)


def hits(ix, query: str) -> list[str]:
    result = newsgrep.search(ix, query, newsgrep.SearchOptions(limit=0))
    return sorted(os.path.basename(hit.path) for hit in result.hits)


def total(ix) -> int:
    return newsgrep.index_stats(ix).stories


def whoosh_total(folder) -> int:
    from newsgrep.engine.whoosh.store import open_index

    with open_index(folder).searcher() as searcher:
        return searcher.doc_count()


def whoosh_generation(ix) -> int | None:
    """The Whoosh folder's commit generation; None for a cluster index."""
    if "://" in str(ix):
        return None
    from newsgrep.engine.whoosh.store import open_index

    return open_index(ix).latest_generation()


def age(path, seconds: float = 10) -> None:
    """Date a file back, as if written a while before the index run."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - int(seconds * 1e9)))


def age_all(folder) -> None:
    for path in folder.rglob("*.txt"):
        age(path)


def test_first_run_indexes_every_file(folder, ix):
    report = index(folder, ix)
    assert (report.files, report.indexed, report.unchanged, report.removed) == (3, 3, 0, 0)
    assert hits(ix, "wheat") == ["b.txt"]


def test_rerun_over_unchanged_folder_reads_nothing_and_writes_nothing(folder, ix):
    age_all(folder)
    index(folder, ix)
    before = whoosh_generation(ix)
    report = index(folder, ix)
    assert (report.files, report.indexed, report.unchanged) == (0, 0, 3)
    assert whoosh_generation(ix) == before
    assert total(ix) == 3


def test_changed_file_is_reindexed_not_duplicated(folder, ix):
    age_all(folder)
    index(folder, ix)
    (folder / "b.txt").write_text(story("Grain prices fall", "Barley prices fell sharply today."))
    report = index(folder, ix)
    assert (report.files, report.unchanged) == (1, 2)
    assert hits(ix, "barley") == ["b.txt"]
    assert hits(ix, "wheat") == []
    assert total(ix) == 3


def test_new_file_is_added(folder, ix):
    age_all(folder)
    index(folder, ix)
    (folder / "sub" / "d.txt").write_text(story("Storm hits coast", "A storm hit the coast."))
    report = index(folder, ix)
    assert (report.files, report.unchanged) == (1, 3)
    assert hits(ix, "storm") == ["d.txt"]


def test_deleted_file_loses_its_stories(folder, ix):
    index(folder, ix)
    (folder / "sub" / "c.txt").unlink()
    report = index(folder, ix)
    assert report.removed == 1
    assert hits(ix, "bank") == []
    assert total(ix) == 2


def test_touched_file_with_same_content_is_not_reindexed(folder, ix):
    age_all(folder)
    index(folder, ix)
    age(folder / "a.txt", seconds=5)  # a new time, the same bytes
    report = index(folder, ix)
    assert (report.files, report.unchanged) == (0, 3)


def test_rewrite_keeping_size_and_time_is_seen_when_the_time_was_too_fresh(folder, ix):
    # Indexed right after it was written, a file may change again within the
    # file system's timestamp resolution: same size, same time, new words.
    index(folder, ix)
    path = folder / "a.txt"
    before = path.stat()
    path.write_text(path.read_text().replace("Ministers", "Diplomats"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    report = index(folder, ix)
    assert report.files == 1
    assert hits(ix, "diplomats") == ["a.txt"]


def test_indexing_a_subfolder_removes_nothing_outside_it(folder, ix):
    index(folder, ix)
    report = newsgrep.index_paths([folder / "sub"], ix)
    assert report.removed == 0
    assert total(ix) == 3


def test_rebuild_starts_afresh(folder, ix):
    age_all(folder)
    index(folder, ix)
    report = index(folder, ix, rebuild=True)
    assert (report.files, report.unchanged) == (3, 0)
    assert total(ix) == 3


def test_no_paths_updates_the_remembered_roots(folder, ix):
    index(folder, ix)
    (folder / "e.txt").write_text(story("Election called", "The premier called an election."))
    result = CliRunner().invoke(cli, ["index", "--index", ix])
    assert result.exit_code == 0, result.output
    assert hits(ix, "election") == ["e.txt"]


def test_no_paths_and_nothing_indexed_is_an_error(ix):
    result = CliRunner().invoke(cli, ["index", "--index", ix])
    assert result.exit_code == 2
    assert "name the files or folders" in result.output


def test_summary_only_when_piped_and_skips_listed_with_verbose(folder, ix):
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary" * 50)
    quiet = CliRunner().invoke(cli, ["index", str(folder), "--index", ix])
    assert quiet.exit_code == 0
    assert quiet.output.splitlines() == [quiet.output.strip()]
    assert "indexed 3 stories from 3 files" in quiet.output and "skipped 1" in quiet.output
    verbose = CliRunner().invoke(cli, ["index", str(folder), "--index", ix, "--rebuild", "-v"])
    assert "binary.txt" in verbose.output


def test_stale_files_of_a_killed_writer_are_cleaned(folder, tmp_path):
    index(folder, tmp_path / "ix")
    stale = tmp_path / "ix" / "MAIN_0123456789abcdef.seg"
    stale.write_bytes(b"half a segment")
    (folder / "a.txt").write_text(story("Alliance talks close", "Ministers left."))
    index(folder, tmp_path / "ix")
    assert not stale.exists()
    assert whoosh_total(tmp_path / "ix") == 3


@pytest.mark.slow
def test_parallel_run_matches_inline_run(tmp_path):
    docs = write_corpus(tmp_path / "many", 600)
    inline = newsgrep.index_paths([docs], tmp_path / "one", jobs=1)
    parallel = newsgrep.index_paths([docs], tmp_path / "two", jobs=2)
    assert parallel.jobs == 2 and inline.jobs == 1
    assert inline.indexed == parallel.indexed == 600
    for query in ("alliance", '"central bank"', "people:ivanov"):
        one = newsgrep.search(tmp_path / "one", query, newsgrep.SearchOptions(limit=0))
        two = newsgrep.search(tmp_path / "two", query, newsgrep.SearchOptions(limit=0))
        assert one.total == two.total > 0
        assert sorted((h.path, round(h.score, 4)) for h in one.hits) == sorted(
            (h.path, round(h.score, 4)) for h in two.hits
        )
