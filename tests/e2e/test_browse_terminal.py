"""`newsgrep browse` in a real terminal (a pseudo-terminal): it draws the
list, and `q` ends it with exit status 0."""

from __future__ import annotations

import os
import select
import sys
import time

import pytest

pty = pytest.importorskip("pty")  # POSIX only

pytestmark = pytest.mark.slow


def read_until(fd: int, wanted: bytes, seconds: float) -> bytes:
    """What the program drew until ``wanted`` shows, or the time is up, or it ended."""
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the program ended: its side of the terminal is closed
                break
            if not chunk:
                break
            seen += chunk
    return seen


def test_browse_draws_the_list_and_q_quits_with_status_0(corpus_index):
    pid, fd = pty.fork()
    if pid == 0:  # the child: newsgrep browse on the terminal
        os.environ.update(TERM="xterm-256color", COLUMNS="120", LINES="40")
        args = ["-m", "newsgrep", "browse", "NATO membership", "--index", str(corpus_index)]
        os.execv(sys.executable, [sys.executable, *args])
    try:
        assert b"Interested In NATO" in read_until(fd, b"Interested In NATO", 30)
        os.write(fd, b"q")
        read_until(fd, b"\0never\0", 10)  # until it ends
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0
