"""The file manifest of an index on a cluster (engine.base.Manifest), kept in
the cluster so that any machine can update the archive.

Documents in the companion index ``NAME-newsgrep-files``: one per file
(``kind: file``, its path, folder, size, time, digest, stories), one per
root (``kind: root``) and the generation it last described (store.py). Each
write is refreshed at once: the next question, or the next run on another
machine, sees it. The files seen on disk in this run are noted in a
private temporary SQLite database (on disk, as the folder manifest keeps
them), so that memory stays flat however many files an archive holds.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsgrep.engine.base import FileState
from newsgrep.engine.opensearch.client import ClusterAddress, cluster_errors, with_backoff
from newsgrep.engine.opensearch.store import (
    MANIFEST_GENERATION,
    document_id,
    ensure_files_index,
    files_index,
    read_counter,
    scan,
)
from newsgrep.errors import IndexingFailed

if TYPE_CHECKING:
    from opensearchpy import OpenSearch

# Records written per bulk request.
RECORDS_PER_REQUEST = 2000
# Sorts after every path under a folder ("folder/" + this).
LAST_CHARACTER = "\U0010ffff"


class ClusterManifest:
    """The manifest of one index on a cluster (created on first use)."""

    def __init__(self, client: OpenSearch, address: ClusterAddress) -> None:
        self._client, self._address = client, address
        self._index = files_index(address)
        # "": SQLite's private temporary database, deleted when closed.
        self._seen = sqlite3.connect("", isolation_level=None)
        self._seen.execute("CREATE TABLE seen (path TEXT PRIMARY KEY)")
        with cluster_errors(address):
            ensure_files_index(client, address)

    def close(self) -> None:
        self._seen.close()

    def clear(self) -> None:
        query = {"terms": {"kind": ["file", "root"]}}
        with cluster_errors(self._address):
            self._delete_where(query)
            self._client.delete(index=self._index, id=MANIFEST_GENERATION, ignore=[404])

    def roots(self) -> list[str]:
        return sorted(doc["path"] for doc in self._all({"term": {"kind": "root"}}))

    def add_roots(self, roots: Iterable[str]) -> None:
        docs = [(f"root:{r}", {"kind": "root", "path": r}) for r in roots]
        self._write(docs, ())

    def generation(self) -> int:
        with cluster_errors(self._address):
            known = read_counter(self._client, self._address, MANIFEST_GENERATION)
        return -1 if known is None else known

    def empty(self) -> bool:
        with cluster_errors(self._address):
            answer = with_backoff(
                lambda: self._client.count(
                    index=self._index, body={"query": {"term": {"kind": "file"}}}
                )
            )
        return int(answer["count"]) == 0

    def in_folder(self, folder: str) -> dict[str, FileState]:
        query = _files({"term": {"folder": folder}})
        return {doc["path"]: _state(doc) for doc in self._all(query)}

    def mark_seen(self, paths: Iterable[str]) -> None:
        self._seen.executemany("INSERT OR IGNORE INTO seen VALUES (?)", [(p,) for p in paths])

    def unseen(self, roots: Iterable[str]) -> Iterator[str]:
        for root in roots:
            folder = root.rstrip(os.sep) + os.sep
            under = {
                "bool": {
                    "should": [
                        {"term": {"path": root}},
                        {"range": {"path": {"gte": folder, "lt": folder + LAST_CHARACTER}}},
                    ],
                    "minimum_should_match": 1,
                }
            }
            for doc in self._all(_files(under)):
                if not self._was_seen(doc["path"]):
                    yield doc["path"]

    def _was_seen(self, path: str) -> bool:
        row = self._seen.execute("SELECT 1 FROM seen WHERE path = ?", (path,)).fetchone()
        return row is not None

    def record(
        self, states: Iterable[FileState], forgotten: Iterable[str], generation: int | None
    ) -> None:
        docs: list[tuple[str, dict[str, Any]]] = [(f"file:{s.path}", _record(s)) for s in states]
        if generation is not None:
            docs.append((MANIFEST_GENERATION, {"kind": "meta", "value": generation}))
        self._write(docs, [f"file:{p}" for p in forgotten])

    def _all(self, query: dict[str, Any]) -> Iterator[dict[str, Any]]:
        with cluster_errors(self._address):
            yield from scan(self._client, self._index, query, "path")

    def _write(self, docs: list[tuple[str, dict[str, Any]]], deleted: Iterable[str]) -> None:
        """Index and delete records in bulk, refreshed: visible to the next question."""
        actions: list[dict[str, Any]] = []
        for key, doc in docs:
            actions += [{"index": {"_index": self._index, "_id": document_id(key)}}, doc]
        actions += [{"delete": {"_index": self._index, "_id": document_id(key)}} for key in deleted]
        with cluster_errors(self._address):
            for start in range(0, len(actions), 2 * RECORDS_PER_REQUEST):
                chunk = actions[start : start + 2 * RECORDS_PER_REQUEST]
                answer = with_backoff(lambda: self._client.bulk(body=chunk))  # noqa: B023
                _check(answer)
            with_backoff(lambda: self._client.indices.refresh(index=self._index))

    def _delete_where(self, query: dict[str, Any]) -> None:
        with_backoff(
            lambda: self._client.delete_by_query(
                index=self._index,
                body={"query": query},
                params={"conflicts": "proceed", "refresh": "true"},
            )
        )


def _files(query: dict[str, Any]) -> dict[str, Any]:
    return {"bool": {"filter": [{"term": {"kind": "file"}}, query]}}


def _record(state: FileState) -> dict[str, Any]:
    return {"kind": "file", "folder": os.path.dirname(state.path), **state._asdict()}


def _state(doc: dict[str, Any]) -> FileState:
    return FileState(*(doc[name] for name in FileState._fields))


def _check(answer: dict[str, Any]) -> None:
    """A manifest write that failed in part must not pass for done."""
    if not answer.get("errors"):
        return
    for item in answer["items"]:
        result = next(iter(item.values()))
        if result.get("status", 200) >= 300 and result.get("status") != 404:
            reason = (result.get("error") or {}).get("reason", "refused")
            raise IndexingFailed(f"the manifest could not be written: {reason}")
