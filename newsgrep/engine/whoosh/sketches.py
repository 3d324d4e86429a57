"""Stories' near-duplicate sketches, as folding reads them.

The indexer stores each story's sketch in a column (schema.py's ``sketch``,
rank/dedup.py's ``pack``): folding every match of a common word reads a few
hundred bytes per story instead of its whole text, and hashes nothing. An
index written before the column existed (or a story without one) has its
sketch computed from the stored text, the same fingerprint.
"""

from __future__ import annotations

from typing import Any

from whoosh.searching import Searcher

from newsgrep.rank.dedup import Sketch, fingerprint, story_text, unpack

COLUMN = "sketch"


class Sketches:
    """The sketches of one searcher's stories, each read once."""

    def __init__(self, searcher: Searcher) -> None:
        reader = searcher.reader()
        stored = COLUMN in searcher.schema and reader.has_column(COLUMN)
        self._column = reader.column_reader(COLUMN) if stored else None
        self._known: dict[int, Sketch] = {}

    def of(self, result: Any) -> Sketch:
        """The sketch of a Whoosh hit (its ``docnum``; its stored text without a column)."""
        docnum = result.docnum
        sketch = self._known.get(docnum)
        if sketch is None:
            data = self._column[docnum] if self._column is not None else b""
            sketch = (
                unpack(data)
                if data
                else fingerprint(story_text(result.get("title", ""), result.get("body", "")))
            )
            self._known[docnum] = sketch
        return sketch
