"""Stories counted per source, person, speaker, place, file and date (`stats`,
``--by``) from Whoosh columns instead of stored documents.

Counting from stored documents decompresses and unpickles every story: 2.6 s
of `stats`' 5.1 s at 106k stories. So each counted field has a column of its
own (schema.FACET_COLUMNS) holding, per story, its names (each once) between
tabs and a newline after them; a name's own backslashes, tabs and newlines
are escaped. A segment's column is read in one piece, split into names and
counted by Counter: loops in C, no Python call per story; a name is decoded
once, however many stories have it. Dates come from the date field's column
(it is sortable), which every index has.

An index written before these columns has none of them: callers check
:func:`has_facet_columns` and read stored documents then.
"""

from __future__ import annotations

import heapq
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from whoosh.util.times import long_to_datetime

from newsgrep.engine.whoosh.internals.reading import bytes_column_data, numeric_column_values
from newsgrep.engine.whoosh.schema import DATE, FACET_COLUMNS, PATH_COLUMN
from newsgrep.errors import IndexDamaged

_NAMES, _END = b"\t", b"\n"
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n"}
_UNESCAPES = {value[1]: key for key, value in _ESCAPES.items()}
_ESCAPED = re.compile(r"\\(.)", re.S)
# Below this share of the index's stories, a story's names are read one by
# one: splitting whole columns costs more than a few thousand reads.
_FEW = 1 / 16


def facet_fields(doc: dict[str, Any]) -> dict[str, bytes]:
    """The facet columns' values for a Whoosh document (writer.article_fields),
    from its stored values, so that the counts agree with what a story stores."""
    values = {
        "source": [doc.get("source")],
        "person": doc.get("_stored_people") or [],
        "speaker": doc.get("_stored_speaker") or [],
        "place": [doc.get("place")],
        "file": [doc.get("file") or doc.get("path")],
    }
    columns = {FACET_COLUMNS[by]: _encoded(names) for by, names in values.items()}
    return columns | {PATH_COLUMN: _encoded([doc["path"]])}


def _encoded(names: Iterable[str | None]) -> bytes:
    # Each name once, as rank.facets.story_values counts it; an empty name
    # is none, as a story without a source or place has none.
    kept = dict.fromkeys(_escape(name) for name in names if name)
    return "\t".join(kept).encode("utf-8", "surrogatepass") + _END


def _escape(name: str) -> str:
    if "\\" in name or "\t" in name or "\n" in name:
        return "".join(_ESCAPES.get(char, char) for char in name)
    return name


def _name(raw: bytes) -> str | None:
    if not raw:
        return None
    text = raw.decode("utf-8", "surrogatepass")
    return _ESCAPED.sub(lambda m: _UNESCAPES.get(m[1], m[1]), text) if "\\" in text else text


def _column(segment: Any, column: str) -> bytes:
    """A segment's column, checked to hold one value per story (a newline each)."""
    data = bytes_column_data(segment, column)
    if data and data.count(_END) != segment.doc_count_all():
        raise IndexDamaged(
            f"the {column} column does not hold one value per story; "
            "rebuild the index with newsgrep index --rebuild FOLDER"
        )
    return data


def has_facet_columns(schema: Any) -> bool:
    return all(name in schema for name in FACET_COLUMNS.values())


def has_date_column(schema: Any) -> bool:
    return DATE in schema and schema[DATE].column_type is not None


def live_counts(reader: Any, by: str, top: int = 0) -> Counter[str | None]:
    """Live stories per value of ``by`` (None: stories with none); with
    ``top``, only the values that can be among the ``top`` most frequent
    (every value tied with the last of them too), the others not decoded."""
    raw = _live_raw(reader, FACET_COLUMNS[by])
    if top:
        least = min(heapq.nlargest(top, (n for name, n in raw.items() if name)), default=0)
        raw = Counter({name: n for name, n in raw.items() if n >= least})
    return _decoded(raw)


def live_distinct(reader: Any, by: str) -> int:
    """How many distinct values of ``by`` the live stories have."""
    names: set[bytes] = set()
    for tokens in _live_tokens(reader, FACET_COLUMNS[by]):
        names.update(tokens)  # a set, not a Counter: the files need no count
    return len(names - {b""})


def _live_raw(reader: Any, column: str) -> Counter[bytes]:
    """Live stories per encoded name in ``column`` (b"": stories with none)."""
    raw: Counter[bytes] = Counter()
    for tokens in _live_tokens(reader, column):
        raw.update(tokens)
    return raw


def _live_tokens(reader: Any, column: str) -> Iterator[list[bytes]]:
    """Each segment's encoded names of its live stories (b"": a story with none)."""
    for segment, _ in reader.leaf_readers():
        data = _column(segment, column)
        if not data:  # no story of the segment has a value (none is written so)
            yield [b""] * segment.doc_count()
        elif not segment.has_deletions():
            # The names of every story at once: a story with none leaves an
            # empty name between its neighbours' (the last newline dropped).
            yield data[:-1].replace(_END, _NAMES).split(_NAMES)
        else:
            deleted = segment.deleted_docs_set
            stories = data.split(_END)[:-1]
            yield _names([story for doc, story in enumerate(stories) if doc not in deleted])


def counts_of(reader: Any, by: str, docs: Sequence[int]) -> Counter[str | None]:
    """Stories per value of ``by`` among ``docs`` (document numbers)."""
    return _decoded(Counter(_names(_values_of(reader, FACET_COLUMNS[by], docs))))


def has_path_column(schema: Any) -> bool:
    return PATH_COLUMN in schema


def paths_of(reader: Any, docs: Sequence[int]) -> list[str]:
    """The paths of the stories ``docs`` (document numbers), in their order."""
    return [_name(value) or "" for value in _values_of(reader, PATH_COLUMN, docs)]


def _values_of(reader: Any, column: str, docs: Sequence[int]) -> list[bytes]:
    """The ``column`` values of the stories ``docs``, each without its newline."""
    if len(docs) < reader.doc_count_all() * _FEW:
        values = reader.column_reader(column, translate=False)
        return [values[doc][:-1] for doc in docs]
    every = [
        story
        for segment, _ in reader.leaf_readers()
        for story in _column(segment, column).split(_END)[:-1]
    ]
    return list(map(every.__getitem__, docs))


def _names(stories: list[bytes]) -> list[bytes]:
    """The names of ``stories`` (each a column value without its newline), an
    empty name for each story with none."""
    return _NAMES.join(stories).split(_NAMES) if stories else []


def _decoded(raw: Counter[bytes]) -> Counter[str | None]:
    counts: Counter[str | None] = Counter()
    for name, stories in raw.items():
        counts[_name(name)] += stories
    return counts


def live_dates(reader: Any) -> Counter[datetime | None]:
    """How many live stories have each date (None: undated)."""
    longs: Counter[int] = Counter()
    for segment, _ in reader.leaf_readers():
        dates = numeric_column_values(segment, DATE)
        if segment.has_deletions():
            deleted = segment.deleted_docs_set
            dates = array(dates.typecode, (d for doc, d in enumerate(dates) if doc not in deleted))
        longs.update(dates)
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
