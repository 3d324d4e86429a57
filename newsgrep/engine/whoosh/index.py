"""The embedded Whoosh index: newsgrep's engine for an index in a folder.

Each call opens the index once (store.open_searcher), does its work with
the modules beside this one, and closes it, so that a search always sees the
latest commit of a running indexer. Each call imports the module it needs
when it runs: a search does not pay for counting, stats, `show`, `similar`
or the writer (facets and the writer alone were 15 ms of a search's start).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from newsgrep.engine.base import Manifest
from newsgrep.engine.whoosh.store import open_searcher
from newsgrep.errors import IndexBusy
from newsgrep.model import Facets, IndexStats, SearchOptions, SearchResult, Story
from newsgrep.query.tree import Query

if TYPE_CHECKING:
    from newsgrep.engine.whoosh.writer import WhooshWriter


class WhooshIndex:
    """An index in a folder (see engine.base.Engine)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.location = str(folder)

    def search(self, query: Query, options: SearchOptions, text: str = "") -> SearchResult:
        from newsgrep.engine.whoosh import searching

        with open_searcher(self.folder) as searcher:
            return searching.search(searcher, query, options, text)

    def count_by(
        self, query: Query, by: str, options: SearchOptions, share: bool = False
    ) -> Facets:
        from newsgrep.engine.whoosh import facets

        with open_searcher(self.folder) as searcher:
            return facets.count_by(searcher, query, by, options, share)

    def similar(
        self, path: str, limit: int = 10, page: int = 1, snippets: bool = True
    ) -> SearchResult:
        from newsgrep.engine.whoosh import similar

        with open_searcher(self.folder) as searcher:
            return similar.similar(searcher, path, limit, page, snippets)

    def stories(self, path: str, query: Query | None = None) -> list[Story]:
        from newsgrep.engine.whoosh import lookup

        with open_searcher(self.folder) as searcher:
            return lookup.load_stories(searcher, path, query)

    def story_paths(self, path: str) -> list[str]:
        from newsgrep.engine.whoosh import lookup

        with open_searcher(self.folder) as searcher:
            return lookup.story_paths(searcher, path)

    def stats(self, top: int = 10) -> IndexStats:
        from newsgrep.engine.whoosh import stats

        with open_searcher(self.folder) as searcher:
            return stats.index_stats(searcher, self.folder, top)

    def open_writer(self, rebuild: bool = False) -> WhooshWriter:
        from newsgrep.engine.whoosh.writer import WhooshWriter

        return WhooshWriter(self.folder, rebuild)

    def read_state(self, key: str) -> str | None:
        from newsgrep.engine.whoosh import state

        return state.read_state(self.folder, key)

    def write_state(self, key: str, value: str) -> None:
        from newsgrep.engine.whoosh import state

        state.write_state(self.folder, key, value)

    def writer_lock(
        self, wait: bool = False, on_wait: Callable[[int | None], None] | None = None
    ) -> AbstractContextManager[None]:
        # Imported here, as the manifest below: only indexing needs them, and
        # a search's start does not pay for sqlite3 and fcntl.
        from newsgrep.engine.local.lock import writer_lock

        return writer_lock(self.folder, wait, on_wait)

    def writer_busy(self) -> IndexBusy | None:
        from newsgrep.engine.local.holder import writer_busy

        return writer_busy(self.folder)

    def manifest(self) -> Manifest:
        from newsgrep.engine.local.manifest import Manifest as LocalManifest

        return LocalManifest(self.folder)
