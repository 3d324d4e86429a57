"""A search, stats or browse while ``newsgrep index`` writes the index: say so.

Without a word, a first index whose first commit is still being written
looks empty ("0 stories", nothing found), and a later one looks complete.
"""

from __future__ import annotations

import sys

import click

import newsgrep
from newsgrep.engine import IndexLocation, open_engine
from newsgrep.errors import ExitStatus, IndexMissing
from newsgrep.model import SearchOptions

# A count of every story, nothing else: as -c asks.
_COUNT = SearchOptions(limit=1, snippets=False, fold_page=False, suggest=False)


def note_indexing(index_dir: IndexLocation) -> None:
    """On stderr, that an indexer is writing the index and how many stories
    it has committed; exit 1 when it has committed none yet."""
    busy = open_engine(index_dir).writer_busy()
    if busy is None:
        return
    where = f" on {busy.host}" if busy.host else ""
    who = f"indexing in progress (pid {busy.pid}{where})" if busy.pid else "indexing in progress"
    try:
        committed = newsgrep.search(index_dir, "*", _COUNT).total
    except IndexMissing:
        committed = 0
    if committed:
        click.echo(f"newsgrep: {who}: {committed:,} stories committed so far", err=True)
        return
    click.echo(f"newsgrep: {who}: no story committed yet; try again in a minute", err=True)
    sys.exit(ExitStatus.NOTHING)
