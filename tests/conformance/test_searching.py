"""The engine seam's read side, on every engine: each field of SearchOptions
(filters, narrow, sorts, paging, snippets, folding, paths only) through
Engine.search, each answer derived from the stories the engine indexed
(oracle.py), so that every engine is held to the same answer."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsgrep.model import SearchOptions
from newsgrep.query.parser import parse_query
from newsgrep.query.tree import Every
from tests.conformance import oracle

EVERY = SearchOptions(limit=0, snippets=False, suggest=False)
FILTER_FIELDS = tuple(oracle.FIELD_VALUES)


def found(engine, options: SearchOptions, query: str = "*") -> set[str]:
    result = engine.search(parse_query(query), replace(EVERY, **_only(options)))
    assert result.total == len(result.hits)
    return {hit.path for hit in result.hits}


def _only(options: SearchOptions) -> dict:
    """The filters of ``options`` (the rest stays EVERY's)."""
    names = ("since", "until", "sources", "people", "places", "narrow")
    return {name: getattr(options, name) for name in names}


def test_every_story_is_found_once(engine, articles):
    result = engine.search(Every(), EVERY)
    assert sorted(hit.path for hit in result.hits) == sorted(a.path for a in articles)
    assert result.total == len(articles)


@pytest.mark.parametrize("field", FILTER_FIELDS)
def test_a_filter_and_a_narrowing_find_the_stories_holding_their_value(engine, articles, field):
    values = oracle.lone_values(articles, field)[:4]
    assert values
    for value in values:
        option = SearchOptions(**{oracle.OPTION_OF[field]: (value,)})
        expected = oracle.paths(articles, option)
        assert expected and found(engine, option) == expected, value
        assert found(engine, SearchOptions(narrow=((field, value),))) == expected, value


def test_filters_are_or_within_an_option_and_and_across_them(engine, articles):
    first, second = oracle.lone_values(articles, "source")[:2]
    place = oracle.lone_values(articles, "place")[0]
    either = SearchOptions(sources=(first, second))
    assert found(engine, either) == oracle.paths(articles, either)
    both = SearchOptions(sources=(first, second), places=(place,))
    assert found(engine, both) == oracle.paths(articles, both)
    narrowed = SearchOptions(sources=(first, second), narrow=(("place", place),))
    assert found(engine, narrowed) == oracle.paths(articles, both)
    twice = SearchOptions(narrow=(("source", first), ("source", second)))
    assert found(engine, twice) == oracle.paths(articles, twice) == set()


@pytest.mark.parametrize(
    "since,until", [("2001-11-01", "2001-11-30"), ("2002-01-01", None), (None, "2001-10-31")]
)
def test_since_and_until_keep_the_days_between_them(engine, articles, since, until):
    dates = SearchOptions(since=since, until=until)
    expected = oracle.paths(articles, dates)
    assert expected and found(engine, dates) == expected


def test_a_narrowing_filters_a_ranked_search_without_changing_a_score(engine, articles):
    person = oracle.lone_values(articles, "people")[0]
    tree = parse_query("nato")
    plain = engine.search(tree, EVERY)
    narrowed = engine.search(tree, replace(EVERY, narrow=(("people", person),)))
    holding = oracle.paths(articles, SearchOptions(people=(person,)))
    expected = [(h.path, h.score) for h in plain.hits if h.path in holding]
    assert expected and [(h.path, h.score) for h in narrowed.hits] == expected
    assert narrowed.total == len(expected) < plain.total


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_the_date_sorts_put_undated_stories_last_both_ways(engine, articles, sort):
    result = engine.search(Every(), replace(EVERY, sort=sort))
    dated = sorted((a.date for a in articles if a.date), reverse=sort == "newest")
    undated = [None] * sum(a.date is None for a in articles)
    assert [hit.date for hit in result.hits] == dated + undated


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_pages_are_slices_of_the_whole_ranking(engine, sort):
    tree = parse_query("nato OR russia")
    whole = engine.search(tree, replace(EVERY, sort=sort))
    assert whole.total > 7
    for limit, page in ((3, 1), (3, 2), (5, 2), (4, 100)):
        part = engine.search(tree, replace(EVERY, sort=sort, limit=limit, page=page))
        wanted = whole.hits[(page - 1) * limit : page * limit]
        assert [h.path for h in part.hits] == [h.path for h in wanted], (limit, page)
        assert [h.rank for h in part.hits] == [h.rank for h in wanted]
        assert part.total == whole.total


def test_hits_carry_snippets_only_when_asked(engine):
    tree = parse_query("nato")
    with_snippets = engine.search(tree, SearchOptions(limit=5, suggest=False))
    assert all(hit.snippets for hit in with_snippets.hits)
    marked = {text.lower() for h in with_snippets.hits for s in h.snippets for text, m in s if m}
    assert marked == {"nato"} and with_snippets.words == {"nato"}
    without = engine.search(tree, SearchOptions(limit=5, snippets=False, suggest=False))
    assert [h.path for h in without.hits] == [h.path for h in with_snippets.hits]
    assert not any(hit.snippets for hit in without.hits)


def test_paths_only_lists_the_same_stories(engine):
    tree = parse_query("nato")
    listed = engine.search(tree, replace(EVERY, paths_only=True))
    assert [h.path for h in listed.hits] == [h.path for h in engine.search(tree, EVERY).hits]


@pytest.mark.parametrize("fold", ["dedup", "fold_page"])
def test_folding_shows_each_copy_once_under_its_best_ranked_story(engine, fold):
    tree = parse_query("abm treaty")
    plain = engine.search(tree, EVERY)
    folded = engine.search(tree, replace(EVERY, **{fold: True}))
    shown = [h.path for h in folded.hits]
    copies = [d.hit.path for h in folded.hits for d in h.duplicates]
    assert copies and sorted(shown + copies) == sorted(h.path for h in plain.hits)
    assert folded.folded == len(copies)
    if fold == "dedup":
        assert folded.distinct and folded.total == len(shown) == plain.total - len(copies)


def test_did_you_mean_offers_a_word_the_index_holds(engine, articles):
    # A long name: no other word of the index is as near to it with a letter left out.
    surname = next(
        word
        for person in oracle.lone_values(articles, "people")
        for word in person.split()[-1:]
        if len(word) >= 8 and word.isalpha()
    )
    typo = surname[:4] + surname[5:]
    assert engine.search(parse_query(typo), SearchOptions(), typo).suggestion == surname
    assert engine.search(parse_query(surname), SearchOptions(), surname).suggestion is None
    quiet = SearchOptions(suggest=False)
    assert engine.search(parse_query(typo), quiet, typo).suggestion is None
