"""newsgrep similar: the stories most like a given one."""

from __future__ import annotations

import sys

import click

import newsgrep
from newsgrep.cli.options import (
    color_option,
    csv_option,
    index_option,
    json_option,
    listing_options,
    paging_options,
    past_last_page,
    reports_errors,
)
from newsgrep.engine import IndexLocation
from newsgrep.errors import ExitStatus
from newsgrep.output.emit import emit_result


@click.command("similar")
@click.argument("path", metavar="PATH")
@index_option
@paging_options("stories")
@json_option("JSON Lines, one object per story (the search hit schema).")
@csv_option()
@listing_options("similar stories", count=False)
@color_option
@reports_errors
def similar_command(
    path: str,
    index_dir: IndexLocation,
    limit: int,
    page: int,
    as_json: bool,
    as_csv: bool,
    paths_only: bool,
    null: bool,
    color: str,
) -> None:
    """Stories most like a given one, itself left out.

    PATH is a file or FILE#ID.

    Similarity is over the story's significant words: those frequent in it
    and rare in the index. Exit 1 if PATH names no story in the index.

    \b
      newsgrep similar corpus/kabul-falls-2001-11.txt
      newsgrep similar corpus/putin-nato-2001.txt -n 3 --json | jq -r .title
    """
    result = newsgrep.similar(
        index_dir,
        path,
        limit=0 if paths_only else limit,
        page=1 if paths_only else page,
        snippets=not paths_only,
    )
    emit_result(
        result, as_json=as_json, as_csv=as_csv, paths_only=paths_only, null=null, color=color
    )
    found = result.total and not past_last_page(result, 1 if paths_only else page, limit)
    sys.exit(ExitStatus.FOUND if found else ExitStatus.NOTHING)
