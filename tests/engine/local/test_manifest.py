"""The SQLite manifest of an index folder: what it records, what it finds, its upgrade."""

from __future__ import annotations

import os
import sqlite3

from newsgrep.engine.base import FileState
from newsgrep.engine.local.manifest import MANIFEST_NAME, Manifest

DIGEST = "0123456789abcdef0123456789abcdef"


def state(path: str, stories: int = 1, digest: str | None = DIGEST) -> FileState:
    return FileState(path, 10, 20, digest, stories, 30)


def test_states_come_back_per_folder_and_gone_files_are_found(tmp_path):
    a, b, c = "/news/2001/a.txt", "/news/2001/b.txt", "/news/2002/c.txt"
    manifest = Manifest(tmp_path)
    manifest.record([state(a), state(b, 3, None), state(c)], (), 4)
    assert manifest.generation() == 4
    assert manifest.in_folder("/news/2001") == {a: state(a), b: state(b, 3, None)}
    assert manifest.in_folder("/elsewhere") == {}
    manifest.mark_seen([a])
    assert sorted(manifest.unseen(["/news"])) == [b, c]
    assert list(manifest.unseen(["/news/2002/c.txt"])) == [c]
    assert list(manifest.unseen(["/news/200"])) == []
    manifest.record((), [b], None)
    assert manifest.in_folder("/news/2001") == {a: state(a)}
    assert manifest.generation() == 4
    manifest.close()
    reopened = Manifest(tmp_path)
    assert reopened.in_folder("/news/2002") == {c: state(c)}
    reopened.clear()
    assert reopened.empty()


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
