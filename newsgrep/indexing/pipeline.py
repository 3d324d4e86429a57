"""Running the indexing work: in worker processes on every core, or inline.

The parent process walks the folders and feeds chunks of files to the
workers through a bounded queue (so the walk never runs far ahead and memory
stays flat); each worker reads, extracts, analyses and writes a segment of
its own. The parent commits each segment a worker flushes, together with the
manifest rows of the files it holds. Workers flush when their postings reach
a cap, and all of them every ``COMMIT_SECONDS``, so a long run commits as it
goes. Small runs skip the processes (starting them would cost more).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import queue
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from newsgrep.engine.base import Batch, IndexWriter, Manifest
from newsgrep.errors import IndexingFailed
from newsgrep.indexing.workers import (
    ChunkIndexer,
    FileOutcome,
    FileTask,
    Flushed,
    Progress,
    WorkerFailed,
    worker_main,
)
from newsgrep.model import IndexReport

# Workers flush (and the parent commits) at least this often; $NEWSGREP_COMMIT_SECONDS
# changes it, for very long runs on flaky machines, or for tests.
COMMIT_SECONDS = 300.0
CHUNK_FILES = 128
CHUNK_BYTES = 4 * 1024 * 1024


class Committer:
    """Commits flushed segments and, after each commit, the manifest."""

    def __init__(
        self, writer: IndexWriter, manifest: Manifest, report: IndexReport, recheck_new: bool
    ) -> None:
        self.writer, self.manifest, self.report = writer, manifest, report
        # After a crash between an index commit and its manifest update, "new"
        # files may already be in the index.
        self._recheck_new = recheck_new
        # Files shared out in parts: parts seen so far and their stories.
        self._parts: dict[str, tuple[int, int]] = {}

    def commit(self, flushed: Flushed) -> None:
        outcomes = flushed.outcomes
        forget = [
            o.state.path for o in outcomes if not o.unchanged and (o.known or self._recheck_new)
        ]
        if flushed.segment is not None or forget:
            add = [flushed.segment] if flushed.segment is not None else []
            self.writer.commit(add=add, forget_files=forget)
        whole = [w for w in map(self._whole_file, outcomes) if w is not None]
        # While a file's parts are still coming, the manifest keeps its old
        # generation: after a crash now, the next run rechecks new files, and
        # so removes the parts this run committed before indexing them again.
        generation = None if self._parts else self.writer.generation
        self.manifest.record([o.state for o in whole], (), generation)
        for outcome in whole:
            if outcome.unchanged:
                self.report.unchanged += 1
            elif outcome.state.stories:
                self.report.files += 1
                self.report.indexed += outcome.state.stories

    def _whole_file(self, outcome: FileOutcome) -> FileOutcome | None:
        """The outcome of a whole file: a part's once every part is in, else None."""
        if outcome.parts == 1:
            return outcome
        path, stories = outcome.state.path, outcome.state.stories
        seen, total = self._parts.pop(path, (0, 0))
        # An unchanged file's every part reports the stories on record.
        total = stories if outcome.unchanged else total + stories
        if seen + 1 < outcome.parts:
            self._parts[path] = (seen + 1, total)
            return None
        return replace(outcome, state=outcome.state._replace(stories=total))

    def forget(self, paths: list[str]) -> None:
        """Remove the stories of files that are gone from disk."""
        if paths:
            self.writer.commit(forget_files=paths)
            self.manifest.record((), paths, self.writer.generation)


def chunked(tasks: Iterable[tuple[FileTask, int]]) -> Iterator[list[FileTask]]:
    """Group (task, size) pairs into chunks of a few files or megabytes."""
    chunk: list[FileTask] = []
    size = 0
    for task, task_size in tasks:
        chunk.append(task)
        size += task_size
        # A part of a shared-out file is a chunk of its own, for a worker of its own.
        if len(chunk) >= CHUNK_FILES or size >= CHUNK_BYTES or task.parts > 1:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


@dataclass
class Work:
    """What a run hands either runner: how to make batches, who commits them,
    the source for files that name none, and where progress and Ctrl-C go."""

    make_batch: Callable[[], Batch]
    committer: Committer
    default_source: str
    on_progress: Callable[[Progress], None]
    stopping: Callable[[], bool]


def run_inline(chunks: Iterable[list[FileTask]], work: Work) -> None:
    """Index in this process, committing as workers would."""
    indexer = ChunkIndexer(work.make_batch, work.default_source)
    every = commit_seconds()
    last_commit = time.monotonic()
    for chunk in chunks:
        if work.stopping():
            break
        work.on_progress(indexer.index_chunk(chunk))
        if indexer.full() or time.monotonic() - last_commit > every:
            work.committer.commit(indexer.flush())
            last_commit = time.monotonic()
    work.committer.commit(indexer.flush())


def run_parallel(chunks: Iterator[list[FileTask]], jobs: int, work: Work) -> None:
    """Index in ``jobs`` worker processes, committing what they flush."""
    pool = _WorkerPool(jobs, work.make_batch, work.default_source)
    try:
        pool.feed_and_collect(chunks, work.committer, work.on_progress, work.stopping)
    finally:
        pool.close()


class _WorkerPool:
    def __init__(self, jobs: int, make_batch: Callable[[], Batch], default_source: str) -> None:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.jobs = jobs
        # Room for a few seconds of work, so that workers never wait while the
        # parent commits.
        self.tasks = context.Queue(maxsize=8 * jobs)
        self.results = context.Queue()
        self.flush_generation = context.RawValue("i", 0)
        self.stop = context.Event()
        args = (
            make_batch,
            default_source,
            os.getpid(),
            self.tasks,
            self.results,
            self.flush_generation,
            self.stop,
        )
        self.processes = [
            context.Process(target=worker_main, args=args, daemon=True) for _ in range(jobs)
        ]
        for process in self.processes:
            process.start()

    def feed_and_collect(
        self,
        chunks: Iterator[list[FileTask]],
        committer: Committer,
        on_progress: Callable[[Progress], None],
        stopping: Callable[[], bool],
    ) -> None:
        pending = next(chunks, None)
        finished = 0
        sentinels = 0
        every = commit_seconds()
        last_flush = time.monotonic()
        while finished < self.jobs:
            if stopping() and not self.stop.is_set():
                self.stop.set()
                pending = None
            if pending is not None:
                pending = self._offer(pending, chunks)
            elif sentinels < self.jobs:
                sentinels += self._offer_sentinel()
            if time.monotonic() - last_flush > every:
                self.flush_generation.value += 1
                last_flush = time.monotonic()
            finished += self._collect(committer, on_progress, wait=pending is None)
            self._check_alive(finished)

    def _offer(
        self, chunk: list[FileTask], chunks: Iterator[list[FileTask]]
    ) -> list[FileTask] | None:
        try:
            self.tasks.put(chunk, timeout=0.01)
        except queue.Full:
            return chunk
        return next(chunks, None)

    def _offer_sentinel(self) -> int:
        try:
            self.tasks.put(None, timeout=0.01)
        except queue.Full:
            return 0
        return 1

    def _collect(
        self, committer: Committer, on_progress: Callable[[Progress], None], wait: bool
    ) -> int:
        """Handle what workers sent; returns how many of them finished."""
        finished = 0
        timeout = 0.05 if wait else 0
        while True:
            try:
                message = (
                    self.results.get(timeout=timeout) if timeout else self.results.get_nowait()
                )
            except queue.Empty:
                return finished
            timeout = 0
            if message is None:
                finished += 1
            elif isinstance(message, Progress):
                on_progress(message)
            elif isinstance(message, Flushed):
                committer.commit(message)
            elif isinstance(message, WorkerFailed):
                raise IndexingFailed(message.message)

    def _check_alive(self, finished: int) -> None:
        dead = [p for p in self.processes if p.exitcode not in (None, 0)]
        if dead and finished < self.jobs:
            raise IndexingFailed(f"a worker process died (exit {dead[0].exitcode})")

    def close(self) -> None:
        for process in self.processes:
            if process.is_alive():
                process.terminate()
            process.join()


def commit_seconds() -> float:
    try:
        return float(os.environ.get("NEWSGREP_COMMIT_SECONDS", COMMIT_SECONDS))
    except ValueError:
        return COMMIT_SECONDS


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def peek(items: Iterator, count: int) -> tuple[list, Iterator]:
    """The first ``count`` items and an iterator over all of them."""
    first = list(itertools.islice(items, count))
    return first, itertools.chain(first, items)
