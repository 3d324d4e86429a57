"""The proximity bonus: a second pass over the first pass's top candidates."""

from dataclasses import replace

import pytest
from whoosh.searching import Searcher

import newsgrep
from newsgrep.engine.whoosh import proximity
from newsgrep.engine.whoosh.scoring import weighting
from newsgrep.engine.whoosh.searching import search
from newsgrep.engine.whoosh.store import open_searcher
from newsgrep.model import SearchOptions
from newsgrep.query.parser import parse_query
from newsgrep.rank.weights import RANKING

FILLER = " ".join(["quiet"] * 12)
# The bonus is an option of the ranking (RANKING ships it off: cross-validation
# found no gain); these tests turn it on.
NEAR = replace(RANKING, proximity_weight=0.4)


def _names(index, text, **options) -> list[str]:
    options = {"limit": 0, "snippets": False, "suggest": False, **options}
    with open_searcher(index) as opened:
        searcher = Searcher(opened.reader(), weighting=weighting(NEAR))
        result = search(searcher, parse_query(text), SearchOptions(**options), "", NEAR)
    return [hit.path.rsplit("/", 1)[-1].removesuffix(".txt") for hit in result.hits]


@pytest.fixture(scope="module")
def stories(tmp_path_factory):
    """Stories with the same words, once apart and once side by side, in
    three separate indexing runs so that they sit in separate segments."""
    folder = tmp_path_factory.mktemp("near")
    texts = {
        "apart1": f"Report\n\nGas {FILLER} pipeline {FILLER}.\n",
        "near": f"Report\n\nGas pipeline {FILLER} {FILLER}.\n",
        "apart2": f"Report\n\nPipeline {FILLER} gas {FILLER}.\n",
    }
    for name, text in texts.items():
        (folder / name).mkdir()
        (folder / name / f"{name}.txt").write_text(text)
        newsgrep.index_paths([folder / name], folder / "ix")
    return folder / "ix"


def test_words_side_by_side_rank_a_story_where_they_stand_close_first(stories):
    assert _names(stories, "gas pipeline")[0] == "near"
    assert _names(stories, "gas pipeline", limit=1) == ["near"]


def test_only_the_top_candidates_get_the_bonus(stories, monkeypatch):
    """The three stories tie on their words (first indexed first); with one
    candidate only that one is rescored, so the close story stays second."""
    monkeypatch.setattr(proximity, "PROXIMITY_CANDIDATES", 1)
    assert _names(stories, "gas pipeline") == ["apart1", "near", "apart2"]


def test_pages_continue_the_rescored_order(stories):
    whole = _names(stories, "gas pipeline")
    pages = [_names(stories, "gas pipeline", limit=1, page=p) for p in (1, 2, 3)]
    assert [name for page in pages for name in page] == whole
