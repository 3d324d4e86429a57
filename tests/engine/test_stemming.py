"""Both engines stem with Snowball's Porter (engine/whoosh/stemming.py):
Whoosh's own Porter left 'bidding' as 'bidd', so "takeover bid" counted
fewer stories on Whoosh than on a cluster."""

from __future__ import annotations

import json
import urllib.request

import pytest

from newsgrep.engine.whoosh.schema import word_analyzer
from tests.helpers.paths import CORPUS


def _whoosh_tokens(text: str) -> list[str]:
    return [token.text for token in word_analyzer()(text)]


def test_whoosh_stems_as_porter_does():
    assert _whoosh_tokens("bidding planned added employees") == ["bid", "plan", "ad", "employe"]


def test_an_index_pickles_the_stemmer_by_name(tmp_path):
    import pickle

    analyzer = pickle.loads(pickle.dumps(word_analyzer()))
    assert [token.text for token in analyzer("takeover bidding")] == ["takeov", "bid"]


@pytest.mark.opensearch
def test_the_cluster_analyses_stories_as_whoosh_does(opensearch_corpus_index):
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))[:8])
    request = urllib.request.Request(
        f"{opensearch_corpus_index}/_analyze",
        data=json.dumps({"analyzer": "newsgrep_words", "text": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as answer:
        theirs = [token["token"] for token in json.load(answer)["tokens"]]
    assert theirs == _whoosh_tokens(text)
