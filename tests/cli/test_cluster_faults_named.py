"""A cluster fault is named for what happened, on one line of stderr, exit 2:
no elected cluster manager (with the nodes that answered), a red index,
refused credentials, a TLS failure (no node up: test_cluster_unreachable.py).
The test cluster gives the TLS failure; a small local server stands in for
the answers it cannot give without harm to other tests
(tests/helpers/fake_cluster.py)."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from newsgrep.cli.app import cli
from tests.helpers.fake_cluster import error, fake_node, node
from tests.helpers.paths import CORPUS

PASSWORD = "not-to-be-printed-5c1d"
COMMANDS = [
    ("search", "nato"),
    ("search", "nato", "--by", "source"),
    ("stats",),
    ("index", str(CORPUS), "-q"),
]
READS = COMMANDS[:3]
NO_MANAGER = error(503, "cluster_manager_not_discovered_exception", "waited for [30s]")


@pytest.fixture(scope="module")
def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: connections are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fails(*args: str, url: str) -> str:
    """The one line of stderr a command that must fail with exit 2 prints."""
    result = CliRunner().invoke(cli, [*args, "--index", url], catch_exceptions=False)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    assert PASSWORD not in result.output
    return lines[0]


@pytest.fixture(autouse=True)
def credentials(monkeypatch):
    monkeypatch.setenv("NEWSGREP_INDEX_USER", "reader")
    monkeypatch.setenv("NEWSGREP_INDEX_PASSWORD", PASSWORD)
    monkeypatch.setenv("NEWSGREP_INDEX_INSECURE", "1")  # over http:// to the local server


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: args[0] + str(len(args)))
def test_no_cluster_manager_names_the_nodes_that_answered(args, closed_port):
    health = {"status": "red", "discovered_cluster_manager": False}
    with fake_node(node("node-2", health, NO_MANAGER)) as alive:
        line = fails(*args, url=f"http://127.0.0.1:{closed_port},{alive}/news")
    assert "has no elected cluster manager" in line
    assert f"node-2 ({alive}) answered, 127.0.0.1:{closed_port} did not" in line


# (An index run sends its writes again for 15 s first: 503 is overload too.)
@pytest.mark.parametrize("args", READS, ids=lambda args: args[0] + str(len(args)))
def test_a_red_index_is_named(args):
    health = {"status": "red", "discovered_cluster_manager": True, "unassigned_shards": 2}
    failed = error(503, "search_phase_execution_exception", "all shards failed")
    with fake_node(node("node-1", health, failed)) as alive:
        line = fails(*args, url=f"http://{alive}/news")
    assert line.startswith(f"newsgrep: the index news at http://{alive} is red: 2 of its shards")


def test_a_busy_cluster_that_is_well_says_what_it_answered():
    health = {"status": "green", "discovered_cluster_manager": True}
    busy = error(503, "rejected_execution_exception", "queue full")
    with fake_node(node("node-1", health, busy)) as alive:
        line = fails("search", "nato", url=f"http://{alive}/news")
    assert f"the cluster at http://{alive} answered 503: queue full" in line


@pytest.mark.parametrize(
    "status,user,told",
    [
        (401, "reader", "refused the credentials in $NEWSGREP_INDEX_USER"),
        (401, None, "needs credentials: set $NEWSGREP_INDEX_USER"),
        (403, "reader", "does not allow this request to $NEWSGREP_INDEX_USER's user"),
    ],
)
def test_refused_credentials_are_named(status, user, told, monkeypatch):
    if user is None:
        monkeypatch.delenv("NEWSGREP_INDEX_USER")
    refused = error(status, "security_exception", "no permissions")
    with fake_node(lambda method, path: refused) as alive:
        for args in COMMANDS:
            assert told in fails(*args, url=f"http://{alive}/news")


@pytest.mark.opensearch
def test_https_to_a_cluster_speaking_http_is_a_tls_failure(opensearch_url, monkeypatch):
    monkeypatch.delenv("NEWSGREP_INDEX_INSECURE")  # certificates checked, credentials sent
    url = opensearch_url.replace("http://", "https://", 1) + "/news"
    line = fails("search", "nato", url=url)
    assert "no TLS connection to https://" in line and "does the cluster speak https" in line
