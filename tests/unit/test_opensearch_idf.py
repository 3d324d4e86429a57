"""Whoosh's idf on OpenSearch: a request's title and body terms reweighed
by the ratio of the two engines' idf, from counts the cluster gives."""

from __future__ import annotations

import math

import pytest

from newsgrep.engine.opensearch import idf
from newsgrep.engine.opensearch.idf import whoosh_weighed
from newsgrep.rank.weights import Ranking

STORIES, DF = 40, 4


class Counting:
    """Answers the one counting request: 40 stories, each term in 4 of them."""

    def __init__(self) -> None:
        self.asked: list[dict] = []

    def search(self, index: str, body: dict) -> dict:
        self.asked.append(body)
        filters = body["aggs"]["df"]["filters"]["filters"]
        return {
            "hits": {"total": {"value": STORIES}},
            "aggregations": {
                "df": {"buckets": {key: {"doc_count": DF} for key in filters}},
                "title": {"doc_count": STORIES},
                "body": {"doc_count": STORIES},
            },
        }


@pytest.fixture
def whoosh_idf(monkeypatch):
    """A ranking with Whoosh's own idf, the one there is something to reweigh for."""
    monkeypatch.setattr(idf, "RANKING", Ranking(lucene_idf=False))


def test_title_and_body_terms_get_whooshs_idf_and_nothing_else_changes(whoosh_idf):
    request = {
        "query": {
            "bool": {
                "should": [
                    {"term": {"body": {"value": "nato", "boost": 2.0}}},
                    {"term": {"title": {"value": "nato", "boost": 0.5}}},
                ],
                "filter": [{"term": {"source": {"value": "ap"}}}],
            }
        }
    }
    client = Counting()
    weighed = whoosh_weighed(client, "news", request)
    ratio = (math.log(STORIES / (DF + 1)) + 1) / math.log(1 + (STORIES - DF + 0.5) / (DF + 0.5))
    body, title = weighed["query"]["bool"]["should"]
    assert body["term"]["body"]["boost"] == pytest.approx(2.0 * ratio)
    assert title["term"]["title"]["boost"] == pytest.approx(0.5 * ratio)
    assert weighed["query"]["bool"]["filter"] == request["query"]["bool"]["filter"]
    assert request["query"]["bool"]["should"][0]["term"]["body"]["boost"] == 2.0  # a copy
    assert len(client.asked) == 1


def test_with_lucenes_idf_on_both_engines_nothing_is_asked_or_changed(monkeypatch):
    monkeypatch.setattr(idf, "RANKING", Ranking(lucene_idf=True))
    client = Counting()
    request = {"query": {"term": {"body": {"value": "nato", "boost": 2.0}}}}
    assert whoosh_weighed(client, "news", request) == request
    assert client.asked == []


def test_a_request_without_words_asks_nothing(whoosh_idf):
    client = Counting()
    assert whoosh_weighed(client, "news", {"query": {"match_all": {}}}) == {
        "query": {"match_all": {}}
    }
    assert client.asked == []
