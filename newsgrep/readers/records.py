"""What every multi-story format shares: story ids and author names."""

from __future__ import annotations

import re

from newsgrep.extract.dateline import normal_place
from newsgrep.extract.layout import split_names
from newsgrep.extract.sources import is_agency

_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
# "Times Staff Writer", "Associated Press Writer", "Special to the Times":
# a byline's job description, not a name.
_ROLE = re.compile(
    r"\b(?:writer|correspondent|reporter|editor|columnist|staff|special to)\b", re.IGNORECASE
)


class RecordIds:
    """Story ids within one file: the record's own id where it has one, else
    its 1-based record number; never the same id twice, since ``FILE#ID`` is
    the story's path and must name one story.
    """

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def __call__(self, number: int, own: object = None) -> str:
        own_id = "_".join(str(own).split()) if own is not None else ""
        story_id = own_id or str(number)
        while story_id in self._seen:
            story_id = f"{story_id}-{number}"
        self._seen.add(story_id)
        return story_id


def author_names(value: object) -> list[str] | None:
    """Authors from a field: "By Jane Doe and John Roe", a list of names, or
    a list of {"name": ...} objects (JSON-LD, news APIs). None when empty.
    """
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str):
        names = split_names(_BY.sub("", value))
    elif isinstance(value, list):
        names = [name for item in value for name in author_names(item) or []]
    else:
        return None
    # "By Jane Doe, Reuters": the agency is the source, not an author.
    kept = (_name_case(n) for n in names if not is_agency(n) and not _ROLE.search(n))
    return list(dict.fromkeys(kept)) or None


def _name_case(name: str) -> str:
    """'ROBERT HALL' (old wire bylines) -> 'Robert Hall'; other names as written."""
    name = " ".join(name.split())
    return name.title() if name.isupper() else name


def dateline_place(dateline: str | None) -> str | None:
    """The place of a dateline a format keeps apart from the text: what comes
    before the first comma, bracket or dash ('RICHMOND, Va. Feb 26 -',
    'LONDON (Reuters) -'), even where the text rules would not read it as a
    dateline ('FEb 26')."""
    place = re.split(r",|\(| - | -$", (dateline or "").strip(), maxsplit=1)[0].strip()
    return normal_place(place) if place else None


def with_dateline(dateline: str | None, body: str) -> str:
    """The body opened by its dateline, as printed on the wire."""
    dateline = " ".join((dateline or "").split())
    if not dateline or not body or body.startswith(dateline):
        return body
    return f"{dateline} {body}"
