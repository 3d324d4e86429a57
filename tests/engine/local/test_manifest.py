"""The SQLite manifest of an index folder: its upgrade from the first layout.
(What every engine's manifest records and finds: tests/conformance/test_writing.py.)"""

from __future__ import annotations

import os
import sqlite3

from newsgrep.engine.base import FileState
from newsgrep.engine.local.manifest import MANIFEST_NAME, Manifest

DIGEST = "0123456789abcdef0123456789abcdef"


def state(path: str, stories: int = 1, digest: str | None = DIGEST) -> FileState:
    return FileState(path, 10, 20, digest, stories, 30)


def test_a_manifest_of_the_first_layout_is_upgraded(tmp_path):
    old = sqlite3.connect(tmp_path / MANIFEST_NAME)
    old.executescript(
        "CREATE TABLE roots (path TEXT PRIMARY KEY);"
        "CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL,"
        " mtime_ns INTEGER NOT NULL, digest TEXT, stories INTEGER NOT NULL,"
        " checked_ns INTEGER NOT NULL, folder TEXT NOT NULL);"
        "CREATE INDEX files_by_folder ON files (folder);"
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER);"
        "INSERT INTO meta VALUES ('generation', 7);"
    )
    path = os.path.join(str(tmp_path), "a.txt")
    old.execute("INSERT INTO files VALUES (?, 10, 20, ?, 1, 30, ?)", (path, DIGEST, str(tmp_path)))
    old.commit()
    old.close()
    manifest = Manifest(tmp_path)
    assert manifest.generation() == 7
    assert manifest.in_folder(str(tmp_path)) == {path: state(path)}
    tables = {row[0] for row in manifest._db.execute("SELECT name FROM sqlite_master")}
    assert "files" not in tables
