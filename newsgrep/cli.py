"""The command line: a thin click layer over the library.

The group and what every command shares live here; each command has its own
module under :mod:`newsgrep.commands`.

Exit codes are grep's everywhere: 0 found, 1 nothing found, 2 error.
"""

from __future__ import annotations

import os
import sys

import click

FOUND, NOTHING, ERROR = 0, 1, 2

index_option = click.option(
    "--index", "index_dir", metavar="DIR", envvar="NEWSGREP_INDEX",
    help="Index folder (default ./index, or $NEWSGREP_INDEX).",
)
color_option = click.option(
    "--color", type=click.Choice(["auto", "always", "never"]), default="auto",
    show_default=True,
    help="Colour: auto colours a terminal only (NO_COLOR turns it off, FORCE_COLOR on).",
)


def json_option(text: str = "JSON Lines, one object per story."):
    return click.option("--json", "as_json", is_flag=True, help=text)


class Failure(click.ClickException):
    """A one-line error on stderr and exit 2, never a traceback."""

    exit_code = ERROR

    def show(self, file=None) -> None:
        click.echo(f"newsgrep: {self.format_message()}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsgrep")
def cli() -> None:
    """Search folders of news articles: ranked stories, highlighted evidence.

    \b
      newsgrep index corpus/
      newsgrep search "NATO membership"
      newsgrep search 'people:putin date:2001' --json | jq .path
      newsgrep search putin --by month
      newsgrep show corpus/putin-nato-2001.txt --query NATO
      newsgrep similar corpus/putin-nato-2001.txt
      newsgrep stats

    Exit codes: 0 found, 1 nothing found, 2 error. Shell completion:
    eval "$(_NEWSGREP_COMPLETE=bash_source newsgrep)" (zsh_source, fish_source).
    """


def library_call(call):
    """Run a library call, its expected errors turned into one-line failures."""
    from newsgrep.query import QueryError
    from newsgrep.store import IndexMissing

    try:
        return call()
    except (QueryError, IndexMissing) as err:
        raise Failure(str(err)) from None


def main() -> None:
    """Entry point: a closed pipe ends quietly, Ctrl-C without a traceback."""
    try:
        cli.main(prog_name="newsgrep", standalone_mode=True)
    except BrokenPipeError:
        # Point stdout at /dev/null so Python's exit flush does not complain.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(FOUND)
    except KeyboardInterrupt:
        click.echo("newsgrep: interrupted", err=True)
        sys.exit(130)


# Each command module adds itself to the group when imported.
from newsgrep.commands import index, search, show, similar, stats  # noqa: E402,F401
