"""One file's stories: read (readers/) and their metadata found (extract/)."""

from __future__ import annotations

from pathlib import Path

from newsgrep.errors import Unreadable
from newsgrep.extract.article import build_article
from newsgrep.indexing.walk import SkipHandler
from newsgrep.model import Article, BadRecord
from newsgrep.readers import read_file


def read_articles(
    path: Path,
    default_source: str = "",
    on_skip: SkipHandler | None = None,
    part: int = 0,
    parts: int = 1,
) -> list[Article]:
    """The articles in one file; skipped files and records go to on_skip.

    With ``parts`` > 1, only part ``part`` of the file's records: every
    parts-th record from the part-th on, so that workers share one big file
    (each reads the whole file, but extracts only its own stories).
    """
    articles = []
    try:
        for number, raw in enumerate(read_file(path), start=1):
            if (number - 1) % parts != part:
                continue
            if isinstance(raw, BadRecord):
                if on_skip:
                    on_skip(f"{path}#{raw.record}", raw.reason)
                continue
            story_path = (
                f"{path}#{raw.record_id or number}" if raw.record_id is not None else str(path)
            )
            articles.append(build_article(story_path, raw, default_source))
    except Unreadable as err:
        if on_skip:
            on_skip(str(path), str(err))
        return []
    return articles
