"""Finding stored stories by the path a user typed: a file, or FILE#ID for a
story inside a multi-story file."""

from __future__ import annotations

import os
from pathlib import Path

from whoosh.searching import Searcher

from newsgrep.engine.whoosh.compile import compile_query
from newsgrep.engine.whoosh.quotes import said_clauses
from newsgrep.engine.whoosh.searching import Marks, highlight_words, stored_hit
from newsgrep.engine.whoosh.snippets import mark_words
from newsgrep.errors import StoryMissing
from newsgrep.model import Story
from newsgrep.query.tree import Query


def path_keys(text: str) -> list[str]:
    """The index keys a typed path may mean, most literal first. Paths are
    stored absolute as the indexer saw them, so try the path made absolute,
    normalised, and with symbolic links resolved (the #ID kept apart)."""
    file, hash_, ident = text.rpartition("#") if "#" in text else (text, "", "")
    keys = [
        str(Path(text).absolute()),
        os.path.abspath(text),
        os.path.realpath(file) + hash_ + ident,
    ]
    return list(dict.fromkeys(keys))


def find_docnums(searcher: Searcher, text: str) -> list[int]:
    """The stories a path names: one story, or every story of a file."""
    for key in path_keys(text):
        docnum = searcher.document_number(path=key)
        if docnum is not None:
            return [docnum]
    for key in path_keys(text):
        docnums = sorted(searcher.document_numbers(file=key))
        if docnums:
            return docnums
    raise StoryMissing(f"no story at {text} in the index")


def load_stories(searcher: Searcher, text: str, query: Query | None = None) -> list[Story]:
    """The stories a path names, their titles marked with the query's words,
    the quotations its said: clauses match first. Raises StoryMissing or QueryError."""
    schema = searcher.schema
    analyzer = schema["body"].analyzer
    words = (
        highlight_words(compile_query(query, schema), searcher.reader())
        if query is not None
        else frozenset()
    )
    stories = []
    for docnum in find_docnums(searcher, text):
        stored = searcher.stored_fields(docnum)
        hit = stored_hit(0, 0.0, stored, Marks(words, said_clauses(query)), schema)
        body = stored.get("body", "")
        stories.append(Story(hit, body, mark_words(body, words, analyzer)))
    return stories
