"""Run a query on an open searcher and collect hits: searching, not printing."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any, NamedTuple

from whoosh.fields import Schema
from whoosh.query import Query as WhooshQuery
from whoosh.searching import Searcher
from whoosh.sorting import FacetType, FieldFacet, TranslateFacet

from newsgrep.engine.quotations import SPEAKER_MARK
from newsgrep.engine.whoosh.compile import compile_query, proximity_query
from newsgrep.engine.whoosh.proximity import add_proximity, candidates
from newsgrep.engine.whoosh.quotes import QUOTES, matching_first, said_clauses, stored_quotes
from newsgrep.engine.whoosh.snippets import lead_snippet, make_snippets, mark_words
from newsgrep.engine.whoosh.suggest import did_you_mean
from newsgrep.model import Duplicate, Hit, SearchOptions, SearchResult, Snippet, display_title
from newsgrep.query.parser import options_filter
from newsgrep.query.tree import Query, Said
from newsgrep.rank.dedup import CANDIDATES_PER_STORY, Sketch, fingerprint, fold, story_text


def search(searcher: Searcher, tree: Query, options: SearchOptions, text: str = "") -> SearchResult:
    """Ranked hits for a query (``text`` as typed, for did-you-mean); raises QueryError."""
    started = time.perf_counter()
    folded, distinct = 0, False
    schema = searcher.schema
    query, restrict = prepared_query(schema, tree, options)
    ranked = Ranked(query, proximity_query(tree, schema))
    marks = Marks(highlight_words(query, searcher.reader()), said_clauses(tree))
    if options.dedup or options.fold_page:
        hits, total, folded, distinct = _folded(searcher, ranked, restrict, marks, schema, options)
    else:
        results = _run(searcher, ranked, restrict, options)
        first = (options.page - 1) * options.limit if options.limit else 0
        hits = [
            _hit(first + i + 1, result, marks, schema, options.snippets)
            for i, result in enumerate(results[first:])
        ]
        total = len(results)
    suggestion = (
        did_you_mean(searcher.reader(), schema, text, tree) if options.suggest and text else None
    )
    return SearchResult(
        hits,
        total,
        time.perf_counter() - started,
        marks.words,
        folded,
        distinct=distinct,
        suggestion=suggestion,
    )


def prepared_query(schema: Any, tree: Query, options: SearchOptions) -> tuple[Any, Any | None]:
    """The (query, filter) pair search() runs, for callers that need every
    match rather than ranked hits (counts per month, source, person)."""
    restrict = options_filter(options)
    return (
        compile_query(tree, schema),
        compile_query(restrict, schema) if restrict is not None else None,
    )


def _folded(
    searcher: Searcher,
    query: Ranked,
    restrict: Any | None,
    marks: Marks,
    schema: Any,
    options: SearchOptions,
) -> tuple[list[Hit], int, int, bool]:
    """Hits with their near-duplicates folded into the best-ranked copy, and
    (total, folded, distinct) to say what the total counts.

    With ``dedup`` every match is fingerprinted, so totals and pages count
    distinct stories. With ``fold_page`` only the top candidates are: ranked
    hits in growing batches until they hold the page's distinct stories, the
    cost of a page, not of every match of a common word. The page's heads are
    then exact (a later hit only joins a group or starts a later one); the
    total counts every match unless the batches reached them all.
    """
    wanted = options.page * options.limit
    fetch = 0 if options.dedup or not wanted else wanted * CANDIDATES_PER_STORY
    known: dict[int, Sketch] = {}
    while True:
        results = _run(searcher, query, restrict, replace(options, limit=fetch, page=1))
        groups = fold(_sketches(results, known))
        if not fetch or len(groups) >= wanted or results.scored_length() >= len(results):
            break
        fetch *= 2
    first = (options.page - 1) * options.limit
    shown = groups[first:wanted] if wanted else groups[first:]
    hits = []
    for i, ((head, _), *rest) in enumerate(shown):
        hit = _hit(first + i + 1, results[head], marks, schema, options.snippets)
        hit.duplicates = [
            Duplicate(_hit(0, results[p], marks, schema, False), alike) for p, alike in rest
        ]
        hits.append(hit)
    if results.scored_length() >= len(results):  # every match fingerprinted
        return hits, len(groups), len(results) - len(groups), True
    return hits, len(results), sum(len(hit.duplicates) for hit in hits), False


def _sketches(results: Any, known: dict[int, Sketch]) -> list[Sketch]:
    """Each hit's fingerprint, those of a smaller batch (``known``) reused."""
    sketches = []
    for result in results:
        if result.docnum not in known:
            known[result.docnum] = fingerprint(
                story_text(result.get("title", ""), result.get("body", ""))
            )
        sketches.append(known[result.docnum])
    return sketches


class Ranked(NamedTuple):
    """A search's two passes: the query that finds and ranks stories, and the
    proximity bonus for its top candidates (None without words side by side)."""

    first: WhooshQuery
    proximity: WhooshQuery | None


def _run(searcher: Searcher, query: Ranked, restrict: Any | None, options: SearchOptions) -> Any:
    limit = options.page * options.limit if options.limit else None
    kwargs: dict[str, Any] = {"limit": limit, "filter": restrict}
    if options.sort in ("newest", "oldest"):
        kwargs["sortedby"] = _by_date(searcher.schema, newest=options.sort == "newest")
        return searcher.search(query.first, **kwargs)
    if query.proximity is None:
        return searcher.search(query.first, **kwargs)
    results = searcher.search(query.first, **{**kwargs, "limit": candidates(limit)})
    add_proximity(searcher, results, query.proximity, limit)
    return results


def _by_date(schema: Schema, newest: bool) -> FacetType:
    """Dates in order, undated stories last either way. Whoosh stores a
    missing date as the column's largest value, so a plain reversed sort
    put them first: newest order negates every other value instead."""
    dates = FieldFacet("date")
    if not newest:
        return dates
    undated = schema["date"].default
    return TranslateFacet(lambda value: value if value == undated else -value, dates)


class Marks(NamedTuple):
    """What a hit shows of its query: the words marked in its title and
    snippets, and the said: clauses whose quotations it lists first."""

    words: frozenset[str]
    said: tuple[Said, ...] = ()


def highlight_words(query: Any, reader: Any) -> frozenset[str]:
    """Index terms the query matched in title and body, wildcards expanded,
    and the words (not the speakers) it matched in quotations: the same stems."""
    terms: set = set()
    try:
        # Leaf by leaf: Whoosh's Query.existing_terms reuses its ``fieldname``
        # argument as a loop variable, so on an Or of title and body terms it
        # skipped the body's, and a word found in no title was never marked.
        for leaf in query.leaves():
            terms |= leaf.existing_terms(reader, phrases=True, expand=True)
    except Exception:  # noqa: BLE001 - a query type that cannot list its terms: no marks
        return frozenset()
    words = ((fieldname, _as_text(text)) for fieldname, text in terms)
    return frozenset(
        text
        for fieldname, text in words
        if fieldname in ("title", "body")
        or (fieldname == QUOTES and not text.startswith(SPEAKER_MARK))
    )


def _as_text(term: str | bytes) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


def _hit(rank: int, result: Any, marks: Marks, schema: Any, with_snippets: bool) -> Hit:
    return stored_hit(
        rank, float(result.score or 0.0), result.fields(), marks, schema, with_snippets
    )


def stored_hit(
    rank: int,
    score: float,
    stored: dict[str, Any],
    marks: Marks,
    schema: Any,
    with_snippets: bool = False,
) -> Hit:
    """A Hit from a story's stored fields, its title marked with the query's
    words, the quotations its said: clauses match first."""
    words = marks.words
    body = stored.get("body", "")
    title = stored.get("title", "")
    analyzer = schema["body"].analyzer
    snippets: list[Snippet] = []
    if with_snippets:
        snippets = make_snippets(body, words, analyzer) or lead_snippet(body)
    shown_title = display_title(title, body)
    quotes, matched = matching_first(stored_quotes(stored), marks.said, schema)
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
        title_pieces=(
            mark_words(shown_title, words, analyzer)
            if title and with_snippets
            else [(shown_title, False)]
        ),
        snippets=snippets,
        quotes=quotes,
        quotes_matched=matched,
    )
