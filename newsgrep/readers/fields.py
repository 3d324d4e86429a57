"""Field names of structured records (JSON, CSV) mapped to a story.

Scrapers, news APIs and dataset exports name the same things differently:
``title`` or ``headline``, ``date`` or ``publishedAt`` or ``date_publish``.
Names are compared without case, spaces, dashes or underscores.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from newsgrep.model import BadRecord, RawStory
from newsgrep.readers.records import RecordIds, author_names, dateline_place, with_dateline

# In order of preference within each field.
TITLE = ("title", "headline")
DATE = (
    "date",
    "published",
    "pubdate",
    "datepublish",
    "publishedat",
    "datepublished",
    "publicationdate",
    "publishdate",
    "pubdatetime",
)
SOURCE = ("source", "publication", "sitename", "sourcedomain", "publisher", "outlet")
AUTHOR = ("authors", "author", "byline", "creator")
TEXT = ("text", "body", "content", "maintext", "article", "fulltext", "articlebody", "description")
URL = ("url", "link", "sourceurl")
DATELINE = ("dateline",)
ID = ("id", "docid", "docno", "articleid", "newid", "uuid")

_NOT_NAME = re.compile(r"[\W_]+")


def normal_name(name: str) -> str:
    """'publishedAt', 'published_at', 'Published At' -> 'publishedat'."""
    return _NOT_NAME.sub("", name).lower()


def has_story_fields(names: list[str]) -> bool:
    """Do these column or key names look like a story record (text or title)?"""
    normal = {normal_name(n) for n in names}
    return bool(normal & set(TEXT)) or bool(normal & set(TITLE))


def story_from_record(record: object, number: int) -> RawStory | BadRecord:
    """One record to a raw story; people are left to extraction from the text."""
    if not isinstance(record, dict):
        return BadRecord(str(number), f"a {type(record).__name__}, not an object with fields")
    fields = {normal_name(str(k)): v for k, v in record.items() if k is not None}
    text = _text(_first(fields, TEXT))
    title = _plain(_first(fields, TITLE))
    if not text and not title:
        return BadRecord(str(number), "no text or title")
    dateline = _plain(_first(fields, DATELINE))
    return RawStory(
        text=with_dateline(dateline, text),
        place=dateline_place(dateline),
        record_id=_plain(_first(fields, ID)),
        title=title,
        date=_date(_first(fields, DATE)),
        source=_source(_first(fields, SOURCE)),
        author=author_names(_first(fields, AUTHOR)),
        url=_plain(_first(fields, URL)),
    )


def numbered_story(record: object, number: int, ids: RecordIds) -> RawStory | BadRecord:
    """A record of a multi-story file, with its id within the file."""
    story = story_from_record(record, number)
    if isinstance(story, RawStory):
        story.record_id = ids(number, story.record_id)
    return story


def _first(fields: dict, names: tuple[str, ...]) -> object:
    for name in names:
        value = fields.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _plain(value: object) -> str | None:
    """A one-line string, or None for missing, empty or structured values."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return " ".join(str(value).split()) or None


def _text(value: object) -> str:
    """Body text; a list of paragraphs becomes paragraphs."""
    if isinstance(value, list):
        return "\n\n".join(str(p).strip() for p in value if isinstance(p, str) and p.strip())
    return value.strip() if isinstance(value, str) else ""


def _date(value: object) -> datetime | str | None:
    """A date string is parsed later, by the extractor; a number is Unix time
    (in seconds, or milliseconds as JavaScript writes it)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if abs(value) > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            return None
    return _plain(value)


def _source(value: object) -> str | None:
    if isinstance(value, dict):  # NewsAPI: "source": {"id": ..., "name": "BBC News"}
        value = value.get("name") or value.get("id")
    return _plain(value)
