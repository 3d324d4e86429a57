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
on disk in this run.
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

_LOCAL_SCHEMA = """
CREATE TABLE seen (path TEXT PRIMARY KEY);
CREATE TABLE files (
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, digest TEXT,
    stories INTEGER, checked_ns INTEGER, folder TEXT
);
CREATE INDEX files_by_folder ON files (folder);
"""
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
        self._local = sqlite3.connect("", isolation_level=None)
        self._local.executescript(_LOCAL_SCHEMA)
        self._generation: int | None = None  # as last read or written
        self._run_roots: list[str] = []  # this run's, once it names them
        self._fetched = False
        with cluster_errors(address):
            ensure_files_index(client, address)

    def close(self) -> None:
        self._local.close()

    def clear(self) -> None:
        query = {"terms": {"kind": ["file", "root"]}}
        with cluster_errors(self._address):
            self._delete_where(query)
            self._client.delete(index=self._index, id=MANIFEST_GENERATION, ignore=[404])
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
        if not self._fetched:
            self._fetch_run_roots()
        rows = self._local.execute(
            "SELECT path, size, mtime_ns, digest, stories, checked_ns FROM files WHERE folder = ?",
            (folder,),
        )
        return {row[0]: FileState(*row) for row in rows}

    def mark_seen(self, paths: Iterable[str]) -> None:
        self._local.executemany("INSERT OR IGNORE INTO seen VALUES (?)", [(p,) for p in paths])

    def unseen(self, roots: Iterable[str]) -> Iterator[str]:
        for root in roots:
            for doc in self._all(_files(_under(root))):
                if not self._was_seen(doc["path"]):
                    yield doc["path"]

    def _was_seen(self, path: str) -> bool:
        row = self._local.execute("SELECT 1 FROM seen WHERE path = ?", (path,)).fetchone()
        return row is not None

    def _fetch_run_roots(self) -> None:
        """Every record under the run's roots, into the local database."""
        for root in self._run_roots:
            rows = (
                (*_state(doc), os.path.dirname(doc["path"]))
                for doc in self._all(_files(_under(root)))
            )
            self._local.executemany("INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?,?)", rows)
        self._fetched = True

    def record(
        self, states: Iterable[FileState], forgotten: Iterable[str], generation: int | None
    ) -> None:
        docs: list[tuple[str, dict[str, Any]]] = [(f"file:{s.path}", _record(s)) for s in states]
        if generation is not None and generation != self._generation:
            docs.append((MANIFEST_GENERATION, {"kind": "meta", "value": generation}))
        deleted = [f"file:{p}" for p in forgotten]
        if docs or deleted:  # an unchanged re-run writes nothing
            self._write(docs, deleted)
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
