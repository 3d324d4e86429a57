"""A node of the local two-node cluster killed with kill -9 while searches run.

With one replica every story has a copy on each node, so searches must go on
answering (one retry allowed) with exact counts; once the node is back and the
cluster green, indexing more must lose nothing and double nothing.

The test drives the cluster with ``scripts/test-cluster`` (kill, start-node,
wait-green), so it runs only when $NEWSGREP_TEST_OPENSEARCH is the cluster that
script runs (``scripts/test-cluster url``); it leaves both nodes running.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

import newsgrep
from newsgrep.cli.app import cli
from tests.helpers.cluster import delete_index, fresh_index_name
from tests.helpers.paths import CORPUS, ROOT
from tests.helpers.synthetic import write_corpus

pytestmark = [pytest.mark.slow, pytest.mark.opensearch]

SCRIPT = ROOT / "scripts" / "test-cluster"
QUERIES = ("*", "nato", "people:putin", '"missile defence" OR abm', "source:reuters")
# The search loop is bounded in time and in count: the kill comes after
# KILL_AFTER seconds, the loop stops LOOP_SECONDS after it started.
KILL_AFTER = 2.0
LOOP_SECONDS = 20.0
MAX_SEARCHES = 400


def cluster_script(*args: str) -> str:
    result = subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, f"test-cluster {' '.join(args)}: {result.stderr}"
    return result.stdout.strip()


@pytest.fixture
def local_cluster(opensearch_url):
    """The nodes' HTTP addresses, both nodes up; skipped unless the test
    cluster is the one scripts/test-cluster runs (its nodes must be killable)."""
    status = subprocess.run([str(SCRIPT), "status"], capture_output=True, text=True, check=False)
    ours = all(f"{node}: running" in status.stdout for node in ("node-1", "node-2"))
    if cluster_script("url") != opensearch_url or not ours:
        pytest.skip(f"{opensearch_url} is not a cluster this scripts/test-cluster started")
    cluster_script("start")
    port = urlsplit(opensearch_url).port
    yield {"node-1": f"127.0.0.1:{port}", "node-2": f"127.0.0.1:{port + 1}"}
    cluster_script("start")  # whatever happened, both nodes up and green again


@pytest.fixture
def archive(tmp_path):
    """A copy of the sample corpus, to which the test adds files."""
    return shutil.copytree(CORPUS, tmp_path / "archive")


@pytest.fixture
def index_name(opensearch_url):
    name = fresh_index_name("faults")
    yield name
    delete_index(opensearch_url, name)


def count(location: str, query: str) -> int | None:
    """``newsgrep search QUERY -c``; None when the command failed."""
    result = CliRunner().invoke(cli, ["search", query, "-c", "--index", location])
    return int(result.stdout) if result.exit_code in (0, 1) and result.stdout.strip() else None


def listed(location: str) -> list[str]:
    result = CliRunner().invoke(cli, ["search", "*", "-l", "--index", location])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def search_while_killing(location: str, node: str, expected: dict[str, int]) -> int:
    """Loop the queries; kill NODE after KILL_AFTER seconds. Each search may be
    retried once, and must then give exactly the count it gave before."""
    killer = threading.Timer(KILL_AFTER, cluster_script, ("kill", node))
    killer.start()
    started, searches = time.monotonic(), 0
    try:
        while time.monotonic() - started < LOOP_SECONDS and searches < MAX_SEARCHES:
            query = QUERIES[searches % len(QUERIES)]
            got = count(location, query)
            if got is None:
                got = count(location, query)
            assert got == expected[query], (query, searches, time.monotonic() - started)
            searches += 1
    finally:
        killer.join()
    return searches


def test_searches_survive_kill_9_and_indexing_after_restart_loses_nothing(
    local_cluster, archive, index_name, opensearch_url
):
    pinned = f"{opensearch_url}/{index_name}"
    both = f"http://{local_cluster['node-1']},{local_cluster['node-2']}/{index_name}"
    newsgrep.index_paths([archive], pinned)
    expected = {query: count(pinned, query) for query in QUERIES}
    assert expected["*"] == len(list(CORPUS.glob("*.txt"))), expected

    # The node the client does not talk to dies: its shard copies are gone.
    assert search_while_killing(pinned, "node-2", expected) > 10
    cluster_script("start-node", "node-2")
    cluster_script("wait-green")

    # The node the client talks to first dies: the client must fail over.
    assert search_while_killing(both, "node-1", expected) > 10
    cluster_script("start-node", "node-1")
    cluster_script("wait-green")

    write_corpus(archive / "more", 60, seed=7)
    report = newsgrep.index_paths([archive], both)
    assert (report.indexed, report.unchanged) == (60, expected["*"])
    paths = listed(both)
    assert len(paths) == len(set(paths)) == expected["*"] + 60
    assert count(both, "*") == expected["*"] + 60
