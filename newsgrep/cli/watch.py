"""newsgrep watch: saved searches that report the stories new to them."""

from __future__ import annotations

import functools
import shlex
import sys

import click

from newsgrep.cli.options import (
    Filters,
    color_option,
    csv_option,
    filter_options,
    index_option,
    json_option,
    listing_options,
    reports_errors,
)
from newsgrep.engine import IndexLocation
from newsgrep.errors import ExitStatus
from newsgrep.output.emit import emit_result
from newsgrep.output.jsonschema import watch_hit_json
from newsgrep.output.lines import write_line
from newsgrep.output.render import make_console, print_new
from newsgrep.safety import clean_line
from newsgrep.watch import Watch, Watches, WatchRun


class WatchGroup(click.Group):
    """`watch` and `watch NAME...` are `watch run`: what is not a subcommand
    (or --help) is run's name or option."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@click.group("watch", cls=WatchGroup)
def watch_command() -> None:
    """Saved searches: run them to see only the stories new to each.

    `newsgrep watch` runs every saved search and prints, per search, the
    stories that entered it since its last run: newly indexed, or edited so
    that they now match (a story re-indexed unchanged is not new). The first
    run of a search prints every match. Exit 0 if something is new, 1 if
    nothing is, 2 on error. `watch [NAME]...` is `watch run [NAME]...`: its
    options (--json, --csv, -l, -c, --peek) are in `newsgrep watch run --help`.

    \b
      newsgrep watch add nato-russia 'nato russia' --since 2001
      newsgrep watch                 # every saved search
      newsgrep watch nato-russia     # one
      newsgrep watch list
      newsgrep watch rm nato-russia
      newsgrep index ~/feeds && newsgrep watch | mail -E -s news me
    """


@watch_command.command("add")
@click.argument("name")
@click.argument("query")
@index_option
@filter_options
@reports_errors
def add_command(
    name: str,
    query: str,
    index_dir: IndexLocation,
    filters: Filters,
) -> None:
    """Save QUERY (and the filters) under NAME; the query is checked now.

    \b
      newsgrep watch add putin-nato 'people:putin nato' --source AP --source Reuters
    """
    Watches.at(index_dir).add(Watch(name, query, **filters))


@watch_command.command("list")
@index_option
@reports_errors
def list_command(index_dir: IndexLocation) -> None:
    """Each saved search: name, the search it runs, its last run (tab-separated).

    Exit 1 if no search is saved.
    """
    watches = Watches.at(index_dir)
    saved = watches.all()
    for watch in saved:
        last = watches.last_run(watch.name)
        ran = f"{last.when:%Y-%m-%d %H:%M} UTC, {last.matched} matching" if last else "never run"
        write_line(sys.stdout, f"{watch.name}\t{clean_line(search_args(watch))}\t{ran}")
    sys.exit(ExitStatus.FOUND if saved else ExitStatus.NOTHING)


def search_args(watch: Watch) -> str:
    """The watch as `newsgrep search` arguments, quoted for a shell."""
    args = [watch.query]
    for flag, values in (
        ("--since", [watch.since] if watch.since else []),
        ("--until", [watch.until] if watch.until else []),
        ("--source", watch.sources),
        ("--person", watch.people),
        ("--place", watch.places),
        ("--speaker", watch.speakers),
    ):
        for value in values:
            args += [flag, value]
    return shlex.join(args)


@watch_command.command("rm")
@click.argument("name")
@index_option
@reports_errors
def rm_command(name: str, index_dir: IndexLocation) -> None:
    """Forget the saved search NAME and what it matched."""
    Watches.at(index_dir).remove(name)


@watch_command.command("run")
@click.argument("names", nargs=-1, metavar="[NAME]...")
@index_option
@json_option("JSON Lines: the search hit schema plus `watch`, the saved search's name.")
@csv_option()
@listing_options("new stories")  # -c counts them and remembers nothing, as --peek
@click.option("--peek", is_flag=True, help="Show what is new without remembering it.")
@color_option
@reports_errors
def run_command(
    names: tuple[str, ...],
    index_dir: IndexLocation,
    as_json: bool,
    as_csv: bool,
    paths_only: bool,
    null: bool,
    count: bool,
    peek: bool,
    color: str,
) -> None:
    """Run the saved searches NAME... (all of them if none is named).

    Each one prints the stories that entered it since its last run, ranked
    as `newsgrep search` ranks them, and remembers what matched once they
    are printed. -c counts them without remembering them, one count per
    search (NAME<TAB>COUNT unless one NAME is given).
    """
    watches = Watches.at(index_dir)
    chosen = watches.named(names)
    if not chosen:
        click.echo("newsgrep: no saved search; add one: newsgrep watch add NAME QUERY", err=True)
        sys.exit(ExitStatus.NOTHING)
    found = False
    for watch in chosen:
        run = watches.run(watch, snippets=not (paths_only or count))
        if count:
            counted = str(len(run.hits))
            write_line(sys.stdout, counted if len(names) == 1 else f"{watch.name}\t{counted}")
        elif run.hits:
            show_new(run, as_json, as_csv, paths_only, null, color, csv_header=not found)
        if not (peek or count):
            watches.remember(run)  # after printing: an interrupted run leaves them new
        found = found or bool(run.hits)
    sys.exit(ExitStatus.FOUND if found else ExitStatus.NOTHING)


def show_new(
    run: WatchRun,
    as_json: bool,
    as_csv: bool,
    paths_only: bool,
    null: bool,
    color: str,
    csv_header: bool,
) -> None:
    """A run's new stories as `search` prints hits; for people under a heading."""
    if not (as_json or as_csv or paths_only):
        print_new(make_console(color), run.watch.name, run.result(), run.matched)
        return
    emit_result(
        run.result(),
        as_json=as_json,
        as_csv=as_csv,
        paths_only=paths_only,
        null=null,
        record=functools.partial(watch_hit_json, watch=run.watch.name),
        csv_header=csv_header,
    )
