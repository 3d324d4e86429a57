"""newsgrep index: build or update the index."""

from __future__ import annotations

import os
import sys

import click

from newsgrep.cli import Failure, cli, index_option
from newsgrep.store import index_location


@cli.command("index")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@index_option
@click.option("--source", "default_source", default="", metavar="NAME",
              help="Source for files that name none.")
@click.option("--rebuild", is_flag=True, help="Start the index afresh.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def index_command(paths, index_dir, default_source, rebuild, quiet) -> None:
    """Index files and folders of articles (recursively).

    Indexing a file again replaces its stories. Unreadable files are skipped
    with a one-line reason on stderr.

    \b
      newsgrep index corpus/
      newsgrep index ~/archive --index ~/archive-index --source Reuters
    """
    from newsgrep.indexer import index_paths
    from newsgrep.progress import progress_reporter

    for path in paths:
        if not os.path.exists(path):
            raise Failure(f"no such file or folder: {path}")

    def skipped(path: str, reason: str) -> None:
        from newsgrep.safety import clean_line

        click.echo(f"newsgrep: skipped {clean_line(path)}: {clean_line(reason)}", err=True)

    with progress_reporter(enabled=not quiet and sys.stderr.isatty()) as on_file:
        try:
            report = index_paths(paths, index_location(index_dir), rebuild=rebuild,
                                 default_source=default_source, on_skip=skipped,
                                 on_file=on_file)
        except OSError as err:
            raise Failure(f"cannot write the index: {err.strerror or err}") from None
    if not quiet:
        click.echo(
            f"indexed {report.indexed} stories from {report.files} files, "
            f"skipped {len(report.skipped)}, {report.seconds:.1f} s",
            err=True,
        )
