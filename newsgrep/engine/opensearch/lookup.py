"""Finding stored stories by the path a user typed (engine/paths.py's keys):
one story, or every story of a file, the query's words marked in the body
by the highlighter (the whole body: ``number_of_fragments`` 0)."""

from __future__ import annotations

from typing import Any

from newsgrep.engine.hits import stored_hit
from newsgrep.engine.opensearch.compile import compile_query
from newsgrep.engine.opensearch.highlights import highlight, pieces
from newsgrep.engine.opensearch.quotes import ShownQuotes, with_said_words
from newsgrep.engine.opensearch.searching import Fetcher, analyzer, parse_date
from newsgrep.engine.paths import path_keys
from newsgrep.engine.quotations import said_clauses
from newsgrep.errors import StoryMissing
from newsgrep.model import Snippet, Story
from newsgrep.query.tree import Query


def find_ids(client: Any, name: str, text: str) -> list[str]:
    """The ids (stored paths) of the stories a path names."""
    return [doc["_id"] for doc in _found(client, name, text, {"_source": False})]


def load_stories(client: Any, name: str, text: str, query: Query | None = None) -> list[Story]:
    """The stories a path names, the query's words marked in their bodies.
    Their quotations the query's said: matches first. Raises StoryMissing or QueryError."""
    request: dict[str, Any] = {}
    if query is not None:
        analyze = analyzer(client, name)
        request["highlight"] = {
            **highlight(0),
            "highlight_query": with_said_words(compile_query(query, analyze), query, analyze),
        }
    quotes = ShownQuotes(client, name, said_clauses(query))
    stories = []
    for doc in _found(client, name, text, request):
        stored = dict(doc["_source"])
        stored["date"] = parse_date(stored.get("date"))
        body = stored.get("body", "")
        marked = doc.get("highlight", {}).get("body")
        hit = stored_hit(0, 0.0, stored)
        hit.quotes, hit.quotes_matched = quotes(stored)
        stories.append(Story(hit, body, _body_pieces(body, marked)))
    return stories


def _found(client: Any, name: str, text: str, request: dict[str, Any]) -> list[dict]:
    """The story at the most literal key that names one, else every story
    of the file at the most literal key that names a file, in index order
    (however many: past the result window by a scroll)."""
    keys = path_keys(text)
    for field in ("path", "file"):
        for key in keys:
            query = {**request, "query": {"term": {field: key}}, "sort": ["_doc"]}
            docs, _ = Fetcher(client, name, query)(0, 0)
            if docs:
                return docs
    raise StoryMissing(f"no story at {text} in the index")


def _body_pieces(body: str, marked: list[str] | None) -> Snippet:
    """The whole body as pieces, the highlighter's marks kept. A body the
    highlighter did not give back whole (past HIGHLIGHT_CHARS, or holding a
    mark character itself) keeps the marks it has, or none."""
    if not body:
        return []
    found = pieces(marked[0]) if marked else []
    shown = "".join(text for text, _ in found)
    if not found or not body.startswith(shown):
        return [(body, False)]
    return found + ([(body[len(shown) :], False)] if len(shown) < len(body) else [])
