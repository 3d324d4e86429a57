"""Exact totals without scoring every match, and folding from stored sketches:
the figures Whoosh's own walk over every match gives, on the sample corpus
and on an index with deleted stories."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from whoosh import query as q
from whoosh.fields import Schema

import newsgrep
from newsgrep.engine.whoosh import store
from newsgrep.engine.whoosh.counting import match_count
from newsgrep.engine.whoosh.schema import build_schema
from newsgrep.engine.whoosh.searching import prepared_query
from newsgrep.engine.whoosh.sketches import Sketches
from newsgrep.engine.whoosh.store import open_searcher
from newsgrep.model import SearchOptions
from newsgrep.query.parser import parse_query
from newsgrep.rank.dedup import fingerprint, story_text
from tests.helpers.paths import CORPUS

QUERIES = [
    "nato",
    "nato russia membership",
    '"missile defense"',
    "nato -russia",
    "nato AND russia",
    "(nato OR treaty) -putin",
    "memb*",
    "putin~1",
    "people:putin date:[2001-11-01 TO 2001-11-30]",
    "said:putin nato",
    "title:nato^2 body:summit",
    "*",
    "zzzznotaword",
]
FILTERS = [
    SearchOptions(),
    SearchOptions(since="2002"),
    SearchOptions(sources=("AP", "Reuters")),
    SearchOptions(since="2099"),  # a filter nothing passes
]


def whoosh_count(folder: Path, text: str, options: SearchOptions) -> int:
    """Every match as Whoosh finds it: its matcher walked, posting by posting."""
    with open_searcher(folder) as searcher:
        query, restrict = prepared_query(searcher.schema, parse_query(text), options)
        allowed = set(searcher.docs_for_query(restrict)) if restrict is not None else None
        return sum(
            1 for docnum in searcher.docs_for_query(query) if allowed is None or docnum in allowed
        )


def counted(folder: Path, text: str, options: SearchOptions) -> int:
    with open_searcher(folder) as searcher:
        query, restrict = prepared_query(searcher.schema, parse_query(text), options)
        return match_count(searcher, query, restrict)


@pytest.fixture(scope="module")
def with_deletions(tmp_path_factory) -> Path:
    """The sample corpus indexed, then a third of its files removed and indexed again."""
    work = tmp_path_factory.mktemp("deletions")
    corpus = work / "corpus"
    shutil.copytree(CORPUS, corpus)
    folder = work / "index"
    newsgrep.index_paths([corpus], folder)
    for path in sorted(corpus.iterdir())[::3]:
        path.unlink()
    newsgrep.index_paths([corpus], folder)
    return folder


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("options", FILTERS, ids=["none", "since", "sources", "nothing"])
def test_counts_from_postings_are_whoosh_counts(corpus_index, with_deletions, text, options):
    for folder in (corpus_index, with_deletions):
        assert counted(folder, text, options) == whoosh_count(folder, text, options)


@pytest.mark.parametrize("text", ["nato", "nato russia", "russia -nato"])
def test_the_search_total_counts_every_match(corpus_index, text):
    result = newsgrep.search(corpus_index, text, SearchOptions(limit=1))
    everything = newsgrep.search(corpus_index, text, SearchOptions(limit=0))
    assert result.total == everything.total == len(everything.hits)


def test_a_filter_nothing_passes_counts_nothing(corpus_index):
    assert newsgrep.search(corpus_index, "nato", SearchOptions(since="2099")).total == 0


def test_stored_sketches_are_the_fingerprints_of_the_stored_texts(corpus_index):
    with open_searcher(corpus_index) as searcher:
        sketches = Sketches(searcher)
        results = searcher.search(q.Every(), limit=None)
        assert len(results) > 30
        for hit in results:
            stored = fingerprint(story_text(hit.get("title", ""), hit.get("body", "")))
            assert sketches.of(hit) == stored


def test_an_index_without_sketches_folds_the_same(corpus_index, tmp_path, monkeypatch):
    """An index written before the sketch column: fingerprints from stored texts."""

    def without_sketches() -> Schema:
        schema = build_schema()
        schema.remove("sketch")
        return schema

    monkeypatch.setattr(store, "build_schema", without_sketches)
    old = tmp_path / "old"
    newsgrep.index_paths([CORPUS], old)
    with open_searcher(old) as searcher:
        assert "sketch" not in searcher.schema
    for options in (SearchOptions(dedup=True, limit=0), SearchOptions(fold_page=True)):
        ours, theirs = (newsgrep.search(ix, "nato", options) for ix in (corpus_index, old))
        assert [(h.path, [d.hit.path for d in h.duplicates]) for h in ours.hits] == [
            (h.path, [d.hit.path for d in h.duplicates]) for h in theirs.hits
        ]
        assert (ours.total, ours.folded) == (theirs.total, theirs.folded)
    assert any(h.duplicates for h in ours.hits)
