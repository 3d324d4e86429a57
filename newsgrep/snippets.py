"""Snippets: the query's words in context, stems included, anywhere in a story.

Whoosh's fragmenters stop looking after 32K characters by default; ours look
through the whole text. A snippet is a list of (text, is_match) pieces, so the
renderer can style matches without ever parsing article text as markup.
"""

from __future__ import annotations

from collections.abc import Iterable

Piece = tuple[str, bool]
Snippet = list[Piece]


class _PiecesFormatter:
    """A Whoosh formatter that returns pieces instead of an HTML string."""

    between = "…"

    def __call__(self, text: str, fragments) -> list[Snippet]:
        return [self._pieces(text, fragment) for fragment in fragments]

    def format(self, fragments, replace=False):  # pragma: no cover - Whoosh API
        return [self._pieces(f.text, f) for f in fragments]

    @staticmethod
    def _pieces(text: str, fragment) -> Snippet:
        pieces: Snippet = []
        position = fragment.startchar
        for token in sorted(fragment.matches, key=lambda t: t.startchar):
            if token.startchar < position:
                continue
            if token.startchar > position:
                pieces.append((text[position:token.startchar], False))
            pieces.append((text[token.startchar:token.endchar], True))
            position = token.endchar
        if position < fragment.endchar:
            pieces.append((text[position:fragment.endchar], False))
        return pieces


def make_snippets(text: str, words: Iterable[str], analyzer, top: int = 3,
                  width: int = 200) -> list[Snippet]:
    """Up to ``top`` fragments of ``text`` around the analysed ``words``."""
    from whoosh import highlight

    words = frozenset(words)
    if not words or not text:
        return []
    fragmenter = highlight.ContextFragmenter(maxchars=width, surround=width // 3, charlimit=None)
    snippets = highlight.highlight(
        text, words, analyzer, fragmenter, _PiecesFormatter(), top=top,
        order=highlight.FIRST,
    )
    return snippets or []


def mark_words(text: str, words: Iterable[str], analyzer) -> Snippet:
    """The whole of a short text (a title) with the matching words marked."""
    words = frozenset(words)
    pieces: Snippet = []
    position = 0
    if words:
        for token in analyzer(text, chars=True, mode="query", removestops=False):
            if token.text in words and token.startchar >= position:
                if token.startchar > position:
                    pieces.append((text[position:token.startchar], False))
                pieces.append((text[token.startchar:token.endchar], True))
                position = token.endchar
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def lead_snippet(text: str, width: int = 200) -> list[Snippet]:
    """The story's opening, for hits matched by metadata only."""
    opening = " ".join(text.split())[:width]
    return [[(opening, False)]] if opening else []
