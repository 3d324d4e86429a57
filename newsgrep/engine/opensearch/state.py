"""Small documents newsgrep keeps with an index on a cluster (saved searches
and what they last matched): one document per key in ``NAME-newsgrep-state``.

Writing one document is atomic in OpenSearch: a reader sees the old value or
the new one. Each write is refreshed at once, so the next read (from any
machine) sees it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsgrep.engine.opensearch.client import (
    ClusterAddress,
    cluster_errors,
    index_missing,
    with_backoff,
)
from newsgrep.engine.opensearch.mapping import companion_index_body
from newsgrep.engine.opensearch.store import ensure_index

if TYPE_CHECKING:
    from opensearchpy import OpenSearch

# The keys the Whoosh engine allows too (they are file names there).
_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def read_state(client: OpenSearch, address: ClusterAddress, key: str) -> str | None:
    """The document under ``key``, or None if there is none."""
    _check_key(key)
    with cluster_errors(address):
        # The document first: a get is answered by any copy, even while the
        # cluster has no elected manager (a node down), which a search reading
        # the names table must survive; the index is checked only when the
        # answer is "none" (index metadata needs the cluster manager).
        found = with_backoff(
            lambda: client.get(index=address.companion("state"), id=key, ignore=404)
        )
        if found.get("found"):
            return str(found["_source"]["value"])
        _check_index(client, address)
    return None


def write_state(client: OpenSearch, address: ClusterAddress, key: str, value: str) -> None:
    _check_key(key)
    with cluster_errors(address):
        _check_index(client, address)
        ensure_index(client, address.companion("state"), companion_index_body())
        with_backoff(
            lambda: client.index(
                index=address.companion("state"), id=key, body={"value": value}, refresh=True
            )
        )


def _check_key(key: str) -> None:
    if not _KEY.fullmatch(key):
        raise ValueError(f"not a state key: {key!r}")


def _check_index(client: OpenSearch, address: ClusterAddress) -> None:
    """State belongs to an index: none without one (as a search says)."""
    if not with_backoff(lambda: client.indices.exists(index=address.name)):
        raise index_missing(address)
