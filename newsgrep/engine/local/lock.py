"""One indexer per index: an advisory lock file in the index folder.

``flock`` is tied to the open file, so the operating system releases it when
the holder dies, even by ``kill -9``: a stale lock never blocks the next run.
The file holds the holder's pid, for the message the second indexer prints.
Searches take no lock: they read the last committed generation.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from newsgrep.engine.local.holder import LOCK_NAME, recorded_pid
from newsgrep.errors import IndexBusy

# The descriptor of the lock this process holds; forked workers close their
# copy, so that the lock goes when the process that took it goes.
held_fd: int | None = None


@contextmanager
def writer_lock(
    index_dir: str | os.PathLike,
    wait: bool = False,
    on_wait: Callable[[int | None], None] | None = None,
) -> Iterator[None]:
    """Hold the index's writer lock; raise IndexBusy, or wait when asked to."""
    global held_fd
    folder = Path(index_dir)
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, folder, wait, on_wait)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        held_fd = fd
        yield
    finally:
        held_fd = None
        os.close(fd)


def _acquire(
    fd: int, folder: Path, wait: bool, on_wait: Callable[[int | None], None] | None
) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        pid = recorded_pid(fd)
        if not wait:
            raise IndexBusy(folder, pid) from None
        if on_wait:
            on_wait(pid)
        fcntl.flock(fd, fcntl.LOCK_EX)


def release_inherited() -> None:
    """In a forked worker: drop the copy of the lock the parent holds."""
    global held_fd
    if held_fd is not None:
        os.close(held_fd)
        held_fd = None
