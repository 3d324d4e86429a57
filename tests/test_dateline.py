from datetime import datetime

import pytest

from newsgrep.extract import build_article
from newsgrep.extract.dateline import parse_dateline
from newsgrep.readers import RawStory


@pytest.mark.parametrize("text, place, date, source", [
    ("Moscow, 22 November 2001 (RFE/RL) -- Russian", "Moscow", (2001, 11, 22), "RFE/RL"),
    ("WASHINGTON, Nov. 20, 2001 (Reuters) - The", "Washington", (2001, 11, 20), "Reuters"),
    ("MOSCOW, November 28, 2001 (ITAR-TASS) -- x", "Moscow", (2001, 11, 28), "ITAR-TASS"),
    ("LONDON (Reuters) - x", "London", None, "Reuters"),
    ("NEW YORK, March 3 - x", "New York", (None, 3, 3), ""),
    ("ST. PETERSBURG, Russia (AP) -- x", "St. Petersburg", None, "AP"),
])
def test_wire_datelines(text, place, date, source):
    dateline = parse_dateline(text)
    assert dateline.place == place
    assert dateline.source == source
    if date is None:
        assert dateline.date is None
    else:
        assert (dateline.date.year, dateline.date.month, dateline.date.day) == date


@pytest.mark.parametrize("text", [
    "Russian President Vladimir Putin today said Russia",
    "Officials said - quietly - that",
])
def test_prose_is_not_a_dateline(text):
    assert parse_dateline(text) is None


def test_dateline_without_year_never_takes_todays_year():
    article = build_article("/a/b.txt", RawStory("COCOA\n\nSALVADOR, Feb 26 - Showers."))
    assert article.date is None
    assert article.place == "Salvador"


def test_dateline_without_year_takes_year_from_path():
    article = build_article("/news/1987/cocoa.txt", RawStory("COCOA\n\nSALVADOR, Feb 26 - Showers."))
    assert article.date == datetime(1987, 2, 26)


def test_dateline_without_year_takes_year_from_header():
    text = "Date: 27 Feb 1987\n\nCOCOA\n\nSALVADOR, Feb 26 - Showers."
    assert build_article("/x.txt", RawStory(text)).date == datetime(1987, 2, 27)


def test_local_time_kept_with_zone_dropped():
    text = "-- Shares slide\n-- Sun Apr 1, 2007 10:13pm EDT\n\nNEW YORK (Reuters) - x."
    assert build_article("/x.txt", RawStory(text)).date == datetime(2007, 4, 1, 22, 13)


def test_source_spellings_are_normalised():
    text = "Head line here\n\nLONDON (REUTER) - Text."
    assert build_article("/x.txt", RawStory(text)).source == "Reuters"
