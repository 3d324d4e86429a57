"""The quotation benchmark's scoring rules, and its goals on the gold set when
the shared corpora are here (issue 18)."""

import importlib.util
import json
import sys

import pytest

from newsgrep.model import Quote
from tests.helpers.paths import BENCHMARKS, DATA, SHARED

BENCHMARK = BENCHMARKS / "quotes.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("quotes_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "found, gold, same",
    [
        (
            "Russia will not be queuing up for NATO accession",
            "Russia will not be queuing up for NATO accession,",
            True,
        ),
        ("must take due account", "must take due account to our national interests,", True),
        ("We found common ground today", "we found common ground, today!", True),
        ("fake news", "The economy is strong", False),
    ],
)
def test_texts_match_when_one_holds_the_other_or_most_words_agree(bench, found, gold, same):
    assert bench.same_text(found, gold) is same


@pytest.mark.parametrize(
    "found, gold, same",
    [
        ("Vladimir Putin", "Putin", True),
        ("Jim Clapper", "James R. Clapper Jr.", True),
        ("Pentagon", "the Pentagon", True),
        (None, None, True),
        ("Sergei Ivanov", None, False),
        ("Tony Blair", "George Robertson", False),
    ],
)
def test_speakers_match_at_surname_level(bench, found, gold, same):
    assert bench.same_speaker(found, gold) is same


def test_a_gold_quotation_is_matched_once_and_reporters_are_counted(bench):
    entry = {
        "outlet": "Test",
        "id": "1",
        "reporters": ["Jane Doe"],
        "quotes": [{"text": "We will win the vote", "speaker": "Ann Smith", "cue": "pronoun"}],
    }
    found = [Quote("We will win the vote", "Ann Smith"), Quote("We will win the vote", "Jane Doe")]
    score = bench.score_story(entry, found)
    assert (score.gold, score.found, score.matched) == (1, 2, 1)
    assert (score.speaker_right, score.cue_matched, score.cue_right, score.reporters) == (
        1,
        1,
        1,
        1,
    )


@pytest.mark.slow
def test_gold_set_goals(bench):
    if not (SHARED / "corpora" / "allsides-news").is_dir():
        pytest.skip("../shared/corpora/allsides-news is not here")
    lines = (DATA / "quotes_gold.jsonl").read_text().splitlines()
    entries = [json.loads(line) for line in lines if line.strip()]
    stories = bench.load_stories(entries)
    total = bench.Score()
    for entry in entries:
        article = stories[(entry["corpus"], entry["file"], entry["id"])]
        total.add(bench.score_story(entry, article.quotes))
    figures = total.figures()
    assert all(figures[name] >= goal for name, goal in bench.TARGETS.items()), figures
    assert total.reporters == 0
