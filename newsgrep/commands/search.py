"""newsgrep search: ranked hits, paths, counts or JSON Lines."""

from __future__ import annotations

import sys

import click

from newsgrep.cli import COLOR_CHOICE, FOUND, NOTHING, Failure, cli, index_option
from newsgrep.store import index_location


@cli.command("search")
@click.argument("query")
@index_option
@click.option("-n", "--limit", default=10, show_default=True, type=click.IntRange(0),
              help="Hits to show (0 for all).")
@click.option("--page", default=1, type=click.IntRange(1), help="Page of --limit hits.")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]),
              default="relevance", show_default=True)
@click.option("--since", metavar="DATE", help="From this date (inclusive).")
@click.option("--until", metavar="DATE", help="Until this date (inclusive).")
@click.option("--source", "sources", multiple=True, metavar="NAME", help="Only this source (repeatable).")
@click.option("--person", "people", multiple=True, metavar="NAME", help="Only stories naming this person (repeatable).")
@click.option("--place", "places", multiple=True, metavar="NAME", help="Only this dateline place (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one object per hit.")
@click.option("-l", "--files-with-matches", "paths_only", is_flag=True, help="Print matching paths only.")
@click.option("-0", "--null", is_flag=True, help="With -l, end paths with NUL (for xargs -0).")
@click.option("-c", "--count", is_flag=True, help="Print the number of matching stories only.")
@click.option("--color", type=COLOR_CHOICE, default="auto", show_default=True)
def search_command(query, index_dir, limit, page, sort, since, until, sources, people,
                   places, as_json, paths_only, null, count, color) -> None:
    """Search the index; ranked stories with highlighted snippets.

    \b
      newsgrep search "NATO membership"
      newsgrep search 'people:putin AND date:[2001-11-01 TO 2001-11-30]'
      newsgrep search '*' --source Reuters --since 2001-11 -c
      newsgrep search nato -l -0 | xargs -0 wc -w
    """
    from newsgrep.render import hit_json, json_line, make_console, print_hits, write_line
    from newsgrep.safety import clean_line
    from newsgrep.search import SearchOptions

    listing = paths_only or count
    options = SearchOptions(
        limit=0 if listing else limit, page=1 if listing else page, sort=sort,
        since=since, until=until, sources=sources, people=people, places=places,
        snippets=not listing, suggest=not (listing or as_json),
    )
    result = run_search(index_dir, query, options)
    if result.suggestion:  # for people only: never mixed into what programs read
        click.echo(f"Did you mean: {clean_line(result.suggestion)}?", err=True)
    out = sys.stdout
    if count:
        write_line(out, str(result.total))
    elif paths_only:
        for hit in result.hits:
            write_line(out, hit.path, end="\0" if null else "\n")
    elif as_json:
        for hit in result.hits:
            write_line(out, json_line(hit_json(hit)))
    else:
        print_hits(make_console(color), result)
    sys.exit(FOUND if result.total else NOTHING)


def run_search(index_dir, query, options):
    """The library search, its errors turned into one-line failures."""
    from newsgrep.query import QueryError
    from newsgrep.search import search
    from newsgrep.store import IndexMissing

    try:
        return search(index_location(index_dir), query, options)
    except (QueryError, IndexMissing) as err:
        raise Failure(str(err)) from None
