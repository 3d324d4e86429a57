"""newsgrep show: whole stories with their metadata."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

import newsgrep
from newsgrep.cli.options import (
    color_option,
    csv_option,
    index_option,
    json_option,
    reports_errors,
)
from newsgrep.engine import IndexLocation
from newsgrep.errors import ExitStatus, StoryMissing
from newsgrep.model import Story
from newsgrep.output.csv import blank_hit, write_csv
from newsgrep.output.emit import story_printer
from newsgrep.output.jsonschema import full_story_json, json_line
from newsgrep.output.lines import write_line
from newsgrep.safety import clean_line


@click.command("show")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@index_option
@click.option("-q", "--query", metavar="QUERY", help="Highlight this query's words.")
@json_option("One JSON object per story: the hit fields and the body.")
@csv_option("CSV with a header row, a row per story: the --json fields as columns.")
@click.option(
    "--all",
    "whole_file",
    is_flag=True,
    help="Every story of a multi-story file, rather than the list of their FILE#ID paths.",
)
@color_option
@reports_errors
def show_command(
    paths: tuple[str, ...],
    index_dir: IndexLocation,
    query: str | None,
    as_json: bool,
    as_csv: bool,
    whole_file: bool,
    color: str,
) -> None:
    """Print whole stories as indexed: a metadata header, then the text.

    PATH is a file or FILE#ID (one story of a multi-story file); a relative
    path is taken from the current folder. A file of several stories lists
    their FILE#ID paths instead (exit 1), unless --all shows them all.
    Exit 1 if some PATH names no story in the index.

    \b
      newsgrep show corpus/putin-nato-2001.txt --query "NATO membership"
      newsgrep search putin -l | head -3 | xargs -d '\\n' newsgrep show
      newsgrep show corpus/putin-nato-2001.txt --json | jq -r .body
      newsgrep search putin -l | xargs -d '\\n' newsgrep show --csv > putin.csv
    """
    print_one = _printer(as_json, as_csv, color)
    missing = 0
    for path in paths:
        try:
            if not whole_file and _listed(index_dir, path):
                missing += 1
                continue
            stories = newsgrep.show(index_dir, path, query)
        except StoryMissing as err:  # the others are still shown
            click.echo(f"newsgrep: {err}", err=True)
            missing += 1
            continue
        for story in stories:
            print_one(story)
    sys.exit(ExitStatus.NOTHING if missing else ExitStatus.FOUND)


def _listed(index_dir: IndexLocation, path: str) -> bool:
    """A file of many stories (a .jsonl.gz of thousands) lists their paths,
    to pick one from, rather than print every story at once; True if so."""
    if "#" in path:
        return False
    paths = newsgrep.story_paths(index_dir, path)
    if len(paths) < 2:
        return False
    click.echo(
        f"newsgrep: {clean_line(path)} holds {len(paths):,} stories: "
        "show one as FILE#ID (listed below), or all with --all",
        err=True,
    )
    sys.stdout.write("".join(clean_line(story) + "\n" for story in paths))
    return True


def _printer(as_json: bool, as_csv: bool, color: str) -> Callable[[Story], None]:
    """What prints one story: a JSON line, a CSV row (after the header, written
    now), or the story for people, a blank line between two."""
    out = sys.stdout
    if as_json:
        return lambda story: write_line(out, json_line(full_story_json(story)))
    if as_csv:
        columns = list(full_story_json(Story(blank_hit(), "", [])))
        write_csv(out, [], columns)
        return lambda story: write_csv(out, [full_story_json(story)], columns, header=False)
    return story_printer(color, out)
