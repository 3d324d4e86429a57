"""Run a query against the index and collect hits: searching, not printing."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field, replace
from datetime import datetime

from newsgrep.article import display_title
from newsgrep.snippets import Snippet, lead_snippet, make_snippets, mark_words

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
    duplicates: list = field(default_factory=list)  # dedup.Duplicate, with --dedup

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
    folded: int = 0  # near-duplicates folded into other hits (--dedup)
    # The query with its words that match nothing replaced by the nearest
    # indexed words, for people to try ("Did you mean: ...?"); None if none.
    suggestion: str | None = None


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
    dedup: bool = False
    suggest: bool = True


def search(index_dir: str | os.PathLike, text: str,
           options: SearchOptions | None = None) -> SearchResult:
    """Search the index at ``index_dir``; raises QueryError or IndexMissing."""
    from newsgrep.store import open_searcher

    options = options or SearchOptions()
    started = time.perf_counter()
    folded = 0
    with open_searcher(index_dir) as searcher:
        schema = searcher.schema
        query, restrict = prepared_query(schema, text, options)
        words = highlight_words(query, searcher.reader())
        if options.dedup:
            hits, total, folded = _folded(searcher, query, restrict, words, schema, options)
        else:
            results = _run(searcher, query, restrict, options)
            first = (options.page - 1) * options.limit if options.limit else 0
            hits = [
                _hit(first + i + 1, result, words, schema, options.snippets)
                for i, result in enumerate(results[first:])
            ]
            total = len(results)
        suggestion = _suggestion(searcher.reader(), schema, text, query) if options.suggest else None
    return SearchResult(hits, total, time.perf_counter() - started, words, folded,
                        suggestion=suggestion)


def prepared_query(schema, text: str, options: SearchOptions):
    """The (query, filter) pair search() runs, for callers that need every
    match rather than ranked hits (counts per month, source, person)."""
    from newsgrep.query import filter_query, parse_query

    query = parse_query(text, schema)
    restrict = filter_query(options.since, options.until, options.sources,
                            options.people, options.places)
    return query, restrict


def _folded(searcher, query, restrict, words, schema, options: SearchOptions):
    """Hits with their near-duplicates folded into the best-ranked copy.
    Every match is fingerprinted, so totals and pages count distinct stories."""
    from newsgrep.dedup import Duplicate, fingerprint, fold, story_text

    results = _run(searcher, query, restrict, replace(options, limit=0))
    groups = fold([fingerprint(story_text(r.get("title", ""), r.get("body", "")))
                   for r in results])
    first = (options.page - 1) * options.limit
    shown = groups[first:first + options.limit] if options.limit else groups[first:]
    hits = []
    for i, ((head, _), *rest) in enumerate(shown):
        hit = _hit(first + i + 1, results[head], words, schema, options.snippets)
        hit.duplicates = [Duplicate(_hit(0, results[p], words, schema, False), alike)
                          for p, alike in rest]
        hits.append(hit)
    return hits, len(groups), len(results) - len(groups)


def _suggestion(reader, schema, text: str, query) -> str | None:
    from newsgrep.suggest import did_you_mean

    return did_you_mean(reader, schema, text, query)


def _run(searcher, query, restrict, options: SearchOptions):
    limit = options.page * options.limit if options.limit else None
    kwargs = {"limit": limit, "filter": restrict}
    if options.sort in ("newest", "oldest"):
        kwargs.update(sortedby="date", reverse=options.sort == "newest")
    return searcher.search(query, **kwargs)


def highlight_words(query, reader) -> frozenset[str]:
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
    return stored_hit(rank, float(result.score or 0.0), result.fields(), words, schema,
                      with_snippets)


def stored_hit(rank: int, score: float, stored: dict, words: frozenset[str], schema,
               with_snippets: bool = False) -> Hit:
    """A Hit from a story's stored fields, its title marked with ``words``."""
    body = stored.get("body", "")
    title = stored.get("title", "")
    analyzer = schema["body"].analyzer
    snippets: list[Snippet] = []
    if with_snippets:
        snippets = make_snippets(body, words, analyzer) or lead_snippet(body)
    shown_title = display_title(title, body)
    return Hit(
        rank=rank,
        score=score,
        path=stored["path"],
        title=shown_title,
        date=stored.get("date"),
        source=stored.get("source", ""),
        people=list(stored.get("people") or []),
        place=stored.get("place", ""),
        author=list(stored.get("author") or []),
        url=stored.get("url", ""),
        title_pieces=(mark_words(shown_title, words, analyzer) if title and with_snippets
                      else [(shown_title, False)]),
        snippets=snippets,
    )
