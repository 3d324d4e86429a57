from datetime import datetime

import pytest

from newsgrep.extract.article import build_article
from newsgrep.extract.dateline import parse_dateline
from newsgrep.model import RawStory


@pytest.mark.parametrize(
    "text, place, date, source",
    [
        ("Moscow, 22 November 2001 (RFE/RL) -- Russian", "Moscow", (2001, 11, 22), "RFE/RL"),
        ("WASHINGTON, Nov. 20, 2001 (Reuters) - The", "Washington", (2001, 11, 20), "Reuters"),
        ("MOSCOW, November 28, 2001 (ITAR-TASS) -- x", "Moscow", (2001, 11, 28), "ITAR-TASS"),
        ("LONDON (Reuters) - x", "London", None, "Reuters"),
        ("NEW YORK, March 3 - x", "New York", (None, 3, 3), ""),
        ("ST. PETERSBURG, Russia (AP) -- x", "St. Petersburg", None, "AP"),
        ("NEW YORK, Nov 20 (Reuters) - Stocks fell", "New York", (None, 11, 20), "Reuters"),
        (
            "UNITED NATIONS, Nov. 8 — The Security Council voted",
            "United Nations",
            (None, 11, 8),
            "",
        ),
        ("BAGHDAD, Iraq, Sunday, Dec. 8 (AP) -- Iraq said", "Baghdad", (None, 12, 8), "AP"),
        ("Moscow, Tuesday, 20 November 2001 (RFE/RL) -- The", "Moscow", (2001, 11, 20), "RFE/RL"),
        ("ROCHESTER, N.Y., Feb 26 - Champion Products", "Rochester", (None, 2, 26), ""),
        ("ST. LOUIS, Mo., Nov. 20 /PRNewswire/ -- The", "St. Louis", (None, 11, 20), "PRNewswire"),
        ("JERUSALEM (AP) _ Israeli troops", "Jerusalem", None, "AP"),
        ("WASHINGTON — The Senate voted", "Washington", None, ""),
    ],
)
def test_wire_datelines(text, place, date, source):
    dateline = parse_dateline(text)
    assert dateline.place == place
    assert dateline.source == source
    if date is None:
        assert dateline.date is None
    else:
        assert (dateline.date.year, dateline.date.month, dateline.date.day) == date


@pytest.mark.parametrize(
    "text",
    [
        "Russian President Vladimir Putin today said Russia",
        "Officials said - quietly - that",
    ],
)
def test_prose_is_not_a_dateline(text):
    assert parse_dateline(text) is None


def test_dateline_without_year_never_takes_todays_year():
    article = build_article("/a/b.txt", RawStory("COCOA\n\nSALVADOR, Feb 26 - Showers."))
    assert article.date is None
    assert article.place == "Salvador"


def test_dateline_without_year_takes_year_from_path():
    article = build_article(
        "/news/1987/cocoa.txt", RawStory("COCOA\n\nSALVADOR, Feb 26 - Showers.")
    )
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


def test_year_of_a_dateline_comes_from_the_nearest_path_date():
    text = "Markets close the year\n\nNEW YORK, Dec 31 (Reuters) - Stocks rose."
    assert build_article("/wire/2002/01/01/a.txt", RawStory(text)).date == datetime(2001, 12, 31)


@pytest.mark.parametrize(
    "path", ["/news/2001/11/22/a.txt", "/news/20011122-a.txt", "/news/2001-11-22/a.txt"]
)
def test_path_date_forms(path):
    text = "Ivanov meets Robertson\n\nMOSCOW, Nov 22 (Reuters) - The talks began."
    assert build_article(path, RawStory(text)).date == datetime(2001, 11, 22)


@pytest.mark.parametrize(
    "header, expected",
    [
        ("Date: Thu, 22 Nov 2001 14:03:00 +0300", datetime(2001, 11, 22, 14, 3)),
        ("Published: 2001-11-22T10:13:00-04:00", datetime(2001, 11, 22, 10, 13)),
        ("Date: November 22, 2001 10:13 a.m. EST", datetime(2001, 11, 22, 10, 13)),
        ("-- Thu Nov 22, 2001 11:45pm EST", datetime(2001, 11, 22, 23, 45)),
    ],
)
def test_header_dates_keep_the_story_local_time(header, expected):
    text = f"{header}\n\nNATO opens door to Moscow\n\nBRUSSELS, Nov 22 (Reuters) - Text."
    assert build_article("/x.txt", RawStory(text)).date == expected


def test_date_line_under_the_headline_is_the_date_not_the_body():
    text = (
        "Putin rejects NATO bid\n\nTuesday, 20 November 2001\n\n"
        "MOSCOW, Nov 20 (Reuters) - President Vladimir Putin said."
    )
    article = build_article("/x.txt", RawStory(text))
    assert article.date == datetime(2001, 11, 20)
    assert (article.place, article.source, article.title) == (
        "Moscow",
        "Reuters",
        "Putin rejects NATO bid",
    )
    assert article.body.startswith("MOSCOW")


@pytest.mark.parametrize(
    "header, source",
    [
        ("Source: The Moscow Times", "The Moscow Times"),
        ("Publication: REUTERS", "Reuters"),
        ("Agency: Associated Press", "AP"),
    ],
)
def test_header_source_lines(header, source):
    text = f"{header}\n\nTalks open\n\nMOSCOW - Talks opened."
    assert build_article("/x.txt", RawStory(text)).source == source


def test_default_source_only_for_files_that_name_none():
    named = build_article(
        "/x.txt", RawStory("Talks open\n\nMOSCOW (AP) - x."), default_source="Archive"
    )
    unnamed = build_article(
        "/x.txt", RawStory("Talks open\n\nMOSCOW - x."), default_source="Archive"
    )
    assert (named.source, unnamed.source) == ("AP", "Archive")


AP_CAPTION = (
    "FILE - In this March 4, 2019 file photo, Governor Ellen Marsh speaks to reporters "
    "in Harrisburg, Pa. A judge heard arguments on Monday. (AP Photo/Dana Hollis, File)"
)
REUTERS_CAPTION = (
    "FILE PHOTO: A trader works on the floor of the exchange in New York, U.S., "
    "May 2, 2018. REUTERS/Lena Marks/File Photo"
)


@pytest.mark.parametrize(
    "text, place, source",
    [
        (
            f"{AP_CAPTION}\n\n{AP_CAPTION}\n\nHARRISBURG, Pa. (AP) — A judge ruled.",
            "Harrisburg",
            "AP",
        ),
        (f"{REUTERS_CAPTION}\n\nNEW YORK (Reuters) - Stocks rose.", "New York", "Reuters"),
        (f"{AP_CAPTION}\n\nA judge ruled on Monday, officials said.", "", ""),
    ],
)
def test_photo_captions_above_the_story_are_no_dateline(text, place, source):
    article = build_article("/x.jsonl#1", RawStory(text, title="Judge rules on budget"))
    assert (article.place, article.source) == (place, source)


@pytest.mark.parametrize(
    "text, place",
    [
        ("USA TODAY\n\nWASHINGTON – The Senate voted on Friday.", "Washington"),
        ("USA TODAY\n\nThe Senate voted on Friday, aides said.", ""),
        ("Senate passes budget\n\nDENVER – The Senate voted on Friday.", "Denver"),
    ],
)
def test_a_masthead_above_the_story_is_not_part_of_the_place(text, place):
    raw = RawStory(text, title="Senate passes budget", source="USA TODAY")
    assert build_article("/x.jsonl#1", raw).place == place


def test_a_place_never_spans_lines():
    assert parse_dateline("USA TODAY\nWASHINGTON – The Senate voted.") is None
    assert parse_dateline("NEW YORK\n(Reuters) - Stocks rose.").place == "New York"


def test_a_dateline_alone_in_its_paragraph_is_read():
    raw = RawStory("WASHINGTON (AP) —\n\nThe Senate voted on Friday.", title="Senate votes")
    article = build_article("/x.jsonl#1", raw)
    assert (article.place, article.source) == ("Washington", "AP")
