"""WARC crawls (.warc, .warc.gz): each HTML response becomes a story.

Requests, metadata, images, scripts and error pages are skipped quietly:
they are not stories. A story's id is its record's position in the file.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgrep.model import BadRecord, RawStory
from newsgrep.readers.html import page_story
from newsgrep.readers.records import RecordIds

_PAGE_TYPES = ("text/html", "application/xhtml+xml")


class WarcReader:
    name = "warc"
    many_stories = True
    extensions: tuple[str, ...] = (".warc",)

    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"WARC/")

    def read(self, data: bytes, path: Path) -> Iterator[RawStory | BadRecord]:
        from warcio.archiveiterator import ArchiveIterator

        ids = RecordIds()
        number = 0
        records = iter(ArchiveIterator(io.BytesIO(data)))
        while True:
            number += 1
            try:
                record = next(records, None)
                if record is None:
                    return
                if not _is_page(record):
                    continue
                html = record.content_stream().read()
            except Exception as err:  # noqa: BLE001 - warcio fails in many ways on broken input
                detail = " ".join(str(err).split()) or type(err).__name__
                yield BadRecord(str(number), f"broken WARC record, rest of file unread: {detail}")
                return
            story = page_story(html, record.rec_headers.get_header("WARC-Target-URI"))
            if story is None:
                yield BadRecord(str(number), "no article text found in the page")
                continue
            story.record_id = ids(number)
            yield story


def _is_page(record: Any) -> bool:
    """A successful HTML response (or an HTML resource record)."""
    if record.rec_type not in ("response", "resource"):
        return False
    headers = record.http_headers
    if record.rec_type == "response":
        if headers is None or not headers.get_statuscode().startswith("2"):
            return False
        content_type = headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in _PAGE_TYPES
