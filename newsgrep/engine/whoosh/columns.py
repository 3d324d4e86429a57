"""Each story's source, people, speakers, place, file and date for counting
(`stats`, ``--by``), read from Whoosh columns instead of stored documents.

Counting from stored documents decompresses and unpickles every story: 2.6 s
of `stats`' 5.1 s at 106k stories. So each counted field has a column of its
own (schema.FACET_COLUMNS) holding, per story, its values as a JSON list and a
comma: a segment's column, read in one piece and put in brackets, is one JSON
array that one ``json.loads`` call decodes, and counting is a Counter over
the lists (loops in C). Dates come from the date field's column (it is
sortable), which every index has.

An index written before these columns has none of them: callers check
:func:`has_facet_columns` and read stored documents then.
"""

from __future__ import annotations

import json
from array import array
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from whoosh.util.times import long_to_datetime

from newsgrep.engine.whoosh.internals import bytes_column_data, numeric_column_values
from newsgrep.engine.whoosh.schema import DATE, FACET_COLUMNS

# Each document's values: a list of names ([] for none).
Values = list[list[str]]
T = TypeVar("T")
# Below this share of the index's documents, a document's values are read one
# by one: decoding a whole column costs more than a few thousand reads.
_FEW = 1 / 16


def facet_fields(doc: dict[str, Any]) -> dict[str, bytes]:
    """The facet columns' values for a Whoosh document (writer.article_fields),
    from its stored values, so that counts agree with what a story stores."""
    people = doc.get("_stored_people") or []
    speakers = doc.get("_stored_speaker") or []
    values = {
        "source": [doc["source"]] if doc.get("source") else [],
        "person": people,
        "speaker": speakers,
        "place": [doc["place"]] if doc.get("place") else [],
        "file": [doc.get("file") or doc.get("path") or ""],
    }
    return {FACET_COLUMNS[by]: _encoded(names) for by, names in values.items()}


def _encoded(names: Sequence[str]) -> bytes:
    # Each name once, as rank.facets.story_values counts it; JSON escapes
    # every control character, so no name can break the column apart.
    return json.dumps(list(dict.fromkeys(names)), ensure_ascii=False).encode() + b","


def has_facet_columns(schema: Any) -> bool:
    return all(name in schema for name in FACET_COLUMNS.values())


def has_date_column(schema: Any) -> bool:
    return DATE in schema and schema[DATE].column_type is not None


def live_values(reader: Any, by: str) -> Values:
    """Every live story's values for ``by`` (source, person, speaker, place, file)."""
    column = FACET_COLUMNS[by]
    return [
        value
        for segment, _ in reader.leaf_readers()
        for value in _live(segment, _segment_values(segment, column))
    ]


def values_of(reader: Any, by: str, docs: Sequence[int]) -> Values:
    """The values for ``by`` of the stories ``docs`` (document numbers)."""
    column = FACET_COLUMNS[by]
    if len(docs) < reader.doc_count_all() * _FEW:
        values = reader.column_reader(column, translate=False)
        return [_decoded(values[doc]) for doc in docs]
    every = [v for segment, _ in reader.leaf_readers() for v in _segment_values(segment, column)]
    return list(map(every.__getitem__, docs))


def live_dates(reader: Any) -> Counter[datetime | None]:
    """How many live stories have each date (None: undated)."""
    longs = Counter(
        value
        for segment, _ in reader.leaf_readers()
        for value in _live(segment, numeric_column_values(segment, DATE))
    )
    return _dates(longs, reader)


def dates_of(reader: Any, docs: Sequence[int]) -> Counter[datetime | None]:
    """How many of the stories ``docs`` have each date (None: undated)."""
    if len(docs) < reader.doc_count_all() * _FEW:
        dates = reader.column_reader(DATE, translate=False)
        return _dates(Counter(dates[doc] for doc in docs), reader)
    every = array("Q")  # a DATETIME column's type
    for segment, _ in reader.leaf_readers():
        every.extend(numeric_column_values(segment, DATE))
    return _dates(Counter(map(every.__getitem__, docs)), reader)


def _dates(longs: Counter[int], reader: Any) -> Counter[datetime | None]:
    """Counts per column value as counts per datetime, each value converted once."""
    missing = reader.schema[DATE].column_type.default_value()
    dates: Counter[datetime | None] = Counter()
    for value, count in longs.items():
        dates[None if value == missing else long_to_datetime(value)] += count
    return dates


def _segment_values(segment: Any, column: str) -> Values:
    data = bytes_column_data(segment, column)
    values: Values = json.loads(b"[" + data[:-1] + b"]") if data else []
    # A segment written with no value for its last stories (none is written so).
    values.extend([] for _ in range(segment.doc_count_all() - len(values)))
    return values


def _decoded(value: bytes) -> list[str]:
    return json.loads(value[:-1]) if value else []


def _live(segment: Any, values: Sequence[T]) -> Sequence[T]:
    """A segment's values of the stories not deleted."""
    if not segment.has_deletions():
        return values
    deleted = segment.deleted_docs_set
    return [value for doc, value in enumerate(values) if doc not in deleted]
