import pytest

from newsgrep.extract.layout import split_article
from newsgrep.model import display_title

SEED_TOP = """Accessibility links

Breaking News

Russia: Putin Says Not Interested In NATO Membership

Moscow, 22 November 2001 (RFE/RL) -- Russian President Vladimir Putin today said.
"""


def test_site_chrome_above_the_headline_is_skipped():
    layout = split_article(SEED_TOP)
    assert layout.title == "Russia: Putin Says Not Interested In NATO Membership"
    assert layout.body.startswith("Moscow, 22 November 2001")


def test_unknown_one_word_chrome_is_passed_over_for_the_headline():
    text = (
        "World\n\nEurope\n\nBaltic states press for alliance seats\n\n"
        "VILNIUS (AP) - Text follows here."
    )
    assert split_article(text).title == "Baltic states press for alliance seats"


def test_running_prose_first_paragraph_has_no_headline():
    text = (
        "The central bank raised rates on Tuesday. Officials said inflation was "
        "too high.\n\nMore text."
    )
    layout = split_article(text)
    assert layout.title == ""
    assert display_title(layout.title, layout.body) == "The central bank raised rates on Tuesday."


def test_dateline_paragraph_is_never_a_headline():
    text = "LONDON (Reuters) - Shares fell.\n\nMore."
    assert split_article(text).title == ""


def test_header_title_wins_over_first_line():
    text = "Title: Header Title\nDate: 2001-11-22\n\nFirst Line Headline Here\n\nBody text."
    layout = split_article(text)
    assert layout.title == "Header Title"
    assert layout.headers["date"] == "2001-11-22"


def test_dashed_header_block():
    text = (
        "-- Bank of Japan holds rates\n-- By Jane Doe\n-- Sun Apr 1, 2007 10:13pm EDT\n"
        "-- http://www.example.com/a\n\nTOKYO (Reuters) - Text."
    )
    layout = split_article(text)
    assert layout.title == "Bank of Japan holds rates"
    assert layout.authors == ["Jane Doe"]
    assert layout.headers["url"] == "http://www.example.com/a"


def test_byline_goes_to_authors_not_title():
    text = "Alliance talks open\n\nBy Jane Doe and John Roe\n\nBRUSSELS (AP) - Text."
    layout = split_article(text)
    assert layout.title == "Alliance talks open"
    assert layout.authors == ["Jane Doe", "John Roe"]


def test_credit_line_names_are_authors():
    text = (
        "Title here today\n\nLONDON (Reuters) - Text.\n\n"
        "(Reporting by Anna Petrova; Editing by Mark Heinrich)"
    )
    assert split_article(text).authors == ["Anna Petrova", "Mark Heinrich"]


def test_all_caps_headline_kept_as_written():
    assert (
        split_article("BAHIA COCOA REVIEW\n\nSALVADOR, Feb 26 - Showers.").title
        == "BAHIA COCOA REVIEW"
    )


def test_title_only_brief_is_a_title():
    layout = split_article("U.S. TREASURY SETS BILL AUCTION\n")
    assert layout.title == "U.S. TREASURY SETS BILL AUCTION"
    assert layout.body == ""


def test_headline_byline_and_date_written_as_one_block():
    text = (
        "Putin rejects NATO bid\nBy Anna Petrova\nNovember 20, 2001\n\n"
        "MOSCOW (Reuters) - Putin said."
    )
    layout = split_article(text)
    assert (layout.title, layout.authors) == ("Putin rejects NATO bid", ["Anna Petrova"])
    assert layout.headers["date"] == "November 20, 2001"
    assert layout.body.startswith("MOSCOW")


def test_a_date_alone_on_top_is_not_the_headline():
    layout = split_article("Tuesday, 20 November 2001\n\nPutin rejects NATO bid\n\nMoscow - Text.")
    assert layout.title == "Putin rejects NATO bid"


def test_a_number_headline_is_not_a_date():
    assert split_article("9/11\n\nNEW YORK - Text.").title == "9/11"


def test_credit_line_places_are_not_part_of_names():
    text = (
        "Title here today\n\nLONDON (Reuters) - Text.\n\n"
        "(Reporting by Sarah Kendrick in London "
        "and Anna Petrova in Moscow; Editing by Gareth Lowry)"
    )
    assert split_article(text).authors == ["Sarah Kendrick", "Anna Petrova", "Gareth Lowry"]


def test_author_header_with_several_names():
    layout = split_article("Author: Jane Doe and John Roe\n\nTitle of it\n\nText.")
    assert layout.authors == ["Jane Doe", "John Roe"]


def test_dashed_title_wins_over_first_line():
    text = "-- Bank of Japan holds rates\n\nTOKYO RATES DECISION\n\nTOKYO (Reuters) - Text."
    assert split_article(text).title == "Bank of Japan holds rates"


@pytest.mark.parametrize(
    "byline, authors",
    [
        ("By JANE DOE, Associated Press Writer", ["Jane Doe"]),
        ("By Jane Doe and John Roe, Reuters", ["Jane Doe", "John Roe"]),
        ("By Jane Doe in Moscow", ["Jane Doe"]),
        ("By Jane Doe, Staff Writer", ["Jane Doe"]),
        ("By Laura Kuenssberg\nPolitical editor", ["Laura Kuenssberg"]),
    ],
)
def test_bylines_name_only_the_reporters(byline, authors):
    layout = split_article(f"May faces revolt over deal\n\n{byline}\n\nLONDON — Theresa May said.")
    assert layout.authors == authors
    assert layout.body.startswith("LONDON")


def test_prose_starting_with_by_is_not_a_byline():
    text = (
        "Rates held\n\nThe bank kept rates unchanged, as expected\n"
        "by most economists polled.\n\nMore."
    )
    assert split_article(text).authors == []
