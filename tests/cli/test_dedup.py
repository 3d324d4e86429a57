"""--dedup: near-duplicate stories folded in the search results."""

import json

from tests.helpers.paths import CORPUS


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
