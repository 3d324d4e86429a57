"""Wire stories in the "-- " header layout: title, byline, date and URL lines
over a dateline. The stories are made up; the layout is the archive's."""

from datetime import datetime

import pytest

from newsgrep.extract.article import build_article
from newsgrep.model import RawStory

URL = "http://www.reuters.com/article/2007/03/13/us-harbour-bid-idUSL1312345620070313"


def wire_story(byline: str, dateline: str) -> str:
    """A story as the archive lays it out; ``byline`` is the second line's text."""
    return (
        "-- Harbour Group spurns $3.1 bln approach from Dutch rival\n"
        f"-- {byline}\n"
        "-- Tue Mar 13, 2007 9:05am EDT\n"
        f"-- {URL}\n"
        "\n"
        f" {dateline} - Britain's Harbour Group said on Tuesday it had turned down a\n"
        "takeover approach from Dutch rival Vanterpool, chief executive Martin Ellery said.\n"
        "\n"
        " The company said the offer undervalued its paint business.\n"
    )


DATELINES = [
    ("LONDON  (Reuters)", "London"),
    ("AMSTERDAM/LONDON  (Reuters)", "Amsterdam"),
    ("HONG KONG/SINGAPORE  (Reuters)", "Hong Kong"),
    ("LE BOURGET, France  (Reuters)", "Le Bourget"),
    ("RIO DE JANEIRO  (Reuters)", "Rio de Janeiro"),
    ("ST. PAUL, Minnesota  (Reuters)", "St. Paul"),
]
BYLINES = [
    ("By  Anna Keller  and Tomas Brandt", ["Anna Keller", "Tomas Brandt"]),
    ("By Lisa van der Berg", ["Lisa van der Berg"]),
    ("", []),
]


@pytest.mark.parametrize("dateline, place", DATELINES)
@pytest.mark.parametrize("byline, authors", BYLINES)
def test_every_dateline_gives_source_and_place_with_or_without_a_byline(
    dateline, place, byline, authors
):
    article = build_article("/wire/a.txt", RawStory(wire_story(byline, dateline)))
    assert (article.source, article.place) == ("Reuters", place)
    assert article.author == authors
    assert article.title == "Harbour Group spurns $3.1 bln approach from Dutch rival"
    assert article.date == datetime(2007, 3, 13, 9, 5)
    assert article.url == URL


@pytest.mark.parametrize("byline, authors", BYLINES)
def test_no_header_line_reaches_the_body(byline, authors):
    article = build_article("/wire/a.txt", RawStory(wire_story(byline, "NEW YORK  (Reuters)")))
    assert article.body.lstrip().startswith("NEW YORK  (Reuters) - Britain's Harbour Group")
    assert "http" not in article.body and "--" not in article.body
    assert "Tue Mar 13" not in article.body


def test_reporters_are_authors_never_people():
    story = wire_story("By  Anna Keller  and Tomas Brandt", "LONDON  (Reuters)")
    article = build_article("/wire/a.txt", RawStory(story))
    assert "Martin Ellery" in article.people
    assert not {"Anna Keller", "Tomas Brandt"} & set(article.people)


def test_an_empty_dash_line_on_top_of_a_file_is_not_a_header():
    article = build_article("/a.txt", RawStory("--\n\nTalks open\n\nMOSCOW (AP) - Talks opened."))
    assert article.title == "Talks open"
    assert article.source == "AP"
