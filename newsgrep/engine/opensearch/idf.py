"""Whoosh's idf for the words of a query on OpenSearch.

Both engines score with BM25, but Whoosh's idf is ln(N / (df + 1)) + 1 and
Lucene's ln(1 + (N - df + 0.5) / (df + 0.5)): about one less, so on
OpenSearch a rare word outweighs a common one more, most of all in a small
archive ('Blair^3 NATO' on the sample corpus). A similarity cannot change
per query and the test cluster has no scripting, so each word's term query
(in title or body) is boosted by the ratio of the two, the document
frequencies counted in one request: the scores are then Whoosh's but for
length norms and the title's doubled words. When the ranking scores with
Lucene's idf on Whoosh too (rank/weights.py's ``lucene_idf``), there is
nothing to reweigh and no request is made.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterator
from typing import Any

from newsgrep.engine.opensearch.compile import DSL, TEXT_FIELDS
from newsgrep.rank.weights import RANKING


def whoosh_weighed(client: Any, name: str, request: DSL) -> DSL:
    """A copy of a search request with its title and body terms reweighed."""
    if RANKING.lucene_idf:
        return request
    weighed = copy.deepcopy(request)
    terms = list(_terms(weighed))
    keys = list(dict.fromkeys((field, options["value"]) for field, options in terms))
    if not keys:
        return weighed
    factors = _factors(client, name, keys)
    for field, options in terms:
        factor = factors.get((field, options["value"]), 1.0)
        options["boost"] = options.get("boost", 1.0) * factor
    return weighed


def _terms(node: Any) -> Iterator[tuple[str, dict]]:
    """Each term query on title or body in a query: (field, its options)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "term" and isinstance(value, dict):
                for field, options in value.items():
                    if field in TEXT_FIELDS and isinstance(options, dict):
                        yield field, options
            else:
                yield from _terms(value)
    elif isinstance(node, list):
        for item in node:
            yield from _terms(item)


def _factors(client: Any, name: str, keys: list[tuple[str, str]]) -> dict[tuple[str, str], float]:
    filters = {str(i): {"term": {field: value}} for i, (field, value) in enumerate(keys)}
    aggs: DSL = {"df": {"filters": {"filters": filters}}}
    aggs.update({field: {"filter": {"exists": {"field": field}}} for field in TEXT_FIELDS})
    answer = client.search(index=name, body={"size": 0, "track_total_hits": True, "aggs": aggs})
    stories = answer["hits"]["total"]["value"]
    counted = answer["aggregations"]
    factors = {}
    for i, (field, value) in enumerate(keys):
        found = counted["df"]["buckets"][str(i)]["doc_count"]
        with_field = counted[field]["doc_count"]
        if found and with_field:
            whoosh = math.log(stories / (found + 1)) + 1
            lucene = math.log(1 + (with_field - found + 0.5) / (found + 0.5))
            factors[(field, value)] = whoosh / lucene
    return factors
