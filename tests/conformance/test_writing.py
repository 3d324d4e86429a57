"""The engine seam's write side, on every engine: the writer and its
batches, the file manifest, the writer lock and the state documents, each
on a fresh index (``fresh``), and what the library's index run leaves."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from datetime import datetime

import pytest

import newsgrep
from newsgrep.engine.base import FileState
from newsgrep.errors import IndexBusy, IndexMissing
from newsgrep.model import Article, Quote, SearchOptions
from newsgrep.query.parser import parse_query
from newsgrep.query.tree import Every
from tests.helpers.paths import ROOT

EVERY = SearchOptions(limit=0, snippets=False, suggest=False)


def article(path: str, word: str, **fields) -> Article:
    return Article(
        path=path, body=f"A story about {word} and markets.", title=f"On {word}", **fields
    )


def paths(engine, query: str = "*") -> list[str]:
    return sorted(h.path for h in engine.search(parse_query(query), EVERY).hits)


def commit(writer, stories: list[tuple[Article, str]], forget: tuple[str, ...] = ()) -> None:
    batch = pickle.loads(pickle.dumps(writer.batch_maker()))()  # as a worker makes it
    for story, file in stories:
        batch.add(story, file)
    assert not batch.full()
    writer.commit([batch.finish()], forget)


def test_a_commit_makes_its_stories_searchable_and_bumps_the_generation(fresh):
    writer = fresh.open_writer()
    before = writer.generation
    commit(writer, [(article("/a#1", "alpha"), "/a"), (article("/a#2", "bravo"), "/a")])
    assert writer.generation == before + 1
    assert paths(fresh) == ["/a#1", "/a#2"] and paths(fresh, "bravo") == ["/a#2"]
    assert writer.merge() >= 0
    assert fresh.open_writer().generation == writer.generation


def test_every_field_of_an_article_comes_back_in_a_hit(fresh):
    full = Article(
        path="/w.jsonl#7",
        body="MOSCOW (Reuters) - Talks went on.",
        title="Talks go on",
        date=datetime(2001, 11, 22, 9, 30),
        source="Reuters",
        people=["Vladimir Putin", "Jaap de Hoop Scheffer"],
        place="Moscow",
        author=["Ann Writer", "Bo Reporter"],
        url="https://example.org/talks",
        quotes=[Quote("We talk", "Vladimir Putin"), Quote("No comment")],
    )
    commit(fresh.open_writer(), [(full, "/w.jsonl")])
    [hit] = fresh.search(Every(), EVERY).hits
    assert (hit.path, hit.title, hit.date, hit.source) == (
        full.path,
        full.title,
        full.date,
        "Reuters",
    )
    assert (hit.people, hit.place, hit.author, hit.url) == (
        full.people,
        full.place,
        full.author,
        full.url,
    )
    assert hit.quotes == full.quotes
    assert fresh.stats().files == 1  # the file the story came from
    assert [story.hit.path for story in fresh.stories("/w.jsonl")] == [full.path]


def test_forgetting_a_file_spares_what_this_writer_wrote_of_it(fresh):
    commit(fresh.open_writer(), [(article("/f#1", "old"), "/f"), (article("/g", "other"), "/g")])
    writer = fresh.open_writer()
    commit(writer, [(article("/f#2", "new"), "/f")], forget=("/f",))
    assert paths(fresh) == ["/f#2", "/g"]
    writer.commit(forget_files=["/g"])  # nothing added: the file's stories go
    assert paths(fresh) == ["/f#2"]


def test_a_cancelled_or_empty_batch_commits_nothing(fresh):
    writer = fresh.open_writer()
    batch = writer.batch_maker()()
    assert batch.finish() is None
    batch.add(article("/c", "gamma"), "/c")
    batch.cancel()
    commit(writer, [(article("/d", "delta"), "/d")])
    assert paths(fresh) == ["/d"]


def test_a_rebuild_starts_the_stories_afresh(fresh):
    commit(fresh.open_writer(), [(article("/a", "alpha"), "/a")])
    commit(fresh.open_writer(rebuild=True), [(article("/b", "bravo"), "/b")])
    assert paths(fresh) == ["/b"]


def state(path: str, stories: int = 1, digest: str | None = "0123456789abcdef" * 2) -> FileState:
    return FileState(path, 10, 20, digest, stories, 30)


def test_the_manifest_records_finds_and_forgets_files(fresh):
    a, b, c = "/news/2001/a.txt", "/news/2001/b.txt", "/news/2002/c.txt"
    with fresh.writer_lock():
        manifest = fresh.manifest()
        assert manifest.empty() and manifest.generation() == -1 and manifest.roots() == []
        manifest.add_roots(["/news", "/more"])
        assert manifest.roots() == ["/more", "/news"]
        manifest.record([state(a), state(b, 3, None), state(c, digest="not hex")], (), 4)
        assert not manifest.empty() and manifest.generation() == 4
        assert manifest.in_folder("/news/2001") == {a: state(a), b: state(b, 3, None)}
        assert manifest.in_folder("/elsewhere") == {}
        manifest.mark_seen([a])
        assert sorted(manifest.unseen(["/news"])) == [b, c]
        assert list(manifest.unseen(["/news/2002/c.txt"])) == [c]
        assert list(manifest.unseen(["/news/200"])) == []
        manifest.record((), [b], None)
        assert manifest.in_folder("/news/2001") == {a: state(a)}
        assert manifest.generation() == 4
        manifest.close()
        again = fresh.manifest()
        assert again.in_folder("/news/2002") == {c: state(c, digest="not hex")}
        again.clear()
        assert again.empty() and again.roots() == [] and again.generation() == -1
        again.close()


def test_the_writer_lock_is_held_by_one_indexer(fresh, tmp_path):
    (tmp_path / "a.txt").write_text("Alliance talks\n\nLONDON (AP) - Alliance talk.\n")
    with fresh.writer_lock():
        with pytest.raises(IndexBusy, match=f"pid {os.getpid()}"):
            newsgrep.index_paths([tmp_path], fresh.location)
    assert newsgrep.index_paths([tmp_path], fresh.location).indexed == 1


def test_a_waiting_indexer_runs_once_the_lock_is_free(fresh, tmp_path):
    (tmp_path / "a.txt").write_text("Alliance talks\n\nLONDON (AP) - Alliance talk.\n")
    command = [sys.executable, "-m", "newsgrep", "index", str(tmp_path), "--wait"]
    with fresh.writer_lock():
        waiting = subprocess.Popen(
            [*command, "--index", fresh.location], cwd=ROOT, stderr=subprocess.PIPE, text=True
        )
        time.sleep(3)
        assert waiting.poll() is None
    _, stderr = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, stderr
    assert f"waiting for the indexer (pid {os.getpid()}) writing {fresh.location}" in stderr
    assert paths(fresh) == [str(tmp_path / "a.txt")]


def test_state_documents_are_kept_whole_with_the_index(fresh, tmp_path):
    with pytest.raises(IndexMissing):
        fresh.read_state("watches")
    with pytest.raises(IndexMissing):
        fresh.write_state("watches", "x")
    (tmp_path / "a.txt").write_text("Alliance talks\n\nLONDON (AP) - Alliance talk.\n")
    newsgrep.index_paths([tmp_path], fresh.location)
    assert fresh.read_state("watches") is None
    fresh.write_state("watches", '{"a": "Путин, «NATO»"}')
    assert fresh.read_state("watches") == '{"a": "Путин, «NATO»"}'
    fresh.write_state("watches", "short")
    fresh.write_state("watch-b.1", "")
    assert (fresh.read_state("watches"), fresh.read_state("watch-b.1")) == ("short", "")
    for key in ("", "../x", "a/b", ".hidden", "a b"):
        with pytest.raises(ValueError):
            fresh.write_state(key, "x")
    newsgrep.index_paths([tmp_path], fresh.location, rebuild=True)
    assert fresh.read_state("watches") == "short"  # a rebuild keeps saved searches


def test_reindexing_a_changed_file_replaces_its_story(fresh, tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("First headline here\n\nLONDON (AP) - Alliance talk.\n")
    newsgrep.index_paths([tmp_path], fresh.location)
    doc.write_text("Second headline here\n\nLONDON (AP) - Alliance talk again.\n")
    os.utime(doc, ns=(doc.stat().st_atime_ns, doc.stat().st_mtime_ns + 10**10))
    newsgrep.index_paths([tmp_path], fresh.location)
    result = fresh.search(parse_query("alliance"), SearchOptions())
    assert result.total == 1 and result.hits[0].title == "Second headline here"


def test_undated_stories_are_counted_apart(fresh, tmp_path):
    (tmp_path / "a.txt").write_text("Undated headline here\n\nAlliance talk without a date.\n")
    (tmp_path / "b.txt").write_text(
        "Dated headline here\n\nLONDON, Nov. 22, 2001 (AP) - Alliance talk.\n"
    )
    newsgrep.index_paths([tmp_path], fresh.location)
    buckets = fresh.count_by(parse_query("alliance"), "month", SearchOptions()).buckets
    assert [(b.value, b.count) for b in buckets] == [("2001-11", 1), (None, 1)]


def test_a_title_only_brief_finds_stories_by_its_headline(fresh, tmp_path):
    (tmp_path / "brief.txt").write_text("Taliban flee Kabul as alliance advances\n")
    (tmp_path / "story.txt").write_text(
        "Alliance enters Kabul\n\n"
        "KABUL, Nov. 13, 2001 (Reuters) - The Taliban fled Kabul overnight.\n"
    )
    (tmp_path / "other.txt").write_text(
        "Oil prices slip\n\nLONDON, Nov. 13, 2001 (Reuters) - Crude fell on supply worries.\n"
    )
    newsgrep.index_paths([tmp_path], fresh.location)
    result = fresh.similar(str(tmp_path / "brief.txt"))
    assert [h.path for h in result.hits] == [str(tmp_path / "story.txt")]


def test_a_watch_reports_what_entered_it_since_it_last_ran(fresh, tmp_path):
    from newsgrep.watch import Watch, Watches

    def wire(name: str, place: str) -> None:
        (tmp_path / f"{name}.txt").write_text(
            f"Alliance {name}\n\n{place}, Nov. 22, 2001 (AP) - Alliance talk of {name}.\n"
        )

    wire("one", "MOSCOW")
    wire("two", "LONDON")
    newsgrep.index_paths([tmp_path], fresh.location)
    watches = Watches(fresh)
    watches.add(Watch("talks", "alliance", places=("Moscow",)))
    [watch] = watches.named(["talks"])

    def entered() -> list[str]:
        run = watches.run(watch)
        watches.remember(run)
        return [os.path.basename(hit.path) for hit in run.hits]

    assert entered() == ["one.txt"]
    assert entered() == []
    wire("three", "MOSCOW")
    wire("four", "LONDON")
    newsgrep.index_paths([tmp_path], fresh.location)
    assert entered() == ["three.txt"]
    assert Watches(fresh).last_run("talks").matched == 2
