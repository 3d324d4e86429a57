"""newsgrep: search folders of news articles, ranked, with the evidence highlighted.

The library API a Python user calls; the command line is a thin layer over it::

    import newsgrep
    newsgrep.index_paths(["corpus/"], "index")
    for hit in newsgrep.search("index", "NATO membership").hits:
        print(hit.rank, hit.title, hit.date)

Every call takes the index's location (a folder, or http(s)://HOST:PORT/NAME
for an index on an OpenSearch cluster; None for $NEWSGREP_INDEX or ./index)
and raises a :class:`newsgrep.errors.NewsgrepError` for what a user can get
wrong: a bad query, a missing or damaged index, a path with no story.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from newsgrep.engine import ClusterAddress, open_engine
from newsgrep.model import (
    Article,
    Facets,
    Hit,
    IndexReport,
    IndexStats,
    SearchOptions,
    SearchResult,
    Story,
)
from newsgrep.query.parser import parse_query

__all__ = [
    "Article",
    "Facets",
    "Hit",
    "IndexReport",
    "IndexStats",
    "SearchOptions",
    "SearchResult",
    "Story",
    "count_by",
    "index_paths",
    "index_stats",
    "search",
    "show",
    "similar",
    "story_paths",
]
__version__ = "0.1.0"

Location = str | os.PathLike[str] | ClusterAddress | None

if TYPE_CHECKING:
    from newsgrep.indexing.run import index_paths


def __getattr__(name: str) -> Any:
    """``index_paths`` on first use: the indexer's imports (readers, extraction,
    worker processes: about 50 ms) are no part of a search's start."""
    if name == "index_paths":
        from newsgrep.indexing.run import index_paths

        return index_paths
    raise AttributeError(f"module 'newsgrep' has no attribute {name!r}")


def search(index: Location, text: str, options: SearchOptions | None = None) -> SearchResult:
    """Ranked stories matching the query ``text`` (docs/query.md's query language)."""
    return open_engine(index).search(parse_query(text), options or SearchOptions(), text)


def count_by(
    index: Location, text: str, by: str, options: SearchOptions | None = None, share: bool = False
) -> Facets:
    """Stories matching ``text`` counted per source, person, place, year, month, week or day."""
    return open_engine(index).count_by(parse_query(text), by, options or SearchOptions(), share)


def similar(
    index: Location, path: str, limit: int = 10, page: int = 1, snippets: bool = True
) -> SearchResult:
    """The stories most like the one at ``path`` (a file or FILE#ID)."""
    return open_engine(index).similar(path, limit, page, snippets)


def show(index: Location, path: str, query: str | None = None) -> list[Story]:
    """The stories at ``path`` (a file: each of its stories), ``query``'s words marked."""
    return open_engine(index).stories(path, parse_query(query) if query else None)


def story_paths(index: Location, path: str) -> list[str]:
    """The paths of the stories at ``path`` (a file: FILE#ID for each of its
    stories), without loading them."""
    return open_engine(index).story_paths(path)


def index_stats(index: Location, top: int = 10) -> IndexStats:
    """What the index holds: stories, dates, top names, size."""
    return open_engine(index).stats(top)
