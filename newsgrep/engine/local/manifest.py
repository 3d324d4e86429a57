"""The file manifest of an index in a folder (engine.base.Manifest).

It lives next to the Whoosh files as an SQLite database, so that a re-run can
tell unchanged files (same size and modification time) from changed, new and
deleted ones without reading them. A file whose time or size changed is read
and hashed: if its content hash is the one on record, it is not re-indexed.

The manifest is written only after the Whoosh commit it describes has
succeeded, and it records that commit's generation. A crash in between leaves
it one generation behind; the next run then knows that files it calls new may
already have stories in the index and deletes those before adding them again.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType

from newsgrep.engine.base import FileState

MANIFEST_NAME = "manifest.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS roots (path TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    digest TEXT,
    stories INTEGER NOT NULL,
    checked_ns INTEGER NOT NULL,
    folder TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS files_by_folder ON files (folder);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER);
"""


class Manifest:
    """The manifest of one index folder (created on first use)."""

    def __init__(self, index_dir: str | os.PathLike) -> None:
        self._db = sqlite3.connect(Path(index_dir) / MANIFEST_NAME, isolation_level=None)
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.executescript(_SCHEMA)
        self._db.execute("CREATE TEMP TABLE IF NOT EXISTS seen (path TEXT PRIMARY KEY)")

    def close(self) -> None:
        self._db.close()

    def clear(self) -> None:
        """Forget every root and file (the index is being rebuilt)."""
        with self._transaction():
            self._db.execute("DELETE FROM roots")
            self._db.execute("DELETE FROM files")
            self._db.execute("DELETE FROM meta")

    def roots(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT path FROM roots ORDER BY path")]

    def add_roots(self, roots: Iterable[str]) -> None:
        with self._transaction():
            self._db.executemany("INSERT OR IGNORE INTO roots VALUES (?)", [(r,) for r in roots])

    def generation(self) -> int:
        """The index generation the manifest last described (-1: none)."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return row[0] if row else -1

    def empty(self) -> bool:
        return self._db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None

    def in_folder(self, folder: str) -> dict[str, FileState]:
        """What is on record for the files directly in one folder, by path.

        A re-run asks once per folder, not once per file.
        """
        rows = self._db.execute(
            "SELECT path, size, mtime_ns, digest, stories, checked_ns FROM files WHERE folder = ?",
            (folder,),
        )
        return {row[0]: FileState(*row) for row in rows}

    def mark_seen(self, paths: Iterable[str]) -> None:
        """Note files found on disk in this run (see :meth:`unseen`)."""
        self._db.executemany("INSERT OR IGNORE INTO seen VALUES (?)", [(p,) for p in paths])

    def unseen(self, roots: Iterable[str]) -> Iterator[str]:
        """Files on record under these roots that this run did not find on disk."""
        for root in roots:
            folder = root.rstrip(os.sep) + os.sep
            # Every path under the folder sorts between "folder/" and "folder/" + U+10FFFF.
            rows = self._db.execute(
                "SELECT path FROM files WHERE (path = ? OR (path >= ? AND path < ?))"
                " AND path NOT IN (SELECT path FROM seen)",
                (root, folder, folder + "\U0010ffff"),
            )
            yield from (row[0] for row in rows.fetchall())

    def record(
        self, states: Iterable[FileState], forgotten: Iterable[str], generation: int | None
    ) -> None:
        """After a successful index commit: what it now holds, in one transaction.
        With ``generation`` None, the generation on record stays as it was."""
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        s.path,
                        s.size,
                        s.mtime_ns,
                        s.digest,
                        s.stories,
                        s.checked_ns,
                        os.path.dirname(s.path),
                    )
                    for s in states
                ],
            )
            self._db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in forgotten])
            if generation is not None:
                self._db.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (generation,)
                )

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK when the block raises."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._db.execute("ROLLBACK" if kind else "COMMIT")
