"""Where the index lives and how it is opened."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, EmptyIndexError, clean_files
from whoosh.reading import IndexReader, SegmentReader, TermNotFound
from whoosh.searching import Searcher

from newsgrep.engine.whoosh.internals.reading import read_toc, toc_pattern
from newsgrep.engine.whoosh.schema import build_schema
from newsgrep.engine.whoosh.scoring import weighting
from newsgrep.errors import IndexDamaged, IndexMissing


def _damaged(folder: Path, reason: str) -> str:
    return (
        f"the index at {folder} is damaged ({reason}); "
        f"rebuild it with: newsgrep index --rebuild --index {folder} FOLDER"
    )


def _one_line(err: Exception) -> str:
    if isinstance(err, OSError) and err.strerror and err.filename:
        return f"{Path(err.filename).name}: {err.strerror}"
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 120 else text[:119] + "…"


def open_index(index_dir: str | os.PathLike) -> index.Index:
    """Open an existing index (its segment files checked) for reading."""
    return _open_reading(index_dir)[0]


def open_searcher(index_dir: str | os.PathLike) -> Searcher:
    """A Whoosh searcher over an existing index; ``searcher.schema`` is its schema.

    The reader opened to check the index serves the searcher too: Whoosh
    re-reads the table of contents and reopens every segment for each
    ``index.reader()``, ``index.searcher()`` and ``index.schema``. It scores
    with BM25F as rank/weights.py's RANKING sets it (scoring.py).
    """
    opened, reader = _open_reading(index_dir, keep_reader=True)
    return Searcher(reader, fromindex=opened, weighting=weighting())


def _open_reading(
    index_dir: str | os.PathLike, keep_reader: bool = False
) -> tuple[index.Index, IndexReader | None]:
    """(index, reader or None), damage and absence turned into one-line errors."""
    folder = Path(index_dir)
    # The writer deletes merged-away segments right after its commit: a search
    # that read the previous TOC a moment earlier tries again with the new one.
    for _ in range(OPEN_ATTEMPTS - 1):
        try:
            return _open_once(folder, keep_reader)
        except FileNotFoundError:
            continue
    try:
        return _open_once(folder, keep_reader)
    except FileNotFoundError as err:
        raise IndexDamaged(_damaged(folder, _one_line(err))) from None


# Tries to open the index while a writer replaces the segments it names.
OPEN_ATTEMPTS = 3


def _open_once(folder: Path, keep_reader: bool) -> tuple[index.Index, IndexReader | None]:
    try:
        if folder.is_dir() and any(folder.glob(f"_{INDEX_NAME}_*.toc")):
            # Without mmap: Whoosh copies each memory-mapped sub-file of a
            # segment into a BytesIO when it opens it, tens of MB per search.
            storage = FileStorage(str(folder), supports_mmap=False, readonly=True)
            opened = storage.open_index(INDEX_NAME)
            reader = opened.reader()  # opens every segment's files: fails here, not mid-search
            if not keep_reader:
                reader.close()
            return opened, reader if keep_reader else None
    except EmptyIndexError:
        pass
    except PermissionError as err:
        raise IndexMissing(f"cannot read the index at {folder}: {err.strerror}") from None
    except FileNotFoundError:
        raise
    except Exception as err:  # noqa: BLE001 - Whoosh raises whatever unpickling bad bytes raises
        raise IndexDamaged(_damaged(folder, _one_line(err))) from None
    if any(folder.glob("*.seg")):
        raise IndexDamaged(_damaged(folder, "its table of contents (_MAIN_*.toc) is missing"))
    raise no_index(folder)


def no_index(folder: Path) -> IndexMissing:
    """Where newsgrep looked, and the two ways to look elsewhere: a user in
    another folder needs --index, not a second index."""
    return IndexMissing(
        f"no index at {folder}: name one with --index DIR or NEWSGREP_INDEX=DIR "
        f"(default ./index), or build one with: newsgrep index --index {folder} FOLDER"
    )


INDEX_NAME = "MAIN"


def _check_intact(folder: Path) -> None:
    """Refuse to write into a damaged index: adding to it would hide the damage
    (a lost table of contents would look like an empty index)."""
    if any(folder.glob(f"_{INDEX_NAME}_*.toc")):
        open_index(folder)  # raises IndexDamaged with the command that rebuilds
    elif any(folder.glob("*.seg")) or (folder / "manifest.sqlite").exists():
        raise IndexDamaged(_damaged(folder, "its table of contents (_MAIN_*.toc) is missing"))


@dataclass
class WriteState:
    """The index as its one writer sees it between commits."""

    storage: FileStorage
    schema: Any
    generation: int
    segments: list[Any] = field(default_factory=list)


def open_for_writing(index_dir: str | os.PathLike, rebuild: bool = False) -> WriteState:
    """Open (or create, or with ``rebuild`` empty) the index; hold the writer lock first.

    Files a killed writer left behind (segments never committed, temporary
    files) are deleted here, before anything new is written.
    """
    folder = Path(index_dir)
    folder.mkdir(parents=True, exist_ok=True)
    storage = FileStorage(str(folder))
    if rebuild:
        _delete_index_files(storage)
    else:
        _check_intact(folder)
    if not index.exists_in(str(folder), INDEX_NAME):
        index.create_in(str(folder), build_schema(), INDEX_NAME)
    toc = read_toc(str(folder), INDEX_NAME)
    state = WriteState(storage, toc.schema, toc.generation, list(toc.segments))
    _delete_stale_files(state)
    return state


def commit(
    state: WriteState,
    add: Sequence[Any] = (),
    forget_files: Sequence[str] = (),
    look_in: Sequence[Any] = (),
    drop: Sequence[Any] = (),
) -> None:
    """Write a new generation: ``add`` segments, ``drop`` (merged) ones, and
    delete the stories of ``forget_files`` wherever ``look_in`` segments hold them.

    The TOC is written to a temporary file and renamed, so a reader (or a
    crash) sees either the old generation or the new one, never a mixture.
    Files of dropped segments are deleted once the new TOC is in place, as
    Whoosh's own writer does: a search that has them open keeps reading them
    (POSIX), and one that read the previous TOC just before opens again
    (_open_reading). Where a file cannot be deleted while open (Windows), the
    next run deletes it (open_for_writing).
    """
    _delete_stories(state, forget_files, look_in)
    dropped = {s.segment_id() for s in drop}
    state.segments = [s for s in state.segments if s.segment_id() not in dropped] + list(add)
    TOC(state.schema, state.segments, state.generation + 1).write(state.storage, INDEX_NAME)
    state.generation += 1
    _delete_old_tocs(state)
    for segment in drop:
        for name in segment.list_files(state.storage):
            _delete_quietly(state.storage, name)


def _delete_stories(state: WriteState, files: Iterable[str], segments: Iterable[Any]) -> None:
    """Mark deleted the stories whose ``file`` is one of ``files``."""
    terms = [state.schema["file"].to_bytes(f) for f in files]
    if not terms:
        return
    for segment in segments:
        reader = SegmentReader(reading_storage(state), state.schema, segment)
        try:
            for term in terms:
                try:
                    docs = list(reader.postings("file", term).all_ids())
                except TermNotFound:
                    continue
                for docnum in docs:
                    segment.delete_document(docnum)
        finally:
            reader.close()


def reading_storage(state: WriteState) -> FileStorage:
    """The index folder for the writer's own reading (deletions, merges).

    Without mmap: the pages of every segment a merge reads would otherwise
    count as the indexer's memory, 2 GB after a 100,000-story run.
    """
    return FileStorage(state.storage.folder, supports_mmap=False)


def _delete_index_files(storage: FileStorage) -> None:
    """Everything Whoosh keeps in the folder: TOCs, segments, temporary files."""
    for name in storage.list():
        if name.startswith((f"_{INDEX_NAME}_", f"{INDEX_NAME}_")):
            storage.delete_file(name)
    shutil.rmtree(Path(storage.folder, f"{INDEX_NAME}.tmp"), ignore_errors=True)


def _delete_stale_files(state: WriteState) -> None:
    """Segments no TOC names, temporary TOCs and pool files of a killed writer."""
    clean_files(state.storage, INDEX_NAME, state.generation, state.segments)
    for name in state.storage.list():
        if name.startswith(f"_{INDEX_NAME}_") and ".toc." in name:
            state.storage.delete_file(name)
    shutil.rmtree(Path(state.storage.folder, f"{INDEX_NAME}.tmp"), ignore_errors=True)


def _delete_old_tocs(state: WriteState) -> None:
    """Keep the previous TOC a moment longer: a search may be opening it right now."""
    pattern = toc_pattern(INDEX_NAME)
    for name in state.storage.list():
        match = pattern.match(name)
        if match and int(match.group(1)) < state.generation - 1:
            _delete_quietly(state.storage, name)


def _delete_quietly(storage: FileStorage, name: str) -> None:
    try:
        storage.delete_file(name)
    except OSError:
        pass
