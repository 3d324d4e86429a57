"""A date before 1800 or more than a day ahead is not a story's date: the
story falls back to the next date it gives (text, path), or goes undated."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from newsgrep.extract.article import build_article
from newsgrep.extract.dates import is_story_date
from newsgrep.indexing.stories import read_articles
from newsgrep.model import RawStory

WIRE_TEXT = "WASHINGTON, Nov. 20, 2001 (AP) — The Senate voted on the farm bill."
PLAIN_TEXT = "The Senate voted on the farm bill on Tuesday, aides said."


def one_article(path: Path):
    [article] = read_articles(path.absolute())
    return article


@pytest.mark.parametrize("field", ["0001-11-30", "1066-10-14", "2050-09-30"])
def test_a_json_field_date_out_of_range_falls_back_to_the_dateline(tmp_path, field):
    path = tmp_path / "stories.jsonl"
    record = {"title": "Farm bill passes", "date": field, "text": WIRE_TEXT}
    path.write_text(json.dumps(record) + "\n")
    assert one_article(path).date == datetime(2001, 11, 20)


def test_a_json_field_date_out_of_range_without_a_text_date_is_undated(tmp_path):
    path = tmp_path / "stories.jsonl"
    record = {"title": "Farm bill passes", "date": "2050-09-30", "text": PLAIN_TEXT}
    path.write_text(json.dumps(record) + "\n")
    assert one_article(path).date is None


def test_a_csv_date_out_of_range_is_not_the_date(tmp_path):
    path = tmp_path / "stories.csv"
    path.write_text(
        "title,date,content\n"
        f'Farm bill passes,0001-01-01,"{PLAIN_TEXT}"\n'
        f'Farm bill signed,2001-12-01,"{PLAIN_TEXT}"\n'
    )
    dates = sorted(a.date or datetime.min for a in read_articles(path.absolute()))
    assert dates == [datetime.min, datetime(2001, 12, 1)]


def test_a_header_date_out_of_range_falls_back_to_the_dateline():
    text = f"Date: 2099-01-01\n\nFarm bill passes\n\n{WIRE_TEXT}"
    assert build_article("/x.txt", RawStory(text)).date == datetime(2001, 11, 20)


def test_a_text_date_out_of_range_leaves_the_story_undated():
    text = f"Date: 1700-05-01\n\nFarm bill passes\n\n{PLAIN_TEXT}"
    assert build_article("/x.txt", RawStory(text)).date is None


def test_a_date_later_today_in_another_zone_is_kept():
    now = datetime.now()
    assert is_story_date(now + timedelta(hours=20))
    assert not is_story_date(now + timedelta(days=2))
    assert is_story_date(datetime(1800, 1, 1)) and not is_story_date(datetime(1799, 12, 31))
