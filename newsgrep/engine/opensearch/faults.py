"""What went wrong with a cluster, named: asked of each node when a request
failed in a way several faults share.

A request that no node answered, or that a node refused with 503, may mean
the nodes are down, or that some are up but have no elected cluster manager
(a majority of the cluster-manager nodes is gone: writes and most reads
fail on every node), or that the index is red (a shard has no copy on a
running node). Each has its own remedy, so each node is asked directly,
briefly and without retries: who it is (``GET /``), whether it knows a
cluster manager (its local view of the cluster's health), and the index's
health. The answer is one line for the error message, or None when the
nodes tell nothing more than the failed request did.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import quote

# Seconds each probe may take: the user is waiting for the error message.
PROBE_TIMEOUT = 3.0


def diagnosis(
    base: str,
    index: str,
    hosts: Sequence[tuple[str, int]],
    node_client: Callable[[str, int], Any],
) -> str | None:
    """One line naming the fault of the cluster at ``base`` (its ``hosts``,
    each asked through ``node_client(host, port)``: a client of that node
    alone, no retries, a short timeout), or None when no node answers
    (unreachable) or the cluster looks well (the failure was something else)."""
    answered: list[tuple[str, Any]] = []
    silent: list[str] = []
    for host, port in hosts:
        node = node_client(host, port)
        name = _ask(lambda: node.transport.perform_request("GET", "/"))  # noqa: B023
        if isinstance(name, dict):
            answered.append((f"{name.get('name', '?')} ({host}:{port})", node))
        else:
            silent.append(f"{host}:{port}")
    if not answered:
        return None
    knows_manager = [node for _, node in answered if _knows_manager(node)]
    if not knows_manager:
        return _no_manager(base, [who for who, _ in answered], silent)
    return _red(base, index, knows_manager[0])


def _no_manager(base: str, answered: list[str], silent: list[str]) -> str:
    told = f"{', '.join(answered)} answered"
    if silent:
        told += f", {', '.join(silent)} did not"
    return (
        f"the OpenSearch cluster at {base} has no elected cluster manager "
        f"({told}): start its stopped nodes, a majority of the cluster-manager nodes must run"
    )


def _red(base: str, index: str, node: Any) -> str | None:
    # A missing index would be waited for (and called red): 1 s, then 408.
    health = _ask(lambda: node.transport.perform_request("GET", _health(index, "timeout=1s")))
    if not isinstance(health, dict) or health.get("status") != "red" or health.get("timed_out"):
        return None
    unassigned = health.get("unassigned_shards", 0)
    return (
        f"the index {index} at {base} is red: {unassigned} of its shards "
        "are on no running node; start the nodes that hold them "
        "(GET _cluster/allocation/explain says why)"
    )


def _knows_manager(node: Any) -> bool:
    health = _ask(lambda: node.transport.perform_request("GET", _health("", "local=true")))
    if not isinstance(health, dict):
        return False
    return bool(health.get("discovered_cluster_manager", health.get("discovered_master")))


def _health(index: str, query: str) -> str:
    # The query in the path: the client would take a "timeout" parameter for its own.
    return f"/_cluster/health/{quote(index)}?{query}" if index else f"/_cluster/health?{query}"


def _ask(call: Any) -> Any:
    """The node's answer, or None however it failed: a probe never raises."""
    try:
        return call()
    except Exception:  # noqa: BLE001 - any failure is "no answer"
        return None
