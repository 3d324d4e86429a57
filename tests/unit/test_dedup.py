"""Near-duplicate stories: a stable fingerprint, similarity and folding."""

import os
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from newsgrep.rank.dedup import fingerprint, fold, similarity
from tests.helpers.paths import CORPUS

TEXT = (CORPUS / "kabul-falls-2001-11.txt").read_text()


def test_fingerprint_is_the_same_in_every_process():
    code = (
        "from newsgrep.rank.dedup import fingerprint; import sys; "
        "print(sorted(fingerprint(sys.stdin.read())))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            input=TEXT,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=CORPUS.parent,
        ).stdout
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
