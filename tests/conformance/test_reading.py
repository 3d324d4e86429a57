"""The engine seam's other reading calls, on every engine: count_by for
every --by kind (with filters and shares), said:, stories (show), stats and
similar, each answer derived from the stories the engine indexed
(oracle.py), or, for similar stories, compared between the engines."""

from __future__ import annotations

import pytest

from newsgrep.errors import StoryMissing
from newsgrep.model import SearchOptions, display_title
from newsgrep.query.parser import parse_query
from newsgrep.query.tree import Every
from newsgrep.rank.facets import BY_CHOICES
from tests.conformance import oracle
from tests.conformance.test_searching import EVERY


@pytest.mark.parametrize("by", BY_CHOICES)
def test_count_by_counts_every_story_once_per_value(engine, articles, by):
    facets = engine.count_by(Every(), by, SearchOptions())
    assert [(b.value, b.count) for b in facets.buckets] == oracle.by_buckets(articles, by)
    assert facets.by == by and facets.matched == len(articles)


@pytest.mark.parametrize("by", ["source", "person", "speaker", "month"])
def test_count_by_applies_the_filters_and_gives_shares(engine, articles, by):
    place = oracle.lone_values(articles, "place")[0]
    options = SearchOptions(places=(place,))
    kept = [a for a in articles if oracle.passes(a, options)]
    facets = engine.count_by(Every(), by, options)
    assert [(b.value, b.count) for b in facets.buckets] == oracle.by_buckets(kept, by)
    # A query's share of each value: its stories among all that hold the value.
    person = oracle.lone_values(articles, "people")[0]
    holding = [a for a in articles if oracle.has(a, "people", person)]
    shared = engine.count_by(parse_query(f'people:"{person}"'), by, SearchOptions(), share=True)
    everywhere = oracle.counts(articles, by)
    expected = [
        (v, n, n / everywhere[v] if everywhere[v] else 0.0)
        for v, n in oracle.by_buckets(holding, by)
    ]
    assert [(b.value, b.count) for b in shared.buckets] == [(v, n) for v, n, _ in expected]
    assert [b.share for b in shared.buckets] == pytest.approx([share for *_, share in expected])
    assert shared.matched == len(holding)


def test_said_finds_the_stories_quoting_a_speaker(engine, articles):
    speakers = oracle.counts(articles, "speaker")
    speakers.pop(None, None)
    for speaker, _ in speakers.most_common(3):
        word = oracle.words(speaker)[-1]
        quoting = {
            a.path
            for a in articles
            if any(q.speaker and word in oracle.words(q.speaker) for q in a.quotes)
        }
        result = engine.search(parse_query(f"said:{word}"), EVERY)
        assert {h.path for h in result.hits} == quoting, speaker
        shown = engine.search(parse_query(f"said:{word}"), SearchOptions(limit=3))
        for hit in shown.hits:
            assert hit.quotes_matched >= 1
            assert all(
                word in oracle.words(q.speaker or "") for q in hit.quotes[: hit.quotes_matched]
            )


def test_show_gives_back_each_story_as_it_was_indexed(engine, articles):
    for article in articles[::7]:
        [story] = engine.stories(article.path)
        hit = story.hit
        assert story.body == article.body
        assert "".join(text for text, _ in story.body_pieces) == article.body
        assert (hit.path, hit.title) == (article.path, display_title(article.title, article.body))
        assert (hit.date, hit.source, hit.place) == (article.date, article.source, article.place)
        assert (hit.people, hit.author, hit.url) == (article.people, article.author, article.url)
        assert [(q.text, q.speaker) for q in hit.quotes] == [
            (q.text, q.speaker) for q in article.quotes
        ]
    with pytest.raises(StoryMissing):
        engine.stories(articles[0].path + ".nowhere")


def test_show_marks_the_querys_words(engine, articles):
    article = next(a for a in articles if "NATO" in a.body)
    [story] = engine.stories(article.path, parse_query("nato"))
    marked = {text.lower() for text, is_match in story.body_pieces if is_match}
    assert marked == {"nato"}
    assert "".join(text for text, _ in story.body_pieces) == article.body


def test_stats_tell_what_the_index_holds(engine, articles):
    stats = engine.stats(top=5)
    dates = [a.date for a in articles if a.date]
    assert (stats.stories, stats.files) == (len(articles), len({a.path for a in articles}))
    assert (stats.first_date, stats.last_date) == (min(dates), max(dates))
    assert stats.undated == len(articles) - len(dates)
    for kind in ("source", "person", "place"):
        assert stats.top[kind] == oracle.top(articles, kind, 5), kind


def test_similar_leaves_the_story_out_and_pages_its_list(engine, articles):
    path = articles[0].path
    whole = engine.similar(path, limit=10, snippets=False)
    paths = [h.path for h in whole.hits]
    assert len(paths) == 10 and path not in paths and len(set(paths)) == 10
    second = engine.similar(path, limit=4, page=2, snippets=False)
    assert [h.path for h in second.hits] == paths[4:8]
    with pytest.raises(StoryMissing):
        engine.similar(path + ".nowhere")


def test_both_engines_find_the_same_similar_stories(engines, articles):
    shared = []
    for article in articles:
        whoosh, opensearch = (
            {h.path for h in e.similar(article.path, limit=5, snippets=False).hits} for e in engines
        )
        shared.append(len(whoosh & opensearch) / max(len(whoosh), 1))
    assert sum(shared) / len(shared) >= 0.8
