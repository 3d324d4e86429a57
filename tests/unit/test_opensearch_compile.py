"""The query tree as OpenSearch's query DSL: pure dicts, no cluster needed.

The analyser stands in for the cluster's ``_analyze``: lower case, Whoosh's
stop words dropped, a plural's 's' cut, 'U.S.-Russian' split in two.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

import pytest

from newsgrep.engine.opensearch.compile import (
    TITLE_FACTOR,
    compile_query,
    proximity_query,
)
from newsgrep.errors import QueryError
from newsgrep.query.parser import filter_query, parse_query
from newsgrep.rank.weights import PROXIMITY_SLOP, TITLE_WEIGHT

NEAR = 0.4  # a proximity bonus's weight (RANKING ships none: rank/weights.py)

STOP = {"the", "of", "a", "to", "and", "in", "is"}


def analyze(words: Sequence[str], whole: bool = False) -> list[list[str]]:
    if whole:  # not split, never a stop word: a plural's 's' cut
        return [[re.sub(r"s$", "", word.lower())] for word in words]
    return [
        [re.sub(r"s$", "", w) for w in re.findall(r"\w+(?:\.\w+)*", word.lower()) if w not in STOP]
        for word in words
    ]


def dsl(text: str) -> dict:
    return compile_query(parse_query(text), analyze)


def word(stem: str, count: int = 1) -> dict:
    return {
        "bool": {
            "should": [
                {"term": {"title": {"value": stem, "boost": TITLE_WEIGHT * TITLE_FACTOR * count}}},
                {"term": {"body": {"value": stem, "boost": float(count)}}},
            ],
            "minimum_should_match": 1,
        }
    }


def should(*parts: dict) -> dict:
    return {"bool": {"should": list(parts), "minimum_should_match": 1}}


def in_text(make) -> dict:
    return should(make("title", TITLE_FACTOR), make("body", 1.0))


def phrase(field: str, text: str, slop: int = 0, boost: float = 1.0) -> dict:
    options: dict = {"query": text, "zero_terms_query": "none"}
    if slop:
        options["slop"] = slop
    if boost != 1.0:
        options["boost"] = boost
    return {"match_phrase": {field: options}}


def test_plain_words_are_stems_in_title_and_body_weighed_and_summed():
    assert dsl("NATO members") == should(word("nato"), word("member"))


def test_a_word_typed_twice_counts_twice_and_a_stop_word_is_nothing():
    assert dsl("nato the NATO") == word("nato", 2)


def test_a_word_of_several_tokens_is_a_phrase_of_them():
    assert dsl("U.S.-Russian talks") == should(
        word("talk"), in_text(lambda f, b: phrase(f, "U.S.-Russian", boost=b))
    )


def test_stop_words_only_is_nothing_to_search_for():
    with pytest.raises(QueryError, match="nothing to search for"):
        dsl("the of")


def test_phrases_keep_their_slop_less_one_as_opensearch_counts_it():
    assert dsl('"coordinate its position"') == in_text(
        lambda f, b: phrase(f, "coordinate its position", boost=b)
    )
    assert dsl('"coordinate NATO"~5') == in_text(
        lambda f, b: phrase(f, "coordinate NATO", 4, boost=b)
    )


def test_fielded_words_search_that_field_only():
    assert dsl("title:Putins") == {"term": {"title": {"value": "putin", "boost": 1.0}}}
    assert dsl("title:U.S.-Russian") == phrase("title", "U.S.-Russian")
    assert dsl('people:"Igor Ivanov"') == phrase("people", "Igor Ivanov")
    assert dsl("place:Brussels") == phrase("place", "Brussels")


def test_a_source_is_a_phrase_of_its_stored_name_as_a_name_is():
    assert dsl('source:"Associated Press"') == phrase("source", "AP")
    assert dsl("source:RFE/RL") == phrase("source", "RFE/RL")
    assert dsl('source:"New York Times"') == phrase("source", "New York Times")


def test_boosts_weigh_a_word_in_both_fields():
    query = dsl("Blair^3 NATO")
    blair = typed("blair")
    blair["bool"]["boost"] = 3.0
    assert query == should(word("nato"), blair)


@pytest.mark.parametrize(
    "text,kind,value",
    [
        ("membersh*", "prefix", "membersh"),
        ("Rob?rtson", "wildcard", "rob?rtson"),
        ("memb?rs", "wildcard", "memb?r"),  # stemmed whole, as Whoosh does
    ],
)
def test_patterns_match_every_expansion_and_score_the_best(text, kind, value):
    body = dsl(text)["bool"]["should"][1]["bool"]
    assert body["filter"] == [{kind: {"body": {"value": value, "rewrite": "constant_score"}}}]
    assert body["should"] == [{kind: {"body": {"value": value, "rewrite": "top_terms_64"}}}]


def test_fuzzy_words_are_stemmed_with_their_distance():
    body = dsl("Robertsens~2")["bool"]["should"][1]["bool"]
    [every] = body["filter"]
    assert every["fuzzy"]["body"] == {
        "value": "robertsen",
        "rewrite": "constant_score",
        "fuzziness": 2,
        "prefix_length": 0,
        "transpositions": False,
    }


def typed(stem: str) -> dict:
    """A word typed with an operator: its stem in title and body, unweighed."""
    return in_text(lambda f, b: {"term": {f: {"value": stem, "boost": b}}})


def test_operators():
    nato, russia = typed("nato"), typed("russia")
    assert dsl("NATO AND Russia") == {"bool": {"must": [nato, russia]}}
    assert dsl("NATO OR Russia") == should(nato, russia)
    assert dsl("NATO NOT Russia") == {"bool": {"must": [word("nato")], "must_not": [russia]}}
    assert dsl("+NATO Russia") == {"bool": {"must": [nato], "should": [word("russia")]}}


def test_leaving_out_from_nothing_is_every_story_without():
    assert dsl("-russia")["bool"]["must"] == [{"match_all": {}}]
    assert dsl("the -russia")["bool"]["must"] == [{"match_all": {}}]


def test_stop_words_drop_out_of_and_and_or():
    assert dsl("the AND NATO") == typed("nato")
    assert dsl("+the NATO") == word("nato")
    assert dsl("NATO AND the") == typed("nato")
    assert dsl('NATO OR "of the"') == typed("nato")


def test_metadata_typed_beside_words_filters_them():
    query = dsl("people:Putin date:2001-11")
    assert query["bool"]["must"][0] == phrase("people", "Putin")
    assert query["bool"]["must"][1] == {
        "range": {
            "date": {"gte": "2001-11-01T00:00:00.000000", "lte": "2001-11-30T23:59:59.999999"}
        }
    }


@pytest.mark.parametrize(
    "text,bounds",
    [
        ("date:[2001-11-01 TO 2001-11-30]", {"gte": "2001-11-01", "lte": "2001-11-30T23"}),
        ("date:{2001-11-01 TO 2001-11-30}", {"gte": "2001-11-02", "lte": "2001-11-29T23"}),
        ("date:[2003-01-01 TO]", {"gte": "2003-01-01"}),
        ("date:[TO 2001-10-31]", {"lte": "2001-10-31T23"}),
        ("date:>2003-06-30", {"gte": "2003-07-01T00:00:00.000000"}),
        ("date:>=2003-06-30", {"gte": "2003-06-30T00"}),
        ("date:<2001", {"lte": "2000-12-31T23:59:59.999999"}),
        ("date:<=2001", {"lte": "2001-12-31T23:59:59.999999"}),
    ],
)
def test_dates_are_exact_to_the_day(text, bounds):
    compiled = dsl(text)["range"]["date"]
    assert set(compiled) == set(bounds)
    for end, start_of_value in bounds.items():
        assert compiled[end].startswith(start_of_value)


def test_the_options_filters_compile_like_typed_clauses():
    restrict = filter_query("2001-11-01", "2001-11-30", ("Reuters", "AFP"), ("Putin",))
    assert restrict is not None
    query = compile_query(restrict, analyze)
    assert query["bool"]["must"][0]["range"]["date"]["gte"] == "2001-11-01T00:00:00.000000"
    assert query["bool"]["must"][1] == should(phrase("source", "Reuters"), phrase("source", "AFP"))


def test_every_story():
    assert dsl("*") == {"match_all": {}}


def test_proximity_pairs_neighbouring_words_in_order_scored_as_their_words():
    def near(field: str, a: str, b: str) -> dict:
        weight = TITLE_FACTOR if field == "title" else 1.0
        return {
            "bool": {
                "filter": [
                    {
                        "span_near": {
                            "clauses": [{"span_term": {field: a}}, {"span_term": {field: b}}],
                            "slop": PROXIMITY_SLOP - 1,
                            "in_order": True,
                        }
                    }
                ],
                "should": [
                    {"term": {field: {"value": a, "boost": weight}}},
                    {"term": {field: {"value": b, "boost": weight}}},
                ],
                "boost": NEAR,
            }
        }

    def pair(a: str, b: str) -> dict:
        return should(near("title", a, b), near("body", a, b))

    bonus = proximity_query(parse_query("what did Putin say about joining NATO"), analyze, NEAR)
    assert bonus == should(pair("putin", "joining"), pair("joining", "nato"))
    assert proximity_query(parse_query("Putin joining NATO"), analyze, 0.0) is None


def test_no_proximity_without_two_different_words_side_by_side():
    assert proximity_query(parse_query("nato nato"), analyze, NEAR) is None
    assert proximity_query(parse_query("nato -russia"), analyze, NEAR) is None


def test_query_text_never_reaches_a_query_string_parser():
    compiled = json.dumps(dsl('NATO AND "treaty of Moscow" title:Putin~ Rob?rtson'))
    assert "query_string" not in compiled and "simple_query_string" not in compiled


def test_metadata_beside_words_filters_without_scoring():
    query = dsl("people:Putin NATO date:2001")
    assert query["bool"]["must"] == [word("nato")]
    assert [next(iter(part)) for part in query["bool"]["filter"]] == ["match_phrase", "range"]


def test_a_fuzzy_name_is_folded_not_stemmed():
    [every] = dsl("people:Schröders~")["bool"]["filter"]
    assert every["fuzzy"]["people"]["value"] == "schroders"


def test_said_is_one_span_within_a_quotation_its_name_and_phrases_in_order():
    span = dsl('said:"vladimir putin" nato "queuing accession"~3')["span_near"]
    speaker, nato, phrase = span["clauses"]
    # A span across two quotations is 10,000 positions wide at least.
    assert span["in_order"] is False and span["slop"] < 10_000
    assert speaker["span_near"] == {
        "clauses": [{"span_term": {"quotes": "_vladimir"}}, {"span_term": {"quotes": "_putin"}}],
        "slop": 0,
        "in_order": True,
    }
    assert nato == {"span_term": {"quotes": "nato"}}
    assert phrase["span_near"]["slop"] == 2 and phrase["span_near"]["in_order"] is True


def test_said_beside_words_filters_as_people_does():
    query = dsl("chechnya said:putin")
    assert query["bool"]["filter"] == [{"span_term": {"quotes": "_putin"}}]
