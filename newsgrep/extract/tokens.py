"""A story's words as tokens: the units the person finder reads.

Tokens are Unicode-aware ("Schröder", "Jong-il", "O'Neill", "al-Sahhaf");
a possessive 's is cut off and remembered ("Blair's"); a full stop stays on
initials and abbreviations ("W.", "Mr.", "U.S.") and ends a sentence
otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate, compress, count
from operator import not_
from typing import Any

from newsgrep.extract import lexicon as lx

_ABBREVIATION = r"(?:[^\W\d_]\.){2,}"  # U.S., U.N.
_WORD = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_TOKEN = re.compile(rf"(?P<abbr>{_ABBREVIATION})|(?P<word>{_WORD})(?P<dot>\.)?|(?P<other>\S)")
# The same tokens as _TOKEN, for re.split: a word in ASCII small letters
# that no full stop follows is found whole first (the lookahead says that
# _TOKEN's word would end there too), so it may be a shared token.
_SPLIT = re.compile(
    rf"({_ABBREVIATION}"
    r"|[a-z]++(?:['’\-][a-z]++)*+(?![^\W\d_]|['’\-][^\W\d_]|\.)"
    rf"|{_WORD}\.?|\S)"
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


class Token:
    """A word, an abbreviation or a punctuation mark, where it stands.

    Lower-case words and punctuation, most of a story, never join a run of
    capitals and are read only as a name's neighbours ("the", "said", ","):
    :func:`tokenise` shares one token per text for them (see :func:`_filler`),
    whose ``start``, ``end`` and ``index`` are -1.
    """

    __slots__ = (
        "text",
        "start",
        "end",
        "kind",
        "possessive",
        "index",
        "shouted",
        "glued",
        "low",
        "bare",
        "name_word",
    )

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        kind: str,  # word, abbr, other
        possessive: bool = False,
        glued: bool = False,  # run together with the word before it ("PressleyCNN")
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.possessive = possessive
        self.index = 0
        self.shouted = False
        self.glued = glued
        self.low = low = text.lower()
        self.bare = low.rstrip(".")  # lower case without a final full stop: 'mr.' -> 'mr'
        self.name_word = kind == "word" and _is_name_word(text)

    @classmethod
    def placed(cls, recipe: Recipe, start: int) -> Token:
        """A token made from a piece's recipe (see _RECIPES), at ``start``."""
        token = cls.__new__(cls)
        text, begin, end, kind, possessive, glued, low, bare, name_word = recipe
        token.text, token.start, token.end, token.kind = text, start + begin, start + end, kind
        token.possessive, token.index, token.shouted, token.glued = possessive, 0, False, glued
        token.low, token.bare, token.name_word = low, bare, name_word
        return token

    def recipe(self, start: int) -> Recipe:
        """What :meth:`placed` needs to make this token again for a piece at ``start``."""
        return (
            self.text,
            self.start - start,
            self.end - start,
            self.kind,
            self.possessive,
            self.glued,
            self.low,
            self.bare,
            self.name_word,
        )

    def is_initial(self) -> bool:
        """'W.' in "George W. Bush", "A." in "Robert A. DeRose", "A.R." in
        "A.R. Suhud"."""
        if self.kind == "abbr":
            return self.low not in _NOT_INITIALS and len(self.text) <= 6 and self.text.isupper()
        return len(self.text) == 2 and self.text[1] == "." and self.text[0].isupper()

    def is_name_word(self) -> bool:
        return self.name_word


def _is_name_word(word: str) -> bool:
    """Capitalised word, initial or "al-Sahhaf"; never all capitals."""
    if not word[:1].isalpha():
        return False
    text = word.rstrip(".")
    if "-" in text and _ARABIC_PREFIX.match(text):
        return text.split("-", 1)[1][:1].isupper()
    if not text[:1].isupper():
        return False
    return len(text) == 1 or not text.isupper()


class Tokens(list[Token]):
    """A story's tokens in order, and the places of those of its own
    (``own``): the others are shared (see :class:`Token`)."""

    own: list[int]


# Lower-case words and punctuation marks as their shared tokens: "said" ->
# said, "said." -> (said, .). Kept for every story of a process, emptied
# when they pass _MAX_SHARED texts, so that a long run stays small.
_ONE: dict[str, Token] = {}
_TWO: dict[str, tuple[Token, ...]] = {}
# A piece's own tokens as they come out every time: "Blair's" -> (Blair,
# possessive). Made again from these without reading the piece again.
Recipe = tuple[str, int, int, str, bool, bool, str, str, bool]
_RECIPES: dict[str, tuple[Recipe, ...]] = {}
_MAX_SHARED = 20_000  # some 15 MB of tokens and recipes in a process
_LONGEST_SHARED = 40  # characters: a megabyte "word" is not kept


def tokenise(text: str, shouted: list[tuple[int, int]]) -> Tokens:
    """The text's tokens; those of its own know their place in the list
    (``index``) and whether they stand in a shouted line.

    No Python runs per word: one ``re.split`` cuts the text into tokens,
    their places are summed by ``accumulate``, and a dict lookup turns the
    lower-case words and punctuation (most of a story) into shared tokens,
    all at C speed; only the rest (capitalised words, particles,
    possessives, abbreviations) is read here, one by one."""
    if max(len(_ONE), len(_TWO), len(_RECIPES)) > _MAX_SHARED:
        _ONE.clear()
        _TWO.clear()
        _RECIPES.clear()
    pieces = _SPLIT.split(text)  # white space, token, white space, ...
    places = list(accumulate(map(len, pieces)))  # places[2k]: where token k starts
    texts = pieces[1::2]
    # None where a piece has no shared token yet: those are read one by one.
    shared: list[Any] = list(map(_ONE.get, texts))
    tokens = Tokens()
    own: list[int] = []
    tokens.own = own
    append, extend, mark = tokens.append, tokens.extend, own.append
    # Own tokens come in order of place, so the shouted span a token may
    # stand in is found by walking the sorted spans forward, not by a
    # bisect per token.
    spans = iter(shouted)
    span_end = -1
    span_start, next_end = next(spans, (-1, -1))
    done = 0
    # The places of the pieces with no shared token, found at C speed.
    for k in compress(count(), map(not_, shared)):
        extend(shared[done:k])
        for token in _made(text, texts[k], places[2 * k]):
            start = token.start
            if start >= 0:
                token.index = at = len(tokens)
                mark(at)
                while 0 <= span_start <= start:
                    span_end = next_end
                    span_start, next_end = next(spans, (-1, -1))
                token.shouted = start < span_end
            append(token)
        done = k + 1
    extend(shared[done:])
    return tokens


def _made(text: str, piece: str, start: int) -> Sequence[Token]:
    """The tokens of one piece of ``_SPLIT`` at ``start``, read as _TOKEN
    reads it there: shared ones, or new ones made from the piece's recipe;
    what a piece makes is remembered."""
    if piece in _TWO:
        return _TWO[piece]
    recipe = _RECIPES.get(piece)
    if recipe is not None:
        return [Token.placed(part, start) for part in recipe]
    made = _read(text, piece, start)
    if len(piece) <= _LONGEST_SHARED:
        if made[0].start >= 0:
            _RECIPES[piece] = tuple(token.recipe(start) for token in made)
        elif len(made) == 1:
            _ONE[piece] = made[0]
        else:
            _TWO[piece] = tuple(made)
    return made


def _read(text: str, piece: str, start: int) -> Sequence[Token]:
    """The tokens of a piece not read before (see _made)."""
    match = _TOKEN.match(text, start)
    assert match is not None  # _SPLIT found a token here
    word = match.group("word")
    if word:
        dot = match.group("dot")
        shared = _shared_word(word, dot)
        if shared:
            return shared
        if word[1:].islower() or len(word) < 6:
            return _ends_runs(_word_tokens(word, start, dot))
        return _glued_tokens(word, start, dot)
    if match.group("abbr"):
        return [Token(piece, start, match.end(), "abbr")]
    return (_filler(piece, "other"),)


def _ends_runs(made: list[Token]) -> Sequence[Token]:
    """A capitalised function word or verb ("The", "But", "Says") alone, as
    a shared token: it joins no run of capitals (:func:`capitals.runs`
    breaks one there, as at a gap), and a name's neighbour is read for its
    text only."""
    token = made[0]
    if (
        len(made) > 1
        or token.possessive
        or token.bare != token.low
        or token.low in lx.PARTICLES
        or not (token.low in lx.FUNCTION_WORDS or token.low in lx.VERBS)
    ):
        return made
    return (_filler(token.text, "word"),)


def _shared_word(word: str, dot: str | None) -> tuple[Token, ...]:
    """The shared tokens of a lower-case word (and of its full stop, a token
    of its own), or () for a word that needs its own: a particle ("de" in a
    name), a possessive ("company's"), a kept full stop ("mr.")."""
    if not word.islower() or word in lx.PARTICLES:
        return ()
    if (dot and (len(word) == 1 or word in _DOTTED)) or (
        len(word) > 3 and word[-2] in "'’" and word[-1] == "s"
    ):
        return ()
    shared = _ONE.get(word) or _filler(word, "word")
    if not dot:
        return (shared,)
    return (shared, _ONE.get(".") or _filler(".", "other"))


def _filler(text: str, kind: str) -> Token:
    token = Token(text, -1, -1, kind)
    token.index = -1
    return token


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
