"""Capitalised word runs in running text: the raw material of names.

Tokens are Unicode-aware ("Schröder", "Jong-il", "O'Neill", "al-Sahhaf");
a possessive 's is cut off and remembered ("Blair's"); a full stop stays on
initials and abbreviations ("W.", "Mr.", "U.S.") and ends a sentence
otherwise. Lines where every word is capitalised (headlines in capitals or
title case, stories in capitals) are marked "shouted": there, a capital
letter says nothing about a name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsgrep.extract import lexicon as lx

_TOKEN = re.compile(
    r"(?P<abbr>(?:[^\W\d_]\.){2,})"  # U.S., U.N.
    r"|(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*)(?P<dot>\.)?"
    r"|(?P<other>\S)"
)
# Words whose full stop is part of the word, not the end of a sentence.
_DOTTED = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "jr",
    "sr",
    "sen",
    "gov",
    "gen",
    "lt",
    "col",
    "rep",
    "prof",
    "rev",
    "capt",
    "adm",
    "maj",
    "sgt",
    "messrs",
    "mme",
    "mt",
    "ft",
}
# Two words of a page run together when it was saved ("McConnellGOP senators",
# "PressleyCNN"): a capital right after five letters ending in a small one.
# Names put capitals after two to four ("McConnell", "DeSantis", "MacArthur",
# "FitzGerald").
_GLUED = re.compile(r"(?<=[^\W\d_]{4}[a-z])(?=[A-Z])")
_ARABIC_PREFIX = re.compile(r"^(?:al|el|bin|ibn|abu|ad|ar|as|ash|az|ul)-[^\W\d_]", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_ASCII_LOWER = re.compile(r"[a-z]")
VERBS = frozenset(lx.SPEECH_VERBS.split("|")) | frozenset(lx.HEADLINE_VERBS.split("|"))
# Abbreviations that are places or bodies, not a person's initials ("A.R. Suhud").
_NOT_INITIALS = {
    "u.s.",
    "u.k.",
    "u.n.",
    "e.c.",
    "e.u.",
    "n.y.",
    "d.c.",
    "u.a.e.",
    "s.a.",
    "n.v.",
    "a.g.",
    "p.m.",
    "a.m.",
    "u.s.s.r.",
    "l.p.",
    "n.a.",
    "r.i.",
    "n.j.",
    "n.h.",
    "s.c.",
    "h.k.",
    "n.z.",
    "s.f.",
    "l.a.",
}


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # word, abbr, other
    possessive: bool = False
    index: int = 0
    shouted: bool = False
    glued: bool = False  # run together with the word before it ("PressleyCNN")
    low: str = field(init=False)
    bare: str = field(init=False)  # lower case without a final full stop: 'mr.' -> 'mr'
    name_word: bool = field(init=False)

    def __post_init__(self) -> None:
        self.low = self.text.lower()
        self.bare = self.low.rstrip(".")
        self.name_word = self._is_name_word()

    def is_initial(self) -> bool:
        """'W.' in "George W. Bush", "A." in "Robert A. DeRose", "A.R." in
        "A.R. Suhud"."""
        if self.kind == "abbr":
            return self.low not in _NOT_INITIALS and len(self.text) <= 6 and self.text.isupper()
        return len(self.text) == 2 and self.text[1] == "." and self.text[0].isupper()

    def is_name_word(self) -> bool:
        return self.name_word

    def _is_name_word(self) -> bool:
        """Capitalised word, initial or "al-Sahhaf"; never all capitals."""
        if self.kind != "word" or not self.text[:1].isalpha():
            return False
        text = self.text.rstrip(".")
        if _ARABIC_PREFIX.match(text):
            return text.split("-", 1)[1][:1].isupper()
        if not text[:1].isupper():
            return False
        return len(text) == 1 or not text.isupper()


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
    for line in re.finditer(r"[^\n]+", text):
        words = line.group().split()
        if len(words) < 3:
            continue
        if _in_capitals(line.group()):
            calm = re.sub(r"[^\W\d_]+(?:['’][^\W\d_]+)?", _title_word, line.group())
            if len(calm) == len(line.group()):
                pieces += [text[done : line.start()], calm]
                done = line.end()
            spans.append(line.span())
        elif (
            _stands_alone(text, *line.span(), last)
            and _is_title_case(words)
            and not re.search(r"[.!?\"”]\s*$", line.group())
        ):
            spans.append(line.span())
    return "".join(pieces) + text[done:], spans


def _in_capitals(line: str) -> bool:
    if len(_ASCII_LOWER.findall(line)) > 0.2 * len(line):
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


def tokenise(text: str, shouted: list[tuple[int, int]]) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        if (word := match.group("word")) and (word[1:].islower() or len(word) < 6):
            tokens.extend(_word_tokens(word, match.start(), match.group("dot")))
        elif word:
            tokens.extend(_glued_tokens(word, match.start(), match.group("dot")))
        else:
            kind = "abbr" if match.group("abbr") else "other"
            tokens.append(Token(match.group(), match.start(), match.end(), kind))
    starts = [start for start, _ in shouted]
    for index, token in enumerate(tokens):
        token.index = index
        at = bisect.bisect_right(starts, token.start) - 1
        token.shouted = at >= 0 and token.start < shouted[at][1]
    return tokens


def _glued_tokens(word: str, start: int, dot: str | None) -> list[Token]:
    """Words run together ("McConnellGOP") as tokens of their own, each after
    the first marked glued; any other word as it is."""
    pieces = _GLUED.split(word)
    tokens: list[Token] = []
    for piece in pieces[:-1]:
        tokens.append(Token(piece, start, start + len(piece), "word", glued=bool(tokens)))
        start += len(piece)
    last = _word_tokens(pieces[-1], start, dot)
    last[0].glued = bool(tokens)
    return tokens + last


def _word_tokens(word: str, start: int, dot: str | None) -> list[Token]:
    """A word, its possessive 's cut off, its full stop kept only for initials
    and abbreviations ("W.", "Mr.") and otherwise a token of its own."""
    full_end = start + len(word) + bool(dot)
    possessive = bool(_POSSESSIVE.search(word)) and len(word) > 3
    if possessive:
        word = word[:-2]
    keeps_dot = bool(dot) and not possessive and (len(word) == 1 or word.lower() in _DOTTED)
    end = start + len(word) + keeps_dot
    tokens = [Token(word + ("." if keeps_dot else ""), start, end, "word", possessive=possessive)]
    if dot and not keeps_dot:
        tokens.append(Token(".", full_end - 1, full_end, "other"))
    return tokens


def runs(tokens: list[Token], text: str) -> Iterator[list[Token]]:
    """Runs of capitalised words (with particles and abbreviations inside),
    split at function words, verbs, months and paragraph breaks; a
    possessive ends a run."""
    run: list[Token] = []
    for i, token in enumerate(tokens):
        joins = token.is_name_word() or token.kind == "abbr" or bool(run and _particle(tokens, i))
        breaks = token.glued or (
            not token.is_initial()
            and (token.bare in lx.FUNCTION_WORDS or token.low in VERBS or _is_date_word(tokens, i))
        )
        if run and (not joins or breaks or _gap_breaks(run[-1], token, text)):
            yield from _named_twice(run)
            run = []
        if joins and not breaks:
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
