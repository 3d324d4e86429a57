"""Every failure newsgrep expects, and the exit statuses of the command line.

A :class:`NewsgrepError`'s message is one line for a person to read; the
command line prints it and exits with :attr:`ExitStatus.ERROR` (a missing
story with :attr:`ExitStatus.NOTHING`: like grep, "not found" is no error).
Anything else that escapes is a bug.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """grep's exit statuses, and the shell's for Ctrl-C."""

    FOUND = 0
    NOTHING = 1
    ERROR = 2
    INTERRUPTED = 130


class NewsgrepError(Exception):
    """An expected failure; the message is one line naming the problem."""

    exit_status = ExitStatus.ERROR


class QueryError(NewsgrepError, ValueError):
    """A query (or a filter option) that cannot be run."""


class IndexProblem(NewsgrepError):
    """The index cannot be used as asked; the message says what to do."""


class IndexMissing(IndexProblem):
    """No index at the given place; the message says how to make one."""


class IndexDamaged(IndexProblem):
    """Index files are missing or cannot be read; the message says how to rebuild."""


class ClusterUnreachable(IndexProblem):
    """The cluster holding the index cannot be reached, or refuses the request."""


class IndexBusy(IndexProblem):
    """Another indexer is writing this index."""

    def __init__(self, index_dir: object, pid: int | None, host: str = "") -> None:
        self.index_dir, self.pid, self.host = index_dir, pid, host
        where = f" on {host}" if host else ""
        who = f"another indexer (pid {pid}{where})" if pid else "another indexer"
        super().__init__(f"{who} is writing {index_dir}; wait for it or use --wait")


class IndexingFailed(NewsgrepError):
    """The indexing run hit an error it could not skip past."""


class StoryMissing(NewsgrepError, LookupError):
    """No story in the index under the path given."""

    exit_status = ExitStatus.NOTHING


class ManyStories(NewsgrepError, LookupError):
    """A path names a file of several stories where one story is needed."""


class Unreadable(NewsgrepError):
    """A whole file is skipped; the message is the one-line reason."""
