"""What the commands share: options as decorators, and errors turned into
one-line failures at the edge."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import IO, Any, ParamSpec, TypeVar

import click

from newsgrep.errors import ExitStatus, NewsgrepError

# What a click decorator applies to: a function, or a command already made.
T = TypeVar("T", bound="Callable[..., Any] | click.Command")
P = ParamSpec("P")
F = TypeVar("F", bound=Callable[..., Any])

index_option = click.option(
    "--index",
    "index_dir",
    metavar="DIR",
    envvar="NEWSGREP_INDEX",
    help="Index folder (default ./index, or $NEWSGREP_INDEX).",
)
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


def filter_options(command: F) -> F:
    """--sort and the filters: --since, --until, --source, --person, --place
    (repeatable; OR within one option, AND across options)."""
    decorators = [
        click.option(
            "--sort",
            type=click.Choice(["relevance", "newest", "oldest"]),
            default="relevance",
            show_default=True,
        ),
        click.option("--since", metavar="DATE", help="From this date (inclusive)."),
        click.option("--until", metavar="DATE", help="Until this date (inclusive)."),
        click.option(
            "--source",
            "sources",
            multiple=True,
            metavar="NAME",
            help="Only this source (repeatable).",
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
    ]
    # click lists options in the order they were applied, last first.
    for decorate in reversed(decorators):
        command = decorate(command)
    return command


def json_option(text: str = "JSON Lines, one object per story.") -> Callable[[T], T]:
    return click.option("--json", "as_json", is_flag=True, help=text)


class Failure(click.ClickException):
    """A one-line error on stderr and exit 2, never a traceback."""

    exit_code = ExitStatus.ERROR

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"newsgrep: {self.format_message()}", err=True)


def reports_errors(command: Callable[P, None]) -> Callable[P, None]:
    """Expected errors end the command with one line on stderr and their exit
    status (2, or 1 for a path with no story); never a traceback."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except NewsgrepError as err:
            if err.exit_status == ExitStatus.ERROR:
                raise Failure(str(err)) from None
            click.echo(f"newsgrep: {err}", err=True)
            sys.exit(err.exit_status)

    return run
