"""newsgrep search: ranked hits, paths, counts, counts per value, or JSON Lines."""

from __future__ import annotations

import sys

import click

import newsgrep
from newsgrep.cli.busy import note_indexing
from newsgrep.cli.options import (
    Filters,
    QueryHelpCommand,
    color_option,
    csv_option,
    filter_options,
    index_option,
    json_option,
    listing_options,
    paging_options,
    past_last_page,
    reports_errors,
    sort_option,
)
from newsgrep.engine import IndexLocation
from newsgrep.errors import ExitStatus
from newsgrep.model import SearchOptions
from newsgrep.output.emit import emit_result
from newsgrep.output.lines import is_terminal
from newsgrep.output.tables import print_csv, print_json, print_table
from newsgrep.rank.facets import BY_CHOICES
from newsgrep.safety import clean_line


@click.command("search", cls=QueryHelpCommand)
@click.argument("query")
@index_option
@paging_options("hits")
@sort_option
@filter_options
@json_option("JSON Lines, one object per hit (or per value with --by).")
@csv_option("CSV with a header row: the --json fields as columns (per value with --by).")
@listing_options("matching stories")
@click.option(
    "--by",
    type=click.Choice(BY_CHOICES),
    help="Count matching stories per value: a bar chart, a timeline by period.",
)
@click.option(
    "--share",
    is_flag=True,
    help="With --by, divide each count by all stories with that value (same period).",
)
@click.option(
    "--dedup",
    is_flag=True,
    help="Fold near-duplicates of every match, so --json, -l, -c and pages "
    "count distinct stories (slower on common words).",
)
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Show every copy: the ranked list folds near-duplicates into the "
    "best-ranked one (+N similar) by default.",
)
@click.option(
    "--quotes",
    "quotes_view",
    is_flag=True,
    help="Under each hit's title, its quotations (those said: matched) instead of snippets.",
)
@color_option
@reports_errors
def search_command(
    query: str,
    index_dir: IndexLocation,
    limit: int,
    page: int,
    sort: str,
    filters: Filters,
    as_json: bool,
    as_csv: bool,
    paths_only: bool,
    null: bool,
    count: bool,
    by: str | None,
    share: bool,
    dedup: bool,
    show_all: bool,
    quotes_view: bool,
    color: str,
) -> None:
    """Search the index; ranked stories with highlighted snippets.

    The ranked list folds near-duplicates (wire copies, reposts) into the
    best-ranked copy, marked "+N similar"; --all shows every copy. --json,
    -l, -c and --by cover every matching story unless --dedup folds them.

    \b
      newsgrep search "NATO membership"
      newsgrep search 'people:putin AND date:[2001-11-01 TO 2001-11-30]'
      newsgrep search '*' --source Reuters --since 2001-11 -c
      newsgrep search nato -l -0 | xargs -0 wc -w
      newsgrep search nato --json | jq -r .title
      newsgrep search nato --csv > nato.csv
      newsgrep search '"missile defense"' --by month --share
      newsgrep search ABM --all
      newsgrep search ABM --dedup --json
      newsgrep search 'said:putin nato' --quotes
      newsgrep search 'said:"vladimir putin"' --by month
    """
    note_indexing(index_dir)
    listing = paths_only or count
    machine = as_json or as_csv
    # -c needs the total only; -l every path; both ignore --limit and --page.
    options = SearchOptions(
        limit=(1 if count else 0) if listing else limit,
        page=1 if listing else page,
        sort=sort,
        **filters,
        snippets=not (listing or quotes_view),
        paths_only=paths_only,
        dedup=dedup,
        # for people only: programs get every story unless --dedup says otherwise
        fold_page=not (listing or machine or by or show_all),
        suggest=not (listing or machine or by),
    )
    if by:
        found = print_counts(index_dir, query, by, options, share, as_json, as_csv, color)
    else:
        found = print_search(
            index_dir, query, options, as_json, as_csv, paths_only, null, count, quotes_view, color
        )
    if not found:
        # Imported here: only a search that found nothing pays for it.
        from newsgrep.cli.nearest import filter_hints

        for line in filter_hints(index_dir, filters):
            click.echo(f"newsgrep: {line}", err=True)
    sys.exit(ExitStatus.FOUND if found else ExitStatus.NOTHING)


def print_search(
    index_dir: IndexLocation,
    query: str,
    options: SearchOptions,
    as_json: bool,
    as_csv: bool,
    paths_only: bool,
    null: bool,
    count: bool,
    quotes_view: bool,
    color: str,
) -> bool:
    """Hits in the chosen form; True if any story matched."""
    result = newsgrep.search(index_dir, query, options)
    if result.suggestion:  # for people only: never mixed into what programs read
        click.echo(f"Did you mean: {clean_line(result.suggestion)}?", err=True)
    emit_result(
        result,
        as_json=as_json,
        as_csv=as_csv,
        paths_only=paths_only,
        null=null,
        count=count,
        color=color,
        with_duplicates=options.dedup,
        quotes=quotes_view,
    )
    return result.total > 0 and not past_last_page(result, options.page, options.limit)


def print_counts(
    index_dir: IndexLocation,
    query: str,
    by: str,
    options: SearchOptions,
    share: bool,
    as_json: bool,
    as_csv: bool,
    color: str,
) -> bool:
    """Counts per value of ``by``; True if any story matched."""
    facets = newsgrep.count_by(index_dir, query, by, options, share)
    out = sys.stdout
    if as_json:
        print_json(out, facets)
    elif as_csv:
        print_csv(out, facets)
    elif is_terminal(out) or color == "always":
        # Imported here: the chart is for people; a search without it does not
        # pay for the chart and rich (40 ms of its start).
        from newsgrep.output.charts import print_chart
        from newsgrep.output.render import make_console

        print_chart(make_console(color), facets, footer=is_terminal(out))
    else:
        print_table(out, facets)
    return facets.matched > 0
