"""The person benchmark's scoring rules, and the hand-labelled gold set's
figures when the shared Reuters corpus is here (the full label-recall run
takes longer and is documented in README instead)."""

import importlib.util
import sys

import pytest

from tests.helpers.paths import BENCHMARKS

BENCHMARK = BENCHMARKS / "extraction.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("extraction_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "label, extracted, found",
    [
        ("volcker", ["Paul Volcker"], True),
        ("james-baker", ["Baker"], True),
        ("de-larosiere", ["Jacques de Larosière"], True),
        ("leigh-pemberton", ["Robin Leigh-Pemberton"], True),
        ("reagan", ["Regan"], False),
        ("lawson", [], False),
    ],
)
def test_reuters_label_counts_when_its_surname_is_extracted(bench, label, extracted, found):
    assert bench.label_found(label, extracted) is found


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Reagan", "Ronald Reagan", True),
        ("George Bush", "George W. Bush", True),
        ("G. Bush", "George Bush", True),
        ("Donald J. Trump", "Donald Trump", True),
        ("Ivanka Trump", "Donald Trump", False),
        ("Sergei Ivanov", "Igor Ivanov", False),
        ("Gerhard Schröder", "Gerhard Schroder", True),
        ("Paul Volcker", "Paul Keating", False),
        ("Herb Mee", "Herb Mee Jr.", True),
    ],
)
def test_gold_names_match_by_surname_and_given_name(bench, a, b, same):
    assert bench.same_person(a, b) is same


@pytest.mark.parametrize(
    "name, kind",
    [
        ("Jim Bourg", "reporter"),  # a labelled reporter
        ("Sony Ericsson", "firm"),  # inside a labelled lookalike
        ("Kumar get", "fragment"),  # a word in small letters
        ("Priya", "fragment"),  # a word of a person's name
        ("Sadly", "opener"),  # found only where a sentence starts
        ("Zorbo Quux", "unlabelled"),
    ],
)
def test_wrong_names_are_put_in_one_kind(bench, name, kind):
    record = {
        "people": ["Priya Kumar"],
        "reporters": ["Jim Bourg"],
        "lookalikes": [{"name": "Sony Ericsson Mobile", "kind": "firm"}],
    }
    text = "Sadly, Priya Kumar get it. Zorbo Quux left. Sadly. Jim Bourg/Reuters"
    assert bench.wrong_kind(name, record, text) == kind


@pytest.mark.parametrize(
    "name, kind",
    [
        ("Madonna", "mononym"),
        ("Rahami", "surname-only"),  # after "Mr."
        ("Obama", "surname-only"),  # the surname of a full name of the gold set
        ("Rodrigo de la Serna", "particle"),
        ("J.R.R. Tolkien", "particle"),
        ("Jim Press", "other"),
    ],
)
def test_missed_names_are_put_in_one_kind(bench, name, kind):
    text = "Madonna sang. Mr. Rahami left. Obama spoke."
    assert bench.missed_kind(name, text, {"obama"}) == kind


@pytest.mark.slow
def test_gold_sets_precision_and_recall(bench, reuters):
    """Held in: the targets. Held out (AllSides, when its corpus is here):
    no worse than what issue 24 reached (first measured, before any change,
    at 0.912 / 0.851, reporters' recall 0.802)."""
    gold = bench.load_gold(bench.GOLD)
    people, _ = bench.gold_scores(bench.reuters_gold(reuters, gold), gold)
    assert people.precision >= bench.TARGETS["gold_precision"], people.errors.most_common(10)
    assert people.recall >= bench.TARGETS["gold_recall"], people.errors.most_common(10)
    corpora = reuters.parent
    if not (corpora / "allsides-news" / "stories.jsonl.gz").is_file():
        pytest.skip("../shared/corpora/allsides-news is not here")
    gold = bench.load_gold(bench.GOLD_ALLSIDES)
    people, reporters = bench.gold_scores(bench.allsides_gold(corpora, gold), gold)
    assert len(gold) >= 100 and len({r["outlet"] for r in gold}) >= 30
    assert people.precision >= 0.94 and people.recall >= 0.87, people.errors.most_common(10)
    assert reporters.recall >= 0.92, reporters.errors.most_common(10)
