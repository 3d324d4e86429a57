"""Capitalised word runs in running text: the raw material of names.

Lines where every word is capitalised (headlines in capitals or
title case, stories in capitals) are marked "shouted": there, a capital
letter says nothing about a name.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsgrep.extract import lexicon as lx
from newsgrep.extract.tokens import Token, Tokens

_ASCII_SMALL = string.ascii_lowercase.encode()
_LINE = re.compile(r"[^\n]+")
_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A headline ends without these ("[.!?\"”]\s*$" written as a look at the
# last character that is not white space).
_SENTENCE_ENDS = frozenset('.!?"”')


@dataclass
class Story:
    """A text as the person finder reads it."""

    text: str
    tokens: list[Token]
    lowercase: set[str]  # words seen in lower case: "officials" makes "Officials said" no name
    # Words seen in organisations' names: "Texaco Inc" makes "Texaco said" a company.
    organisation_words: set[str] = field(default_factory=set)
    # Organisations' names as written: "king world productions inc" makes
    # "King World said" a company too, but not "President Reagan" after
    # "President's Council".
    organisation_names: list[str] = field(default_factory=list)

    def remember_organisation(self, words: list[Token]) -> None:
        """Learn an organisation's name, unless it comes from a headline,
        where every word is capitalised."""
        if words and not words[0].shouted:
            self.organisation_words.update(t.low for t in words)
            self.organisation_names.append(" ".join(t.low for t in words))

    def named_organisation(self, phrase: str) -> bool:
        return any(f" {phrase} " in f" {name} " for name in self.organisation_names)


def calm_headlines(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Title-case the lines written in capitals so that their words read like
    other words, and return the spans of all lines where every word is
    capitalised (those, and title-case headlines). Offsets do not move."""
    spans, pieces, done = [], [], 0
    last = len(text.rstrip())
    for line in _LINE.finditer(text):
        content = line.group()
        if len(content.split(None, 2)) < 3:
            continue
        if _in_capitals(content):
            calm = _LETTERS.sub(_title_word, content)
            if len(calm) == len(content):
                pieces += [text[done : line.start()], calm]
                done = line.end()
            spans.append(line.span())
        elif (
            _stands_alone(text, *line.span(), last)
            and content.rstrip()[-1:] not in _SENTENCE_ENDS
            and _is_title_case(content.split())
        ):
            spans.append(line.span())
    return "".join(pieces) + text[done:], spans


def _in_capitals(line: str) -> bool:
    # Small ASCII letters counted at C speed: the line's Latin-1 bytes
    # without them are that many bytes shorter.
    latin = line.encode("latin-1", "ignore")
    if len(latin) - len(latin.translate(None, _ASCII_SMALL)) > 0.2 * len(line):
        return False  # running prose, the common case: not worth a closer look
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _is_title_case(words: list[str]) -> bool:
    """'Bush, Putin Pledge Deep Cuts in Nuclear Arsenals'."""
    bare = (w.strip("\"'“”‘’,.:;!?()") for w in words)
    long_words = [w for w in bare if len(w) >= 4 and w.isalpha()]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def _stands_alone(text: str, start: int, end: int, last: int) -> bool:
    """A one-line paragraph, as headlines are (wrapped prose is not); a
    headline also ends without a full stop, which the caller checks."""
    return (start == 0 or text[start - 2 : start] == "\n\n") and (
        end >= last or text[end : end + 2] == "\n\n"
    )


def _title_word(match: re.Match[str]) -> str:
    word = match.group()
    titled = word.capitalize()
    return titled if len(titled) == len(word) else word


def runs(tokens: Tokens, text: str) -> Iterator[list[Token]]:
    """Runs of capitalised words (with particles and abbreviations inside),
    split at function words, verbs, months and paragraph breaks; a
    possessive ends a run. Shared tokens join none, so only a story's own
    are read: a gap between two of them ends a run."""
    run: list[Token] = []
    last = -2
    for i in tokens.own:
        token = tokens[i]
        if run and i != last + 1:
            yield from _named_twice(run)
            run = []
        last = i
        joins = token.name_word or token.kind == "abbr" or bool(run and _particle(tokens, i))
        if not joins:
            if run:
                yield from _named_twice(run)
                run = []
            continue
        breaks = token.glued or (
            not token.is_initial()
            and (
                token.bare in lx.FUNCTION_WORDS or token.low in lx.VERBS or _is_date_word(tokens, i)
            )
        )
        if run and (breaks or _gap_breaks(run[-1], token, text)):
            yield from _named_twice(run)
            run = []
        if not breaks:
            run.append(token)
            if token.possessive:
                yield from _named_twice(run)
                run = []
    if run:
        yield from _named_twice(run)


def _named_twice(run: list[Token]) -> list[list[Token]]:
    """A run whose last word came earlier in it names one person twice: pages
    print a name and, beside it, the legal name of a link's card ("President
    Trump Donald John Trump", "Ayanna Pressley Ayanna Pressley"). The name
    the story writes is kept; the card's, never the story's own, is not."""
    lows = [t.low for t in run]
    if len(run) > 2 and lows[-1] in lows[:-1]:
        return [run[: lows.index(lows[-1]) + 1]]
    return [run]


def _particle(tokens: list[Token], i: int) -> bool:
    """'de' in "Jacques de Larosiere", 'van der' in "Cor van der Klugt"."""
    while i < len(tokens) and tokens[i].low in lx.PARTICLES:
        i += 1
    return i < len(tokens) and tokens[i].is_name_word()


def _is_date_word(tokens: list[Token], i: int) -> bool:
    """'March', 'Monday', 'Jan 5', 'Jan. 5'; but not 'Jan' in "Jan de Vries"."""
    low = tokens[i].bare
    if low not in lx.MONTHS_AND_DAYS:
        return False
    if len(low) > 3:
        return True
    following = [t.text for t in tokens[i + 1 : i + 3] if t.text != "."]
    return bool(following) and following[0][:1].isdigit()


def _gap_breaks(prev: Token, token: Token, text: str) -> bool:
    return prev.possessive or text.count("\n", prev.end, token.start) > 1
