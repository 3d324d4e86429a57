"""The hand-labelled quotation gold set (tests/data/quotes_gold.jsonl) is
well-formed: every line parses into the agreed record, and every labelled
quotation really occurs in its story (checked against ../shared, skipped
when the shared corpora are absent)."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.paths import DATA, ROOT, SHARED

GOLD = DATA / "quotes_gold.jsonl"
CORPORA = SHARED / "corpora"
KINDS = {"person", "organisation", "none"}
CUES = {"name", "pronoun", "title", "organisation", "continuation", "none"}
# Straight and curly double marks; a quote spanning paragraphs is labelled with
# its paragraphs joined by a space, so marks are dropped before comparing.
DOUBLE_MARKS = re.compile('["\u201c\u201d]')


def flat(text: str) -> str:
    """Text without double quotation marks, whitespace collapsed."""
    return " ".join(DOUBLE_MARKS.sub(" ", text).split())


def gold_records() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def test_every_record_has_the_agreed_fields_and_values():
    for record in gold_records():
        assert record["corpus"] in {"allsides-news", "reuters21578", "sample"}
        assert isinstance(record["file"], str) and record["file"]
        assert record["id"] is None or isinstance(record["id"], str)
        assert isinstance(record["outlet"], str) and record["outlet"]
        assert all(isinstance(name, str) and name for name in record["reporters"])
        assert all(isinstance(text, str) and text for text in record["not_quotes"])
        for quote in record["quotes"]:
            assert set(quote) == {"text", "speaker", "kind", "cue"}
            assert quote["text"] == " ".join(quote["text"].split())
            assert quote["kind"] in KINDS and quote["cue"] in CUES
            assert (quote["speaker"] is None) == (quote["kind"] == "none")


def test_no_reporter_is_labelled_as_a_speaker():
    for record in gold_records():
        speakers = {quote["speaker"] for quote in record["quotes"]}
        assert not speakers & set(record["reporters"]), record["id"]


def test_the_set_is_as_large_as_issue_18_asks():
    records = gold_records()
    assert len(records) >= 50
    assert sum(len(record["quotes"]) for record in records) >= 150
    assert len({record["outlet"] for record in records}) >= 15
    assert len({(record["corpus"], record["id"]) for record in records}) == len(records)


def allsides_texts(path: Path, wanted: set[str]) -> Iterator[tuple[str, str]]:
    """(id, title + text) of the wanted stories; only their lines are parsed."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line[8 : line.index('"', 8)] in wanted:
                story = json.loads(line)
                yield story["id"], story["title"] + "\n" + story["text"]


def reuters_texts(path: Path, wanted: set[str]) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            if str(story["id"]) in wanted:
                yield str(story["id"]), (story["title"] or "") + "\n" + (story["body"] or "")


def story_texts(records: list[dict]) -> dict[tuple[str, str | None], str]:
    """The text of every labelled story, keyed by (corpus, id)."""
    texts: dict[tuple[str, str | None], str] = {}
    readers = {"allsides-news": allsides_texts, "reuters21578": reuters_texts}
    for corpus, read in readers.items():
        files = {record["file"] for record in records if record["corpus"] == corpus}
        for name in files:
            wanted = {r["id"] for r in records if r["corpus"] == corpus and r["file"] == name}
            for story_id, text in read(CORPORA / corpus / name, wanted):
                texts[corpus, story_id] = text
    for record in records:
        if record["corpus"] == "sample":
            texts["sample", record["id"]] = (ROOT / record["file"]).read_text(encoding="utf-8")
    return texts


def test_every_labelled_text_occurs_in_its_story():
    if not CORPORA.is_dir():
        pytest.skip("../shared/corpora is not here")
    records = gold_records()
    texts = story_texts(records)
    for record in records:
        story = flat(texts[record["corpus"], record["id"]])
        for text in [quote["text"] for quote in record["quotes"]] + record["not_quotes"]:
            assert flat(text) in story, (record["id"], text)
