"""Who holds an index's writer lock, read without taking it: a search, stats
or browse says that an indexer is writing (lock.py takes the lock). Kept
apart from lock.py so that a search's start pays for a file read only."""

from __future__ import annotations

import os
from pathlib import Path

from newsgrep.errors import IndexBusy

LOCK_NAME = "writer.lock"


def recorded_pid(fd: int) -> int | None:
    """The pid the last holder wrote into the lock file; None if none."""
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else None


def writer_busy(index_dir: str | os.PathLike) -> IndexBusy | None:
    """The indexer writing the index now, or None; takes no lock a writer
    could find held. Only a live recorded holder is probed: a shared lock
    tried for an instant fails while an indexer holds its exclusive one."""
    path = Path(index_dir) / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        pid = recorded_pid(fd)
        if pid is None or pid == os.getpid() or not alive(pid):
            return None
        import fcntl  # here: most indexes have no live holder to probe

        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return IndexBusy(Path(index_dir), pid)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def alive(pid: object) -> bool:
    """Whether a process of this pid runs on this machine."""
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive
    return True
