"""--dedup: near-duplicate stories folded with a stable fingerprint."""

import json
import os
import subprocess
import sys

from hypothesis import given, strategies as st

from newsgrep.rank.dedup import fingerprint, fold, similarity
from tests.helpers.paths import CORPUS

TEXT = (CORPUS / "kabul-falls-2001-11.txt").read_text()


def test_fingerprint_is_the_same_in_every_process():
    code = "from newsgrep.rank.dedup import fingerprint; import sys; print(sorted(fingerprint(sys.stdin.read())))"
    runs = {
        subprocess.run([sys.executable, "-c", code], input=TEXT, capture_output=True, text=True,
                       env={**os.environ, "PYTHONHASHSEED": seed},
                       cwd=CORPUS.parent).stdout
        for seed in ("1", "2", "random")
    }
    assert len(runs) == 1 and str(sorted(fingerprint(TEXT))) + "\n" in runs


def test_similarity_orders_copies_edits_and_other_stories():
    other = (CORPUS / "moscow-treaty-signing-2002-05.txt").read_text()
    edited = TEXT.replace("Reuters", "AFP").rsplit("\n\n", 2)[0]  # another outlet, ending cut
    assert similarity(fingerprint(TEXT), fingerprint(TEXT)) == 1.0
    assert 0.4 < similarity(fingerprint(TEXT), fingerprint(edited)) < 1.0
    assert similarity(fingerprint(TEXT), fingerprint(other)) < 0.1


@given(st.lists(st.sampled_from(["a", "b", "c"]), max_size=12))
def test_fold_keeps_every_story_once_and_heads_in_rank_order(choice):
    texts = {"a": TEXT, "b": TEXT + " Extra closing line.", "c": "A different short story."}
    groups = fold([fingerprint(texts[c]) for c in choice])
    positions = sorted(p for group in groups for p, _ in group)
    assert positions == list(range(len(choice)))
    heads = [group[0][0] for group in groups]
    assert heads == sorted(heads)
    assert all(p > group[0][0] for group in groups for p, _ in group[1:])


def _hits(run, *args):
    result = run("search", *args, "--json", "-n", "0")
    return [json.loads(line) for line in result.output.splitlines()]


def test_dedup_folds_exact_copies_and_wire_copies(run):
    plain = _hits(run, "*")
    folded = _hits(run, "*", "--dedup")
    marks = {h["path"]: {d["path"] for d in h["duplicates"]} for h in folded if h["duplicates"]}
    exact = {str(CORPUS / "nato-prague-enlargement.txt"), str(CORPUS / "prague-summit-invites-seven-2002-11.txt")}
    wire = {str(CORPUS / "abm-withdrawal-reuters-2001-12.txt"), str(CORPUS / "abm-withdrawal-afp-2001-12.txt")}
    assert [set([head]) | dups for head, dups in marks.items()] in ([exact, wire], [wire, exact])
    assert len(folded) == len(plain) - 2
    assert int(run("search", "*", "--dedup", "-c").output) == len(folded)


def test_dedup_keeps_the_best_ranked_copy_and_same_event_stories(run):
    ranked = [h["path"] for h in _hits(run, "Prague summit")]
    folded = _hits(run, "Prague summit", "--dedup")
    copies = {str(CORPUS / "nato-prague-enlargement.txt"), str(CORPUS / "prague-summit-invites-seven-2002-11.txt")}
    best = next(p for p in ranked if p in copies)
    head = next(h for h in folded if h["path"] in copies)
    assert head["path"] == best and head["duplicates"][0]["similarity"] == 1.0
    # other stories of the same summit are news of their own, not copies
    assert str(CORPUS / "baltic-leaders-prague-2002-11.txt") in {h["path"] for h in folded}


def test_human_mark_names_the_folded_copies(run):
    output = run("search", "ABM withdrawal", "--dedup").output
    assert "+1 similar (" in output
