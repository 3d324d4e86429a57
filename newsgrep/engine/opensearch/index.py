"""An index on an OpenSearch cluster (see engine.base.Engine).

The read side (search, count_by, similar, stories, stats) compiles
newsgrep's query tree to the query DSL in the modules beside this one; the
write side is writer.py, the manifest manifest.py and the writer lock lock.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

from newsgrep.engine.opensearch import facets, lookup, searching, similar, state, stats
from newsgrep.engine.opensearch.client import ClusterAddress, cluster_errors, connect
from newsgrep.engine.opensearch.lock import Heartbeat, cluster_writer_busy, cluster_writer_lock
from newsgrep.engine.opensearch.manifest import ClusterManifest
from newsgrep.engine.opensearch.store import check_mapping
from newsgrep.engine.opensearch.writer import OpenSearchWriter
from newsgrep.errors import IndexBusy
from newsgrep.model import Facets, IndexStats, SearchOptions, SearchResult, Story
from newsgrep.query.tree import Query, leaves

if TYPE_CHECKING:
    from opensearchpy import OpenSearch


class OpenSearchIndex:
    """The index ``address.name`` on a cluster."""

    def __init__(self, address: ClusterAddress) -> None:
        self.address = address
        self.location = str(address)
        self._heartbeat: Heartbeat | None = None

    @cached_property
    def client(self) -> OpenSearch:
        """One client per engine, made on first use."""
        return connect(self.address)

    def search(self, query: Query, options: SearchOptions, text: str = "") -> SearchResult:
        with cluster_errors(self.address):
            self._check_sources(query, options)
            return searching.search(self.client, self.address.name, query, options, text)

    def count_by(
        self, query: Query, by: str, options: SearchOptions, share: bool = False
    ) -> Facets:
        with cluster_errors(self.address):
            self._check_sources(query, options)
            return facets.count_by(self.client, self.address.name, query, by, options, share)

    def _check_sources(self, query: Query, options: SearchOptions) -> None:
        """A search by source on an index of an older mapping would match
        whole names only: one request for the mapping refuses it instead."""
        fields = [getattr(leaf, "field", None) for leaf in leaves(query)]
        fields += [field for field, _ in options.narrow]
        if options.sources or "source" in fields:
            check_mapping(self.client, self.address, local=True)

    def similar(
        self, path: str, limit: int = 10, page: int = 1, snippets: bool = True
    ) -> SearchResult:
        with cluster_errors(self.address):
            return similar.similar(self.client, self.address.name, path, limit, page, snippets)

    def stories(self, path: str, query: Query | None = None) -> list[Story]:
        with cluster_errors(self.address):
            return lookup.load_stories(self.client, self.address.name, path, query)

    def story_paths(self, path: str) -> list[str]:
        with cluster_errors(self.address):
            return lookup.find_ids(self.client, self.address.name, path)

    def stats(self, top: int = stats.TOP) -> IndexStats:
        with cluster_errors(self.address):
            return stats.index_stats(self.client, self.address, top)

    def open_writer(self, rebuild: bool = False) -> OpenSearchWriter:
        return OpenSearchWriter(self.client, self.address, rebuild, self._lease_kept)

    @contextmanager
    def writer_lock(
        self, wait: bool = False, on_wait: Callable[[int | None], None] | None = None
    ) -> Iterator[None]:
        with cluster_writer_lock(self.client, self.address, wait, on_wait) as heartbeat:
            self._heartbeat = heartbeat
            try:
                yield
            finally:
                self._heartbeat = None

    def writer_busy(self) -> IndexBusy | None:
        with cluster_errors(self.address):
            return cluster_writer_busy(self.client, self.address)

    def _lease_kept(self) -> bool:
        """False once another indexer has taken the writer lock over."""
        return self._heartbeat is None or not self._heartbeat.lost

    def manifest(self) -> ClusterManifest:
        return ClusterManifest(self.client, self.address)

    def read_state(self, key: str) -> str | None:
        return state.read_state(self.client, self.address, key)

    def write_state(self, key: str, value: str) -> None:
        state.write_state(self.client, self.address, key, value)
