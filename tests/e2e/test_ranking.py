"""Ranking: natural-language questions, and MAP against plain Whoosh on judged sets."""

import importlib.util
import json

import pytest

import newsgrep
from newsgrep.model import SearchOptions
from tests.helpers.paths import BENCHMARKS

BENCHMARK = BENCHMARKS / "ranking.py"


def _benchmark():
    spec = importlib.util.spec_from_file_location("ranking_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _paths(index, text, limit=10):
    return [
        h.path
        for h in newsgrep.search(index, text, SearchOptions(limit=limit, snippets=False)).hits
    ]


def test_question_finds_the_seed_first(run, seed):
    result = run("search", "what did putin say about joining nato", "--json")
    assert json.loads(result.stdout.splitlines()[0])["path"] == str(seed)


def test_question_words_neither_block_nor_dominate(corpus_index, seed):
    asked = _paths(corpus_index, "What did Putin say about joining NATO?")
    said = _paths(corpus_index, "Putin joining NATO")
    assert asked[:3] == said[:3]
    assert asked[0] == str(seed)
    # A query of question words only still runs on them rather than failing.
    assert _paths(corpus_index, "what did he say")


def test_a_word_typed_twice_counts_twice(corpus_index):
    once = newsgrep.search(corpus_index, "oil Russia", SearchOptions(snippets=False))
    twice = newsgrep.search(corpus_index, "oil oil Russia", SearchOptions(snippets=False))
    assert twice.hits[0].score > once.hits[0].score


def test_average_precision():
    bench = _benchmark()
    assert bench.average_precision(["a", "x", "b"], {"a", "b"}) == pytest.approx((1 + 2 / 3) / 2)
    assert bench.average_precision(["x"], {"a"}) == 0.0


def test_judged_sample_corpus_not_worse_than_plain_whoosh():
    bench = _benchmark()
    row = bench.compare("sample corpus", *bench.corpus_judged(), depth=100)
    whoosh_map, newsgrep_map, _ = row["all"]
    assert newsgrep_map >= whoosh_map


@pytest.mark.slow
def test_judged_reuters_beats_plain_whoosh_by_five_percent(reuters):
    bench = _benchmark()
    paths, judged = bench.reuters_judged(reuters, 1000)
    row = bench.compare("Reuters-21578", paths, judged, depth=1000)
    whoosh_map, newsgrep_map, ratio = row["all"]
    assert ratio >= 1.05, (whoosh_map, newsgrep_map)
