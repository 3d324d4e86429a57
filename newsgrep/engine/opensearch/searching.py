"""Run a query on an OpenSearch index and collect hits: searching, not printing.

As engine/whoosh/searching.py: the compiled tree, the options' filters in
``bool.filter`` (they never score), the proximity bonus as a ``rescore`` of
the first pass's top PROXIMITY_CANDIDATES, the date sorts with undated
stories last both ways, near-duplicates folded with rank/dedup.py, and
snippets from the cluster's highlighter. Every match is counted exactly
(``track_total_hits``); -l walks every match, past the result window too.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from newsgrep.engine.hits import folded_hits, lead_snippet, stored_hit
from newsgrep.engine.opensearch.compile import DSL, Analyze, compile_query, proximity_query
from newsgrep.engine.opensearch.highlights import highlight, pieces
from newsgrep.engine.opensearch.idf import whoosh_weighed
from newsgrep.engine.opensearch.quotes import ShownQuotes, with_said_words
from newsgrep.engine.opensearch.suggest import did_you_mean
from newsgrep.engine.quotations import said_clauses
from newsgrep.model import Hit, SearchOptions, SearchResult
from newsgrep.query.parser import options_filter
from newsgrep.query.tree import Query
from newsgrep.rank.dedup import Sketch, fingerprint, fold_ranked, story_text
from newsgrep.rank.weights import PROXIMITY_CANDIDATES

# OpenSearch's index.max_result_window: from + size beyond it is refused.
RESULT_WINDOW = 10_000
SCROLL_PAGE = 1_000
SCROLL_KEEP = "1m"


def search(
    client: Any, name: str, tree: Query, options: SearchOptions, text: str = ""
) -> SearchResult:
    """Ranked hits for a query (``text`` as typed, for did-you-mean); raises QueryError."""
    started = time.perf_counter()
    analyze = analyzer(client, name)
    request = whoosh_weighed(client, name, ranked_request(tree, options, analyze))
    fetch = Fetcher(client, name, request)
    quotes = ShownQuotes(client, name, said_clauses(tree))

    def make_hit(rank: int, doc: dict, with_snippets: bool) -> Hit:
        return search_hit(rank, doc, with_snippets, quotes)

    if options.dedup or options.fold_page:
        hits, total, folded, distinct = _folded(fetch, options, make_hit)
    else:
        first = (options.page - 1) * options.limit if options.limit else 0
        found, total = fetch(first, options.limit)
        hits = [make_hit(first + i + 1, doc, options.snippets) for i, doc in enumerate(found)]
        folded, distinct = 0, False
    suggestion = did_you_mean(client, name, text, tree) if options.suggest and text else None
    return SearchResult(
        hits,
        total,
        time.perf_counter() - started,
        _marked_words(hits),
        folded,
        distinct=distinct,
        suggestion=suggestion,
    )


def filtered_query(tree: Query, options: SearchOptions, analyze: Analyze) -> DSL:
    """The tree's query, the options' filters beside it in ``bool.filter``
    (for callers that need every match: counts per value)."""
    query = compile_query(tree, analyze)
    restrict = options_filter(options)
    if restrict is None:
        return query
    return {"bool": {"must": [query], "filter": [compile_query(restrict, analyze)]}}


def ranked_request(tree: Query, options: SearchOptions, analyze: Analyze) -> DSL:
    """The search request of a query: order, the proximity pass, highlights."""
    request: DSL = {"query": filtered_query(tree, options, analyze)}
    if options.sort in ("newest", "oldest"):
        order = "desc" if options.sort == "newest" else "asc"
        request["sort"] = [{"date": {"order": order, "missing": "_last"}}]
        request["track_scores"] = True
    elif (bonus := proximity_query(tree, analyze)) is not None:
        # A hit only gains, so the candidates still outrank every hit below them.
        request["rescore"] = {
            "window_size": PROXIMITY_CANDIDATES,
            "query": {"rescore_query": bonus, "query_weight": 1.0, "rescore_query_weight": 1.0},
        }
    if options.snippets:
        marked = with_said_words(request["query"], tree, analyze)
        request["highlight"] = highlight() | (
            {"highlight_query": marked} if marked is not request["query"] else {}
        )
    elif not (options.dedup or options.fold_page):
        request["_source"] = {"excludes": ["body"]}  # a path list needs no story text
    return request


def analyzer(client: Any, name: str) -> Analyze:
    """Typed words' tokens as the index analyses title and body: one
    ``_analyze`` request for the words not asked about before; whole words
    (wildcard and fuzzy) one request each, through the same filters."""
    known: dict[str, list[str]] = {}

    def analyze(words: Sequence[str], whole: bool = False) -> list[list[str]]:
        if whole:
            return [_whole(client, word) for word in words]
        asked = [w for w in dict.fromkeys(words) if w not in known]
        if asked:
            text = "\n".join(asked)  # a typed word holds no line break
            starts = [0]
            for word in asked[:-1]:
                starts.append(starts[-1] + len(word) + 1)
            answer = client.indices.analyze(index=name, body={"field": "body", "text": text})
            for word in asked:
                known[word] = []
            for token in answer.get("tokens", []):
                at = max(i for i, start in enumerate(starts) if start <= token["start_offset"])
                known[asked[at]].append(token["token"])
        return [known[w] for w in words]

    return analyze


def _whole(client: Any, word: str) -> list[str]:
    """A word analysed whole: lower case, accents folded, stemmed (as Whoosh
    analyses a wildcard or fuzzy word, marks kept)."""
    porter = {"type": "snowball", "language": "Porter"}  # mapping.py's stemmer
    chain = {"tokenizer": "keyword", "filter": ["lowercase", "asciifolding", porter]}
    answer = client.indices.analyze(body={**chain, "text": word})
    return [token["token"] for token in answer.get("tokens", [])]


class Fetcher:
    """Ranked hits of one request, any slice of them, and the exact total."""

    def __init__(self, client: Any, name: str, request: DSL) -> None:
        self.client, self.name, self.request = client, name, request

    def __call__(self, first: int, count: int) -> tuple[list[dict], int]:
        """Hits ``first`` to ``first + count`` (count 0: every hit from
        ``first`` on) and how many match."""
        size = count if count else RESULT_WINDOW - first
        if first + size > RESULT_WINDOW:
            return self._scrolled(first, count)
        answer = self._search({"from": first, "size": max(size, 0)})
        hits, total = answer["hits"]["hits"], answer["hits"]["total"]["value"]
        if not count and first + len(hits) < total:  # every hit, past the window
            return self._scrolled(first, 0)
        return hits, total

    def _search(self, extra: DSL, **params: Any) -> Any:
        body = {**self.request, **extra, "track_total_hits": True}
        return self.client.search(index=self.name, body=body, **params)

    def _scrolled(self, first: int, count: int) -> tuple[list[dict], int]:
        """In rank order by a scroll. A scroll cannot rescore, so the first
        PROXIMITY_CANDIDATES hits come from a search, which can, and the
        scroll adds the hits they do not hold."""
        answer = self._search({"from": 0, "size": PROXIMITY_CANDIDATES})
        hits, total = list(answer["hits"]["hits"]), answer["hits"]["total"]["value"]
        seen = {doc["_id"] for doc in hits}
        for page in self._scroll():
            hits += [doc for doc in page if doc["_id"] not in seen]
            if count and len(hits) >= first + count:
                break
        return hits[first : first + count] if count else hits[first:], total

    def _scroll(self) -> Iterator[list[dict]]:
        request = {k: v for k, v in self.request.items() if k != "rescore"}
        answer = self.client.search(
            index=self.name, body={**request, "size": SCROLL_PAGE}, scroll=SCROLL_KEEP
        )
        scroll_id = answer.get("_scroll_id")
        try:
            while answer["hits"]["hits"]:
                yield answer["hits"]["hits"]
                answer = self.client.scroll(scroll_id=scroll_id, scroll=SCROLL_KEEP)
                scroll_id = answer.get("_scroll_id", scroll_id)
        finally:
            if scroll_id:
                self.client.clear_scroll(scroll_id=scroll_id, ignore=(404,))


def _folded(
    fetch: Fetcher, options: SearchOptions, make_hit: Callable[[int, dict, bool], Hit]
) -> tuple[list[Hit], int, int, bool]:
    """Hits with their near-duplicates folded (rank/dedup.py's fold_ranked)."""
    known: dict[str, Sketch] = {}
    matches = 0

    def run(count: int) -> tuple[list[dict], bool]:
        nonlocal matches
        found, matches = fetch(0, count)
        return found, len(found) >= matches

    def sketch_of(doc: dict) -> Sketch:
        if doc["_id"] not in known:
            source = doc["_source"]
            known[doc["_id"]] = fingerprint(
                story_text(source.get("title", ""), source.get("body", ""))
            )
        return known[doc["_id"]]

    wanted = options.page * options.limit
    found, groups, complete = fold_ranked(run, sketch_of, wanted, options.dedup)
    return folded_hits(found, groups, complete, matches, options, make_hit)


def search_hit(rank: int, doc: dict, with_snippets: bool, quotes: ShownQuotes | None = None) -> Hit:
    """A Hit from a search hit: its stored fields, its marked title and
    snippets, its quotations (those ``quotes`` says matched first)."""
    source = dict(doc["_source"])
    source["date"] = parse_date(source.get("date"))
    hit = _hit(rank, doc, source, with_snippets)
    hit.quotes, hit.quotes_matched = (quotes or ShownQuotes(None, ""))(source)
    return hit


def _hit(rank: int, doc: dict, source: dict, with_snippets: bool) -> Hit:
    if not with_snippets:
        return stored_hit(rank, float(doc.get("_score") or 0.0), source)
    marked = doc.get("highlight", {})
    title = marked.get("title")
    snippets = [pieces(fragment) for fragment in marked.get("body", [])]
    return stored_hit(
        rank,
        float(doc.get("_score") or 0.0),
        source,
        pieces(title[0]) if title else None,
        snippets or lead_snippet(source.get("body", "")),
    )


def _marked_words(hits: list[Hit]) -> frozenset[str]:
    """The words the highlighter marked, in lower case."""
    return frozenset(
        text.lower()
        for hit in hits
        for snippet in [hit.title_pieces, *hit.snippets]
        for text, is_match in snippet
        if is_match
    )


def parse_date(value: str | None) -> datetime | None:
    """A stored date as the naive datetime newsgrep's records hold."""
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
