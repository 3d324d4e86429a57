"""The indexing work proper: read, extract and analyse files into segments.

A :class:`ChunkIndexer` turns files into stories in a segment of its own and
flushes that segment when asked, or when its postings reach a cap that keeps
memory bounded. The indexer runs one in each worker process (see
:func:`worker_main`), or one in its own process for small runs. Workers talk to
the parent through two queues: chunks of files in; progress notes, flushed
segments and a final ``None`` out.
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import os
import queue
import signal
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from newsgrep.engine.base import Batch, FileState
from newsgrep.engine.local.lock import release_inherited
from newsgrep.indexing.stories import read_articles
from newsgrep.indexing.walk import SkipHandler

if TYPE_CHECKING:  # the worker's shared objects, for their types only
    from ctypes import c_int
    from multiprocessing.queues import Queue
    from multiprocessing.synchronize import Event


class FileTask(NamedTuple):
    """A file to (re-)index, as the walk saw it, and what the manifest knew of it.

    The walk's size and time are what the manifest records: taken before the
    file is read, so a change made meanwhile shows on the next run. (A tuple:
    chunks of these are pickled to the workers.)
    """

    path: str
    size: int
    mtime_ns: int
    checked_ns: int
    known: FileState | None = None
    part: int = 0  # a big multi-story file is shared out in parts (read_articles)
    parts: int = 1


def files_in(chunk: list[FileTask]) -> int:
    """Files a chunk holds, each counted once however many parts it is in."""
    return sum(1 for task in chunk if task.part == 0)


@dataclass
class FileOutcome:
    state: FileState  # of a part: its own stories
    known: bool
    unchanged: bool
    parts: int = 1


@dataclass
class Progress:
    """A chunk done: files, stories, and the files skipped with their reasons."""

    files: int
    stories: int
    skipped: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Flushed:
    """A finished segment (None if no story was added) and the files it answers for."""

    segment: object | None
    outcomes: list[FileOutcome]


@dataclass
class WorkerFailed:
    message: str


# What a worker sends the parent; None when it has finished.
WorkerMessage = Progress | Flushed | WorkerFailed | None


class ChunkIndexer:
    """Indexes files into one segment at a time."""

    def __init__(self, make_batch: Callable[[], Batch], default_source: str = "") -> None:
        self._make_batch = make_batch
        self._default_source = default_source
        self._batch: Batch | None = None
        self._outcomes: list[FileOutcome] = []

    def index_file(self, task: FileTask, on_skip: SkipHandler) -> int:
        """Index one file (unless its content is as on record); returns its stories."""
        # A file in parts says why it is skipped once, in its first part.
        on_skip = on_skip if task.part == 0 else _quiet
        try:
            digest = _digest(task.path)
        except OSError as err:
            # Not recorded: the next run tries again (permissions may be fixed).
            on_skip(task.path, err.strerror or str(err))
            return 0
        unchanged = task.known is not None and task.known.digest == digest
        articles = (
            []
            if unchanged
            else read_articles(
                Path(task.path), self._default_source, on_skip, task.part, task.parts
            )
        )
        if articles:
            if self._batch is None:
                self._batch = self._make_batch()
            for article in articles:
                self._batch.add(article, task.path)
        stories = task.known.stories if unchanged and task.known is not None else len(articles)
        state = FileState(task.path, task.size, task.mtime_ns, digest, stories, task.checked_ns)
        self._outcomes.append(FileOutcome(state, task.known is not None, unchanged, task.parts))
        return 0 if unchanged else len(articles)

    def index_chunk(self, chunk: list[FileTask]) -> Progress:
        """Index a chunk's files; what was done, and what skipped and why."""
        skipped: list[tuple[str, str]] = []
        on_skip = noting_skips(skipped)
        stories = sum(self.index_file(task, on_skip) for task in chunk)
        return Progress(files_in(chunk), stories, skipped)

    def full(self) -> bool:
        return self._batch is not None and self._batch.full()

    def flush(self) -> Flushed:
        """Finish the batch so far; the parent commits it with the outcomes."""
        segment = self._batch.finish() if self._batch else None
        flushed = Flushed(segment, self._outcomes)
        self._batch, self._outcomes = None, []
        gc.collect()
        return flushed

    def cancel(self) -> None:
        if self._batch:
            self._batch.cancel()
        self._batch, self._outcomes = None, []


def _quiet(path: str, reason: str) -> None:
    """A skip handler that says nothing."""


def noting_skips(skipped: list[tuple[str, str]]) -> SkipHandler:
    """A skip handler that notes each (path, reason) in ``skipped``."""
    return lambda path, reason: skipped.append((path, reason))


def gc_off_between_flushes() -> None:
    """Turn off the cyclic garbage collector; each flush collects instead.

    A segment in the making holds millions of small lists and tuples, and
    the collector kept walking them all: 15% of indexing time on Reuters.
    The indexing code makes no reference cycles of its own.
    """
    gc.disable()


def _digest(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.blake2b(f.read(), digest_size=16).hexdigest()


def worker_main(
    make_batch: Callable[[], Batch],
    default_source: str,
    parent: int,
    tasks: Queue[list[FileTask] | None],
    results: Queue[WorkerMessage],
    flush_generation: c_int,
    stop: Event,
) -> None:
    """A worker process: index chunks until the parent sends None."""
    _become_worker()
    indexer = ChunkIndexer(make_batch, default_source)
    seen_generation = flush_generation.value
    try:
        while (chunk := _next_chunk(tasks, parent)) is not None:
            if stop.is_set():
                continue  # interrupted: drain the queue, keep what is done
            results.put(indexer.index_chunk(chunk))
            if indexer.full() or flush_generation.value != seen_generation:
                seen_generation = flush_generation.value
                results.put(indexer.flush())
        results.put(indexer.flush())
    except BaseException:  # noqa: BLE001 - reported to the parent, which stops the run
        indexer.cancel()
        results.put(WorkerFailed(traceback.format_exc(limit=-3).strip().splitlines()[-1]))
    results.put(None)


def _next_chunk(tasks: Queue[list[FileTask] | None], parent: int) -> list[FileTask] | None:
    """The next chunk, or None when the parent says so or is gone."""
    while True:
        try:
            return tasks.get(timeout=1.0)
        except queue.Empty:
            if os.getppid() != parent:
                return None


def _become_worker() -> None:
    """Ctrl-C is the parent's to handle; the lock is the parent's; die with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc_off_between_flushes()
    release_inherited()
    _die_with_parent()


def _die_with_parent() -> None:
    """Linux: have the kernel kill this worker when the indexer dies (even by kill -9)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # elsewhere the worker notices its parent is gone while it waits
