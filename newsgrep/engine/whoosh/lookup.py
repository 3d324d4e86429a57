"""Finding stored stories by the path a user typed: a file, or FILE#ID for a
story inside a multi-story file."""

from __future__ import annotations

from whoosh.searching import Searcher

from newsgrep.engine.paths import path_keys
from newsgrep.engine.quotations import said_clauses
from newsgrep.engine.whoosh.compile import compile_query
from newsgrep.engine.whoosh.searching import Marks, highlight_words, stored_hit
from newsgrep.engine.whoosh.snippets import mark_words
from newsgrep.errors import StoryMissing
from newsgrep.model import Story
from newsgrep.query.tree import Query


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


def story_paths(searcher: Searcher, text: str) -> list[str]:
    """The paths of the stories a path names, read from the path column: a
    file of 37,554 stories is listed without loading one (12 s, 640 MB)."""
    # Imported here: only this listing (and -l) reads the column.
    from newsgrep.engine.whoosh import columns

    docnums = find_docnums(searcher, text)
    if columns.has_path_column(searcher.schema):
        return columns.paths_of(searcher.reader(), docnums)
    return [searcher.stored_fields(docnum)["path"] for docnum in docnums]


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
