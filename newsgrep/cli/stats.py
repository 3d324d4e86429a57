"""newsgrep stats: what the index holds."""

from __future__ import annotations

import sys

import click

import newsgrep
from newsgrep.cli.busy import note_indexing
from newsgrep.cli.options import (
    color_option,
    csv_option,
    index_option,
    json_option,
    reports_errors,
)
from newsgrep.engine import IndexLocation
from newsgrep.errors import ExitStatus
from newsgrep.output.csv import write_csv
from newsgrep.output.emit import plain_wanted
from newsgrep.output.jsonschema import json_line, stats_json
from newsgrep.output.lines import write_line
from newsgrep.output.tables import write_stats


@click.command("stats")
@index_option
@click.option(
    "--top",
    default=10,
    show_default=True,
    type=click.IntRange(0),
    help="Sources, people and places to list (0 for all).",
)
@json_option("One JSON object.")
@csv_option("CSV: a header row and one row (the top lists as 'value (count); ...').")
@color_option
@reports_errors
def stats_command(
    index_dir: IndexLocation, top: int, as_json: bool, as_csv: bool, color: str
) -> None:
    """What the index holds: stories, dates, names, size, updates.

    Stories and files, the date span, the top sources, people and places,
    the index size on disk and when it was last written.

    Exit 1 if the index holds no story.

    \b
      newsgrep stats
      newsgrep stats --top 3 --json | jq .sources
    """
    note_indexing(index_dir)
    stats = newsgrep.index_stats(index_dir, top)
    if as_json:
        write_line(sys.stdout, json_line(stats_json(stats)))
    elif as_csv:
        obj = stats_json(stats)
        write_csv(sys.stdout, [obj], list(obj))
    elif plain_wanted(color, sys.stdout):
        write_stats(sys.stdout, stats)
    else:
        # Imported here: rich is for a terminal or colour only (25 ms of a start).
        from newsgrep.output.charts import print_stats
        from newsgrep.output.render import make_console

        print_stats(make_console(color), stats)
    sys.exit(ExitStatus.FOUND if stats.stories else ExitStatus.NOTHING)
