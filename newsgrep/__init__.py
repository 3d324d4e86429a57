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
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from newsgrep.engine import ClusterAddress, open_engine
from newsgrep.engine.base import Engine
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
from newsgrep.rank import names

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
    """Ranked stories matching the query ``text`` (docs/query.md's query language);
    each hit's people under their one name (docs/people.md)."""
    engine = open_engine(index)
    tree = parse_query(text)
    table = _names(engine) if names.names_people(tree) else None
    result = engine.search(names.widened(tree, table or {}), options or SearchOptions(), text)
    if any(hit.people for hit in result.hits):
        table = _names(engine) if table is None else table
        for hit in result.hits:
            _one_name_each(hit, table)
    return result


def _names(engine: Engine) -> names.Table:
    """The archive's table of one name per person (empty before an index run made it)."""
    return _kept_names(engine).table


def _kept_names(engine: Engine) -> names.Names:
    return names.loads(engine.read_state(names.STATE_KEY))


def _one_name_each(hit: Hit, table: names.Table) -> None:
    people = names.one_names(hit.people, table)
    if people != hit.people:
        hit.people_as_written, hit.people = hit.people, people
    for duplicate in hit.duplicates:
        _one_name_each(duplicate.hit, table)


def count_by(
    index: Location, text: str, by: str, options: SearchOptions | None = None, share: bool = False
) -> Facets:
    """Stories matching ``text`` counted per source, person, place, year, month, week or day;
    a person (or speaker) under their one name."""
    engine = open_engine(index)
    tree = parse_query(text)
    table = _names(engine) if by in names.NAMED or names.names_people(tree) else {}
    options = replace(options or SearchOptions(), one_names=table)
    return engine.count_by(names.widened(tree, table), by, options, share)


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
    """What the index holds: stories, dates, top names (a person under their
    one name, as the last index run counted them), size."""
    engine = open_engine(index)
    kept = _kept_names(engine)
    if not kept.table or 0 < top <= len(kept.top):
        stats = engine.stats(top)
        if kept.table:
            stats.top["person"] = kept.top[:top]
        return stats
    # More people than were kept: every person counted and folded.
    stats = engine.stats(0)
    for by, buckets in stats.top.items():
        if by == "person":
            buckets = names.folded_buckets(buckets, kept.table)
        stats.top[by] = buckets[:top] if top else buckets
    return stats
