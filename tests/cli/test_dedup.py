"""Near-duplicate stories folded: in the ranked list by default, everywhere with --dedup."""

import json

import pytest

import newsgrep
from newsgrep.model import SearchOptions
from newsgrep.output.render import footer_text
from tests.helpers.paths import CORPUS


@pytest.fixture
def run(run_on):
    """Every test here runs on both engines (OpenSearch's skipped without a cluster)."""
    return run_on


def _hits(run, *args):
    result = run("search", *args, "--json", "-n", "0")
    return [json.loads(line) for line in result.output.splitlines()]


def test_dedup_folds_exact_copies_and_wire_copies(run):
    plain = _hits(run, "*")
    folded = _hits(run, "*", "--dedup")
    marks = {h["path"]: {d["path"] for d in h["duplicates"]} for h in folded if h["duplicates"]}
    exact = {
        str(CORPUS / "nato-prague-enlargement.txt"),
        str(CORPUS / "prague-summit-invites-seven-2002-11.txt"),
    }
    wire = {
        str(CORPUS / "abm-withdrawal-reuters-2001-12.txt"),
        str(CORPUS / "abm-withdrawal-afp-2001-12.txt"),
    }
    assert [{head} | dups for head, dups in marks.items()] in ([exact, wire], [wire, exact])
    assert len(folded) == len(plain) - 2
    assert int(run("search", "*", "--dedup", "-c").output) == len(folded)


def test_dedup_keeps_the_best_ranked_copy_and_same_event_stories(run):
    ranked = [h["path"] for h in _hits(run, "Prague summit")]
    folded = _hits(run, "Prague summit", "--dedup")
    copies = {
        str(CORPUS / "nato-prague-enlargement.txt"),
        str(CORPUS / "prague-summit-invites-seven-2002-11.txt"),
    }
    best = next(p for p in ranked if p in copies)
    head = next(h for h in folded if h["path"] in copies)
    assert head["path"] == best and head["duplicates"][0]["similarity"] == 1.0
    # other stories of the same summit are news of their own, not copies
    assert str(CORPUS / "baltic-leaders-prague-2002-11.txt") in {h["path"] for h in folded}


def test_human_mark_names_the_folded_copies(run):
    output = run("search", "ABM withdrawal", "--dedup").output
    assert "+1 similar (" in output


PRAGUE_COPIES = {
    str(CORPUS / "nato-prague-enlargement.txt"),
    str(CORPUS / "prague-summit-invites-seven-2002-11.txt"),
}


def _shown_paths(output):
    """The paths of the hits in plain (piped) output, in rank order."""
    return [line.strip() for line in output.splitlines() if line.strip().endswith(".txt")]


def test_ranked_list_folds_copies_by_default_and_all_shows_them(run):
    folded = run("search", "NATO membership")
    every = run("search", "NATO membership", "--all")
    shown = _shown_paths(folded.output)
    assert len(shown) == 10 and len(PRAGUE_COPIES & set(shown)) == 1
    assert "+1 similar (" in folded.output
    assert PRAGUE_COPIES <= set(_shown_paths(every.output))
    assert "similar" not in every.output


def test_programs_get_every_story_unless_dedup(run):
    listed = set(run("search", "*", "-l").output.splitlines())
    assert PRAGUE_COPIES <= listed
    assert int(run("search", "*", "-c").output) == len(listed) == len(_hits(run, "*"))
    assert all("duplicates" not in hit for hit in _hits(run, "*"))
    assert len(run("search", "*", "-l", "--dedup").output.splitlines()) == len(listed) - 2


def test_pages_of_the_folded_list_follow_dedup(run):
    """Folding only what fills each page shows the same stories, in the same
    order, as folding every match; no copy shows up on a later page."""
    heads = [hit["path"] for hit in _hits(run, "nato", "--dedup")]
    paged = []
    for page in range(1, len(heads) // 4 + 2):
        paged += _shown_paths(run("search", "nato", "-n", "4", "--page", str(page)).output)
    assert paged == heads


def test_footer_says_what_the_total_counts(corpus_index):
    query = "NATO invites seven"  # the two Prague copies rank first and second
    every = newsgrep.search(corpus_index, query, SearchOptions(limit=0))
    page = newsgrep.search(corpus_index, query, SearchOptions(limit=3, fold_page=True))
    whole = newsgrep.search(corpus_index, query, SearchOptions(limit=0, fold_page=True))
    assert page.folded == 1 and not page.distinct and page.total == every.total
    assert "(1 near-duplicate folded into these; the total counts every copy)" in footer_text(page)
    assert whole.distinct and whole.total == every.total - whole.folded
    assert "the total counts every copy" not in footer_text(whole)


def test_dedup_and_all_contradict(run):
    result = run("search", "nato", "--dedup", "--all")
    assert result.exit_code == 2 and "choose one" in result.output
