"""newsgrep similar: stories most like a given one."""

import json

import pytest

from tests.helpers.paths import CORPUS


@pytest.fixture
def run(run_on):
    """Every test here runs on both engines (OpenSearch's skipped without a cluster)."""
    return run_on


def _similar(run, name, *args):
    result = run("similar", str(CORPUS / name), "--json", "-n", "0", *args)
    assert result.exit_code == 0
    return [json.loads(line)["path"] for line in result.output.splitlines()]


def _rank(paths, name):
    path = str(CORPUS / name)
    return paths.index(path) if path in paths else len(paths)


def test_same_event_story_ranks_above_unrelated_one(run):
    paths = _similar(run, "ivanov-nato-council-2001-12.txt")
    same_event = _rank(paths, "nato-ministers-russia-council-2001-12.txt")
    assert same_event < _rank(paths, "oil-prices-russia-opec-2001-11.txt")
    assert same_event < _rank(paths, "iraq-war-begins-2003-03.txt")
    afghan = _similar(run, "kabul-falls-2001-11.txt")
    assert _rank(afghan, "bonn-afghan-deal-2001-12.txt") < _rank(
        afghan, "moscow-treaty-signing-2002-05.txt"
    )


def test_the_story_itself_is_left_out_and_its_copies_come_first(run):
    paths = _similar(run, "abm-withdrawal-reuters-2001-12.txt")
    assert str(CORPUS / "abm-withdrawal-reuters-2001-12.txt") not in paths
    assert paths[0] == str(CORPUS / "abm-withdrawal-afp-2001-12.txt")


def test_similar_hits_use_the_search_schema(run):
    hit = json.loads(
        run("similar", str(CORPUS / "kabul-falls-2001-11.txt"), "--json", "-n", "1").output
    )
    search_hit = json.loads(run("search", "kabul", "--json", "-n", "1").output)
    assert list(hit) == list(search_hit)
    assert hit["rank"] == 1 and hit["snippet"]


def test_paths_only(run):
    paths = run("similar", str(CORPUS / "kabul-falls-2001-11.txt"), "-l").output.splitlines()
    assert len(paths) > 10  # -l lists every similar story, not a page of them
