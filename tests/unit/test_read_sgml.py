"""TREC and Reuters-21578 SGML: many stories a file, each FILE#ID."""

from __future__ import annotations

import gzip
import re
import time
from datetime import datetime
from pathlib import Path

import pytest

from newsgrep.indexing.stories import read_articles
from newsgrep.model import BadRecord, RawStory
from newsgrep.readers import read_file
from tests.helpers.paths import FORMATS

REUTERS_SAMPLE = FORMATS / "reuters-sample.sgm"
TREC = FORMATS / "trec-la010189"


def read(path: Path):
    skipped = []
    found = read_articles(path.absolute(), on_skip=lambda p, r: skipped.append((p, r)))
    return {a.path.rpartition("#")[2]: a for a in found}, skipped


def test_reuters_records_have_their_newid_title_date_source_place():
    stories, _ = read(REUTERS_SAMPLE)
    cocoa = stories["101"]
    assert cocoa.title == "BAHIA COCOA REVIEW"
    assert cocoa.date == datetime(1987, 2, 26, 15, 1, 1)
    assert cocoa.source == "Reuters"
    assert cocoa.place == "Salvador"
    assert cocoa.author == ["Carlos Mendes"]  # "By Carlos Mendes, Reuters"


def test_reuters_text_is_decoded_latin1_with_entities_and_no_sign_off():
    stories, _ = read(REUTERS_SAMPLE)
    body = stories["101"].body
    assert "José Müller" in body
    assert "<Comissaria Smith>" in body
    assert not re.search(r"[\x00-\x08\x0e-\x1f]", body)
    assert not body.rstrip().endswith("Reuter")
    assert body.startswith("SALVADOR, Feb 26 - Showers")


def test_reuters_irregular_date_keeps_the_day():
    stories, _ = read(REUTERS_SAMPLE)
    assert stories["103"].date == datetime(1987, 3, 31)


def test_reuters_people_labels_are_not_people():
    """<PEOPLE><D>nakasone</D> is an editor's label; people come from the text."""
    stories, _ = read(REUTERS_SAMPLE)
    assert stories["103"].people == ["Yasuhiro Nakasone"]
    assert "reagan" not in [p.lower() for p in stories["101"].people]
    raw = [r for r in read_file(REUTERS_SAMPLE) if isinstance(r, RawStory)]
    assert raw[0].people is None and raw[0].extra["people"] == ["reagan"]


def test_reuters_record_without_text_is_skipped_and_the_rest_kept():
    stories, skipped = read(REUTERS_SAMPLE)
    assert sorted(stories) == ["101", "103"]
    [(where, reason)] = skipped
    assert where.endswith("reuters-sample.sgm#102") and "no text" in reason


def test_trec_docs_have_docno_headline_date_byline():
    stories, skipped = read(TREC)  # no extension: found by sniffing
    assert not skipped
    transit = stories["LA010189-0001"]
    assert transit.title == "CITY COUNCIL BACKS NEW TRANSIT PLAN"
    assert transit.date == datetime(1989, 1, 1)
    assert transit.author == ["Robert Hall"]
    assert transit.body.count("\n\n") == 1  # two <P> paragraphs
    assert "Tom Bradley" in transit.people
    assert stories["LA010189-0002"].title == "RAIN EXPECTED FOR ROSE PARADE"


def test_gzipped_sgml_reads_the_same(tmp_path):
    packed = tmp_path / "reut2-sample.sgm.gz"
    packed.write_bytes(gzip.compress(REUTERS_SAMPLE.read_bytes()))
    assert sorted(read(packed)[0]) == ["101", "103"]


def test_unclosed_record_does_not_swallow_the_next(tmp_path):
    path = tmp_path / "broken.sgml"
    path.write_text(
        "<DOC><DOCNO>A1</DOCNO><TEXT>First story, cut off.\n"
        "<DOC><DOCNO>A2</DOCNO><TEXT>Second story.</TEXT></DOC>\n"
    )
    assert [(r.record_id, r.text) for r in read_file(path)] == [
        ("A1", "First story, cut off."),
        ("A2", "Second story."),
    ]


@pytest.mark.slow
def test_shared_reuters_sgml_gives_every_record(reuters):
    """All 21,578 records are read: stories, plus a skip for each record whose
    <TEXT> holds no words (checked here against the raw files)."""
    files = sorted((reuters / "sgml").glob("*.sgm"))
    started = time.perf_counter()
    stories, bad, ids = 0, [], set()
    for path in files:
        for record in read_file(path):
            if isinstance(record, BadRecord):
                bad.append(record.record)
            else:
                stories += 1
                ids.add(record.record_id)
    seconds = time.perf_counter() - started
    raw = b"".join(p.read_bytes() for p in files)
    empty = {
        m.group(1).decode()
        for m in re.finditer(
            rb'NEWID="(\d+)">(?:(?!</REUTERS>).)*?<TEXT[^>]*>(?:&#\d+;|\s)*</TEXT>', raw, re.DOTALL
        )
    }
    assert stories + len(bad) == raw.count(b"<REUTERS ") == 21578
    assert set(bad) == empty
    assert len(ids) == stories  # NEWIDs are unique across the collection
    print(f"read {stories} stories (+{len(bad)} empty) in {seconds:.1f} s")
