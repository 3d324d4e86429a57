"""Write articles into the Whoosh index: walk paths, read, extract, store."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from newsgrep.article import Article

SkipHandler = Callable[[str, str], None]


@dataclass
class IndexReport:
    """What one indexing run did."""

    indexed: int = 0          # stories written
    files: int = 0            # files (re-)indexed
    unchanged: int = 0        # files left as they were
    removed: int = 0          # files gone from disk whose stories were removed
    skipped: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    jobs: int = 1             # processes that did the work
    merged: int = 0           # segments merged after the run
    interrupted: bool = False


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Every candidate article file under the given files and folders."""
    return (Path(name) for name, _ in walk_files(paths))


def walk_files(paths: Iterable[str | os.PathLike],
               on_skip: SkipHandler | None = None) -> Iterator[tuple[str, os.stat_result]]:
    """(absolute path, stat) of every candidate article file under the paths.

    Symbolic links inside folders are not followed: they can loop or lead
    outside the folders the user named. A file named on the command line is
    read whatever its name. A folder's files come together, in name order.
    Links, pipes and devices, and folders that cannot be read, go to
    ``on_skip`` with the reason.
    """
    skip = on_skip or (lambda path, reason: None)
    for root in paths:
        root = os.path.abspath(root)
        if os.path.isfile(root):
            yield root, os.stat(root)
        else:
            yield from _walk_folder(root, skip)


def _walk_folder(root: str, skip: SkipHandler) -> Iterator[tuple[str, os.stat_result]]:
    from newsgrep.readers import candidate

    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as err:
            skip(folder, err.strerror or str(err))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            is_dir = entry.is_dir(follow_symlinks=False)
            if not is_dir and not candidate(Path(entry.path)):
                continue
            if entry.is_symlink():
                skip(entry.path, "symbolic link, not followed")
            elif is_dir:
                subfolders.append(entry.path)
            elif not entry.is_file(follow_symlinks=False):
                skip(entry.path, "not a regular file (a pipe, device or socket)")
            else:
                try:
                    yield entry.path, entry.stat()
                except OSError as err:
                    skip(entry.path, err.strerror or str(err))
        folders.extend(reversed(subfolders))


def read_articles(path: Path, default_source: str = "",
                  on_skip: SkipHandler | None = None) -> list[Article]:
    """The articles in one file; skipped files and records go to on_skip."""
    from newsgrep.extract import build_article
    from newsgrep.readers import BadRecord, Unreadable, read_file

    articles = []
    try:
        for number, raw in enumerate(read_file(path), start=1):
            if isinstance(raw, BadRecord):
                if on_skip:
                    on_skip(f"{path}#{raw.record}", raw.reason)
                continue
            story_path = f"{path}#{raw.record_id or number}" if raw.record_id is not None else str(path)
            articles.append(build_article(story_path, raw, default_source))
    except Unreadable as err:
        if on_skip:
            on_skip(str(path), str(err))
        return []
    return articles


def article_fields(article: Article, file: str) -> dict:
    """The Whoosh document for an article."""
    doc = {
        "path": article.path,
        "file": file,
        "title": article.title,
        "body": article.body,
        "source": article.source,
        "people": ", ".join(article.people),
        "_stored_people": article.people,
        "place": article.place,
        "author": ", ".join(article.author),
        "_stored_author": article.author,
        "url": article.url,
    }
    if article.date is not None:
        doc["date"] = article.date
    return doc


def index_paths(
    paths: Iterable[str | os.PathLike],
    index_dir: str | os.PathLike,
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
    Raises :class:`newsgrep.lock.IndexBusy` when another indexer holds the
    index (unless ``wait``). Ctrl-C ends the run early with what was
    committed kept (``report.interrupted``).
    """
    from newsgrep.lock import writer_lock

    started = time.perf_counter()
    report = IndexReport()
    folder = Path(index_dir).absolute()
    with writer_lock(folder, wait=wait, on_wait=on_wait), _ctrl_c_stops() as stopping:
        _run(paths, folder, report, _Options(default_source, rebuild, jobs, on_skip,
                                             on_files, stopping))
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


def _run(paths, folder: Path, report: IndexReport, options: _Options) -> None:
    from newsgrep import pipeline
    from newsgrep.manifest import Manifest
    from newsgrep.merge import merge_if_needed
    from newsgrep.store import open_for_writing

    state = open_for_writing(folder, rebuild=options.rebuild)
    manifest = Manifest(folder)
    try:
        if options.rebuild:
            manifest.clear()
        roots = [str(Path(p).absolute()) for p in paths] or manifest.roots()
        manifest.add_roots(roots)
        committer = pipeline.Committer(state, manifest, report, list(state.segments),
                                       recheck_new=manifest.generation() != state.generation)
        # A fresh index (or a rebuild) has nothing on record to look up or remove.
        fresh = manifest.empty()

        def progress(done: pipeline.Progress) -> None:
            for path, reason in done.skipped:
                _skip(report, options, path, reason)
            if options.on_files:
                options.on_files(done.files)

        tasks = _changed_files(roots, None if fresh else manifest, report, options)
        first, chunks = pipeline.peek(pipeline.chunked(tasks), INLINE_CHUNKS)
        jobs = options.jobs or pipeline.default_jobs()
        if jobs > 1 and len(first) >= INLINE_CHUNKS:
            report.jobs = jobs
            pipeline.run_parallel(chunks, jobs, state, committer, options.default_source,
                                  progress, options.stopping)
        else:
            pipeline.run_inline(chunks, state, committer, options.default_source,
                                progress, options.stopping)
        if options.stopping():
            report.interrupted = True
            return
        if not fresh:
            gone = list(manifest.unseen(roots))
            committer.forget(gone)
            report.removed = len(gone)
        report.merged = merge_if_needed(state)
        if report.merged:
            manifest.record((), (), state.generation)  # in step with the index again
    finally:
        manifest.close()


# Fewer chunks than this to index: one process does it (workers cost more to start).
INLINE_CHUNKS = 4


def _changed_files(roots: list[str], manifest, report: IndexReport,
                   options: _Options) -> Iterator[tuple]:
    """(FileTask, size) for every file that is new or may have changed.

    Without a manifest (a fresh index) every file is new.
    """
    from newsgrep.workers import FileTask

    seen: list[str] = []
    folder, on_record = None, {}
    for name, info in walk_files(roots, lambda path, reason: _skip(report, options, path, reason)):
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            _skip(report, options, name, "file name is not valid UTF-8")
            continue
        if manifest is None:
            yield FileTask(name, info.st_size, info.st_mtime_ns, time.time_ns()), info.st_size
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
        yield FileTask(name, info.st_size, info.st_mtime_ns, time.time_ns(), known), info.st_size
    if manifest is not None:
        manifest.mark_seen(seen)


def _skip(report: IndexReport, options: _Options, path: str, reason: str) -> None:
    report.skipped.append((path, reason))
    if options.on_skip:
        options.on_skip(path, reason)


@contextmanager
def _ctrl_c_stops() -> Iterator[Callable[[], bool]]:
    """The first Ctrl-C asks the run to stop after committing; a second one aborts."""
    import signal
    import threading

    pressed = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield pressed.is_set
        return

    def handler(signum, frame):
        if pressed.is_set():
            raise KeyboardInterrupt
        pressed.set()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield pressed.is_set
    finally:
        signal.signal(signal.SIGINT, previous)


def count_files(paths: Iterable[str | os.PathLike]) -> int:
    """How many candidate files the paths hold (for a progress bar's total)."""
    return sum(1 for _ in walk_files(paths))
