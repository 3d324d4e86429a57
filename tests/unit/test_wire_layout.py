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


# An editor's note over a line that holds byline and dateline together, in
# the forms the wire writes them: the stories are made up.
NOTE_HEADERS = (
    "-- Verizon Wireless profit up 22 pct\n"
    "-- By  Sinead Carew\n"
    "-- Thu Nov 2, 2006 4:44pm EST\n"
    f"-- {URL}\n"
    "\n"
)
LEADS = [
    # (lead as written, authors, place)
    (
        " (Adds executive comment, details)\n"
        "    By  Sinead Carew NEW YORK  Nov 2 (Reuters) - Wireless carrier Verizon said",
        ["Sinead Carew"],
        "New York",
    ),
    (
        " (Adds executive comment, details)  By  Sinead Carew NEW YORK  Nov 2 (Reuters)"
        " - Wireless carrier Verizon said",
        ["Sinead Carew"],
        "New York",
    ),
    (
        " (Updates 1/2)\n (Corrects headline to show 22 pct, not 12 pct)\n\n"
        " NEW YORK  Nov 2 (Reuters) - Wireless carrier Verizon said",
        ["Sinead Carew"],
        "New York",
    ),
    (
        " (Recasts with analyst comment (paragraphs 4-6))\n\n"
        " By Sinead Carew and Ben Klayman ST. LOUIS, Missouri, Nov 2 (Reuters) -"
        " Wireless carrier Verizon said",
        ["Sinead Carew", "Ben Klayman"],
        "St. Louis",
    ),
    (
        " (Adds quotes)\n\n By  Lisa van der Berg LONDON  (Reuters) -"
        " Wireless carrier Verizon said",
        ["Sinead Carew", "Lisa van der Berg"],
        "London",
    ),
    (
        " By  Sinead Carew NEW YORK  Nov 2 (Reuters) - Wireless carrier Verizon said",
        ["Sinead Carew"],
        "New York",
    ),
]


@pytest.mark.parametrize("lead, authors, place", LEADS)
def test_a_note_and_a_byline_before_the_dateline_give_source_place_and_author(lead, authors, place):
    text = NOTE_HEADERS + lead + " profits rose.\n\n More text follows.\n"
    article = build_article("/wire/a.txt", RawStory(text))
    assert (article.source, article.place, article.author) == ("Reuters", place, authors)
    assert article.date == datetime(2006, 11, 2, 16, 44)
    assert article.title == "Verizon Wireless profit up 22 pct"
    assert article.body.split(" - ")[1].startswith("Wireless carrier Verizon said")
    assert "(" not in article.body.split(" (Reuters)")[0]  # no note left
    assert "By " not in article.body and "Carew" not in article.body


def test_without_header_lines_the_note_is_no_headline_and_the_dateline_gives_the_date():
    text = (
        "Verizon profit up 22 pct\n\n(Adds executive comment, details)\n\n"
        "By  Sinead Carew NEW YORK  Nov 2 (Reuters) - Wireless carrier Verizon said."
    )
    article = build_article("/wire/2006/a.txt", RawStory(text))
    assert article.title == "Verizon profit up 22 pct"
    assert (article.source, article.place, article.author) == (
        "Reuters",
        "New York",
        ["Sinead Carew"],
    )
    assert article.date == datetime(2006, 11, 2)
    assert article.body.startswith("NEW YORK  Nov 2 (Reuters) - Wireless")


def test_a_desk_note_over_a_story_with_no_dateline_leaves_the_body():
    text = NOTE_HEADERS + " (Adds details)\n\n Wireless carrier Verizon said profits rose.\n"
    article = build_article("/wire/a.txt", RawStory(text))
    assert article.body == "Wireless carrier Verizon said profits rose."


def test_a_parenthesis_opening_prose_is_no_note():
    text = NOTE_HEADERS + " (In the end) the carrier said profits rose.\n"
    article = build_article("/wire/a.txt", RawStory(text))
    assert article.body.strip() == "(In the end) the carrier said profits rose."


@pytest.mark.parametrize(
    "dateline, source", [("(Reuters) -", "Reuters"), ("NEW YORK (Reuters Health) -", "Reuters")]
)
def test_an_agency_desk_and_a_placeless_dateline_give_the_agency(dateline, source):
    text = NOTE_HEADERS + f" (Adds details)\n\n {dateline} Carrier profits rose.\n"
    assert build_article("/wire/a.txt", RawStory(text)).source == source


def test_a_byline_initial_is_no_dateline():
    text = NOTE_HEADERS + " By J. R. Smith LONDON  (Reuters) - Carrier profits rose.\n"
    article = build_article("/wire/a.txt", RawStory(text))
    assert (article.place, article.author) == ("London", ["Sinead Carew", "J. R. Smith"])


NOTES = [
    "",
    "(Updates 1/2)",
    "(Adds quotes, details)",
    "(Corrects headline to show pct, not bln)\n (Recasts with analyst comment)",
    "(Repeats story first published on Tuesday; no changes to text)",
]
BYLINE_NAMES = [
    ("", []),
    ("By  Sinead Carew", ["Sinead Carew"]),
    ("By Anna Keller and Tomas Brandt", ["Anna Keller", "Tomas Brandt"]),
    ("By Lisa van der Berg", ["Lisa van der Berg"]),
]
WIRE_DATELINES = [
    "NEW YORK  Nov 2 (Reuters) -",
    "LONDON, Nov 2 (Reuters) -",
    "WASHINGTON  (Reuters) -",
    "ST. LOUIS, Missouri  (Reuters) -",
    "(Reuters) -",
]
JOINS = [" ", "\n ", "\n\n "]  # note, byline and dateline on one line, lines, paragraphs


def test_every_combination_of_note_byline_and_dateline_gives_a_source():
    """The archive's forms multiplied: 300 stories, each with its source and
    reporters, the note gone from the body."""
    wrong = []
    for note in NOTES:
        for byline, authors in BYLINE_NAMES:
            for dateline in WIRE_DATELINES:
                for join in JOINS:
                    # a byline runs into the dateline's line, as the wire writes it
                    lead = join.join(p for p in (note, f"{byline} {dateline}".strip()) if p)
                    text = (
                        "-- Carrier profit up\n-- Thu Nov 2, 2006 4:44pm EST\n\n "
                        f"{lead} Wireless carrier Verizon said profits rose.\n"
                    )
                    article = build_article("/wire/a.txt", RawStory(text))
                    got = (article.source, article.author, article.body.split(" - ")[-1])
                    if got != ("Reuters", authors, "Wireless carrier Verizon said profits rose."):
                        wrong.append((lead, got))
    assert wrong == []


def test_a_credit_line_at_the_end_is_no_note():
    text = (
        "-- Carrier profit up\n\n NEW YORK (Reuters) - Profits rose.\n\n"
        " (Additional reporting by John Roe; Editing by Ann Lee)\n"
    )
    article = build_article("/wire/a.txt", RawStory(text))
    assert article.author == ["John Roe", "Ann Lee"]
    assert article.body.endswith("(Additional reporting by John Roe; Editing by Ann Lee)")


def test_an_empty_story_has_no_lead():
    assert build_article("/wire/a.txt", RawStory("-- Title only\n")).body == ""
