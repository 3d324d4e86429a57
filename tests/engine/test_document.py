"""The one field list (engine/document.py): both engines' schema and
writers hold exactly its fields, each indexed as its kind says, and a Hit
reads them back."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsgrep.engine.document import STORY_FIELDS, hit_values, story_values
from newsgrep.engine.hits import stored_hit
from newsgrep.engine.opensearch.mapping import index_body
from newsgrep.engine.opensearch.writer import story_document
from newsgrep.engine.whoosh.schema import build_schema
from newsgrep.engine.whoosh.writer import article_fields
from newsgrep.model import Article

ARTICLE = Article(
    path="/w.jsonl#2",
    body="Talks went on.",
    title="Talks",
    date=datetime(2001, 11, 22),
    source="AP",
    people=["Vladimir Putin", "George Bush"],
    place="Moscow",
    author=["Ann Writer"],
    url="https://example.org/a",
)
# What the field kinds are, engine by engine.
WHOOSH = {
    "key": "ID",
    "words": "TEXT",
    "names": "TEXT",
    "date": "DATETIME",
    "kept": "STORED",
}
OPENSEARCH = {
    "key": "keyword",
    "words": "text",
    "names": "text",
    "date": "date",
    "kept": "keyword",
}


@pytest.mark.parametrize("field", STORY_FIELDS, ids=lambda f: f.name)
def test_each_engine_indexes_a_field_as_its_kind_says(field):
    assert type(build_schema()[field.name]).__name__ == WHOOSH[field.kind]
    mapped = index_body()["mappings"]["properties"][field.name]
    assert mapped["type"] == OPENSEARCH[field.kind]
    assert ("keyword" in mapped.get("fields", {})) == (field.kind == "names")


def test_both_writers_write_the_list_and_a_hit_reads_it_back():
    names = {field.name for field in STORY_FIELDS}
    whoosh = article_fields(ARTICLE, "/w.jsonl")
    cluster = story_document(ARTICLE, "/w.jsonl", "run-1")
    assert names <= set(whoosh) and names <= set(cluster)
    assert set(cluster) - names == {"run"}  # no quotations in this story
    stored = {field.name: value for field, value in story_values(ARTICLE, "/w.jsonl")}
    assert cluster["people"] == whoosh["_stored_people"] == stored["people"]
    assert cluster["date"] == "2001-11-22T00:00:00" and whoosh["date"] == ARTICLE.date
    hit = stored_hit(1, 2.0, stored)
    assert (hit.path, hit.title, hit.date, hit.source, hit.place) == (
        ARTICLE.path,
        ARTICLE.title,
        ARTICLE.date,
        ARTICLE.source,
        ARTICLE.place,
    )
    assert (hit.people, hit.author, hit.url) == (ARTICLE.people, ARTICLE.author, ARTICLE.url)


def test_a_story_without_a_value_reads_back_empty():
    bare = Article(path="/b", body="x")
    values = {field.name: value for field, value in story_values(bare, "/b")}
    assert "date" not in values  # neither engine stores an empty date
    assert hit_values({"path": "/b"}) == {
        "path": "/b",
        "title": "",
        "date": None,
        "source": "",
        "people": [],
        "place": "",
        "author": [],
        "url": "",
    }
