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


class QueryHelpCommand(click.Command):
    """A command whose --help ends with the query language (search's)."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        formatter.write_paragraph()
        formatter.write_text("The query language (also: newsgrep help query):")
        for row in query_help():
            formatter.write(f"{row}\n" if row else "\n")
