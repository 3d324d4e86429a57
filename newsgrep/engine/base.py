"""The engine seam: what newsgrep asks of whatever holds its index.

Two engines implement it: the embedded Whoosh index in a folder
(:mod:`newsgrep.engine.whoosh`) and an index on an OpenSearch cluster
(:mod:`newsgrep.engine.opensearch`). An engine takes newsgrep's own query
tree (:mod:`newsgrep.query.tree`), never query text, and answers with the
records of :mod:`newsgrep.model`, so that the query language, the output and
the command line stay the same whatever runs the search.

What no engine decides for itself lives once, and an engine only translates
it: the filter of the options (:func:`newsgrep.query.parser.options_filter`,
a query tree like any other: an engine compiles whatever nodes it holds,
never the option fields one by one), the fields of a story's document and
how each is searched (:mod:`newsgrep.engine.document`), a Hit read back
from them (:mod:`newsgrep.engine.hits`), and the file manifest's table and
queries (:class:`newsgrep.engine.local.manifest.FileTable`). The
conformance suite (``tests/conformance/``) holds every engine to the same
answers.

Writing goes through an :class:`IndexWriter`, the index's one writer, held
under the engine's writer lock. The indexing run fills :class:`Batch` es (in
worker processes, each its own), the writer commits what a batch made
together with the files it replaces, and then the run records the files in
the engine's :class:`Manifest`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import NamedTuple, Protocol

from newsgrep.errors import IndexBusy
from newsgrep.model import Article, Facets, IndexStats, SearchOptions, SearchResult, Story
from newsgrep.query.tree import Query


class Engine(Protocol):
    """One index: search it, count in it, read stories from it, write to it."""

    location: str

    def search(self, query: Query, options: SearchOptions, text: str = "") -> SearchResult:
        """Ranked hits (one page) and the number of matching stories.
        ``text`` is the query as typed, for did-you-mean. The options'
        filters (dates, --source/--person/--place, ``narrow``) are the tree
        :func:`newsgrep.query.parser.options_filter` gives, compiled as any
        query tree is and applied as a filter that never changes a score."""
        ...

    def count_by(
        self, query: Query, by: str, options: SearchOptions, share: bool = False
    ) -> Facets:
        """Matching stories counted per source, person, place or period,
        the options' filters applied as in :meth:`search`."""
        ...

    def similar(
        self, path: str, limit: int = 10, page: int = 1, snippets: bool = True
    ) -> SearchResult:
        """The stories most like the one at ``path``, itself left out."""
        ...

    def stories(self, path: str, query: Query | None = None) -> list[Story]:
        """The stories a path names, the query's words marked."""
        ...

    def story_paths(self, path: str) -> list[str]:
        """The stored paths of the stories a typed path names (a file: each
        of its stories), without loading them; raises StoryMissing."""
        ...

    def stats(self, top: int = 10) -> IndexStats:
        """What the index holds."""
        ...

    def open_writer(self, rebuild: bool = False) -> IndexWriter:
        """The index's one writer (the caller holds the writer lock)."""
        ...

    def read_state(self, key: str) -> str | None:
        """A small document newsgrep keeps with the index (saved searches and
        what they last matched), or None if none was written under ``key``.
        Keys are letters, digits, ``_``, ``.`` and ``-``, starting with a letter or digit.
        Raises IndexMissing where there is no index, as a search does."""
        ...

    def write_state(self, key: str, value: str) -> None:
        """Store ``value`` under ``key``, atomically: a reader sees the old
        document or the new one, never a part; the index must exist."""
        ...

    def writer_lock(
        self, wait: bool = False, on_wait: Callable[[int | None], None] | None = None
    ) -> AbstractContextManager[None]:
        """Held by the one indexer of the index: raises IndexBusy when another
        holds it, or with ``wait`` calls ``on_wait(pid)`` and waits."""
        ...

    def writer_busy(self) -> IndexBusy | None:
        """The indexer writing the index now (its pid, its host), or None;
        takes nothing an indexer could find held."""
        ...

    def manifest(self) -> Manifest:
        """The file manifest (created on first use; the caller holds the writer lock)."""
        ...


# A file modified this close to the moment it was checked may change again
# within the file system's timestamp resolution without its time changing:
# such a file is hashed once more on the next run ("racy" in git's terms).
RACY_NS = 2_000_000_000


class FileState(NamedTuple):
    """What the index knows of one file, as of the time it was checked."""

    path: str
    size: int
    mtime_ns: int
    digest: str | None
    stories: int
    checked_ns: int

    def unchanged(self, size: int, mtime_ns: int) -> bool:
        """Same size and time, and the time was not too fresh to trust when checked."""
        return (
            size == self.size and mtime_ns == self.mtime_ns and mtime_ns < self.checked_ns - RACY_NS
        )


class Manifest(Protocol):
    """Which roots and files an index holds, and in what state.

    A re-run tells unchanged files (same size and modification time) from
    changed, new and deleted ones by it, without reading them. It is written
    only after the index commit it describes has succeeded, and records that
    commit's generation: a crash in between leaves it one generation behind,
    and the next run then deletes the stories of files it calls new before
    adding them again.
    """

    def close(self) -> None: ...

    def clear(self) -> None:
        """Forget every root and file (the index is being rebuilt)."""
        ...

    def roots(self) -> list[str]: ...

    def add_roots(self, roots: Iterable[str]) -> None: ...

    def generation(self) -> int:
        """The index generation the manifest last described (-1: none)."""
        ...

    def empty(self) -> bool: ...

    def in_folder(self, folder: str) -> dict[str, FileState]:
        """What is on record for the files directly in one folder, by path."""
        ...

    def mark_seen(self, paths: Iterable[str]) -> None:
        """Note files found on disk in this run (see :meth:`unseen`)."""
        ...

    def unseen(self, roots: Iterable[str]) -> Iterator[str]:
        """Files on record under these roots that this run did not find on disk."""
        ...

    def record(
        self, states: Iterable[FileState], forgotten: Iterable[str], generation: int | None
    ) -> None:
        """After a successful index commit: what it now holds. With
        ``generation`` None, the generation on record stays as it was."""
        ...


class Batch(Protocol):
    """Stories written together; made in a worker process, committed by the writer."""

    def add(self, article: Article, file: str) -> None: ...

    def full(self) -> bool:
        """True when the batch holds as much as memory allows."""
        ...

    def finish(self) -> object | None:
        """What the writer commits (None when nothing was added)."""
        ...

    def cancel(self) -> None: ...


class IndexWriter(Protocol):
    """The index's one writer, in the indexing process."""

    @property
    def generation(self) -> int:
        """Bumped by every commit; the manifest records the one it matches."""
        ...

    def batch_maker(self) -> Callable[[], Batch]:
        """A picklable callable that makes an empty batch, in any process."""
        ...

    def commit(self, add: Sequence[object] = (), forget_files: Sequence[str] = ()) -> None:
        """Atomically: add finished batches, remove the stories of ``forget_files``
        (stories written before this writer opened)."""
        ...

    def merge(self) -> int:
        """Tidy the index after a run; returns the pieces merged."""
        ...
