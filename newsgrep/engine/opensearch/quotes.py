"""Quotations on a cluster: ``said:`` as a span query, and which of a hit's
quotations a query matched (engine/quotations.py's matching_first).

Each quotation is one value of the ``quotes`` array (mapping.py), the
values ELEMENT_GAP positions apart. As on Whoosh (engine/whoosh/quotes.py):
the speaker's marked terms side by side, each word or phrase in its order,
all of them within one quotation: an unordered ``span_near`` whose slop is
below the gap (Lucene's unordered spans may overlap, as Whoosh's mindist 0
lets them). A span's slop counts the positions between, Whoosh's the step:
one less here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from newsgrep.engine.opensearch.mapping import ELEMENT_GAP, QUOTES
from newsgrep.engine.quotations import (
    Positions,
    marked_name,
    matching_first,
    said_clauses,
    typed_words,
)
from newsgrep.errors import QueryError
from newsgrep.model import Quote
from newsgrep.query import tree as t

DSL = dict[str, Any]
# Two terms of one quotation stand less than this many positions apart
# (Whoosh's WITHIN_QUOTE); a span's slop counts the positions between.
WITHIN_QUOTE = ELEMENT_GAP - 1


def said_query(node: t.Said, terms: Callable[[Sequence[str]], list[list[str]]]) -> DSL:
    """The speaker and every word of ``node`` within one quotation;
    ``terms(texts)`` gives each text's terms as the quotes field indexes them."""
    speaker_text = marked_name(" ".join(node.speaker))
    typed = typed_words(node)
    speaker, *words = terms([speaker_text, *(text for text, _ in typed)])
    found = _in_order(speaker, 1)
    if found is None:
        raise QueryError(f"said: has no name to look for in {' '.join(node.speaker)!r}")
    spans = [found] + [
        span
        for tokens, (_, slop) in zip(words, typed, strict=True)
        if (span := _in_order(tokens, slop)) is not None
    ]
    if len(spans) > 1:
        found = {"span_near": {"clauses": spans, "slop": WITHIN_QUOTE - 1, "in_order": False}}
    return found if node.boost == 1 else _boosted(found, node.boost)


def _boosted(span: DSL, boost: float) -> DSL:
    if "span_term" in span:
        ((field, value),) = span["span_term"].items()
        return {"span_term": {field: {"value": value, "boost": boost}}}
    return {"span_near": {**span["span_near"], "boost": boost}}


def _in_order(tokens: list[str], slop: int) -> DSL | None:
    """Terms in this order, each at most ``slop`` after the one before; None for no term."""
    if not tokens:
        return None
    clauses = [{"span_term": {QUOTES: token}} for token in tokens]
    if len(clauses) == 1:
        return clauses[0]
    return {"span_near": {"clauses": clauses, "slop": slop - 1, "in_order": True}}


def stored_quotes(source: dict[str, Any]) -> list[Quote]:
    """A story's quotations from its ``_source``, in the story's order."""
    return [Quote(item["text"], item.get("speaker")) for item in source.get("quotations") or ()]


class ClusterAnalysis:
    """engine/quotations.py's Analysis by the cluster's ``_analyze`` of the
    quotes field (each text asked once)."""

    def __init__(self, client: Any, name: str) -> None:
        self._client, self._name = client, name
        self._tokens: dict[str, list[dict]] = {}

    def terms(self, text: str) -> list[str]:
        return [token["token"] for token in self._analysed(text)]

    def positions(self, text: str) -> Positions:
        positions: Positions = {}
        for token in self._analysed(text):
            positions.setdefault(token["token"], []).append(token["position"])
        return positions

    def _analysed(self, text: str) -> list[dict]:
        if text not in self._tokens:
            body = {"field": QUOTES, "text": text}
            answer = self._client.indices.analyze(index=self._name, body=body)
            self._tokens[text] = answer.get("tokens", [])
        return self._tokens[text]


class ShownQuotes:
    """A hit's quotations, those its query's said: clauses match first."""

    def __init__(self, client: Any, name: str, said: Sequence[t.Said] = ()) -> None:
        self._said = said
        self._analysis = ClusterAnalysis(client, name) if said else None

    def __call__(self, source: dict[str, Any]) -> tuple[list[Quote], int]:
        quotes = stored_quotes(source)
        if self._analysis is None:
            return quotes, 0
        return matching_first(quotes, self._said, self._analysis)


def with_said_words(
    query: DSL, tree: t.Query | None, terms: Callable[[Sequence[str]], list[list[str]]]
) -> DSL:
    """``query`` for the highlighter, with the words (not the speakers) its
    said: clauses look for marked in title and body too, as on Whoosh."""
    texts = [text for node in said_clauses(tree) for text, _ in typed_words(node)]
    stems = sorted({token for tokens in terms(texts) for token in tokens}) if texts else []
    if not stems:
        return query
    marks = [{"terms": {field: stems}} for field in ("title", "body")]
    return {"bool": {"should": [query, *marks], "minimum_should_match": 1}}
