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
# Sorts after every path under a folder ("folder/" + this).
LAST_CHARACTER = "\U0010ffff"
# A file is kept as its folder's number and its name, its digest as 16 bytes,
# in a table keyed by both (no rowid): a path is stored once, not three times
# (row, primary key index, folder index) as the first layout did, 58 MB for
# 106,000 files.
_FILES = """
CREATE TABLE IF NOT EXISTS folders (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS entries (
    folder INTEGER NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    digest BLOB,
    stories INTEGER NOT NULL,
    checked_ns INTEGER NOT NULL,
    PRIMARY KEY (folder, name)
) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS seen (path TEXT PRIMARY KEY);
"""
_ROOTS_AND_META = """
CREATE TABLE IF NOT EXISTS roots (path TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER);
"""
_STATE = "size, mtime_ns, digest, stories, checked_ns"


class FileTable:
    """The files on record and the files this run saw, in one SQLite
    database: the whole manifest of an index folder, and the local copy of
    the records of an index on a cluster (engine/opensearch/manifest.py),
    so that both answer the run's questions with the same queries."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.db.executescript(_FILES)
        self._folders: dict[str, int] = {}

    def clear(self) -> None:
        for table in ("entries", "folders"):
            self.db.execute(f"DELETE FROM {table}")  # noqa: S608 - our own names
        self._folders.clear()

    def empty(self) -> bool:
        return self.db.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is None

    def in_folder(self, folder: str) -> dict[str, FileState]:
        """What is on record for the files directly in one folder, by path.

        A re-run asks once per folder, not once per file.
        """
        number = self._folder_number(folder, create=False)
        if number is None:
            return {}
        rows = self.db.execute(f"SELECT name, {_STATE} FROM entries WHERE folder = ?", (number,))
        states = (_state(os.path.join(folder, row[0]), row[1:]) for row in rows)
        return {state.path: state for state in states}

    def mark_seen(self, paths: Iterable[str]) -> None:
        """Note files found on disk in this run (see :meth:`unseen`)."""
        self.db.executemany("INSERT OR IGNORE INTO seen VALUES (?)", [(p,) for p in paths])

    def unseen(self, roots: Iterable[str]) -> Iterator[str]:
        """Files on record under these roots that this run did not find on disk."""
        for root in roots:
            folder = root.rstrip(os.sep) + os.sep
            # Every path under the folder sorts between "folder/" and "folder/" + U+10FFFF.
            rows = self.db.execute(
                "SELECT path FROM (SELECT rtrim(folders.path, ?) || ? || entries.name AS path"
                " FROM folders JOIN entries ON entries.folder = folders.id"
                " WHERE folders.path = ? OR folders.path = ?"
                " OR (folders.path >= ? AND folders.path < ?))"
                " WHERE (path = ? OR (path >= ? AND path < ?))"
                " AND path NOT IN (SELECT path FROM seen)",
                (os.sep, os.sep, root, os.path.dirname(root), folder, folder + LAST_CHARACTER)
                + (root, folder, folder + LAST_CHARACTER),
            )
            yield from (row[0] for row in rows.fetchall())

    def write(self, states: Iterable[FileState]) -> None:
        self.db.executemany(
            f"INSERT OR REPLACE INTO entries (folder, name, {_STATE}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    self._folder_number(os.path.dirname(s.path)),
                    os.path.basename(s.path),
                    s.size,
                    s.mtime_ns,
                    _packed(s.digest),
                    s.stories,
                    s.checked_ns,
                )
                for s in states
            ],
        )

    def forget(self, paths: Iterable[str]) -> None:
        for path in paths:
            number = self._folder_number(os.path.dirname(path), create=False)
            self.db.execute(
                "DELETE FROM entries WHERE folder = ? AND name = ?",
                (number, os.path.basename(path)),
            )

    def _folder_number(self, folder: str, create: bool = True) -> int | None:
        """The folder's number in the folders table (made on first use, if ``create``)."""
        number = self._folders.get(folder)
        if number is None:
            row = self.db.execute("SELECT id FROM folders WHERE path = ?", (folder,)).fetchone()
            if row is None and not create:
                return None
            if row is None:
                row = (
                    self.db.execute("INSERT INTO folders (path) VALUES (?)", (folder,)).lastrowid,
                )
            number = self._folders[folder] = row[0]
        return number

    def transaction(self) -> _Transaction:
        # Folder numbers are looked up afresh: a rolled-back insert leaves none.
        self._folders.clear()
        return _Transaction(self.db)


class Manifest:
    """The manifest of one index folder (created on first use): its file
    table, the roots and the generation it describes."""

    def __init__(self, index_dir: str | os.PathLike) -> None:
        db = sqlite3.connect(Path(index_dir) / MANIFEST_NAME, isolation_level=None)
        db.execute("PRAGMA synchronous = NORMAL")
        db.executescript(_ROOTS_AND_META)
        self._files = FileTable(db)
        self._db = db
        self._upgrade()

    def _upgrade(self) -> None:
        """A manifest of the first layout (one ``files`` table) moved to this one."""
        found = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'files'"
        if self._db.execute(found).fetchone() is None:
            return
        rows = self._db.execute(
            "SELECT path, size, mtime_ns, digest, stories, checked_ns FROM files"
        )
        old = [FileState(*row) for row in rows]
        with self._files.transaction():
            self._files.write(old)
            self._db.execute("DROP TABLE files")
        self._db.execute("VACUUM")

    def close(self) -> None:
        self._db.close()

    def clear(self) -> None:
        """Forget every root and file (the index is being rebuilt)."""
        with self._files.transaction():
            self._files.clear()
            for table in ("roots", "meta"):
                self._db.execute(f"DELETE FROM {table}")  # noqa: S608 - our own names

    def roots(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT path FROM roots ORDER BY path")]

    def add_roots(self, roots: Iterable[str]) -> None:
        with self._files.transaction():
            self._db.executemany("INSERT OR IGNORE INTO roots VALUES (?)", [(r,) for r in roots])

    def generation(self) -> int:
        """The index generation the manifest last described (-1: none)."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return row[0] if row else -1

    def empty(self) -> bool:
        return self._files.empty()

    def in_folder(self, folder: str) -> dict[str, FileState]:
        return self._files.in_folder(folder)

    def mark_seen(self, paths: Iterable[str]) -> None:
        self._files.mark_seen(paths)

    def unseen(self, roots: Iterable[str]) -> Iterator[str]:
        return self._files.unseen(roots)

    def record(
        self, states: Iterable[FileState], forgotten: Iterable[str], generation: int | None
    ) -> None:
        """After a successful index commit: what it now holds, in one transaction.
        With ``generation`` None, the generation on record stays as it was."""
        with self._files.transaction():
            self._files.write(states)
            self._files.forget(forgotten)
            if generation is not None:
                self._db.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (generation,)
                )


def _state(path: str, row: tuple) -> FileState:
    size, mtime_ns, digest, stories, checked_ns = row
    if isinstance(digest, bytes):
        digest = digest.hex()
    return FileState(path, size, mtime_ns, digest, stories, checked_ns)


def _packed(digest: str | None) -> bytes | str | None:
    """A hex digest as its bytes, half the size; anything else as it is."""
    if digest is None:
        return None
    try:
        packed = bytes.fromhex(digest)
    except ValueError:
        return digest
    return packed if packed.hex() == digest else digest  # it reads back as it was


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
