"""Where stories are indexed and searched: the engine seam.

:mod:`newsgrep.engine.base` says what an engine does; :func:`open_engine`
picks the engine for where an index lives. A folder is the embedded Whoosh
index, the one engine today; Whoosh is imported in this package only.
"""

from __future__ import annotations

import os
from pathlib import Path

from newsgrep.engine.base import Engine

DEFAULT_INDEX = "index"
ENV_INDEX = "NEWSGREP_INDEX"


def index_location(option: str | os.PathLike[str] | None = None) -> Path:
    """--index wins over $NEWSGREP_INDEX, which wins over ./index."""
    chosen = option or os.environ.get(ENV_INDEX) or DEFAULT_INDEX
    return Path(chosen).absolute()


def open_engine(location: str | os.PathLike[str] | None = None) -> Engine:
    """The engine for the index at ``location`` (see :func:`index_location`).
    Nothing is opened yet: each call on the engine opens what it needs."""
    # Imported here: Whoosh's import is the largest part of a search's start,
    # paid only once an index is really used (not for --help or a bad option).
    from newsgrep.engine.whoosh.index import WhooshIndex

    return WhooshIndex(index_location(location))
