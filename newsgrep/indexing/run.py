"""An indexing run: bring the index up to date with files and folders.

Walk the paths, find what is new or changed (the manifest), have the
pipeline read, extract and write it through the engine's writer, remove what
is gone, and keep Ctrl-C and kill -9 from corrupting anything.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from newsgrep.engine import ClusterAddress, open_engine
from newsgrep.engine.base import Engine, Manifest
from newsgrep.indexing import names, pipeline
from newsgrep.indexing.walk import SkipHandler, walk_files
from newsgrep.indexing.workers import FileTask
from newsgrep.model import IndexReport
from newsgrep.readers import may_hold_many_stories


def index_paths(
    paths: Iterable[str | os.PathLike],
    index_dir: str | os.PathLike | ClusterAddress,
    *,
    default_source: str = "",
    rebuild: bool = False,
    jobs: int | None = None,
    wait: bool = False,
    on_skip: SkipHandler | None = None,
    on_files: Callable[[int], None] | None = None,
    on_wait: Callable[[int | None], None] | None = None,
) -> IndexReport:
    """Bring the index up to date with files and folders (all known roots if none).

    New files are added, changed ones re-indexed, deleted ones removed;
    unchanged files are not read. ``on_files(n)`` reports files checked.
    Raises :class:`newsgrep.errors.IndexBusy` when another indexer holds the
    index (unless ``wait``). Ctrl-C ends the run early with what was
    committed kept (``report.interrupted``).
    """
    started = time.perf_counter()
    report = IndexReport()
    engine = open_engine(index_dir)
    with engine.writer_lock(wait=wait, on_wait=on_wait), _ctrl_c_stops() as stopping:
        _run(
            paths,
            engine,
            report,
            _Options(default_source, rebuild, jobs, on_skip, on_files, stopping),
        )
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class _Options:
    default_source: str
    rebuild: bool
    jobs: int | None
    on_skip: SkipHandler | None
    on_files: Callable[[int], None] | None
    stopping: Callable[[], bool]


def _run(
    paths: Iterable[str | os.PathLike], engine: Engine, report: IndexReport, options: _Options
) -> None:
    writer = engine.open_writer(rebuild=options.rebuild)
    manifest = engine.manifest()
    try:
        if options.rebuild:
            manifest.clear()
        roots = [str(Path(p).absolute()) for p in paths] or manifest.roots()
        manifest.add_roots(roots)
        committer = pipeline.Committer(
            writer, manifest, report, recheck_new=manifest.generation() != writer.generation
        )
        # A fresh index (or a rebuild) has nothing on record to look up or remove.
        fresh = manifest.empty()

        def progress(done: pipeline.Progress) -> None:
            for path, reason in done.skipped:
                _skip(report, options, path, reason)
            if options.on_files:
                options.on_files(done.files)

        jobs = options.jobs or pipeline.default_jobs()
        parts = max(jobs, INLINE_CHUNKS) if jobs > 1 else 1
        here = _roots_here(roots, report, options)
        tasks = _changed_files(here, None if fresh else manifest, report, options, parts)
        first, chunks = pipeline.peek(pipeline.chunked(tasks), INLINE_CHUNKS)
        work = pipeline.Work(
            writer.batch_maker(), committer, options.default_source, progress, options.stopping
        )
        if jobs > 1 and len(first) >= INLINE_CHUNKS:
            report.jobs = jobs
            pipeline.run_parallel(chunks, jobs, work)
        else:
            pipeline.run_inline(chunks, work)
        if options.stopping():
            report.interrupted = True
            return
        if not fresh:
            gone = list(manifest.unseen(here))
            committer.forget(gone)
            report.removed = len(gone)
        report.merged = writer.merge()
        if report.merged:
            manifest.record((), (), writer.generation)  # in step with the index again
        if report.indexed or report.removed:
            names.refresh(engine)
    finally:
        manifest.close()


def _roots_here(roots: list[str], report: IndexReport, options: _Options) -> list[str]:
    """The roots this machine has. A root missing altogether is an unmounted
    disk or, for an index on a cluster, another machine's folder: its files
    are not taken for deleted (that would remove every story of it)."""
    here = []
    for root in roots:
        if os.path.lexists(root):
            here.append(root)
        else:
            _skip(report, options, root, "not found here: its stories stay in the index")
    return here


# Fewer chunks than this to index: one process does it (workers cost more to start).
INLINE_CHUNKS = 4
# A multi-story file this big is shared out among the workers in parts: one
# 37,554-story .jsonl.gz took 220 s on one core while the other idled.
SPLIT_BYTES = 4 * 1024 * 1024


def _changed_files(
    roots: list[str],
    manifest: Manifest | None,
    report: IndexReport,
    options: _Options,
    parts: int = 1,
) -> Iterator[tuple[FileTask, int]]:
    """(FileTask, size) for every file that is new or may have changed; a big
    multi-story file as ``parts`` tasks, one for each part of its stories.

    Without a manifest (a fresh index) every file is new.
    """
    seen: list[str] = []
    folder, on_record = None, {}
    for name, info in walk_files(roots, lambda path, reason: _skip(report, options, path, reason)):
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            _skip(report, options, name, "file name is not valid UTF-8")
            continue
        if manifest is None:
            yield from _in_parts(
                FileTask(name, info.st_size, info.st_mtime_ns, time.time_ns()), parts
            )
            continue
        seen.append(name)
        if len(seen) >= 1000:
            manifest.mark_seen(seen)
            seen.clear()
        if os.path.dirname(name) != folder:
            folder = os.path.dirname(name)
            on_record = manifest.in_folder(folder)
        known = on_record.get(name)
        if known is not None and known.unchanged(info.st_size, info.st_mtime_ns):
            report.unchanged += 1
            if options.on_files:
                options.on_files(1)
            continue
        task = FileTask(name, info.st_size, info.st_mtime_ns, time.time_ns(), known)
        yield from _in_parts(task, parts)
    if manifest is not None:
        manifest.mark_seen(seen)


def _in_parts(task: FileTask, parts: int) -> Iterator[tuple[FileTask, int]]:
    """The task, or its parts if the file is a big multi-story one (each part
    reads the whole file, so each counts its whole size)."""
    if parts == 1 or task.size < SPLIT_BYTES or not may_hold_many_stories(task.path):
        yield task, task.size
        return
    for part in range(parts):
        yield task._replace(part=part, parts=parts), task.size


def _skip(report: IndexReport, options: _Options, path: str, reason: str) -> None:
    report.skipped.append((path, reason))
    if options.on_skip:
        options.on_skip(path, reason)


@contextmanager
def _ctrl_c_stops() -> Iterator[Callable[[], bool]]:
    """The first Ctrl-C asks the run to stop after committing; a second one aborts."""
    pressed = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield pressed.is_set
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if pressed.is_set():
            raise KeyboardInterrupt
        pressed.set()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield pressed.is_set
    finally:
        signal.signal(signal.SIGINT, previous)
