"""JSON Lines (.jsonl, .ndjson) and JSON (.json: one object or a list).

One story per object; field names are mapped by :mod:`newsgrep.readers.fields`.
JSON Lines is read a line at a time, so a big scraper dump is never held
twice. A .json file that turns out to hold JSON Lines is read as such.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from newsgrep.errors import Unreadable
from newsgrep.model import BadRecord, RawStory
from newsgrep.readers.decoding import decode, text_lines
from newsgrep.readers.fields import has_story_fields, numbered_story, story_from_record
from newsgrep.readers.records import RecordIds

_LINE_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
_OBJECT_START = re.compile(rb'^\s*(?:\{\s*"|\[\s*\{)')


class JsonReader:
    name = "json"
    many_stories = True
    extensions: tuple[str, ...] = (*_LINE_SUFFIXES, ".json")

    def sniff(self, head: bytes) -> bool:
        return bool(_OBJECT_START.match(head.removeprefix(b"\xef\xbb\xbf")))

    def read(self, data: bytes, path: Path) -> Iterator[RawStory | BadRecord]:
        if path.name.lower().removesuffix(".gz").endswith(_LINE_SUFFIXES):
            yield from _read_lines(data)
            return
        try:
            document = json.loads(decode(data))
        except json.JSONDecodeError as err:
            if err.msg != "Extra data":
                raise Unreadable(f"broken JSON: {err.msg} (line {err.lineno})") from None
            yield from _read_lines(data)  # several objects, one a line
            return
        yield from _read_document(document)


def _read_lines(data: bytes) -> Iterator[RawStory | BadRecord]:
    """One object a line; a broken line is skipped, the others kept."""
    ids = RecordIds()
    for number, line in enumerate(text_lines(data), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield BadRecord(str(number), f"broken JSON line: {err.msg} (column {err.colno})")
            continue
        yield numbered_story(record, number, ids)


def _read_document(document: object) -> Iterator[RawStory | BadRecord]:
    """A single story object, a list of them, or an API answer wrapping a list."""
    records = _wrapped_list(document) if isinstance(document, dict) else document
    if isinstance(records, dict):
        yield _single_story(records)
        return
    if not isinstance(records, list):
        raise Unreadable("JSON holds neither an object nor a list of objects")
    ids = RecordIds()
    for number, record in enumerate(records, start=1):
        yield numbered_story(record, number, ids)


def _single_story(record: dict) -> RawStory:
    """A file holding one story: its path is the file's, with no #ID."""
    story = story_from_record(record, 1)
    if isinstance(story, BadRecord):
        raise Unreadable(story.reason)
    story.record_id = None
    return story


def _wrapped_list(document: dict) -> dict | list:
    """{"status": "ok", "articles": [...]} (news APIs) is the list inside."""
    if has_story_fields(list(document)):
        return document
    lists = [v for v in document.values() if _is_record_list(v)]
    return lists[0] if len(lists) == 1 else document


def _is_record_list(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)
