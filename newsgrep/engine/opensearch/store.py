"""The indices newsgrep keeps on a cluster, and small helpers to use them.

Beside the stories index NAME, the companion index ``NAME-newsgrep-files``
holds the file manifest (one document per file and per root), the writer
lock and two counters: the index's generation, bumped by every commit, and
the generation the manifest last described (see engine.base.Manifest).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from newsgrep.engine.opensearch.client import ClusterAddress, with_backoff
from newsgrep.engine.opensearch.mapping import MAPPING_VERSION, companion_index_body, index_body
from newsgrep.errors import IndexDamaged

if TYPE_CHECKING:
    from opensearchpy import OpenSearch

# OpenSearch refuses longer document ids.
MAX_ID_BYTES = 512
# Documents fetched per page when reading a whole set (search_after).
PAGE = 5000
INDEX_GENERATION = "generation:index"
MANIFEST_GENERATION = "generation:manifest"


def document_id(key: str) -> str:
    """The key itself (a story's path, say), or its hash when too long for an id.

    Either way the same key always gives the same id: a re-run overwrites a
    document instead of adding a second one.
    """
    if len(key.encode("utf-8")) <= MAX_ID_BYTES:
        return key
    return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()


def files_index(address: ClusterAddress) -> str:
    return address.companion("files")


def ensure_files_index(client: OpenSearch, address: ClusterAddress) -> None:
    ensure_index(client, files_index(address), companion_index_body(("kind", "path", "folder")))


def open_stories_index(client: OpenSearch, address: ClusterAddress, rebuild: bool) -> None:
    """Create the stories index (afresh with ``rebuild``); refuse one whose
    mapping this newsgrep does not write."""
    if rebuild:
        with_backoff(lambda: client.indices.delete(index=address.name, ignore_unavailable=True))
    ensure_index(client, address.name, index_body())
    check_mapping(client, address)


def check_mapping(client: OpenSearch, address: ClusterAddress, local: bool = False) -> None:
    """Refuse an index whose mapping this newsgrep does not write (nor read
    right: before mapping 4, a source matched only as a whole name). With
    ``local`` the node answers from its own copy of the cluster state, as a
    search must while a node is down and no cluster manager is elected."""
    meta = with_backoff(
        lambda: client.indices.get_mapping(index=address.name, params={"local": str(local).lower()})
    )
    version = meta[address.name]["mappings"].get("_meta", {}).get("newsgrep_mapping")
    if version != MAPPING_VERSION:
        raise IndexDamaged(
            f"the index {address} was not made by this version of newsgrep "
            f"(mapping {version}, expected {MAPPING_VERSION}); "
            f"rebuild it with: newsgrep index --rebuild --index {address} FOLDER"
        )


def ensure_index(client: OpenSearch, name: str, body: dict[str, Any]) -> None:
    """Create an index unless it exists (another machine may create it meanwhile)."""
    from opensearchpy.exceptions import RequestError

    if with_backoff(lambda: client.indices.exists(index=name)):
        return
    try:
        with_backoff(lambda: client.indices.create(index=name, body=body))
    except RequestError as err:
        if "resource_already_exists" not in str(err.error):
            raise


def read_counter(client: OpenSearch, address: ClusterAddress, name: str) -> int | None:
    found = with_backoff(lambda: client.get(index=files_index(address), id=name, ignore=[404]))
    return int(found["_source"]["value"]) if found.get("found") else None


def write_counter(client: OpenSearch, address: ClusterAddress, name: str, value: int) -> None:
    # "at": when it was written, for stats' "updated" (the index's last commit).
    body = {"kind": "meta", "value": value, "at": datetime.now(UTC).isoformat()}
    with_backoff(lambda: client.index(index=files_index(address), id=name, body=body))


def counter_written(client: OpenSearch, address: ClusterAddress, name: str) -> datetime | None:
    """When a counter was last written (local time), or None."""
    found = with_backoff(lambda: client.get(index=files_index(address), id=name, ignore=[404]))
    at = found.get("_source", {}).get("at") if found.get("found") else None
    return datetime.fromisoformat(at).astimezone() if at else None


def scan(client: OpenSearch, index: str, query: dict[str, Any], sort: str) -> Iterator[dict]:
    """Every matching document's ``_source``, in ``sort`` order, page by page."""
    after: list[Any] | None = None
    while True:
        body: dict[str, Any] = {"query": query, "sort": [{sort: "asc"}], "size": PAGE}
        if after is not None:
            body["search_after"] = after
        page = with_backoff(lambda: client.search(index=index, body=body))  # noqa: B023
        hits = page["hits"]["hits"]
        for hit in hits:
            yield hit["_source"]
        if len(hits) < PAGE:
            return
        after = hits[-1]["sort"]
