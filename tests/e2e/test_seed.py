"""The project's first real input, end to end (the searches on both engines)."""

import json
from datetime import datetime

from newsgrep.extract.article import build_article
from newsgrep.readers import read_file

SEED_TITLE = "Russia: Putin Says Not Interested In NATO Membership"
SEED_PEOPLE = ["Vladimir Putin", "George Robertson", "Sergei Ivanov", "Tony Blair"]


def test_seed_metadata(seed):
    [raw] = list(read_file(seed))
    article = build_article(str(seed), raw)
    assert article.title == SEED_TITLE
    assert article.date == datetime(2001, 11, 22)
    assert article.source == "RFE/RL"
    assert article.place == "Moscow"
    assert article.people == SEED_PEOPLE
    assert "Accessibility links" not in article.body


def test_nato_membership_ranks_seed_first(run_on, seed):
    result = run_on("search", "NATO membership", "--json")
    assert result.exit_code == 0
    hits = [json.loads(line) for line in result.output.splitlines()]
    first = hits[0]
    assert first["path"] == str(seed)
    assert first["title"] == SEED_TITLE
    assert first["date"] == "2001-11-22T00:00:00"
    assert first["source"] == "RFE/RL"
    assert first["people"] == SEED_PEOPLE
    assert first["place"] == "Moscow"
    assert "NATO membership" in first["snippet"]


def test_human_output_shows_rank_title_meta_path_snippet(run_on, seed):
    result = run_on("search", "NATO membership")
    lines = result.output.splitlines()
    assert lines[0].strip() == f"1. {SEED_TITLE}"
    assert lines[1].strip() == "2001-11-22 · RFE/RL · Moscow · " + ", ".join(SEED_PEOPLE)
    assert lines[2].strip() == str(seed)
    assert "NATO membership" in lines[3]
