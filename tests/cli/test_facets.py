"""--by: counts per value over every matching story, timelines with gaps."""

import json
import re
from collections import Counter

import pytest

from newsgrep.rank.facets import period_range
from tests.helpers.paths import CORPUS


@pytest.fixture
def run(run_on):
    """Every test here runs on both engines (OpenSearch's skipped without a cluster)."""
    return run_on


_MONTH_IN_NAME = re.compile(r"-(\d{4}-\d{2})\.txt$")


def _by(run, *args):
    result = run("search", *args, "--json")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_by_month_matches_a_hand_count(run):
    # By hand: the corpus files that mention the Taliban, by the month in their names.
    hand = Counter()
    for path in CORPUS.glob("*.txt"):
        if "taliban" in path.read_text().lower():
            hand[_MONTH_IN_NAME.search(path.name).group(1)] += 1
    counts = {row["value"]: row["count"] for row in _by(run, "taliban", "--by", "month")}
    assert {m: c for m, c in counts.items() if c} == dict(hand)
    # The months between are listed, as zeros.
    months = period_range(min(hand), max(hand), "month")
    assert list(counts) == months


def test_timeline_shows_gaps_as_zero_months(run):
    rows = _by(run, "chechnya", "--by", "month")
    values = [r["value"] for r in rows]
    assert values == sorted(values)
    assert any(r["count"] == 0 for r in rows)
    assert values == period_range(values[0], values[-1], "month")


def test_counts_cover_every_match_not_one_page(run):
    total = int(run("search", "nato", "-c").output)
    rows = _by(run, "nato", "--by", "year")
    assert sum(r["count"] for r in rows) == total > 2


def test_by_source_agrees_with_source_filter(run):
    for row in _by(run, "russia", "--by", "source"):
        if row["value"] is not None:
            filtered = run("search", "russia", "--source", row["value"], "-c").output
            assert int(filtered) == row["count"]


def test_by_person_counts_each_story_once_per_person(run):
    rows = {r["value"]: r["count"] for r in _by(run, "nato", "--by", "person")}
    hits = [
        json.loads(line) for line in run("search", "nato", "--json", "-n", "0").output.splitlines()
    ]
    expected = Counter(p for h in hits for p in set(h["people"]))
    assert {k: v for k, v in rows.items() if k is not None} == dict(expected)


def test_share_is_count_over_all_stories_of_the_period(run):
    everything = {r["value"]: r["count"] for r in _by(run, "*", "--by", "year")}
    for row in _by(run, "iraq", "--by", "year", "--share"):
        assert row["share"] == pytest.approx(row["count"] / everything[row["value"]], abs=1e-4)


def test_terminal_chart_and_pipe_table(run):
    table = run("search", "nato", "--by", "year").output.splitlines()
    assert all(re.fullmatch(r"\d{4}\t\d+", line) for line in table)
    chart = run("search", "nato", "--by", "year", "--color", "always").output
    assert "█" in chart
