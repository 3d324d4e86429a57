"""newsgrep help query: the query language, from the parser's own tables."""

from __future__ import annotations

import click

from newsgrep.query.syntax import query_help

TOPICS = ("query",)


@click.command("help")
@click.argument("topic", type=click.Choice(TOPICS), required=False)
@click.pass_context
def help_command(ctx: click.Context, topic: str | None) -> None:
    """The query language: every field, operator and date form, with an example.

    \b
      newsgrep help query
      newsgrep help query | grep date:
    """
    if topic is None:
        assert ctx.parent is not None  # a subcommand of the group
        click.echo(ctx.parent.get_help())
        click.echo("\nThe query language: newsgrep help query")
        return
    click.echo("\n".join(query_help()))
