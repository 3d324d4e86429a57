"""Run a query on an open searcher and collect hits: searching, not printing."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any, NamedTuple

from whoosh.fields import Schema
from whoosh.query import Query as WhooshQuery
from whoosh.searching import Searcher
from whoosh.sorting import FacetType, FieldFacet, TranslateFacet

from newsgrep.engine import hits as engine_hits
from newsgrep.engine.hits import folded_hits, lead_snippet
from newsgrep.engine.quotations import SPEAKER_MARK, said_clauses
from newsgrep.engine.whoosh.compile import compile_query, proximity_query
from newsgrep.engine.whoosh.counting import exact_total
from newsgrep.engine.whoosh.feedback import expanded
from newsgrep.engine.whoosh.proximity import add_proximity, candidates
from newsgrep.engine.whoosh.quotes import QUOTES, matching_first, stored_quotes
from newsgrep.engine.whoosh.sketches import Sketches
from newsgrep.engine.whoosh.snippets import make_snippets, mark_words
from newsgrep.engine.whoosh.suggest import did_you_mean
from newsgrep.model import Hit, SearchOptions, SearchResult, display_title
from newsgrep.query.parser import options_filter
from newsgrep.query.tree import Query, Said, ranking_words
from newsgrep.rank.dedup import fold_ranked
from newsgrep.rank.weights import RANKING, Ranking


def search(
    searcher: Searcher,
    tree: Query,
    options: SearchOptions,
    text: str = "",
    ranking: Ranking = RANKING,
) -> SearchResult:
    """Ranked hits for a query (``text`` as typed, for did-you-mean), its
    words weighed by ``ranking`` (the searcher's weighting model holds its
    BM25 parameters: scoring.py); raises QueryError."""
    started = time.perf_counter()
    folded, distinct = 0, False
    schema = searcher.schema
    query, restrict = prepared_query(schema, tree, options, ranking)
    ranked = Ranked(query, proximity_query(tree, schema, ranking), _feedback(tree, ranking))
    marks = Marks(highlight_words(query, searcher.reader()), said_clauses(tree))
    if options.dedup or options.fold_page:
        hits, total, folded, distinct = _folded(searcher, ranked, restrict, marks, schema, options)
    else:
        results = _run(searcher, ranked, restrict, options)
        first = (options.page - 1) * options.limit if options.limit else 0
        listed = _path_hits(searcher, results[first:], first) if options.paths_only else None
        hits = listed or [
            _hit(first + i + 1, result, marks, schema, options.snippets)
            for i, result in enumerate(results[first:])
        ]
        total = exact_total(searcher, results, ranked.first, restrict)
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


def prepared_query(
    schema: Any, tree: Query, options: SearchOptions, ranking: Ranking = RANKING
) -> tuple[Any, Any | None]:
    """The (query, filter) pair search() runs, for callers that need every
    match rather than ranked hits (counts per month, source, person)."""
    restrict = options_filter(options)
    return (
        compile_query(tree, schema, ranking),
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
    (total, folded, distinct) to say what the total counts (rank/dedup.py's
    fold_ranked: every match with ``dedup``, the page's candidates with
    ``fold_page``)."""
    ranking = _Ranking(searcher, query, restrict, options)
    sketches = Sketches(searcher)
    wanted = options.page * options.limit
    results, groups, complete = fold_ranked(ranking.top, sketches.of, wanted, options.dedup)
    return folded_hits(
        results,
        groups,
        complete,
        ranking.total(),
        options,
        lambda rank, result, snippets: _hit(rank, result, marks, schema, snippets),
    )


class _Ranking:
    """One query's ranked hits for folding. ``top(n)`` reuses the last run
    when it holds the first ``n`` hits a run for ``n`` would give (it saw
    every match, or its first pass was the same: every fetch up to the
    proximity pass's candidates scores those candidates), and runs again only
    for more."""

    def __init__(
        self, searcher: Searcher, query: Ranked, restrict: Any | None, options: SearchOptions
    ) -> None:
        self._searcher, self._query, self._restrict = searcher, query, restrict
        self._options = options
        self._results: Any = None
        self._first_pass: int | None = None
        self._hits: list[Any] = []
        self._total: int | None = None

    def top(self, fetch: int) -> tuple[list[Any], bool]:
        """The ``fetch`` best-ranked hits (0: every match), and whether they are every match."""
        first_pass = _first_pass(self._query, fetch or None)
        if self._results is None or (first_pass != self._first_pass and not self._complete()):
            options = replace(self._options, limit=fetch, page=1)
            self._results = _run(self._searcher, self._query, self._restrict, options, True)
            self._first_pass = first_pass
            self._hits = self._results[:]
        hits = self._hits[:fetch] if fetch else self._hits
        return hits, len(hits) >= self.total()

    def _complete(self) -> bool:
        return self._first_pass is None or len(self._hits) < self._first_pass

    def total(self) -> int:
        """Every match, counted once."""
        if self._total is None:
            first, restrict = self._query.first, self._restrict
            self._total = exact_total(self._searcher, self._results, first, restrict)
        return self._total


class Ranked(NamedTuple):
    """A search's two passes: the query that finds and ranks stories, and the
    proximity bonus for its top candidates (None without words side by side);
    and the ranking whose feedback re-weighs the first pass (None: no feedback)."""

    first: WhooshQuery
    proximity: WhooshQuery | None
    feedback: Ranking | None = None


def _feedback(tree: Query, ranking: Ranking) -> Ranking | None:
    """The ranking when it asks for feedback and words typed side by side
    are there to expand; None otherwise."""
    wanted = ranking.feedback_terms > 0 and any(True for _ in ranking_words(tree))
    return ranking if wanted else None


def _run(
    searcher: Searcher,
    query: Ranked,
    restrict: Any | None,
    options: SearchOptions,
    keep_candidates: bool = False,
) -> Any:
    """The ranked run; with ``keep_candidates`` every hit of the first pass,
    not only the page's (folding may need more of them)."""
    limit = options.page * options.limit if options.limit else None
    kwargs: dict[str, Any] = {"limit": limit, "filter": restrict}
    if options.sort in ("newest", "oldest"):
        kwargs["sortedby"] = _by_date(searcher.schema, newest=options.sort == "newest")
        return searcher.search(query.first, **kwargs)
    first = query.first
    if query.feedback is not None:
        first = expanded(searcher, first, restrict, query.feedback)
    if query.proximity is None:
        return searcher.search(first, **kwargs)
    results = searcher.search(first, **{**kwargs, "limit": _first_pass(query, limit)})
    add_proximity(searcher, results, query.proximity, None if keep_candidates else limit)
    return results


def _first_pass(query: Ranked, limit: int | None) -> int | None:
    """Hits the first pass ranks for a page of ``limit`` (None: every match)."""
    return limit if query.proximity is None else candidates(limit)


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


def _path_hits(searcher: Searcher, results: Any, first: int) -> list[Hit] | None:
    """Hits that hold their paths alone, read from the path column: -l of
    thousands of stories reads no stored story (decompressed and unpickled
    whole, that was most of its time). None for an index without the column."""
    # Imported here: only -l reads the column; a ranked search does not load it.
    from newsgrep.engine.whoosh import columns

    if not columns.has_path_column(searcher.schema):
        return None
    paths = columns.paths_of(searcher.reader(), [result.docnum for result in results])
    return [
        Hit(first + i + 1, float(result.score or 0.0), path, "", None, "", [], "")
        for i, (result, path) in enumerate(zip(results, paths, strict=True))
    ]


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
    hit = _marked_hit(rank, score, stored, marks.words, schema, with_snippets)
    hit.quotes, hit.quotes_matched = matching_first(stored_quotes(stored), marks.said, schema)
    return hit


def _marked_hit(
    rank: int,
    score: float,
    stored: dict[str, Any],
    words: frozenset[str],
    schema: Any,
    with_snippets: bool,
) -> Hit:
    body = stored.get("body", "")
    title = stored.get("title", "")
    analyzer = schema["body"].analyzer
    if not with_snippets:
        return engine_hits.stored_hit(rank, score, stored)
    shown_title = display_title(title, body)
    return engine_hits.stored_hit(
        rank,
        score,
        stored,
        mark_words(shown_title, words, analyzer) if title else None,
        make_snippets(body, words, analyzer) or lead_snippet(body),
    )
