"""newsgrep stats: what the index holds."""

import json

import pytest

from tests.helpers.paths import CORPUS


@pytest.fixture
def run(run_on):
    """Every test here runs on both engines (OpenSearch's skipped without a cluster)."""
    return run_on


def _stats(run, *args):
    result = run("stats", "--json", *args)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


def test_stats_counts_stories_files_and_dates(run):
    stats = _stats(run)
    stories = int(run("search", "*", "-c").output)
    assert stats["stories"] == stories == len(list(CORPUS.glob("*.txt")))
    assert stats["files"] == stories
    years = [
        row["value"]
        for row in map(json.loads, run("search", "*", "--by", "year", "--json").output.splitlines())
    ]
    assert stats["first_date"][:4] == years[0] and stats["last_date"][:4] == years[-1]
    assert stats["index_bytes"] > 0 and stats["updated"]


def test_top_lists_agree_with_by_counts(run):
    stats = _stats(run, "--top", "3")
    for key, by in (("sources", "source"), ("people", "person"), ("places", "place")):
        rows = [json.loads(x) for x in run("search", "*", "--by", by, "--json").output.splitlines()]
        assert stats[key] == [r for r in rows if r["value"] is not None][:3]


def test_human_stats_name_each_fact(run):
    output = run("stats").output
    for label in ("stories", "dates", "sources", "people", "places", "index", "updated"):
        assert any(line.startswith(label) for line in output.splitlines()), label


def test_empty_index_is_exit_1(tmp_path):
    from click.testing import CliRunner

    import newsgrep
    from newsgrep.cli.app import cli

    (tmp_path / "docs").mkdir()
    newsgrep.index_paths([tmp_path / "docs"], tmp_path / "ix")
    result = CliRunner().invoke(cli, ["stats", "--index", str(tmp_path / "ix"), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.output)["stories"] == 0
