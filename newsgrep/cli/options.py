"""What the commands share: options as decorators, and errors turned into
one-line failures at the edge."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import IO, Any, ParamSpec, TypedDict, TypeVar, cast

import click

from newsgrep.cli.app import quiet_stdout
from newsgrep.cli.clashes import first_clash
from newsgrep.engine import ClusterAddress, index_location
from newsgrep.errors import ExitStatus, NewsgrepError
from newsgrep.model import SearchResult

# What a click decorator applies to: a function, or a command already made.
T = TypeVar("T", bound="Callable[..., Any] | click.Command")
P = ParamSpec("P")
F = TypeVar("F", bound=Callable[..., Any])


def index_option(command: F) -> F:
    """--index (a folder or a cluster URL) and --insecure; the command gets
    ``index_dir`` resolved (engine.index_location), a bad URL failing here."""

    @functools.wraps(command)
    def run(*args: Any, index_dir: str | None, insecure: bool, **kwargs: Any) -> Any:
        try:
            location = index_location(index_dir, insecure)
        except NewsgrepError as err:
            raise Failure(str(err)) from None
        if (
            isinstance(location, ClusterAddress)
            and location.insecure
            and location.scheme == "https"
        ):
            click.echo(
                f"newsgrep: warning: --insecure: the TLS certificate of {location.base} "
                "is not verified",
                err=True,
            )
        return command(*args, index_dir=location, **kwargs)

    run = click.option(
        "--insecure",
        is_flag=True,
        help="With an index on a cluster: do not verify its TLS certificate (https://), "
        "send credentials over plain http:// (or $NEWSGREP_INDEX_INSECURE=1).",
    )(run)
    decorated = click.option(
        "--index",
        "index_dir",
        metavar="DIR|URL",
        envvar="NEWSGREP_INDEX",
        help="Index folder, or http(s)://HOST:PORT/NAME on an OpenSearch cluster "
        "(default ./index, or $NEWSGREP_INDEX).",
    )(run)
    return cast(F, decorated)


color_option = click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour: auto colours a terminal only (NO_COLOR turns it off, FORCE_COLOR on).",
)


def paging_options(things: str) -> Callable[[F], F]:
    """-n/--limit and --page, for a list of ``things`` (hits, stories)."""

    def decorate(command: F) -> F:
        command = click.option(
            "--page", default=1, type=click.IntRange(1), help=f"Page of --limit {things}."
        )(command)
        return click.option(
            "-n",
            "--limit",
            default=10,
            show_default=True,
            type=click.IntRange(0),
            help=f"{things.capitalize()} to show (0 for all).",
        )(command)

    return decorate


_FILTERS = (
    click.option("--since", metavar="DATE", help="From this date (inclusive)."),
    click.option("--until", metavar="DATE", help="Until this date (inclusive)."),
    click.option(
        "--source", "sources", multiple=True, metavar="NAME", help="Only this source (repeatable)."
    ),
    click.option(
        "--person",
        "people",
        multiple=True,
        metavar="NAME",
        help="Only stories naming this person (repeatable).",
    ),
    click.option(
        "--place",
        "places",
        multiple=True,
        metavar="NAME",
        help="Only this dateline place (repeatable).",
    ),
    click.option(
        "--speaker",
        "speakers",
        multiple=True,
        metavar="NAME",
        help="Only stories quoting this person, as said:NAME (repeatable).",
    ),
)


sort_option = click.option(
    "--sort",
    type=click.Choice(["relevance", "newest", "oldest"]),
    default="relevance",
    show_default=True,
    help="Order of the hits; undated stories come last either way.",
)


class Filters(TypedDict):
    """The filter options' values, as SearchOptions (and a Watch) name them."""

    since: str | None
    until: str | None
    sources: tuple[str, ...]
    people: tuple[str, ...]
    places: tuple[str, ...]
    speakers: tuple[str, ...]


def filter_options(command: F) -> F:
    """--since, --until, --source, --person, --place: which stories a search
    looks at; the command gets them together as ``filters`` (:class:`Filters`)."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        filters = cast(Filters, {name: kwargs.pop(name) for name in Filters.__annotations__})
        return command(*args, filters=filters, **kwargs)

    decorated: Callable[..., Any] = run
    for option in reversed(_FILTERS):
        decorated = option(decorated)
    return cast(F, decorated)


def listing_options(stories: str, count: bool = True) -> Callable[[F], F]:
    """-l/--files-with-matches and -0/--null (and -c/--count) for ``stories``."""

    def decorate(command: F) -> F:
        if count:
            command = click.option(
                "-c", "--count", is_flag=True, help=f"Print the number of {stories} only."
            )(command)
        command = click.option(
            "-0", "--null", is_flag=True, help="With -l, end paths with NUL (for xargs -0)."
        )(command)
        return click.option(
            "-l",
            "--files-with-matches",
            "paths_only",
            is_flag=True,
            help=f"Print the paths of the {stories} only.",
        )(command)

    return decorate


# The machine-readable formats, by parameter name: one at a time.
_FORMATS = {"as_json": "--json", "as_csv": "--csv"}


def _one_format(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    """Refuse --json with --csv, whichever click reads second."""
    if value and any(ctx.params.get(name) for name in _FORMATS if name != param.name):
        raise Failure("--json and --csv are two formats: choose one")
    return value


def json_option(text: str = "JSON Lines, one object per story.") -> Callable[[T], T]:
    return click.option("--json", "as_json", is_flag=True, help=text, callback=_one_format)


def csv_option(
    text: str = "CSV with a header row: the --json fields as columns.",
) -> Callable[[T], T]:
    return click.option("--csv", "as_csv", is_flag=True, help=text, callback=_one_format)


def past_last_page(result: SearchResult, page: int, limit: int) -> bool:
    """Say so when ``page`` lies past the last page of a result that has
    hits (exit 1, as a search that found nothing), rather than print none."""
    if page == 1 or result.hits or not result.total:
        return False
    last = -(-result.total // limit) if limit else 1
    click.echo(
        f"newsgrep: page {page} is past the last, page {last} "
        f"({result.total:,} stories, {limit} a page)",
        err=True,
    )
    return True


class QueryHelpCommand(click.Command):
    """A command whose --help ends with the query language (search's)."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Imported here: the tables are for --help, not for a search's start.
        from newsgrep.query.syntax import query_help

        super().format_epilog(ctx, formatter)
        formatter.write_paragraph()
        formatter.write_text("The query language (also: newsgrep help query):")
        for row in query_help():
            formatter.write(f"{row}\n" if row else "\n")


class Failure(click.ClickException):
    """A one-line error on stderr and exit 2, never a traceback."""

    exit_code = ExitStatus.ERROR

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"newsgrep: {self.format_message()}", err=True)


def reports_errors(command: Callable[P, None]) -> Callable[P, None]:
    """Flags that clash, and expected errors, end the command with one line
    on stderr and their exit status (2, or 1 for a path with no story);
    never a traceback. A closed pipe ends it quietly with 0."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        clash = first_clash(click.get_current_context())
        if clash:
            raise Failure(clash)
        try:
            command(*args, **kwargs)
        except BrokenPipeError:
            # The reader had enough (| head): what was printed was found, so
            # exit 0 quietly, as grep does, where click would exit 1.
            quiet_stdout()
            sys.exit(ExitStatus.FOUND)
        except NewsgrepError as err:
            if err.exit_status == ExitStatus.ERROR:
                raise Failure(str(err)) from None
            click.echo(f"newsgrep: {err}", err=True)
            sys.exit(err.exit_status)

    return run
