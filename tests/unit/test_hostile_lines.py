"""Lines megabytes long: headline, header, dateline, byline, credit and
people rules finish in time proportional to the text (no regex that
backtracks quadratically), and a story without a headline gets a short title."""

import signal
from contextlib import contextmanager

import pytest

from newsgrep.extract.article import build_article
from newsgrep.model import RawStory, display_title

SIZE = 2_000_000
# Shapes that made a rule scan on from every position: long runs of spaces
# after a header or dash line, many credit phrases before an unclosed
# parenthesis, initials ("A. A. A.") that are not sentence ends.
SHAPES = {
    "header value ending in spaces": "Title: x" + " " * SIZE + "y",
    "dash line ending in spaces": "-- x" + " " * SIZE + "y",
    "credit phrases in an open parenthesis": "(" + "reporting by x " * (SIZE // 15),
    "initials with no sentence end": "A. " * (SIZE // 3),
    "one word": "a" * SIZE,
    "capitalised words": "Alpha " * (SIZE // 6),
    "role words": "President " * (SIZE // 10) + "said",
    "datelines": "MOSCOW, Nov. 22 (Reuters) - " * (SIZE // 28),
    "byline words": "By " + "Jane " * (SIZE // 5),
    "tabs and spaces": "x" + "\t " * (SIZE // 2) + ".",
    "open parentheses": "(a " * (SIZE // 3),
    "menu separators": "Home | " * (SIZE // 7),
}


@contextmanager
def deadline(seconds: int):
    """Fail (instead of hanging the suite) if the block runs past ``seconds``:
    linear work takes a fraction of that, quadratic work hours."""

    def expired(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# Twelve megabyte-long texts through every rule: about twenty seconds.
@pytest.mark.slow
@pytest.mark.parametrize("text", SHAPES.values(), ids=SHAPES.keys())
def test_a_megabyte_line_is_read_in_linear_time(text):
    with deadline(60):
        article = build_article("/archive/long.txt", RawStory(text=text))
        shown = display_title(article.title, article.body)
    assert len(shown) <= 250


def test_header_values_still_lose_their_trailing_spaces():
    article = build_article(
        "/a.txt", RawStory(text="Title: Summit ends   \nSource: AP  \n\nBody text here.")
    )
    assert article.title == "Summit ends"
    assert article.source == "AP"


def test_credit_lines_still_name_reporters():
    text = (
        "Talks end\n\nMOSCOW (Reuters) - Talks ended. (Reporting by Jane Doe; editing by Ann Roe)\n"
    )
    assert build_article("/a.txt", RawStory(text=text)).author == ["Jane Doe", "Ann Roe"]
