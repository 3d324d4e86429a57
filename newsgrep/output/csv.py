"""``--csv``: the ``--json`` objects as rows of a spreadsheet.

RFC 4180 through the csv module (CRLF line ends, fields with commas, quotes
or line breaks quoted), UTF-8 without a byte-order mark, one header row. The
columns are the JSON fields in the JSON order, read off the objects that
:mod:`newsgrep.output.jsonschema` makes, so that module stays the one owner of
names and order. Strings are the JSON's, cleaned the same way. A list becomes
one cell, its items joined with ``; ``; a list of objects keeps one thing of
each: a duplicate's path, a counted value as ``value (count)``, a quotation
as ``Speaker: “words”``.

A cell that a spreadsheet would read as a formula (starting with ``=``,
``+``, ``-``, ``@``, tab or carriage return) is prefixed with ``'``: article
text is untrusted, and ``=HYPERLINK(...)`` in a headline must stay text.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import IO, Any

from newsgrep.model import Hit
from newsgrep.output.jsonschema import JsonObject

LIST_SEPARATOR = "; "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def blank_hit() -> Hit:
    """A hit with every field empty: its JSON object's keys are the header."""
    return Hit(rank=0, score=0.0, path="", title="", date=None, source="", people=[], place="")


def cell(value: Any) -> str:
    """One JSON value as the text of a cell."""
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(cell(_item(item)) for item in value)
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    return str(value)


def _item(item: Any) -> Any:
    """What a list cell keeps of one item: a duplicate's path, 'value (count)',
    'Speaker: “words”'."""
    if not isinstance(item, dict):
        return item
    if "path" in item:
        return item["path"]
    if "text" in item:
        return f"{item['speaker'] or 'unattributed'}: “{item['text']}”"
    return f"{item['value']} ({item['count']})"


def csv_record(fields: Iterable[str]) -> str:
    """One RFC 4180 record, ended by CRLF."""
    # Imported here: every command imports this module, few write CSV, and
    # the csv module is a measurable part of a search's start.
    import csv

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(fields)
    return buffer.getvalue()


def write_csv(
    out: IO[str], objects: Iterable[JsonObject], columns: list[str], header: bool = True
) -> None:
    """The header row (unless ``header`` is False: rows continue a table),
    then a row per object, each flushed as written for `| head`."""
    _utf8(out)
    if header:
        _write(out, csv_record(columns))
    for obj in objects:
        _write(out, csv_record(cell(obj.get(column)) for column in columns))


def _write(out: IO[str], record: str) -> None:
    out.write(record)
    out.flush()


def _utf8(out: IO[str]) -> None:
    """UTF-8 whatever the locale says (a spreadsheet is read on another machine)."""
    if isinstance(out, io.TextIOWrapper) and out.encoding.lower().replace("-", "") != "utf8":
        out.reconfigure(encoding="utf-8")
