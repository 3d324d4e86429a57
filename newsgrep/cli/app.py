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

from newsgrep.engine.whoosh.imports import prepare
from newsgrep.errors import ExitStatus

# name -> "module:attribute" of its click command
COMMANDS = {
    "index": "newsgrep.cli.index:index_command",
    "search": "newsgrep.cli.search:search_command",
    "show": "newsgrep.cli.show:show_command",
    "similar": "newsgrep.cli.similar:similar_command",
    "stats": "newsgrep.cli.stats:stats_command",
}


class LazyGroup(click.Group):
    """A group whose commands are imported when first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attribute = target.split(":")
        command: click.Command = getattr(importlib.import_module(module), attribute)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


def main() -> None:
    """Entry point: a closed pipe ends quietly, Ctrl-C without a traceback."""
    prepare()  # a leaner Whoosh import for this process: see the module
    try:
        cli.main(prog_name="newsgrep", standalone_mode=True)
    except BrokenPipeError:
        # Point stdout at /dev/null so Python's exit flush does not complain.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(ExitStatus.FOUND)
    except KeyboardInterrupt:
        click.echo("newsgrep: interrupted", err=True)
        sys.exit(ExitStatus.INTERRUPTED)
