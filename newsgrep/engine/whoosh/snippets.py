"""Snippets: the query's words in context, stems included, anywhere in a story.

Whoosh's fragmenters stop looking after 32K characters by default; ours look
through the whole text. A snippet is a list of (text, is_match) pieces, so the
renderer can style matches without ever parsing article text as markup.

Analysing a whole story word by word costs about half a second per megabyte,
so in a long story only windows around likely matches are analysed: places
where a word starts with the letters of a query term (accents allowed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

LONG_TEXT = 100_000  # characters; longer stories are analysed in windows
WINDOW = 1_000  # characters of context analysed on each side of a likely match
MAX_WINDOWS = 32
_SPACE = re.compile(r"\s")

Piece = tuple[str, bool]
Snippet = list[Piece]


class _PiecesFormatter:
    """A Whoosh formatter that returns pieces instead of an HTML string."""

    between = "…"

    def __call__(self, text: str, fragments: Iterable[Any]) -> list[Snippet]:
        return [self._pieces(text, fragment) for fragment in fragments]

    def format(
        self, fragments: Iterable[Any], replace: bool = False
    ) -> list[Snippet]:  # pragma: no cover - Whoosh API
        return [self._pieces(f.text, f) for f in fragments]

    @staticmethod
    def _pieces(text: str, fragment: Any) -> Snippet:
        pieces: Snippet = []
        position = fragment.startchar
        for token in sorted(fragment.matches, key=lambda t: t.startchar):
            if token.startchar < position:
                continue
            if token.startchar > position:
                pieces.append((text[position : token.startchar], False))
            pieces.append((text[token.startchar : token.endchar], True))
            position = token.endchar
        if position < fragment.endchar:
            pieces.append((text[position : fragment.endchar], False))
        return pieces


def make_snippets(
    text: str, words: Iterable[str], analyzer: Any, top: int = 3, width: int = 200
) -> list[Snippet]:
    """Up to ``top`` fragments of ``text`` around the analysed ``words``."""
    from whoosh import highlight

    words = frozenset(words)
    if not words or not text:
        return []
    fragmenter = highlight.ContextFragmenter(maxchars=width, surround=width // 3, charlimit=None)
    fragments = []
    for start, end in _windows(text, words):
        # Offsets stay those of the whole text, so windows' fragments compare.
        tokens = analyzer(
            text[start:end], chars=True, mode="query", removestops=False, start_char=start
        )
        fragments.extend(
            fragmenter.fragment_tokens(text, highlight.set_matched_filter(tokens, words))
        )
    best = highlight.top_fragments(fragments, top, highlight.BasicFragmentScorer(), highlight.FIRST)
    return _PiecesFormatter()(text, best)


def _windows(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` to analyse: all of a short text; in a long one, the
    first MAX_WINDOWS spans around places where a query term may occur,
    each cut at whitespace so that no word is split."""
    if len(text) <= LONG_TEXT:
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    for match in _likely_matches(words).finditer(text):
        start, end = max(0, match.start() - WINDOW), match.end() + WINDOW
        if spans and start <= spans[-1][1] and end - spans[-1][0] <= 4 * WINDOW:
            spans[-1] = (spans[-1][0], end)  # near the last: widen it, up to a limit
        elif len(spans) < MAX_WINDOWS:
            spans.append((max(start, spans[-1][1]) if spans else start, end))
        else:
            break
    return [(_after_space(text, start), _before_space(text, end)) for start, end in spans]


def _likely_matches(words: frozenset[str]) -> re.Pattern:
    """Word starts that may analyse to one of ``words``. A stem is the start
    of its word but for a last 'e' or 'i' ('hope' from 'hoping', 'happi'
    from 'happy'); accents are folded by the analyser, so allowed here."""
    prefixes = sorted(
        {w[:-1] if len(w) > 2 and w[-1] in "ei" else w for w in words}, key=len, reverse=True
    )
    alternatives = "|".join("".join(map(_letter_class, p)) for p in prefixes)
    return re.compile(rf"(?<!\w)(?:{alternatives})", re.IGNORECASE)


def _letter_class(letter: str) -> str:
    variants = _accented().get(letter)
    return f"[{letter}{''.join(variants)}]" if variants else re.escape(letter)


@cache
def _accented() -> dict[str, list[str]]:
    """Each ASCII letter and the accented letters Whoosh folds into it."""
    from whoosh.support.charset import accent_map

    variants: dict[str, list[str]] = {}
    for code, plain in accent_map.items():
        if isinstance(plain, str) and len(plain) == 1 and plain.isascii() and plain.isalpha():
            variants.setdefault(plain.lower(), []).append(chr(code))
    return variants


def _after_space(text: str, start: int) -> int:
    if start == 0:
        return 0
    found = _SPACE.search(text, start, start + WINDOW)
    return found.end() if found else start


def _before_space(text: str, end: int) -> int:
    if end >= len(text):
        return len(text)
    space = max(text.rfind(c, end - WINDOW, end) for c in " \n\t")
    return space if space > 0 else end


def mark_words(text: str, words: Iterable[str], analyzer: Any) -> Snippet:
    """The whole of a short text (a title) with the matching words marked."""
    words = frozenset(words)
    pieces: Snippet = []
    position = 0
    if words:
        for token in analyzer(text, chars=True, mode="query", removestops=False):
            if token.text in words and token.startchar >= position:
                if token.startchar > position:
                    pieces.append((text[position : token.startchar], False))
                pieces.append((text[token.startchar : token.endchar], True))
                position = token.endchar
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces
