"""Where stories are indexed and searched: the engine seam.

:mod:`newsgrep.engine.base` says what an engine does; :func:`open_engine`
picks the engine for where an index lives: a folder is the embedded Whoosh
index (the default), ``http(s)://HOST:PORT/NAME`` an index on an OpenSearch
cluster. Each engine's library is imported only once its index is used.
"""

from __future__ import annotations

import os
from pathlib import Path

from newsgrep.engine.base import Engine
from newsgrep.engine.opensearch.client import (
    ENV_INSECURE,
    ClusterAddress,
    is_cluster_url,
    parse_cluster_url,
)

DEFAULT_INDEX = "index"
ENV_INDEX = "NEWSGREP_INDEX"

# Where an index lives: a folder, or an index on a cluster.
IndexLocation = Path | ClusterAddress


def index_location(
    option: str | os.PathLike[str] | ClusterAddress | None = None, insecure: bool = False
) -> IndexLocation:
    """--index wins over $NEWSGREP_INDEX, which wins over ./index.

    A URL is an index on a cluster (``insecure``, or $NEWSGREP_INDEX_INSECURE
    set: its TLS certificate is not checked, credentials may go over plain
    http://); anything else a folder, made absolute.
    """
    if isinstance(option, ClusterAddress):
        return option
    chosen = option or os.environ.get(ENV_INDEX) or DEFAULT_INDEX
    if is_cluster_url(chosen):
        insecure = insecure or bool(os.environ.get(ENV_INSECURE))
        return parse_cluster_url(str(chosen), insecure)
    return Path(chosen).absolute()


def open_engine(location: str | os.PathLike[str] | ClusterAddress | None = None) -> Engine:
    """The engine for the index at ``location`` (see :func:`index_location`).
    Nothing is opened yet: each call on the engine opens what it needs."""
    where = index_location(location)
    if isinstance(where, ClusterAddress):
        from newsgrep.engine.opensearch.index import OpenSearchIndex

        return OpenSearchIndex(where)
    # Imported here: Whoosh's import is the largest part of a search's start,
    # paid only once an index is really used (not for --help or a bad option).
    from newsgrep.engine.whoosh.index import WhooshIndex

    return WhooshIndex(where)
