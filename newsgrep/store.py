"""Where the index lives and how it is opened."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_INDEX = "index"
ENV_INDEX = "NEWSGREP_INDEX"


class IndexMissing(Exception):
    """No index at the given place; the message says how to make one."""


def index_location(option: str | os.PathLike | None = None) -> Path:
    """--index wins over $NEWSGREP_INDEX, which wins over ./index."""
    chosen = option or os.environ.get(ENV_INDEX) or DEFAULT_INDEX
    return Path(chosen).absolute()


def open_index(index_dir: str | os.PathLike):
    """Open an existing index for searching."""
    from whoosh import index
    from whoosh.index import EmptyIndexError

    folder = Path(index_dir)
    try:
        if folder.is_dir() and index.exists_in(str(folder)):
            return index.open_dir(str(folder))
    except EmptyIndexError:
        pass
    raise IndexMissing(f"no index at {folder}; build one with: newsgrep index FOLDER")


def open_or_create(index_dir: str | os.PathLike, rebuild: bool = False):
    """Open the index for writing, creating it (or starting afresh) as needed."""
    from whoosh import index

    from newsgrep.schema import build_schema

    folder = Path(index_dir)
    folder.mkdir(parents=True, exist_ok=True)
    if rebuild or not index.exists_in(str(folder)):
        return index.create_in(str(folder), build_schema())
    return index.open_dir(str(folder))
