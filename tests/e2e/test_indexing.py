"""Incremental indexing: unchanged, changed, new, deleted, touched files; rebuild; roots."""

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


def index(folder, tmp_path, **options):
    return newsgrep.index_paths([folder], tmp_path / "ix", **options)


def hits(tmp_path, query: str) -> list[str]:
    result = newsgrep.search(tmp_path / "ix", query, newsgrep.SearchOptions(limit=0))
    return sorted(os.path.basename(hit.path) for hit in result.hits)


def total(tmp_path) -> int:
    from newsgrep.engine.whoosh.store import open_index

    with open_index(tmp_path / "ix").searcher() as searcher:
        return searcher.doc_count()


def generation(tmp_path) -> int:
    from newsgrep.engine.whoosh.store import open_index

    return open_index(tmp_path / "ix").latest_generation()


def age(path, seconds: float = 10) -> None:
    """Date a file back, as if written a while before the index run."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - int(seconds * 1e9)))


def age_all(folder) -> None:
    for path in folder.rglob("*.txt"):
        age(path)


def test_first_run_indexes_every_file(folder, tmp_path):
    report = index(folder, tmp_path)
    assert (report.files, report.indexed, report.unchanged, report.removed) == (3, 3, 0, 0)
    assert hits(tmp_path, "wheat") == ["b.txt"]


def test_rerun_over_unchanged_folder_reads_nothing_and_writes_nothing(folder, tmp_path):
    age_all(folder)
    index(folder, tmp_path)
    before = generation(tmp_path)
    report = index(folder, tmp_path)
    assert (report.files, report.indexed, report.unchanged) == (0, 0, 3)
    assert generation(tmp_path) == before
    assert total(tmp_path) == 3


def test_changed_file_is_reindexed_not_duplicated(folder, tmp_path):
    age_all(folder)
    index(folder, tmp_path)
    (folder / "b.txt").write_text(story("Grain prices fall", "Barley prices fell sharply today."))
    report = index(folder, tmp_path)
    assert (report.files, report.unchanged) == (1, 2)
    assert hits(tmp_path, "barley") == ["b.txt"]
    assert hits(tmp_path, "wheat") == []
    assert total(tmp_path) == 3


def test_new_file_is_added(folder, tmp_path):
    age_all(folder)
    index(folder, tmp_path)
    (folder / "sub" / "d.txt").write_text(story("Storm hits coast", "A storm hit the coast."))
    report = index(folder, tmp_path)
    assert (report.files, report.unchanged) == (1, 3)
    assert hits(tmp_path, "storm") == ["d.txt"]


def test_deleted_file_loses_its_stories(folder, tmp_path):
    index(folder, tmp_path)
    (folder / "sub" / "c.txt").unlink()
    report = index(folder, tmp_path)
    assert report.removed == 1
    assert hits(tmp_path, "bank") == []
    assert total(tmp_path) == 2


def test_touched_file_with_same_content_is_not_reindexed(folder, tmp_path):
    age_all(folder)
    index(folder, tmp_path)
    age(folder / "a.txt", seconds=5)  # a new time, the same bytes
    report = index(folder, tmp_path)
    assert (report.files, report.unchanged) == (0, 3)


def test_rewrite_keeping_size_and_time_is_seen_when_the_time_was_too_fresh(folder, tmp_path):
    # Indexed right after it was written, a file may change again within the
    # file system's timestamp resolution: same size, same time, new words.
    index(folder, tmp_path)
    path = folder / "a.txt"
    before = path.stat()
    path.write_text(path.read_text().replace("Ministers", "Diplomats"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    report = index(folder, tmp_path)
    assert report.files == 1
    assert hits(tmp_path, "diplomats") == ["a.txt"]


def test_indexing_a_subfolder_removes_nothing_outside_it(folder, tmp_path):
    index(folder, tmp_path)
    report = newsgrep.index_paths([folder / "sub"], tmp_path / "ix")
    assert report.removed == 0
    assert total(tmp_path) == 3


def test_rebuild_starts_afresh(folder, tmp_path):
    age_all(folder)
    index(folder, tmp_path)
    report = index(folder, tmp_path, rebuild=True)
    assert (report.files, report.unchanged) == (3, 0)
    assert total(tmp_path) == 3


def test_no_paths_updates_the_remembered_roots(folder, tmp_path):
    index(folder, tmp_path)
    (folder / "e.txt").write_text(story("Election called", "The premier called an election."))
    result = CliRunner().invoke(cli, ["index", "--index", str(tmp_path / "ix")])
    assert result.exit_code == 0, result.output
    assert hits(tmp_path, "election") == ["e.txt"]


def test_no_paths_and_nothing_indexed_is_an_error(tmp_path):
    result = CliRunner().invoke(cli, ["index", "--index", str(tmp_path / "ix")])
    assert result.exit_code == 2
    assert "name the files or folders" in result.output


def test_summary_only_when_piped_and_skips_listed_with_verbose(folder, tmp_path):
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary" * 50)
    quiet = CliRunner().invoke(cli, ["index", str(folder), "--index", str(tmp_path / "ix")])
    assert quiet.exit_code == 0
    assert quiet.output.splitlines() == [quiet.output.strip()]
    assert "indexed 3 stories from 3 files" in quiet.output and "skipped 1" in quiet.output
    verbose = CliRunner().invoke(
        cli, ["index", str(folder), "--index", str(tmp_path / "ix2"), "-v"]
    )
    assert "binary.txt" in verbose.output


def test_stale_files_of_a_killed_writer_are_cleaned(folder, tmp_path):
    index(folder, tmp_path)
    stale = tmp_path / "ix" / "MAIN_0123456789abcdef.seg"
    stale.write_bytes(b"half a segment")
    (folder / "a.txt").write_text(story("Alliance talks close", "Ministers left."))
    index(folder, tmp_path)
    assert not stale.exists()
    assert total(tmp_path) == 3


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
