"""Where the index lives and how it is opened."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_INDEX = "index"
ENV_INDEX = "NEWSGREP_INDEX"


class IndexMissing(Exception):
    """No index at the given place; the message says how to make one."""


class IndexDamaged(IndexMissing):
    """Index files are missing or cannot be read; the message says how to rebuild."""


def index_location(option: str | os.PathLike | None = None) -> Path:
    """--index wins over $NEWSGREP_INDEX, which wins over ./index."""
    chosen = option or os.environ.get(ENV_INDEX) or DEFAULT_INDEX
    return Path(chosen).absolute()


def _damaged(folder: Path, reason: str) -> str:
    return (f"the index at {folder} is damaged ({reason}); "
            f"rebuild it with: newsgrep index --rebuild --index {folder} FOLDER")


def _one_line(err: Exception) -> str:
    if isinstance(err, OSError) and err.strerror and err.filename:
        return f"{Path(err.filename).name}: {err.strerror}"
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 120 else text[:119] + "…"


def open_index(index_dir: str | os.PathLike):
    """Open an existing index for searching."""
    from whoosh import index
    from whoosh.index import EmptyIndexError

    folder = Path(index_dir)
    try:
        if folder.is_dir() and index.exists_in(str(folder)):
            opened = index.open_dir(str(folder))
            opened.reader().close()  # opens every segment's files: fails here, not mid-search
            return opened
    except EmptyIndexError:
        pass
    except PermissionError as err:
        raise IndexMissing(f"cannot read the index at {folder}: {err.strerror}") from None
    except Exception as err:  # Whoosh raises whatever unpickling bad bytes raises
        raise IndexDamaged(_damaged(folder, _one_line(err))) from None
    if any(folder.glob("*.seg")):
        raise IndexDamaged(_damaged(folder, "its table of contents (_MAIN_*.toc) is missing"))
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
