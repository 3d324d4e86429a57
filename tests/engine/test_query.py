"""The query language beyond dates: operators, fields, names, errors."""

import pytest

import newsgrep
from newsgrep.model import SearchOptions
from newsgrep.query.parser import filter_query


def _names(index, text, **options) -> set[str]:
    result = newsgrep.search(index, text, SearchOptions(limit=0, snippets=False, **options))
    return {hit.path.rsplit("/", 1)[-1].removesuffix(".txt") for hit in result.hits}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """Three stories whose words say which queries should find them."""
    folder = tmp_path_factory.mktemp("tiny")
    stories = {
        "a": "Alliance talks\n\nLONDON, May 2, 2002 (AP) - Alliance talks, no more.\n",
        "b": "Russia talks\n\nMOSCOW, May 3, 2002 (Reuters) - "
        "Russia and the alliance held talks.\n",
        "c": "Russia only\n\nMOSCOW, May 4, 2002 (ITAR-TASS) - "
        "Russia alone, Treasury Secretary Paul O'Neill said.\n",
    }
    for name, text in stories.items():
        (folder / f"{name}.txt").write_text(text)
    newsgrep.index_paths([folder], folder / "ix")
    return folder / "ix"


@pytest.mark.parametrize(
    "query,found",
    [
        ("alliance NOT russia", {"a"}),  # plain Whoosh: every story lacking Russia
        ("alliance -russia", {"a"}),
        ("russia -alliance", {"c"}),  # the first Russia story comes after an excluded one
        ("NOT alliance", {"c"}),
        ("alliance OR NOT russia", {"a"}),
        ("+russia alliance", {"b", "c"}),
        ("russia AND alliance", {"b"}),
        ("(alliance OR russia) AND NOT talks", {"c"}),
        ("russia source:ITAR-TASS", {"c"}),
        ("source:itar-tass OR source:AP", {"a", "c"}),
        ('source:"Associated Press"', {"a"}),
        ("source:reuter", {"b"}),
        ("people:O'Neill", {"c"}),
        ('people:"paul o\'neill"', {"c"}),
        ("place:moscow", {"b", "c"}),
        ("alliance place:moscow", {"b"}),  # a metadata clause filters the words beside it
        ("* place:london", {"a"}),
        ("title:talks", {"a", "b"}),
        ("title:alone", set()),  # in the body only
        ('"russia and the alliance"', {"b"}),
        ("alliances~", {"a", "b"}),
        ("ru*ia", {"b", "c"}),
    ],
)
def test_query_finds(tiny, query, found):
    assert _names(tiny, query) == found


def test_filters_or_within_and_across_options(tiny):
    assert _names(tiny, "*", sources=("AP", "Reuters")) == {"a", "b"}
    assert _names(tiny, "*", sources=("AP", "Reuters"), places=("Moscow",)) == {"b"}
    assert _names(tiny, "russia", people=("O'Neill",)) == {"c"}
    assert _names(tiny, "*", sources=("Associated Press",)) == {"a"}
    assert filter_query() is None


def test_narrowings_each_filter_on_their_own_and_rank_as_the_option(tiny):
    assert _names(tiny, "*", narrow=(("place", "Moscow"),)) == {"b", "c"}
    assert _names(tiny, "*", narrow=(("place", "Moscow"), ("source", "Reuters"))) == {"b"}
    assert _names(tiny, "*", narrow=(("source", "AP"), ("source", "Reuters"))) == set()  # both
    assert _names(tiny, "*", sources=("AP", "Reuters"), narrow=(("place", "Moscow"),)) == {"b"}
    assert _names(tiny, "russia", narrow=(("people", "Paul O'Neill"),)) == {"c"}
    narrowed = newsgrep.search(tiny, "russia talks", SearchOptions(narrow=(("place", "Moscow"),)))
    option = newsgrep.search(tiny, "russia talks", SearchOptions(places=("Moscow",)))
    assert [(h.path, h.score) for h in narrowed.hits] == [(h.path, h.score) for h in option.hits]
    assert len(narrowed.hits) == 2


def test_sort_and_page(tiny):
    def order(**options):
        result = newsgrep.search(tiny, "*", SearchOptions(snippets=False, **options))
        return [hit.path.rsplit("/", 1)[-1][0] for hit in result.hits]

    assert order(sort="newest") == ["c", "b", "a"]
    assert order(sort="oldest") == ["a", "b", "c"]
    assert order(sort="oldest", limit=1, page=2) == ["b"]
    assert order(sort="oldest", limit=2, page=2) == ["c"]
