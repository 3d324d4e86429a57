"""Did you mean, the part every engine shares: which words of a query were
typed to be spelled right, and the query text with some of them replaced.
Which words match nothing, and what is nearest, each engine finds in its own
index (engine/whoosh/suggest.py, engine/opensearch/suggest.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newsgrep.query.tree import Phrase, Query, Said, Term, Words, leaves

# Fields whose words are worth correcting.
SPELLED_FIELDS = ("body", "title", "people", "place")
_TYPED_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


def typed_words(query: Query) -> Iterator[tuple[str | None, str]]:
    """(field, word) for words and phrase words as typed, None for title and
    body; fuzzy and wildcard words ask for variants already."""
    for leaf in leaves(query):
        if isinstance(leaf, Words):
            yield from ((None, word) for word in leaf.words)
        elif isinstance(leaf, Term):
            yield leaf.field, leaf.text
        elif isinstance(leaf, Phrase):
            yield from ((leaf.field, word) for word in leaf.words)
        elif isinstance(leaf, Said):
            # A speaker is spelled as people are; a quotation's words as the body's.
            yield from (("people", word) for word in leaf.speaker)
            for part in leaf.words:
                yield from ((None, word) for word in _words_of(part))


def _words_of(leaf: Term | Phrase) -> tuple[str, ...]:
    return (leaf.text,) if isinstance(leaf, Term) else leaf.words


def respelled(text: str, better: Callable[[str], str | None]) -> str | None:
    """``text`` with each word that ``better`` gives a replacement for
    replaced, or None when none is."""
    changed = False

    def replace(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group(0)
        found = better(word)
        if found:
            changed = True
            return found
        return word

    corrected = _TYPED_WORD.sub(replace, text)
    return corrected if changed else None
