"""Did you mean: the nearest words of the index's own vocabulary.

A query word that no story contains ("Robertsn") is replaced by the nearest
indexed word (edit distance 1, then 2, most frequent first). Title and body
are indexed as stems, so the stem found is shown as a word again: as it is
written in a story that contains it ("Robertson", "membership"), never as a
stem ("membership" is indexed as "membership", "says" as "sai").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from newsgrep.engine.spelling import SPELLED_FIELDS, respelled, typed_words
from newsgrep.engine.whoosh.schema import TEXT_FIELDS
from newsgrep.query.tree import Query

_SAMPLE_DOCS = 3
_CANDIDATES = 8


def did_you_mean(reader: Any, schema: Any, text: str, query: Query) -> str | None:
    """The query ``text`` (whose tree is ``query``) with each word that
    matches nothing replaced, or None."""
    missing = [
        (field, term)
        for field, term in dict.fromkeys(_typed_terms(query, schema))
        if field in SPELLED_FIELDS and reader.doc_frequency(field, term) == 0
    ]
    missing.sort(key=lambda pair: SPELLED_FIELDS.index(pair[0]))
    if not missing:
        return None

    def better(word: str) -> str | None:
        for field, term in missing:
            if term in _analysed(schema, field, word):
                return nearest_word(reader, schema, field, word)
        return None

    return respelled(text, better)


def nearest_word(reader: Any, schema: Any, field: str, word: str) -> str | None:
    """The indexed word nearest to a typed word, as a story writes it.

    Candidates are the indexed terms within one edit of the word's stem, else
    two; the most frequent few are written out as words and the one nearest
    to what was typed wins ("joinng" is "joining", not "joint").
    """
    from whoosh.support.levenshtein import distance

    [term, *_] = _analysed(schema, field, word) or [word.lower()]
    for edits in (1, 2):
        if len(term) <= 2 * edits:  # a short word is two edits from too much
            break
        near = [t for t in reader.terms_within(field, term, edits, prefix=1) if t != term]
        near.sort(key=lambda t: -reader.doc_frequency(field, t))
        written: Counter[str] = Counter()
        for candidate in near[:_CANDIDATES]:
            written.update(_spellings(reader, schema, field, candidate))
        if written:
            return min(written, key=lambda w: (distance(w.lower(), word.lower()), -written[w]))
    return None


def _spellings(reader: Any, schema: Any, field: str, term: str) -> Counter[str]:
    """The spellings of an indexed term in the first few stories that have it."""
    analyzer = schema[field].analyzer
    seen: Counter[str] = Counter()
    postings = reader.postings(field, term)
    for _ in range(_SAMPLE_DOCS):
        if not postings.is_active():
            break
        stored = reader.stored_fields(postings.id()).get(field) or ""
        if isinstance(stored, list):
            stored = ", ".join(stored)
        for token in analyzer(stored, chars=True, mode="index"):
            if token.text == term:
                seen[stored[token.startchar : token.endchar]] += 1
        postings.next()
    return seen


def _typed_terms(query: Query, schema: Any) -> Iterator[tuple[str, str]]:
    """The indexed terms of words and phrase words as typed, field by field."""
    for field, word in typed_words(query):
        for name in (field,) if field else TEXT_FIELDS:
            yield from ((name, term) for term in _analysed(schema, name, word))


def _analysed(schema: Any, field: str, word: str) -> list[str]:
    return [t.text for t in schema[field].analyzer(word, mode="query")]
