"""A single 20 MB story: indexed in bounded memory, and a match at its very
end still gets a snippet. Made at test time, never committed."""

import random
import resource

import pytest

from newsgrep import search
from newsgrep.engine.whoosh.schema import word_analyzer
from newsgrep.engine.whoosh.snippets import LONG_TEXT, MAX_WINDOWS, WINDOW, make_snippets
from tests.helpers.hostile import decoded, interpretable, run_newsgrep

WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima".split()
ENDING = "At the very end, Gerhard Schröder signed the zanzibar treaty."
# Address space for indexing a 20 MB story: about 20 times the file is
# normal; the limit only catches memory growing without bound.
MEMORY_LIMIT = 2 * 1024**3


def long_story(size: int) -> str:
    rnd = random.Random(size)
    lines, total = ["A very long story\n\n"], 0
    while total < size:
        line = " ".join(rnd.choice(WORDS) for _ in range(12)) + ".\n"
        lines.append(line + ("\n" if rnd.random() < 0.1 else ""))
        total += len(line)
    lines.append(f"\n{ENDING}\n")
    return "".join(lines)


def _matched(snippets) -> set[str]:
    return {text.lower() for snippet in snippets for text, matched in snippet if matched}


@pytest.mark.slow
def test_a_match_at_the_end_of_20_mb_gets_its_snippet():
    text = long_story(20_000_000)
    snippets = make_snippets(text, {"zanzibar", "treati"}, word_analyzer())
    assert _matched(snippets) == {"zanzibar", "treaty"}
    assert "signed the" in "".join(t for t, _ in snippets[0])


def test_accented_words_are_found_in_a_long_text():
    text = long_story(LONG_TEXT * 2)
    assert _matched(make_snippets(text, {"schroder"}, word_analyzer())) == {"schröder"}


def test_a_common_word_in_a_long_text_is_shown_near_the_start():
    """Only the first windows around likely matches are analysed."""
    text = long_story(LONG_TEXT * 20)
    snippets = make_snippets(text, {"alpha"}, word_analyzer())
    assert len(snippets) == 3 and _matched(snippets) == {"alpha"}
    last = "".join(t for t, _ in snippets[-1])
    assert text.index(last) < MAX_WINDOWS * 5 * WINDOW


def test_a_long_story_with_no_such_word_has_no_snippet():
    assert make_snippets(long_story(LONG_TEXT * 2), {"zulu"}, word_analyzer()) == []


@pytest.fixture(scope="module")
def big_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("big")
    (root / "corpus").mkdir()
    (root / "corpus" / "huge.txt").write_text(long_story(20_000_000), encoding="utf-8")
    (root / "corpus" / "small.txt").write_text("Small story\n\nNothing about treaties.\n")

    def bounded():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    result = run_newsgrep("index", str(root / "corpus"), index=root / "index", preexec_fn=bounded)
    assert result.returncode == 0, decoded(result.stderr)
    assert "indexed 2 stories" in decoded(result.stderr)
    return root / "index"


# The big_index fixture writes and indexes the 20 MB story: about half a minute.
@pytest.mark.slow
def test_20_mb_story_is_indexed_in_bounded_memory_and_its_end_is_shown(big_index):
    result = run_newsgrep("search", "zanzibar", index=big_index)
    out = decoded(result.stdout)
    assert result.returncode == 0
    assert "zanzibar treaty" in out and "A very long story" in out
    assert interpretable(out) == []


@pytest.mark.slow
def test_body_words_found_in_no_title_are_marked(big_index):
    hit = search(big_index, "zanzibar").hits[0]
    assert _matched(hit.snippets) == {"zanzibar"}
