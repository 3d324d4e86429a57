"""More like this: the stories most like a given one, over its significant words.

As on Whoosh (engine/whoosh/similar.py): the story's KEY_TERMS key terms by
Whoosh's Bo1 model (words frequent in it and rare in the index, from the
cluster's term vector of its body, or of its title when it has no body
words) become a weighted OR over titles and bodies, scored with Whoosh's
idf like a search; the story itself is left out.
"""

from __future__ import annotations

import math
import time
from typing import Any

from newsgrep.engine.opensearch.compile import DSL
from newsgrep.engine.opensearch.highlights import highlight
from newsgrep.engine.opensearch.idf import whoosh_weighed
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
    terms = key_terms(client, name, ids[0], "body") or key_terms(client, name, ids[0], "title")
    like = {
        "bool": {
            "should": [
                {"term": {field: {"value": word, "boost": weight}}}
                for word, weight in terms
                for field in ("title", "body")
            ],
            "minimum_should_match": 1,
            "must_not": [{"ids": {"values": ids}}],
        }
    }
    request: DSL = {"query": like if terms else {"match_none": {}}}
    if snippets:
        request["highlight"] = highlight()
    first = (page - 1) * limit if limit else 0
    fetch = Fetcher(client, name, whoosh_weighed(client, name, request))
    found, total = fetch(first, limit)
    hits = [search_hit(first + i + 1, doc, snippets) for i, doc in enumerate(found)]
    return SearchResult(hits, total, time.perf_counter() - started, frozenset(w for w, _ in terms))


def key_terms(client: Any, name: str, story: str, field: str) -> list[tuple[str, float]]:
    """The story's KEY_TERMS most significant words in ``field`` and their
    weights, by Whoosh's Bo1 model (its key_terms, normalised)."""
    vector = client.termvectors(
        index=name, id=story, fields=[field], term_statistics=True, field_statistics=False
    )
    found = vector.get("term_vectors", {}).get(field, {}).get("terms", {})
    stories = client.count(index=name)["count"]
    scored = [
        (_bo1(info["term_freq"], info.get("ttf", info["term_freq"]), stories), word)
        for word, info in found.items()
    ]
    if not scored:
        return []
    most = max(score for score, _ in scored)
    norm = _bo1(most, most, stories) if most else 1.0
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [(word, score / norm) for score, word in scored[:KEY_TERMS]]


def _bo1(in_story: float, in_index: float, stories: int) -> float:
    """Bo1: a word's weight in the story, against its share of the index."""
    f = in_index / stories
    return in_story * math.log2((1.0 + f) / f) + math.log2(1.0 + f)
