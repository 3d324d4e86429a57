"""A story as every engine indexes it: the one list of its fields.

Each engine translates this list and nothing else: the Whoosh writer and
schema, the OpenSearch writer and mapping build their documents and fields
from it by each field's kind, and a Hit is read back from a story's stored
fields by it (engine/hits.py). A new field is one line here (and, if a Hit
shows it, the Hit's attribute of the same name); both engines then index,
store and return it alike. An index written before it lacks the field: bump
engine/opensearch/mapping.py's MAPPING_VERSION, so that writing to an older
cluster index asks for --rebuild. Quotations are not in it: each engine
indexes them for ``said:`` in its own way (engine/quotations.py is what they
share).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from newsgrep.model import Article

# How a field is searched, which decides how each engine indexes it:
#   key    one exact value (a path), never analysed
#   words  stemmed, accent-folded words with stop words left out (title, body)
#   names  names word by word, unstemmed (people:putin finds "Vladimir Putin",
#          source:cnn "CNN (Web News)"); counts per value read the name whole
#   date   a point in time, sortable, ranges
#   kept   stored and shown, never searched
FieldKind = Literal["key", "words", "names", "date", "kept"]

# The field whose value names a story: one document per value.
IDENTITY = "path"


@dataclass(frozen=True)
class StoryField:
    """One field of a story's document."""

    name: str
    kind: FieldKind
    value: Callable[[Article, str], Any]  # from the article and the file it came from
    many: bool = False  # a list of values (each its own name, phrase or label)
    on_hit: bool = True  # a Hit's attribute of the same name

    def empty(self) -> Any:
        """The value of a story that has none."""
        if self.many:
            return []
        return None if self.kind == "date" else ""


STORY_FIELDS: tuple[StoryField, ...] = (
    StoryField("path", "key", lambda a, _: a.path),
    StoryField("file", "key", lambda _, file: file, on_hit=False),
    StoryField("title", "words", lambda a, _: a.title),
    StoryField("body", "words", lambda a, _: a.body, on_hit=False),
    StoryField("date", "date", lambda a, _: a.date),
    StoryField("source", "names", lambda a, _: a.source),
    StoryField("people", "names", lambda a, _: list(a.people), many=True),
    StoryField("place", "names", lambda a, _: a.place),
    StoryField("author", "names", lambda a, _: list(a.author), many=True),
    StoryField("url", "kept", lambda a, _: a.url),
)
FIELDS_BY_NAME = {field.name: field for field in STORY_FIELDS}


def story_values(article: Article, file: str) -> Iterator[tuple[StoryField, Any]]:
    """Each field with the article's value; a missing date is left out
    (neither engine stores an empty date: it sorts last and counts as undated)."""
    for field in STORY_FIELDS:
        value = field.value(article, file)
        if field.kind == "date" and value is None:
            continue
        yield field, value


def hit_values(stored: dict[str, Any]) -> dict[str, Any]:
    """A Hit's fields from a story's stored ones (each engine's reader gives
    a date as a naive datetime); what a story lacks is the field's empty value."""
    values: dict[str, Any] = {}
    for field in STORY_FIELDS:
        if field.on_hit:
            value = stored.get(field.name)
            if value is None:
                value = field.empty()
            values[field.name] = list(value) if field.many else value
    return values
