"""Writing the Whoosh index: batches made into segments (in any process),
committed by the one writer.

A batch analyses its stories into postings in memory and writes them out as
a Whoosh segment when finished (segment.py); the writer commits segments and
deletions as one new generation (store.py) and merges small segments after a
run (merge.py).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage

from newsgrep.engine.document import story_values
from newsgrep.engine.whoosh.columns import facet_fields
from newsgrep.engine.whoosh.merge import merge_if_needed
from newsgrep.engine.whoosh.postings import DocumentPostings
from newsgrep.engine.whoosh.quotes import quote_fields
from newsgrep.engine.whoosh.segment import SegmentBuilder
from newsgrep.engine.whoosh.store import commit, open_for_writing
from newsgrep.model import Article
from newsgrep.rank.dedup import fingerprint, pack, story_text

# Postings a batch keeps in memory before it is full: about 130 MB of Python
# objects (measured on Reuters-like stories), so that two workers and the
# parent stay well under 500 MB together.
POSTING_CAP = 1_800_000


def article_fields(article: Article, file: str) -> dict[str, Any]:
    """The Whoosh document for an article: engine/document.py's fields (a
    list indexed as one text of its values, stored as the list), its
    quotations, its near-duplicate sketch and its facet columns."""
    doc: dict[str, Any] = {}
    for field, value in story_values(article, file):
        if field.many:
            doc[field.name] = ", ".join(value)
            doc[f"_stored_{field.name}"] = value
        else:
            doc[field.name] = value
    doc["sketch"] = pack(fingerprint(story_text(article.title, article.body)))
    doc |= quote_fields(article.quotes)
    return doc | facet_fields(doc)


class SegmentBatch:
    """Stories analysed into one segment in the making."""

    def __init__(
        self, storage: FileStorage, schema: Any, analysis: DocumentPostings, posting_cap: int
    ) -> None:
        self._builder = SegmentBuilder(storage, schema, analysis=analysis)
        self._cap = posting_cap
        self._empty = True

    def add(self, article: Article, file: str) -> None:
        self._builder.add_document(article_fields(article, file))
        self._empty = False

    def full(self) -> bool:
        return self._builder.posting_count >= self._cap

    def finish(self) -> object | None:
        return None if self._empty else self._builder.finish()

    def cancel(self) -> None:
        self._builder.cancel()


class BatchMaker:
    """Makes batches for one index; pickled to worker processes, where it
    keeps its word analysis memo from one segment to the next."""

    def __init__(self, folder: str, schema: Any, posting_cap: int = POSTING_CAP) -> None:
        self.folder, self.schema, self.posting_cap = folder, schema, posting_cap
        self._storage: FileStorage | None = None
        self._analysis: DocumentPostings | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_storage": None, "_analysis": None}

    def __call__(self) -> SegmentBatch:
        if self._storage is None:
            self._storage = FileStorage(self.folder)
        if self._analysis is None:
            self._analysis = DocumentPostings(self.schema)
        return SegmentBatch(self._storage, self.schema, self._analysis, self.posting_cap)


class WhooshWriter:
    """The index's one writer (see engine.base.IndexWriter)."""

    def __init__(self, folder: str | os.PathLike[str], rebuild: bool = False) -> None:
        self._state = open_for_writing(folder, rebuild=rebuild)
        # Only segments from before this run can hold older stories of a file.
        self._look_in = list(self._state.segments)
        self.folder = Path(folder)

    @property
    def generation(self) -> int:
        return self._state.generation

    def batch_maker(self) -> BatchMaker:
        return BatchMaker(str(self.folder), self._state.schema)

    def commit(self, add: Sequence[object] = (), forget_files: Sequence[str] = ()) -> None:
        commit(self._state, add=add, forget_files=forget_files, look_in=self._look_in)

    def merge(self) -> int:
        return merge_if_needed(self._state)
