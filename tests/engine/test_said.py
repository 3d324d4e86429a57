"""said: through the library: the speaker and the words in the same
quotation, combined with every other clause and filter."""

from datetime import datetime

import pytest

import newsgrep
from newsgrep.model import Article, Quote, SearchOptions
from tests.helpers.articles import index_articles
from tests.helpers.cluster import ENGINES, location_on

PUTIN = "Vladimir Putin"
ROBERTSON = "George Robertson"


def _story(name: str, body: str, quotes: list[Quote], day: str = "", source: str = "") -> Article:
    people = list(dict.fromkeys(quote.speaker for quote in quotes if quote.speaker))
    date = datetime.fromisoformat(day) if day else None
    return Article(f"/news/{name}.txt", body, name, date, source, people or [PUTIN], quotes=quotes)


STORIES = [
    _story(
        "accession",
        "Putin spoke of NATO accession in Moscow.",
        [
            Quote("Russia will not be queuing up for NATO accession", PUTIN),
            Quote("We have a new kind of cooperation", ROBERTSON),
        ],
        "2001-11-22",
        "RFE/RL",
    ),
    # The same words, but NATO in Robertson's quotation and Putin's elsewhere.
    _story(
        "crossed",
        "Putin and Robertson on NATO and cooperation.",
        [
            Quote("NATO welcomes the cooperation", ROBERTSON),
            Quote("Russia is ready for cooperation", PUTIN),
        ],
        "2002-05-28",
        "AP",
    ),
    _story(
        "chechnya",
        "In Chechnya, terrorists; NATO was not mentioned by Putin.",
        [Quote("We will pursue the terrorists", PUTIN), Quote("NATO is no threat", None)],
        "2001-09-24",
        "RFE/RL",
    ),
    _story("unquoted", "Putin said nothing quoted about NATO.", []),
]


@pytest.fixture(scope="module", params=ENGINES)
def index(request, tmp_path_factory):
    """The stories indexed once per engine (on the test cluster when it answers)."""
    with location_on(request.param, tmp_path_factory.mktemp("said"), request) as location:
        yield index_articles(location, STORIES)


def _names(index, text: str, **options) -> set[str]:
    result = newsgrep.search(index, text, SearchOptions(limit=0, snippets=False, **options))
    return {hit.title for hit in result.hits}


@pytest.mark.parametrize(
    "query,found",
    [
        ("said:putin", {"accession", "crossed", "chechnya"}),
        ("said:putin nato", {"accession"}),  # not 'crossed': NATO is in Robertson's words
        ("said:robertson nato", {"crossed"}),
        ("said:putin cooperation", {"crossed"}),
        ("said:robertson cooperation", {"accession", "crossed"}),
        ("said:putin russia cooperation", {"crossed"}),  # every word, one quotation
        ("said:putin nato cooperation", set()),  # nato and cooperation in two quotations
        ('said:"vladimir putin" "nato accession"', {"accession"}),
        ('said:"putin vladimir"', set()),  # a name's words in order
        ('said:putin "accession nato"', set()),  # a phrase's words in order
        ('said:putin "queuing accession"~5', {"accession"}),
        ("said:putin memberships", set()),
        ("said:putin queuing", {"accession"}),
        ("said:putin Terrorist", {"chechnya"}),  # stemmed and folded like the body
        ("said:nato", set()),  # a word is no speaker
        ("said:putin putin", set()),  # a speaker's name is no word of the quotation
        ("said:putin nato OR said:robertson nato", {"accession", "crossed"}),
        ("said:(putin OR robertson) nato", {"accession", "crossed"}),
        ("said:putin -said:robertson", {"chechnya"}),
        ("nato -said:putin", {"unquoted"}),
        ("said:putin date:2001", {"accession", "chechnya"}),
        ("said:putin source:AP", {"crossed"}),
        ("chechnya said:putin", {"chechnya"}),  # said: filters the story's words, as people: does
        ("terrorists said:robertson", set()),  # the story's words, Robertson quoted in it
        ("said:putin AND title:chechnya", {"chechnya"}),
    ],
)
def test_said_finds_the_speaker_and_words_in_one_quotation(index, query, found):
    assert _names(index, query) == found


def test_said_combines_with_the_options_filters(index):
    assert _names(index, "said:putin", sources=("RFE/RL",), since="2001-11") == {"accession"}
    assert _names(index, "said:robertson", people=("Putin",), until="2001-12") == {"accession"}


def test_hits_list_the_quotations_said_matched_first(index):
    [hit] = newsgrep.search(index, "said:putin cooperation").hits
    assert hit.quotes_matched == 1
    assert hit.quotes == [
        Quote("Russia is ready for cooperation", PUTIN),
        Quote("NATO welcomes the cooperation", ROBERTSON),
    ]


def test_without_said_hits_list_their_quotations_in_the_storys_order(index):
    [hit] = newsgrep.search(index, "title:crossed").hits
    assert hit.quotes_matched == 0
    assert [q.speaker for q in hit.quotes] == [ROBERTSON, PUTIN]


def test_said_words_are_highlighted_in_snippets(index):
    result = newsgrep.search(index, "said:putin terrorists")
    # Whoosh's words are the stems; a cluster's, the words its highlighter marked.
    assert {"terrorist", "terrorists"} & result.words
    assert "_putin" not in result.words and "putin" not in result.words


def test_show_lists_the_quotations_said_matched_first(index):
    [story] = newsgrep.show(index, "/news/crossed.txt", "said:putin")
    assert story.hit.quotes[0].speaker == PUTIN and story.hit.quotes_matched == 1


def test_count_by_speaker_counts_stories_quoting_each(index):
    facets = newsgrep.count_by(index, "*", "speaker")
    counts = {bucket.value: bucket.count for bucket in facets.buckets}
    assert counts == {PUTIN: 3, ROBERTSON: 2, None: 1}
    assert [bucket.value for bucket in facets.buckets][:2] == [PUTIN, ROBERTSON]
    said = newsgrep.count_by(index, "said:putin nato", "speaker")
    assert {b.value: b.count for b in said.buckets} == {PUTIN: 1, ROBERTSON: 1}
