"""The article record: one story, as every stage after reading sees it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Article:
    """One story with its metadata.

    ``path`` is absolute; a story inside a multi-story file is ``FILE#ID``.
    ``title`` is the story's headline, or "" when the text has none (then
    :func:`display_title` shows the start of the first sentence instead, but
    nothing is indexed or boosted as a title).
    """

    path: str
    body: str
    title: str = ""
    date: datetime | None = None
    source: str = ""
    people: list[str] = field(default_factory=list)
    place: str = ""
    author: list[str] = field(default_factory=list)
    url: str = ""


def display_title(title: str, body: str, limit: int = 80) -> str:
    """The title to show: the headline, else the start of the first sentence."""
    if title:
        return title
    # Only the opening can be shown: a megabyte-long first line is not scanned.
    start = len(body) - len(body.lstrip()) if body[:1].isspace() else 0
    text = " ".join(body[start:start + limit * 8].split())
    end = _first_sentence_end(text)
    sentence = text[:end] if end else text
    if len(sentence) <= limit:
        return sentence
    return sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def _first_sentence_end(text: str) -> int:
    """Index just past the first sentence's full stop, or 0 if none is seen."""
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] == " "):
            # "Nov. 20" and "U.S. officials" are not sentence ends.
            word = text[text.rfind(" ", 0, i) + 1:i]
            if len(word) > 3 or (word and word[0].islower() and len(word) > 1):
                return i + 1
    return 0
