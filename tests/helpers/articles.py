"""Indexes written straight from Articles built by hand: what an engine does
with a field, whatever extraction finds."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from newsgrep.engine import open_engine
from newsgrep.model import Article


def index_articles(folder: Path | str, articles: Iterable[Article]) -> Path | str:
    """Write ``articles`` as one batch into a new index at ``folder``."""
    writer = open_engine(folder).open_writer(rebuild=True)
    batch = writer.batch_maker()()
    for article in articles:
        batch.add(article, article.path.split("#")[0])
    writer.commit([batch.finish()])
    return folder
