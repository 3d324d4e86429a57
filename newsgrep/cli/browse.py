"""newsgrep browse: search, read and narrow in the terminal (Textual)."""

from __future__ import annotations

import sys
from dataclasses import replace

import click

import newsgrep
from newsgrep.cli.busy import note_indexing
from newsgrep.cli.options import (
    Failure,
    Filters,
    filter_options,
    index_option,
    reports_errors,
    sort_option,
)
from newsgrep.engine import IndexLocation
from newsgrep.model import SearchOptions
from newsgrep.output.lines import is_terminal


@click.command("browse")
@click.argument("query", default="")
@index_option
@sort_option
@filter_options
@reports_errors
def browse_command(
    query: str,
    index_dir: IndexLocation,
    sort: str,
    filters: Filters,
) -> None:
    """Browse the index in the terminal: a query box, the ranked list, a preview.

    Keys: / the query box, Enter a whole story (Escape back), p, s, l narrow
    to the person, source or place of the story under the cursor, x removes
    the last narrowing, t the timeline by month, q quits. The query language
    and the filters are those of search.

    \b
      newsgrep browse
      newsgrep browse "NATO membership"
      newsgrep browse putin --since 2001-11 --source Reuters
    """
    if not is_terminal(sys.stdout):
        raise Failure(
            "browse draws on a terminal, and stdout is not one: "
            "for a pipe or a file use newsgrep search"
        )
    note_indexing(index_dir)
    options = SearchOptions(sort=sort, **filters)
    # A missing index or a bad --since ends the command as for search (one
    # line, exit 2) before the screen is taken; a bad query is shown in it.
    newsgrep.search(index_dir, "*", replace(options, limit=1, snippets=False, suggest=False))
    # Textual is imported here, when browse runs: the other commands' start
    # (a search's above all) never pays for it.
    from newsgrep.browse.app import BrowserApp

    BrowserApp(index_dir, query, options).run()
