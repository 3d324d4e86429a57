"""The file manifest of an index on a cluster (engine.base.Manifest), kept in
the cluster so that any machine can update the archive.

Documents in the companion index ``NAME-newsgrep-files``: one per file
(``kind: file``, its path, folder, size, time, digest, stories), one per
root (``kind: root``) and the generation it last described (store.py). Each
write is refreshed at once: the next question, or the next run on another
machine, sees it.

A run asks what is on record folder by folder as it walks: one query per
folder would cost a re-run of 10,000 folders minutes. So the records under
the run's roots are fetched at the first question, in pages of thousands,
into a private temporary SQLite database (on disk, deleted at the end, so
memory stays flat however big the archive), which also notes the files seen
on disk in this run: the folder manifest's own file table
(engine/local/manifest.py's FileTable), asked the same questions.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsgrep.engine.base import FileState
from newsgrep.engine.local.manifest import LAST_CHARACTER, FileTable
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


class ClusterManifest:
    """The manifest of one index on a cluster (created on first use)."""

    def __init__(self, client: OpenSearch, address: ClusterAddress) -> None:
        self._client, self._address = client, address
        self._index = files_index(address)
        # "": SQLite's private temporary database, deleted when closed.
        self._local = FileTable(sqlite3.connect("", isolation_level=None))
        self._generation: int | None = None  # as last read or written
        self._run_roots: list[str] = []  # this run's, once it names them
        self._fetched: set[str] = set()  # roots whose records are in _local
        with cluster_errors(address):
            ensure_files_index(client, address)

    def close(self) -> None:
        self._local.db.close()

    def clear(self) -> None:
        query = {"terms": {"kind": ["file", "root"]}}
        with cluster_errors(self._address):
            self._delete_where(query)
            self._client.delete(index=self._index, id=MANIFEST_GENERATION, ignore=[404])
        self._local.clear()
        self._generation = -1

    def roots(self) -> list[str]:
        return sorted(doc["path"] for doc in self._all({"term": {"kind": "root"}}))

    def add_roots(self, roots: Iterable[str]) -> None:
        known = set(self.roots())
        docs = [(f"root:{r}", {"kind": "root", "path": r}) for r in roots if r not in known]
        if docs:
            self._write(docs, ())
        self._run_roots = [r.rstrip(os.sep) for r in roots]

    def generation(self) -> int:
        with cluster_errors(self._address):
            known = read_counter(self._client, self._address, MANIFEST_GENERATION)
        self._generation = -1 if known is None else known
        return self._generation

    def empty(self) -> bool:
        with cluster_errors(self._address):
            answer = with_backoff(
                lambda: self._client.count(
                    index=self._index, body={"query": {"term": {"kind": "file"}}}
                )
            )
        return int(answer["count"]) == 0

    def in_folder(self, folder: str) -> dict[str, FileState]:
        if not any(_inside(folder, root) for root in self._run_roots):
            query = _files({"term": {"folder": folder}})
            return {doc["path"]: _state(doc) for doc in self._all(query)}
        self._fetch(self._run_roots)
        return self._local.in_folder(folder)

    def mark_seen(self, paths: Iterable[str]) -> None:
        self._local.mark_seen(paths)

    def unseen(self, roots: Iterable[str]) -> Iterator[str]:
        roots = list(roots)
        self._fetch(roots)
        return self._local.unseen(roots)

    def _fetch(self, roots: Iterable[str]) -> None:
        """Every record under these roots, into the local table (once per root)."""
        for root in roots:
            if root not in self._fetched:
                with self._local.transaction():
                    self._local.write(_state(doc) for doc in self._all(_files(_under(root))))
                self._fetched.add(root)

    def record(
        self, states: Iterable[FileState], forgotten: Iterable[str], generation: int | None
    ) -> None:
        states, forgotten = list(states), list(forgotten)
        docs: list[tuple[str, dict[str, Any]]] = [(f"file:{s.path}", _record(s)) for s in states]
        if generation is not None and generation != self._generation:
            docs.append((MANIFEST_GENERATION, {"kind": "meta", "value": generation}))
        deleted = [f"file:{p}" for p in forgotten]
        if docs or deleted:  # an unchanged re-run writes nothing
            self._write(docs, deleted)
        with self._local.transaction():  # the local copy in step with the records
            self._local.write(states)
            self._local.forget(forgotten)
        if generation is not None:
            self._generation = generation

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


def _inside(folder: str, root: str) -> bool:
    return folder == root or folder.startswith(root + os.sep)


def _under(root: str) -> dict[str, Any]:
    """The records of ``root`` itself (a file) or of any file under it (a folder)."""
    folder = root.rstrip(os.sep) + os.sep
    return {
        "bool": {
            "should": [
                {"term": {"path": root}},
                {"range": {"path": {"gte": folder, "lt": folder + LAST_CHARACTER}}},
            ],
            "minimum_should_match": 1,
        }
    }


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
