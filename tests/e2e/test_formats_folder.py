"""A folder mixing the formats a user really has indexes record by record,
on both engines."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

import newsgrep
from newsgrep.model import Hit, SearchOptions
from tests.helpers.paths import FORMATS
from tests.helpers.warc_fixture import write_warc

MIXED = ("news-page.html", "scraper.jsonl", "all-the-news.csv", "reuters-sample.sgm")


@pytest.fixture
def archive(tmp_path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    for name in MIXED:
        shutil.copy(FORMATS / name, folder / name)
    write_warc(folder / "crawl.warc.gz")
    return folder


def stored(index: str) -> dict[str, Hit]:
    """Every story of the index by path, as a search for everything gives it."""
    everything = newsgrep.search(index, "*", SearchOptions(limit=0, snippets=False))
    return {hit.path: hit for hit in everything.hits}


def test_mixed_folder_indexes_every_story_with_title_date_source(archive, index_location):
    skipped = []
    report = newsgrep.index_paths([archive], index_location, on_skip=lambda p, r: skipped.append(p))
    docs = stored(index_location)
    expected = {
        "news-page.html": (
            "Putin hints at softer line on NATO expansion",
            datetime(2001, 11, 22, 14, 5),
            "The Daily Ledger",
        ),
        "scraper.jsonl#1": (
            "Baltic states welcome Moscow's milder tone",
            datetime(2001, 11, 23, 9, 30),
            "balticwire.example.org",
        ),
        "scraper.jsonl#3": (
            "Robertson sees new NATO-Russia council by May",
            datetime(2001, 11, 24, 18, 0),
            "Alliance Times",
        ),
        "all-the-news.csv#17283": (
            "Senate passes farm bill after long debate",
            datetime(2016, 12, 31),
            "Capitol Report",
        ),
        "all-the-news.csv#17284": (
            "Storm closes schools across the Midwest",
            datetime(2017, 1, 2),
            "Prairie Daily",
        ),
        "all-the-news.csv#17286": (
            "Markets rally as oil prices climb",
            datetime(2017, 1, 4),
            "Capitol Report",
        ),
        "crawl.warc.gz#3": (
            "Ferry service to the islands resumes",
            datetime(2020, 3, 2, 7, 45),
            "Harbour Gazette",
        ),
        "crawl.warc.gz#6": (
            "Pier repairs to start in April",
            datetime(2020, 3, 3),
            "Harbour Gazette",
        ),
        "reuters-sample.sgm#101": (
            "BAHIA COCOA REVIEW",
            datetime(1987, 2, 26, 15, 1, 1),
            "Reuters",
        ),
        "reuters-sample.sgm#103": (
            "JAPAN TO STEP UP TRADE TALKS WITH U.S.",
            datetime(1987, 3, 31),
            "Reuters",
        ),
    }
    assert sorted(docs) == sorted(f"{archive}/{story}" for story in expected)
    for story, (title, date, source) in expected.items():
        doc = docs[f"{archive}/{story}"]
        assert (doc.title, doc.date, doc.source) == (title, date, source), story
    assert report.files == 5 and report.indexed == len(expected)
    assert sorted(p.rpartition("/")[2] for p in skipped) == [
        "all-the-news.csv#3",
        "reuters-sample.sgm#102",
        "scraper.jsonl#2",
    ]


@pytest.mark.parametrize(
    "query, story",
    [
        ("cocoa drought", "reuters-sample.sgm#101"),
        ("ferries islands", "crawl.warc.gz#3"),
        ("farm bill", "all-the-news.csv#17283"),
        ("Kremlin enlargement", "news-page.html"),
        ("Latvia Lithuania", "scraper.jsonl#1"),
    ],
)
def test_stories_of_every_format_are_found_by_search(archive, index_location, query, story):
    newsgrep.index_paths([archive], index_location)
    [hit, *_] = newsgrep.search(index_location, query).hits
    assert hit.path == f"{archive}/{story}"
    assert hit.title and hit.date and hit.source


def test_reindexing_a_changed_multi_story_file_replaces_all_its_stories(archive, index_location):
    index = index_location
    newsgrep.index_paths([archive], index)
    before = len(stored(index))
    dump = archive / "scraper.jsonl"  # two stories, and a broken line
    dump.write_text('{"title": "Only story now", "text": "Everything else was removed."}\n')
    newsgrep.index_paths([dump], index)
    from_dump = [p for p in stored(index) if p.startswith(f"{dump}#")]
    assert from_dump == [f"{dump}#1"]
    assert stored(index)[f"{dump}#1"].title == "Only story now"
    assert len(stored(index)) == before - 1
    newsgrep.index_paths([archive], index)  # the whole folder again: nothing doubled
    assert len(stored(index)) == before - 1
