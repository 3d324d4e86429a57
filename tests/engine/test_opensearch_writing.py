"""Indexing into an index on the OpenSearch test cluster, what only a cluster
has: the manifest's writes, a crash between the stories and the manifest,
the lease. (What every engine does: tests/conformance/.)

Skipped unless $NEWSGREP_TEST_OPENSEARCH names a cluster that answers
(``scripts/test-cluster start`` prints one).
"""

from __future__ import annotations

import os
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
from newsgrep.errors import IndexBusy, IndexingFailed
from tests.helpers.paths import CORPUS, ROOT
from tests.helpers.synthetic import wire_corpus

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
    return wire_corpus(tmp_path, CORPUS)


def stories(location: str, word: str | None = None) -> int:
    """Stories in the index (with ``word`` in the body), as a search sees them
    now (no refresh here: the writer's commits make stories searchable)."""
    address = parse_cluster_url(location)
    client = connect(address)
    query = {"match": {"body": word}} if word else {"match_all": {}}
    return int(client.count(index=address.name, body={"query": query})["count"])


def test_a_second_run_leaves_the_manifest_alone(corpus, location):
    """(What the run changes on every engine: tests/conformance/test_index_runs.py.)"""
    first = newsgrep.index_paths([corpus], location, jobs=1)
    written = manifest_writes(location)
    second = newsgrep.index_paths([corpus], location, jobs=1)
    assert (second.indexed, second.unchanged) == (0, first.files)
    assert manifest_writes(location) == written


def manifest_writes(location: str) -> int:
    """Writes to the manifest's index so far (its documents' sequence numbers only grow)."""
    address = parse_cluster_url(location)
    client = connect(address)
    files = address.companion("files")
    client.indices.refresh(index=files)
    body = {"query": {"terms": {"kind": ["file", "root", "meta"]}}, "size": 0}
    body["aggs"] = {"last": {"max": {"field": "_seq_no"}}}
    return int(client.search(index=files, body=body)["aggregations"]["last"]["value"])


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
