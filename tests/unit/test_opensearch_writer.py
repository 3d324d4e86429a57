"""The OpenSearch writer's pieces that need no cluster: documents, ids, bulk bodies."""

from __future__ import annotations

import json
import pickle
from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsgrep.engine.opensearch import writer
from newsgrep.engine.opensearch.store import MAX_ID_BYTES, document_id
from newsgrep.errors import IndexingFailed
from newsgrep.model import Article


def test_a_story_document_keeps_lists_and_naive_dates():
    moscow = timezone(timedelta(hours=3))
    article = Article(
        path="/a/wire.jsonl#2",
        body="Body.",
        title="Title",
        date=datetime(2001, 11, 23, 12, 0, tzinfo=moscow),
        people=["Vladimir Putin", "Tony Blair"],
        author=["Anna Berzina"],
    )
    doc = writer.story_document(article, "/a/wire.jsonl", "run-1")
    assert doc["date"] == "2001-11-23T09:00:00"  # the same instant, in UTC, without a zone
    assert doc["people"] == ["Vladimir Putin", "Tony Blair"] and doc["file"] == "/a/wire.jsonl"
    assert "date" not in writer.story_document(Article(path="/b", body="x"), "/b", "run-1")


def test_ids_are_paths_and_long_paths_hash_the_same_way_each_time():
    assert document_id("/a/b.txt#3") == "/a/b.txt#3"
    long = "/" + "ä" * MAX_ID_BYTES
    assert document_id(long) == document_id(long) != document_id(long + "x")
    assert len(document_id(long).encode()) <= MAX_ID_BYTES


def test_batches_are_made_anywhere_and_fill_up_by_size():
    maker = pickle.loads(pickle.dumps(writer.DocumentBatchMaker("run-1", cap=300)))
    batch = maker()
    assert batch.finish() is None
    batch.add(Article(path="/a", body="word " * 20), "/a")
    assert not batch.full()
    batch.add(Article(path="/b", body="word " * 40), "/b")
    assert batch.full()
    documents = pickle.loads(pickle.dumps(batch.finish()))
    assert [doc_id for doc_id, _ in documents.lines] == ["/a", "/b"]
    assert json.loads(documents.lines[1][1])["run"] == "run-1"


def test_bulk_bodies_are_split_by_size(monkeypatch):
    monkeypatch.setattr(writer, "BULK_BYTES", 100)
    lines = [(f"/{n}", json.dumps({"body": "x" * 60})) for n in range(5)]
    chunks = writer._chunks(lines, "news")
    assert len(chunks) > 1
    assert sum(len(c) for c in chunks) == 10  # an action and a document per story
    action = json.loads(chunks[0][0])
    assert action == {"index": {"_index": "news", "_id": "/0"}}


def test_only_overloaded_items_are_sent_again():
    body = ["a1\n", "d1\n", "a2\n", "d2\n", "a3\n", "d3\n"]
    items = [
        {"index": {"status": 201}},
        {"index": {"status": 429, "error": {"reason": "queue full"}}},
        {"index": {"status": 200}},
    ]
    assert writer._refused_again(body, items) == ["a2\n", "d2\n"]
    items[2] = {"index": {"_id": "/c", "status": 400, "error": {"reason": "bad date"}}}
    with pytest.raises(IndexingFailed, match="bad date"):
        writer._refused_again(body, items)


def test_aware_dates_in_utc_stay_put():
    when = datetime(2001, 1, 1, tzinfo=UTC)
    doc = writer.story_document(Article(path="/c", body="x", date=when), "/c", "r")
    assert doc["date"] == "2001-01-01T00:00:00"
