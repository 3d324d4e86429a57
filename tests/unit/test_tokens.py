"""The tokeniser the person finder reads: one re.split, shared tokens for
lower-case words and punctuation, tokens of their own for the rest."""

from newsgrep.extract import tokens as tk
from newsgrep.extract.capitals import runs
from newsgrep.extract.tokens import tokenise

TEXT = (
    "Mr. Blair's plan, the U.S. envoy said. The company's board met "
    "Jacques de Larosiere in Paris on Jan. 5; PressleyCNN reported it."
)


def _texts(text: str) -> list[str]:
    return [t.text for t in tokenise(text, [])]


def test_tokens_in_order_with_full_stops_kept_on_titles_and_possessives_cut() -> None:
    assert _texts(TEXT) == [
        "Mr.", "Blair", "plan", ",", "the", "U.S.", "envoy", "said", ".", "The", "company",
        "board", "met", "Jacques", "de", "Larosiere", "in", "Paris", "on", "Jan", ".", "5", ";",
        "Pressley", "CNN", "reported", "it", ".",
    ]  # fmt: skip
    found = {t.text: t for t in tokenise(TEXT, [])}
    assert found["Blair"].possessive and found["company"].possessive
    assert found["CNN"].glued and not found["Pressley"].glued


def test_own_tokens_know_their_place_and_shared_ones_have_none() -> None:
    tokens = tokenise(TEXT, [])
    own = [tokens[i] for i in tokens.own]
    assert [t.text for t in own] == [
        "Mr.",
        "Blair",
        "U.S.",
        "company",
        "Jacques",
        "de",
        "Larosiere",
        "Paris",
        "Jan",
        ".",
        "Pressley",
        "CNN",
    ]  # fmt: skip (the full stop a capitalised word drops is its own token too)
    for i in tokens.own:
        token = tokens[i]
        assert token.index == i
        assert TEXT[token.start : token.end] == token.text
    shared = [t for t in tokens if t.start < 0]
    assert {t.text for t in shared} >= {"plan", ",", "the", "said", ".", "The", "in", "5"}
    assert all(t.index == -1 for t in shared)


def test_a_word_is_shared_by_every_story_but_own_tokens_are_new_each_time() -> None:
    first, second = tokenise("the plan of Blair", []), tokenise("a plan by Blair", [])
    assert first[1] is second[1]  # "plan"
    assert first[3] is not second[3] and second[3].start == 10  # "Blair", where it stands


def test_shouted_lines_mark_own_tokens_only_inside_them() -> None:
    text = "Reagan Vetoes Budget\n\nReagan vetoed it."
    tokens = tokenise(text, [(0, 20)])
    marks = [(tokens[i].text, tokens[i].shouted) for i in tokens.own]
    assert marks == [("Reagan", True), ("Vetoes", True), ("Budget", True), ("Reagan", False)]


def test_runs_break_at_shared_capitalised_function_words_as_before() -> None:
    text = "The Reagan administration and The Hague met Jacques de Larosiere."
    found = [[t.text for t in run] for run in runs(tokenise(text, []), text)]
    assert found == [["Reagan"], ["Hague"], ["Jacques", "de", "Larosiere"]]


def test_a_huge_word_is_read_but_not_kept() -> None:
    word = "x" * 100_000
    tokens = tokenise(f"{word} Blair", [])
    assert [t.text for t in tokens] == [word, "Blair"]
    assert word not in tk._ONE and word not in tk._RECIPES
