"""The command group and the entry point.

Commands are plain click commands in a module each; the group imports a
command's module only when that command runs, so that ``newsgrep search``
never pays for the indexer's imports (or the indexer for the printers').
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from newsgrep import __version__
from newsgrep.engine.whoosh.imports import prepare
from newsgrep.errors import ExitStatus

# name -> ("module:attribute" of its click command, the first paragraph of
# its help). The paragraph is kept here so that `newsgrep --help` imports no
# command; a test checks that it is the command's own.
COMMANDS = {
    "browse": (
        "newsgrep.cli.browse:browse_command",
        "Browse the index in the terminal: a query box, the ranked list, a preview.",
    ),
    "help": (
        "newsgrep.cli.help:help_command",
        "The query language: every field, operator and date form, with an example.",
    ),
    "index": (
        "newsgrep.cli.index:index_command",
        "Index files and folders of articles (recursively); with no PATHS, update every "
        "folder indexed before.",
    ),
    "search": (
        "newsgrep.cli.search:search_command",
        "Search the index; ranked stories with highlighted snippets.",
    ),
    "show": (
        "newsgrep.cli.show:show_command",
        "Print whole stories as indexed: a metadata header, then the text.",
    ),
    "similar": (
        "newsgrep.cli.similar:similar_command",
        "Stories most like a given one, itself left out.",
    ),
    "stats": (
        "newsgrep.cli.stats:stats_command",
        "What the index holds: stories, dates, names, size, updates.",
    ),
    "watch": (
        "newsgrep.cli.watch:watch_command",
        "Saved searches: run them to see only the stories new to each.",
    ),
}


class LazyGroup(click.Group):
    """A group whose commands are imported when first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attribute = COMMANDS[cmd_name][0].split(":")
        command: click.Command = getattr(importlib.import_module(module), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        # As click's Group.format_commands shortens each command's help.
        limit = formatter.width - 6 - max(map(len, names))
        rows = [(name, _short(COMMANDS[name][1], limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _short(summary: str, limit: int) -> str:
    """The summary shortened as click shortens a command's help."""
    return click.Command(None, help=summary).get_short_help_str(limit)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
# The version from the package, not its installed metadata: importlib.metadata
# was 16 ms of every start, and an uninstalled checkout has no metadata.
@click.version_option(version=__version__, prog_name="newsgrep")
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
      newsgrep watch add nato-russia 'nato russia' && newsgrep watch

    The query language, every field, operator and date form: newsgrep help query.

    Exit codes: 0 found, 1 nothing found, 2 error. Shell completion:
    eval "$(_NEWSGREP_COMPLETE=bash_source newsgrep)" (zsh_source, fish_source).
    """


def quiet_stdout() -> None:
    """Point stdout at /dev/null, so that the exit's flush into a closed pipe
    does not complain."""
    try:
        descriptor = sys.stdout.fileno()
    except (OSError, ValueError):  # no file behind it (a test's stream): nothing to flush
        return
    os.dup2(os.open(os.devnull, os.O_WRONLY), descriptor)


def main() -> None:
    """Entry point: a closed pipe ends quietly, Ctrl-C without a traceback."""
    prepare()  # a leaner Whoosh import for this process: see the module
    try:
        cli.main(prog_name="newsgrep", standalone_mode=True)
    except BrokenPipeError:  # outside a command (--help | head -1)
        quiet_stdout()
        sys.exit(ExitStatus.FOUND)
    except KeyboardInterrupt:
        click.echo("newsgrep: interrupted", err=True)
        sys.exit(ExitStatus.INTERRUPTED)
