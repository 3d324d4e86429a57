"""JSON, JSON Lines, CSV and TSV: one story a record, common field names mapped."""

from __future__ import annotations

import gzip
import json
from datetime import datetime
from pathlib import Path

import pytest

from newsgrep.errors import Unreadable
from newsgrep.indexing.stories import read_articles
from newsgrep.model import BadRecord
from newsgrep.readers import read_file
from tests.helpers.paths import FORMATS


def articles(path: Path) -> tuple[dict, list[tuple[str, str]]]:
    """The file's articles by story id (the part after #), and what was skipped."""
    skipped = []
    found = read_articles(path.absolute(), on_skip=lambda p, r: skipped.append((p, r)))
    return {a.path.rpartition("#")[2] if "#" in a.path else "": a for a in found}, skipped


def test_jsonl_maps_scraper_and_api_field_names():
    stories, _ = articles(FORMATS / "scraper.jsonl")
    news_please, news_api = stories["1"], stories["3"]
    assert news_please.title == "Baltic states welcome Moscow's milder tone"
    assert news_please.date == datetime(2001, 11, 23, 9, 30)
    assert news_please.source == "balticwire.example.org"
    assert news_please.author == ["Anna Berzina", "Tomas Kalnins"]
    assert news_please.url.endswith("baltic-welcome")
    assert news_api.title == "Robertson sees new NATO-Russia council by May"
    assert news_api.date == datetime(2001, 11, 24, 18, 0)
    assert news_api.source == "Alliance Times"
    assert news_api.author == ["Peter Lang"]


def test_people_come_from_the_text_and_authors_stay_authors():
    stories, _ = articles(FORMATS / "scraper.jsonl")
    assert "Vladimir Putin" in stories["1"].people
    assert "Anna Berzina" not in stories["1"].people
    assert "George Robertson" in stories["3"].people
    assert "Peter Lang" not in stories["3"].people


def test_broken_json_line_is_skipped_with_its_record_and_reason():
    stories, skipped = articles(FORMATS / "scraper.jsonl")
    assert sorted(stories) == ["1", "3"]
    [(where, reason)] = skipped
    assert where.endswith("scraper.jsonl#2")
    assert "broken JSON" in reason


def test_json_list_gives_numbered_stories_and_single_object_the_plain_path(tmp_path):
    listed = tmp_path / "dump.json"
    listed.write_text(
        json.dumps(
            [
                {"headline": "One", "body": "First story text."},
                {"headline": "Two", "body": "Second story text."},
            ]
        )
    )
    single = tmp_path / "story.json"
    single.write_text(json.dumps({"title": "Alone", "text": "The only story.", "id": "x9"}))
    assert sorted(articles(listed)[0]) == ["1", "2"]
    [(story_id, story)] = articles(single)[0].items()
    assert story_id == "" and story.path == str(single.absolute()) and story.title == "Alone"


def test_json_record_ids_are_used_and_kept_unique(tmp_path):
    path = tmp_path / "ids.jsonl"
    records = [{"id": "a1", "text": "One."}, {"id": "a1", "text": "Two."}, {"text": "Three."}]
    path.write_text("\n".join(json.dumps(r) for r in records))
    stories = articles(path)[0]
    assert len(stories) == 3 and "a1" in stories and "3" in stories


def test_news_api_answer_wrapping_a_list_is_read_as_the_list(tmp_path):
    path = tmp_path / "answer.json"
    path.write_text(
        json.dumps(
            {
                "status": "ok",
                "totalResults": 2,
                "articles": [
                    {"title": "A", "publishedAt": 1006420800, "content": "Text a."},
                    {"title": "B", "publishedAt": 1006420800000, "content": "Text b."},
                ],
            }
        )
    )
    stories = articles(path)[0]
    assert [s.date for s in stories.values()] == [datetime(2001, 11, 22, 9, 20)] * 2


def test_jsonl_named_json_is_read_line_by_line(tmp_path):
    path = tmp_path / "export.json"
    path.write_text('{"title": "A", "text": "One."}\n{"title": "B", "text": "Two."}\n')
    assert [s.title for s in articles(path)[0].values()] == ["A", "B"]


def test_record_without_title_follows_the_headline_rule(tmp_path):
    path = tmp_path / "untitled.jsonl"
    path.write_text(
        json.dumps(
            {
                "text": "Ministers met in Oslo on Monday to discuss fishing "
                "quotas. They agreed nothing."
            }
        )
        + "\n"
    )
    [story] = articles(path)[0].values()
    assert story.title == ""


def test_all_the_news_csv_works_as_is_and_skips_a_short_row():
    stories, skipped = articles(FORMATS / "all-the-news.csv")
    assert sorted(stories) == ["17283", "17284", "17286"]
    senate = stories["17283"]
    assert (senate.title, senate.source, senate.date) == (
        "Senate passes farm bill after long debate",
        "Capitol Report",
        datetime(2016, 12, 31),
    )
    assert senate.author == ["Jane Whitfield"]
    assert "\n\n" in senate.body  # a quoted field keeps its paragraphs
    assert stories["17284"].author == ["Tom Becker", "Lisa Ortiz"]
    [(where, reason)] = skipped
    assert where.endswith("all-the-news.csv#3") and "fields" in reason


def test_tsv_maps_headline_pubdate_site_name_byline():
    stories, skipped = articles(FORMATS / "stories.tsv")
    assert not skipped
    harbour = stories["1"]
    assert (harbour.title, harbour.date, harbour.source, harbour.author) == (
        "Harbour reopens after dredging",
        datetime(2019, 6, 14),
        "Coastal Courier",
        ["Ruth Adeyemi"],
    )
    assert harbour.place == "Portsmouth"


def test_csv_without_story_columns_is_skipped_whole(tmp_path):
    path = tmp_path / "prices.csv"
    path.write_text("ticker,price\nABC,1.5\n")
    with pytest.raises(Unreadable):
        list(read_file(path))


@pytest.mark.parametrize("name", ["scraper.jsonl", "all-the-news.csv", "stories.tsv"])
def test_gzipped_files_read_like_the_originals(tmp_path, name):
    plain = FORMATS / name
    packed = tmp_path / f"{name}.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert [r.title for r in read_file(packed) if not isinstance(r, BadRecord)] == [
        r.title for r in read_file(plain) if not isinstance(r, BadRecord)
    ]


@pytest.mark.parametrize(
    "content",
    [
        '{"title": "A", "text": "One."}\n{"title": "B", "text": "Two."}\n',
        "title,date,text\nA,2001-11-22,One.\nB,2001-11-23,Two.\n",
    ],
)
def test_extension_less_files_are_sniffed(tmp_path, content):
    path = tmp_path / "dump"
    path.write_text(content)
    assert [s.title for s in articles(path)[0].values()] == ["A", "B"]


def test_dateline_field_opens_the_text_and_gives_the_place(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(
        json.dumps(
            {
                "title": "Quotas raised",
                "dateline": "OSLO, March 3 -",
                "date": "2004-03-03",
                "body": "Norway raised cod quotas.",
            }
        )
        + "\n"
    )
    [story] = articles(path)[0].values()
    assert story.place == "Oslo"
    assert story.body == "OSLO, March 3 - Norway raised cod quotas."
