"""More like this: the stories most like a given one, by the cluster's
``more_like_this`` over titles and bodies (its key terms: frequent in the
story, rare in the index, as Whoosh's key_terms); the story itself left out."""

from __future__ import annotations

import time
from typing import Any

from newsgrep.engine.opensearch.highlights import highlight
from newsgrep.engine.opensearch.lookup import find_ids
from newsgrep.engine.opensearch.searching import Fetcher, search_hit
from newsgrep.errors import ManyStories
from newsgrep.model import SearchResult

KEY_TERMS = 25  # as on Whoosh: its default of 5 leaves a story's topic underdescribed


def similar(
    client: Any, name: str, path: str, limit: int = 10, page: int = 1, snippets: bool = True
) -> SearchResult:
    """The stories most like the one at ``path``.
    Raises StoryMissing or ManyStories (a file of several stories)."""
    started = time.perf_counter()
    ids = find_ids(client, name, path)
    if len(ids) > 1:
        raise ManyStories(f"{path} holds {len(ids)} stories: name one as FILE#ID")
    like = {
        "more_like_this": {
            "fields": ["title", "body"],
            "like": [{"_index": name, "_id": ids[0]}],
            "max_query_terms": KEY_TERMS,
            # Whoosh weighs any word of the story, once is enough, and a
            # story sharing one key term is like it.
            "min_term_freq": 1,
            "min_doc_freq": 1,
            "minimum_should_match": 1,
            "include": False,
        }
    }
    request: dict[str, Any] = {"query": like}
    if snippets:
        request["highlight"] = highlight()
    first = (page - 1) * limit if limit else 0
    found, total = Fetcher(client, name, request)(first, limit)
    hits = [search_hit(first + i + 1, doc, snippets) for i, doc in enumerate(found)]
    return SearchResult(hits, total, time.perf_counter() - started)
