"""Indexing into an index on the OpenSearch test cluster: incremental runs,
edits, deletions, a crash between the stories and the manifest, the lease.

Skipped unless $NEWSGREP_TEST_OPENSEARCH names a cluster that answers
(``scripts/test-cluster start`` prints one).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsgrep
from newsgrep.engine import open_engine
from newsgrep.engine.opensearch import lock
from newsgrep.engine.opensearch.client import connect, parse_cluster_url
from newsgrep.engine.opensearch.manifest import ClusterManifest
from newsgrep.errors import IndexBusy, IndexingFailed, IndexMissing
from tests.helpers.paths import CORPUS, ROOT

pytestmark = pytest.mark.opensearch
ENV_URL = "NEWSGREP_TEST_OPENSEARCH"


@pytest.fixture(scope="module")
def opensearch_url() -> str:
    """The test cluster's base URL; the module is skipped without one."""
    url = os.environ.get(ENV_URL, "").rstrip("/")
    if not url:
        pytest.skip(f"${ENV_URL} is not set (scripts/test-cluster start prints one)")
    try:
        connect(parse_cluster_url(f"{url}/probe")).cluster.health(request_timeout=5)
    except Exception as err:  # noqa: BLE001 - any failure means: no cluster to test on
        pytest.skip(f"no OpenSearch cluster answers at {url}: {type(err).__name__}")
    return url


@pytest.fixture
def location(opensearch_url) -> Iterator[str]:
    """A fresh index name on the cluster, deleted with its companions afterwards."""
    url = f"{opensearch_url}/osengine-{uuid.uuid4().hex[:10]}"
    yield url
    address = parse_cluster_url(url)
    connect(address).indices.delete(
        index=f"{address.name},{address.name}-newsgrep-*", ignore_unavailable=True
    )


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The sample corpus plus one three-story JSON Lines file, in a folder a test may edit."""
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    write_stories(folder / "wire.jsonl", ["alpha", "bravo", "charlie"])
    return folder


def write_stories(file: Path, words: list[str]) -> None:
    lines = [
        json.dumps({"title": f"Story {word}", "maintext": f"A story about {word} and markets."})
        for word in words
    ]
    file.write_text("\n".join(lines) + "\n")
    # A time well in the past: the manifest trusts it on the next run (not "racy").
    past = time.time() - 60
    os.utime(file, (past, past))


def stories(location: str, word: str | None = None) -> int:
    """Stories in the index (with ``word`` in the body), as a search sees them
    now (no refresh here: the writer's commits make stories searchable)."""
    address = parse_cluster_url(location)
    client = connect(address)
    query = {"match": {"body": word}} if word else {"match_all": {}}
    return int(client.count(index=address.name, body={"query": query})["count"])


def test_a_second_run_changes_nothing(corpus, location):
    first = newsgrep.index_paths([corpus], location, jobs=1)
    total = first.indexed
    assert first.files == len(list(corpus.iterdir())) and total > first.files
    assert stories(location) == total
    engine = open_engine(location)
    generation = engine.open_writer().generation
    written = manifest_writes(location)
    second = newsgrep.index_paths([corpus], location, jobs=1)
    assert (second.indexed, second.unchanged, second.removed) == (0, first.files, 0)
    assert stories(location) == total
    assert engine.open_writer().generation == generation
    assert manifest_writes(location) == written  # the manifest was left alone too


def manifest_writes(location: str) -> int:
    """Writes to the manifest's index so far (its documents' sequence numbers only grow)."""
    address = parse_cluster_url(location)
    client = connect(address)
    files = address.companion("files")
    client.indices.refresh(index=files)
    body = {"query": {"terms": {"kind": ["file", "root", "meta"]}}, "size": 0}
    body["aggs"] = {"last": {"max": {"field": "_seq_no"}}}
    return int(client.search(index=files, body=body)["aggregations"]["last"]["value"])


def test_an_edited_file_has_its_stories_replaced(corpus, location):
    total = newsgrep.index_paths([corpus], location, jobs=1).indexed
    assert stories(location, "bravo") == 1
    write_stories(corpus / "wire.jsonl", ["alpha", "delta"])
    again = newsgrep.index_paths([corpus], location, jobs=1)
    assert (again.files, again.indexed) == (1, 2)
    assert stories(location) == total - 1
    assert stories(location, "bravo") == stories(location, "charlie") == 0
    assert stories(location, "delta") == stories(location, "alpha") == 1


def test_a_deleted_file_has_its_stories_removed(corpus, location):
    total = newsgrep.index_paths([corpus], location, jobs=1).indexed
    (corpus / "wire.jsonl").unlink()
    again = newsgrep.index_paths([corpus], location, jobs=1)
    assert again.removed == 1
    assert stories(location) == total - 3 and stories(location, "alpha") == 0
    # The manifest lets the file go too: a third run removes nothing more.
    assert newsgrep.index_paths([corpus], location, jobs=1).removed == 0


def test_with_no_paths_every_root_is_updated(corpus, location):
    total = newsgrep.index_paths([corpus], location, jobs=1).indexed
    write_stories(corpus / "more.jsonl", ["echo"])
    again = newsgrep.index_paths([], location, jobs=1)
    assert again.indexed == 1 and stories(location) == total + 1


def test_a_crash_between_stories_and_manifest_is_redone_once(corpus, location, monkeypatch):
    record = ClusterManifest.record
    calls = []

    def crash_after_the_stories(self, states, forgotten, generation):
        calls.append(generation)
        raise KeyboardInterrupt  # as a kill -9 would, after the bulk succeeded

    monkeypatch.setattr(ClusterManifest, "record", crash_after_the_stories)
    with pytest.raises(KeyboardInterrupt):
        newsgrep.index_paths([corpus], location, jobs=1)
    assert calls and stories(location) > 0  # the stories went in, the manifest did not
    monkeypatch.setattr(ClusterManifest, "record", record)
    finished = newsgrep.index_paths([corpus], location, jobs=1)
    assert stories(location) == finished.indexed  # every story once
    assert newsgrep.index_paths([corpus], location, jobs=1).indexed == 0


def test_a_rebuild_starts_afresh(corpus, location):
    total = newsgrep.index_paths([corpus], location, jobs=1).indexed
    (corpus / "wire.jsonl").unlink()
    rebuilt = newsgrep.index_paths([corpus], location, jobs=1, rebuild=True)
    assert rebuilt.indexed == stories(location) == total - 3


def test_a_second_indexer_is_refused_naming_the_first(corpus, location):
    engine = open_engine(location)
    with engine.writer_lock():
        with pytest.raises(IndexBusy) as caught:
            newsgrep.index_paths([corpus], location, jobs=1)
    assert f"pid {os.getpid()} on {socket.gethostname()}" in str(caught.value)
    assert newsgrep.index_paths([corpus], location, jobs=1).indexed > 0  # released


def test_a_lease_left_by_a_dead_indexer_is_taken_over(corpus, location):
    address = parse_cluster_url(location)
    client = connect(address)
    engine = open_engine(location)
    with engine.writer_lock():
        pass  # creates the companion index
    dead = {
        "kind": "lock",
        "host": socket.gethostname(),
        "pid": 2**22 + 1,
        "heartbeat": time.time(),
    }
    files = address.companion("files")
    client.index(index=files, id=lock.LOCK_ID, body=dead, refresh=True)
    assert newsgrep.index_paths([corpus], location, jobs=1).indexed > 0
    elsewhere = {
        **dead,
        "host": "another-machine",
        "heartbeat": time.time() - 2 * lock.STALE_SECONDS,
    }
    client.index(index=files, id=lock.LOCK_ID, body=elsewhere, refresh=True)
    assert newsgrep.index_paths([corpus], location, jobs=1).unchanged > 0
    alive = {**elsewhere, "heartbeat": time.time()}
    client.index(index=files, id=lock.LOCK_ID, body=alive, refresh=True)
    with pytest.raises(IndexBusy):
        newsgrep.index_paths([corpus], location, jobs=1)


@pytest.mark.slow
def test_worker_processes_index_the_same_stories(corpus, location, tmp_path):
    from tests.helpers.synthetic import write_corpus

    wire = write_corpus(tmp_path / "wire", 600, per_folder=100)
    report = newsgrep.index_paths([wire], location, jobs=2)
    assert report.jobs == 2 and report.indexed == 600 and stories(location) == 600


def test_state_documents_are_kept_with_the_index(corpus, location):
    engine = open_engine(location)
    with pytest.raises(IndexMissing):
        engine.read_state("watch.oil")
    newsgrep.index_paths([corpus], location, jobs=1)
    assert engine.read_state("watch.oil") is None
    engine.write_state("watch.oil", '{"seen": ["a"]}')
    engine.write_state("watch.oil", '{"seen": ["a", "b"]}')
    assert open_engine(location).read_state("watch.oil") == '{"seen": ["a", "b"]}'
    with pytest.raises(ValueError):
        engine.write_state("../escape", "x")
    # A rebuild starts the stories afresh; saved searches stay.
    newsgrep.index_paths([corpus], location, jobs=1, rebuild=True)
    assert engine.read_state("watch.oil") == '{"seen": ["a", "b"]}'


@pytest.mark.slow
def test_kill_9_mid_run_and_the_next_run_completes_with_nothing_twice(location, tmp_path):
    from tests.helpers.synthetic import write_corpus

    wire = write_corpus(tmp_path / "wire", 1500, per_folder=100)
    command = index_command(wire, location)
    env = dict(os.environ, NEWSGREP_COMMIT_SECONDS="0.3")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if _exists(location) and stories(location):
            break
        time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    if process.wait() == 0:
        pytest.skip("the run finished before the kill arrived")
    # The lease of the killed run is on record; its holder is dead, so it is taken over.
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert stories(location) == 1500
    paths = _all_paths(location)
    assert len(paths) == len(set(paths)) == 1500


def index_command(folder: Path, location: str, *options: str) -> list[str]:
    return [sys.executable, "-m", "newsgrep", "index", str(folder), "--index", location, *options]


def _exists(location: str) -> bool:
    address = parse_cluster_url(location)
    return bool(connect(address).indices.exists(index=address.name))


def _all_paths(location: str) -> list[str]:
    address = parse_cluster_url(location)
    found = connect(address).search(
        index=address.name, body={"query": {"match_all": {}}, "_source": ["path"], "size": 5000}
    )
    return [hit["_source"]["path"] for hit in found["hits"]["hits"]]


def test_a_writer_whose_lease_was_taken_over_commits_nothing_more(location, monkeypatch):
    monkeypatch.setattr(lock, "HEARTBEAT_SECONDS", 0.05)
    address = parse_cluster_url(location)
    engine = open_engine(location)
    with engine.writer_lock():
        writer = engine.open_writer()
        other = {"host": "another-machine", "pid": 1, "heartbeat": time.time()}
        connect(address).index(index=address.companion("files"), id=lock.LOCK_ID, body=other)
        deadline = time.monotonic() + 10
        while engine._lease_kept() and time.monotonic() < deadline:
            time.sleep(0.05)
        with pytest.raises(IndexingFailed, match="took over the writer lock"):
            writer.commit(forget_files=["/nowhere"])
    # The other indexer's lease stays: this one does not delete it on the way out.
    with pytest.raises(IndexBusy, match="another-machine"):
        newsgrep.index_paths([CORPUS], location, jobs=1)


def test_a_word_too_long_for_lucene_does_not_stop_the_run(location, tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "blob.txt").write_text(f"Blob\n\nA story with {'x' * 40_000} in it about tariffs.\n")
    assert newsgrep.index_paths([folder], location, jobs=1).indexed == 1
    assert stories(location, "tariffs") == 1


def test_wait_waits_for_the_running_indexer(corpus, location):
    command = [
        sys.executable,
        "-m",
        "newsgrep",
        "index",
        str(corpus),
        "--wait",
        "--index",
        location,
    ]
    with open_engine(location).writer_lock():
        process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
        time.sleep(2 * lock.POLL_SECONDS)
        assert process.poll() is None
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert f"waiting for the indexer (pid {os.getpid()}) writing {location}" in stderr
    assert stories(location) > 0


def test_a_file_named_alone_is_looked_up_and_updated(corpus, location):
    total = newsgrep.index_paths([corpus], location, jobs=1).indexed
    wire = corpus / "wire.jsonl"
    assert newsgrep.index_paths([wire], location, jobs=1).unchanged == 1
    write_stories(wire, ["alpha", "bravo", "charlie", "delta"])
    again = newsgrep.index_paths([wire], location, jobs=1)
    assert (again.files, again.indexed, again.removed) == (1, 4, 0)
    assert stories(location) == total + 1
