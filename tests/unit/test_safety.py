"""Terminal safety's cleaning: escape sequences and controls removed, markup
left as text, undecodable bytes shown as hex escapes."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgrep.safety import clean_inline, clean_line, clean_text, escape_undecodable
from tests.helpers.hostile import ESCAPES, MARKUP, interpretable


@pytest.mark.parametrize("sequence", ESCAPES)
def test_every_escape_sequence_is_removed(sequence):
    assert interpretable(clean_text(f"before {sequence} after")) == []
    assert clean_line(f"before{sequence}after").startswith("before")


def test_hyperlink_keeps_its_visible_text_but_not_its_target():
    cleaned = clean_text(ESCAPES[0])
    assert cleaned == "click here"


def test_unterminated_sequences_cannot_leak_their_introducer():
    for text in ("tail \x1b", "tail \x1b[", "tail \x1b]8;;http://x", "tail \x9d0;t"):
        assert interpretable(clean_text(text)) == []


def test_newlines_and_tabs_survive_clean_text_but_not_clean_line():
    assert clean_text("a\n\tb\r\n") == "a\n\tb\n"
    assert clean_line(" a\n\tb\u2028c\r\n") == "a b c"
    assert clean_inline("a\n b") == "a b"


def test_markup_lookalikes_are_left_as_text():
    assert clean_line(MARKUP) == MARKUP


def test_undecodable_file_name_bytes_show_as_hex_escapes():
    name = b"bad\xff\xfe.txt".decode("utf-8", "surrogateescape")
    assert escape_undecodable(name) == "bad\\xff\\xfe.txt"
    assert clean_line(name) == "bad\\xff\\xfe.txt"
    clean_line(name).encode("utf-8")  # writable to any UTF-8 stream
    assert escape_undecodable("\ud800x") == "\ufffdx"


def _inline_by_expressions(text: str) -> str:
    from newsgrep import safety

    return safety._WHITESPACE.sub(" ", clean_text(safety._LINE_BREAKS.sub(" ", text)))


@given(st.text(alphabet=st.characters(codec=None), max_size=40))
def test_printable_text_takes_the_short_way_to_the_same_result(text):
    assert clean_inline(text) == _inline_by_expressions(text)
    assert clean_line(text) == _inline_by_expressions(text).strip()


@pytest.mark.parametrize(
    "text",
    ["Vladimir  Putin", " Putin ", "A\u00a0B", "A\u2028B", "\u202eA", "x\x1b[31my", "\udc80"],
)
def test_text_the_short_way_leaves_alone_is_cleaned_as_before(text):
    assert clean_inline(text) == _inline_by_expressions(text)
