"""newsgrep stats: what the index holds."""

from __future__ import annotations

import sys

import click

from newsgrep.cli import FOUND, NOTHING, cli, color_option, index_option, json_option, library_call
from newsgrep.store import index_location


@cli.command("stats")
@index_option
@click.option("--top", default=10, show_default=True, type=click.IntRange(0),
              help="Sources, people and places to list (0 for all).")
@json_option("One JSON object.")
@color_option
def stats_command(index_dir, top, as_json, color) -> None:
    """What the index holds: stories, dates, names, size, updates.

    Stories and files, the date span, the top sources, people and places,
    the index size on disk and when it was last written.

    Exit 1 if the index holds no story.

    \b
      newsgrep stats
      newsgrep stats --top 3 --json | jq .sources
    """
    from newsgrep.charts import print_stats
    from newsgrep.render import json_line, make_console, write_line
    from newsgrep.stats import index_stats, stats_json

    stats = library_call(lambda: index_stats(index_location(index_dir), top))
    if as_json:
        write_line(sys.stdout, json_line(stats_json(stats)))
    else:
        print_stats(make_console(color), stats)
    sys.exit(FOUND if stats.stories else NOTHING)
