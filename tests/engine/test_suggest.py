"""Did you mean: nearest words of the index, as stories write them, for people only."""

import newsgrep
from newsgrep.model import SearchOptions


def _suggestion(index, text):
    return newsgrep.search(index, text, SearchOptions(snippets=False)).suggestion


def test_misspelt_name_gets_the_written_word(corpus_index):
    assert _suggestion(corpus_index, "Robertsn") == "Robertson"
    assert _suggestion(corpus_index, "Rumsfield") == "Rumsfeld"
    assert _suggestion(corpus_index, "Moskow") == "Moscow"


def test_stems_are_shown_as_words(corpus_index):
    # 'membership' and 'says' are indexed as stems; the suggestion is a word.
    assert _suggestion(corpus_index, "membrship") == "membership"


def test_only_the_missing_words_change(corpus_index):
    assert _suggestion(corpus_index, "NATO robertsn talks") == "NATO Robertson talks"
    assert (
        _suggestion(corpus_index, 'people:robertsn "nato membrship"')
        == 'people:Robertson "nato membership"'
    )


def test_no_suggestion_when_every_word_matches(corpus_index):
    assert _suggestion(corpus_index, "Robertson NATO") is None
    assert _suggestion(corpus_index, "Robertsen~") is None  # fuzzy already asks for variants
    assert _suggestion(corpus_index, "xqzvvy") is None  # nothing near enough
