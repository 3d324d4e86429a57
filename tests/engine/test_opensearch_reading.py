"""The read side on a cluster, where the command line cannot reach it: every
match past the result window, a whole story marked, labels of aggregations.
The cluster parts skip without the test cluster."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsgrep.engine import open_engine
from newsgrep.engine.opensearch import facets, lookup, searching
from newsgrep.engine.opensearch.highlights import MARK_END, MARK_START, pieces
from newsgrep.model import SearchOptions
from newsgrep.query.parser import parse_query

M, E = MARK_START, MARK_END


def test_highlights_become_pieces_and_stray_marks_are_dropped():
    assert pieces(f"NATO {M}members{E} met") == [
        ("NATO ", False),
        ("members", True),
        (" met", False),
    ]
    assert pieces(f"a{E} {M}b{E}{M}") == [("a ", False), ("b", True)]


def test_a_whole_body_keeps_the_highlighters_marks_or_none():
    body = "Putin met NATO."
    assert lookup._body_pieces(body, [f"Putin met {M}NATO{E}."]) == [
        ("Putin met ", False),
        ("NATO", True),
        (".", False),
    ]
    cut = lookup._body_pieces(body, [f"{M}Putin{E} met"])  # the highlighter stopped early
    assert "".join(text for text, _ in cut) == body
    assert lookup._body_pieces(body, None) == [(body, False)]
    assert lookup._body_pieces("", None) == []


@pytest.mark.parametrize(
    "by,label",
    [("year", "2001"), ("month", "2001-11"), ("week", "2001-W47"), ("day", "2001-11-22")],
)
def test_histogram_keys_are_labelled_as_on_whoosh(by, label):
    key = datetime(2001, 11, 22, tzinfo=UTC).timestamp() * 1000
    assert facets._label(key, by) == label
    assert facets._label(None, by) is None


@pytest.mark.opensearch
def test_every_match_past_the_result_window_in_rank_order(opensearch_corpus_index, monkeypatch):
    engine = open_engine(opensearch_corpus_index)
    tree = parse_query("NATO OR Russia")  # no proximity pass: the scroll's order is the search's
    every = SearchOptions(limit=0, snippets=False, suggest=False)
    whole = [hit.path for hit in engine.search(tree, every).hits]
    monkeypatch.setattr(searching, "RESULT_WINDOW", 5)
    monkeypatch.setattr(searching, "SCROLL_PAGE", 4)
    monkeypatch.setattr(searching, "PROXIMITY_CANDIDATES", 3)  # the first hits a search gives
    scrolled = engine.search(tree, every)
    assert len(whole) > 10 and scrolled.total == len(whole)
    assert [hit.path for hit in scrolled.hits] == whole
    page = engine.search(tree, SearchOptions(limit=4, page=2, snippets=False, suggest=False))
    assert [hit.path for hit in page.hits] == whole[4:8]
