"""Run a query against the index and collect hits: searching, not printing."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import datetime

from newsgrep.article import display_title
from newsgrep.snippets import Snippet, lead_snippet, make_snippets, mark_words

SORTS = ("relevance", "newest", "oldest")


@dataclass
class Hit:
    """One matching story, with what the printers need to show it."""

    rank: int
    score: float
    path: str
    title: str
    date: datetime | None
    source: str
    people: list[str]
    place: str
    author: list[str] = field(default_factory=list)
    url: str = ""
    title_pieces: Snippet = field(default_factory=list)
    snippets: list[Snippet] = field(default_factory=list)

    @property
    def snippet_text(self) -> str:
        """The snippets as plain text, fragments joined by ' … '."""
        return " … ".join(" ".join("".join(t for t, _ in s).split()) for s in self.snippets)


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    seconds: float
    words: frozenset[str] = frozenset()


@dataclass
class SearchOptions:
    limit: int = 10
    page: int = 1
    sort: str = "relevance"
    since: str | None = None
    until: str | None = None
    sources: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    snippets: bool = True


def search(index_dir: str | os.PathLike, text: str,
           options: SearchOptions | None = None) -> SearchResult:
    """Search the index at ``index_dir``; raises QueryError or IndexMissing."""
    from newsgrep.query import filter_query, parse_query
    from newsgrep.store import open_index

    options = options or SearchOptions()
    started = time.perf_counter()
    index = open_index(index_dir)
    query = parse_query(text, index.schema)
    restrict = filter_query(options.since, options.until, options.sources,
                            options.people, options.places)
    with index.searcher() as searcher:
        results = _run(searcher, query, restrict, options)
        words = _highlight_words(query, searcher.reader())
        first = (options.page - 1) * options.limit if options.limit else 0
        hits = [
            _hit(first + i + 1, result, words, index.schema, options.snippets)
            for i, result in enumerate(results[first:])
        ]
        total = len(results)
    return SearchResult(hits, total, time.perf_counter() - started, words)


def _run(searcher, query, restrict, options: SearchOptions):
    limit = options.page * options.limit if options.limit else None
    kwargs = {"limit": limit, "filter": restrict}
    if options.sort in ("newest", "oldest"):
        kwargs.update(sortedby="date", reverse=options.sort == "newest")
    return searcher.search(query, **kwargs)


def _highlight_words(query, reader) -> frozenset[str]:
    """Index terms the query matched in title and body, wildcards expanded."""
    terms: set = set()
    try:
        # Leaf by leaf: Whoosh's Query.existing_terms reuses its ``fieldname``
        # argument as a loop variable, so on an Or of title and body terms it
        # skipped the body's, and a word found in no title was never marked.
        for leaf in query.leaves():
            terms |= leaf.existing_terms(reader, phrases=True, expand=True)
    except Exception:  # a query type that cannot list its terms: show no marks
        return frozenset()
    return frozenset(
        text.decode("utf-8") if isinstance(text, bytes) else text
        for fieldname, text in terms
        if fieldname in ("title", "body")
    )


def _hit(rank: int, result, words: frozenset[str], schema, with_snippets: bool) -> Hit:
    stored = result.fields()
    body = stored.get("body", "")
    title = stored.get("title", "")
    analyzer = schema["body"].analyzer
    snippets: list[Snippet] = []
    if with_snippets:
        snippets = make_snippets(body, words, analyzer) or lead_snippet(body)
    shown_title = display_title(title, body)
    return Hit(
        rank=rank,
        score=float(result.score or 0.0),
        path=stored["path"],
        title=shown_title,
        date=stored.get("date"),
        source=stored.get("source", ""),
        people=list(stored.get("people") or []),
        place=stored.get("place", ""),
        author=list(stored.get("author") or []),
        url=stored.get("url", ""),
        title_pieces=mark_words(shown_title, words, analyzer) if title else [(shown_title, False)],
        snippets=snippets,
    )
