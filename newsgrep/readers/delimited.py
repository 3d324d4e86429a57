"""CSV and TSV exports with a header row: one story a row.

Columns are mapped by :mod:`newsgrep.readers.fields`, so the "All the news"
layout (``id,title,publication,author,date,content``) and most scraper
exports work as they are. Rows are read one at a time.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from pathlib import Path

from newsgrep.errors import Unreadable
from newsgrep.model import BadRecord, RawStory
from newsgrep.readers import MAX_FILE_BYTES
from newsgrep.readers.decoding import decode_piece, text_lines
from newsgrep.readers.fields import has_story_fields, numbered_story
from newsgrep.readers.records import RecordIds

_TABBED = (".tsv", ".tab")
_MAX_HEADER_NAME = 40


class DelimitedReader:
    name = "delimited"
    many_stories = True
    extensions: tuple[str, ...] = (".csv", *_TABBED)

    def sniff(self, head: bytes) -> bool:
        """A first line of short column names, one of them a text or title column."""
        # Old Mac files end lines with CR alone.
        first = decode_piece(
            head.removeprefix(b"\xef\xbb\xbf").splitlines()[0] if head.strip() else b""
        )
        return _header_delimiter(first) is not None

    def read(self, data: bytes, path: Path) -> Iterator[RawStory | BadRecord]:
        # Article bodies easily pass csv's default field limit of 128 KiB.
        csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
        lines = text_lines(data)
        first = next(lines, "")
        delimiter = _delimiter(path, first)
        rows = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
        try:
            header = next(rows, None)
        except csv.Error as err:
            raise Unreadable(f"broken CSV header: {err}") from None
        if not header or not has_story_fields(header):
            raise Unreadable("no header row naming a text or title column")
        yield from _stories(rows, header)


def _stories(rows: Iterator[list[str]], header: list[str]) -> Iterator[RawStory | BadRecord]:
    ids = RecordIds()
    number = 0
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as err:
            number += 1
            yield BadRecord(str(number), f"broken CSV row: {err}")
            continue
        if not any(cell.strip() for cell in row):
            continue  # a blank line between rows
        number += 1
        if len(row) != len(header):
            yield BadRecord(str(number), f"{len(row)} fields where the header has {len(header)}")
            continue
        yield numbered_story(dict(zip(header, row, strict=True)), number, ids)


def _delimiter(path: Path, first_line: str) -> str:
    name = path.name.lower().removesuffix(".gz")
    if name.endswith(_TABBED):
        return "\t"
    if name.endswith(".csv"):
        return ","
    return _header_delimiter(first_line) or ","


def _header_delimiter(line: str) -> str | None:
    """The delimiter of a header line that names story columns, else None."""
    for delimiter in ("\t", ",", ";"):
        try:
            names = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:  # a stray NUL or quote: not a header we can read
            return None
        if (
            len(names) >= 2
            and all(len(n) <= _MAX_HEADER_NAME for n in names)
            and has_story_fields(names)
        ):
            return delimiter
    return None
