"""newsgrep index: build or update the index."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

import click

from newsgrep.cli.options import Failure, index_option
from newsgrep.engine import IndexLocation, index_location
from newsgrep.errors import ExitStatus, IndexingFailed, IndexProblem
from newsgrep.indexing.run import index_paths
from newsgrep.indexing.walk import count_files
from newsgrep.model import IndexReport
from newsgrep.output.progress import progress_reporter
from newsgrep.safety import clean_line


@click.command("index")
@click.argument("paths", nargs=-1, type=click.Path())
@index_option
@click.option(
    "--source",
    "default_source",
    default="",
    metavar="NAME",
    help="Source for files that name none.",
)
@click.option("--rebuild", is_flag=True, help="Start the index afresh.")
@click.option("--wait", is_flag=True, help="Wait for another indexer of this index to finish.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Worker processes (default: one per core).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; print only the summary.")
@click.option("-v", "--verbose", is_flag=True, help="List every skipped file with its reason.")
def index_command(
    paths: tuple[str, ...],
    index_dir: IndexLocation,
    default_source: str,
    rebuild: bool,
    wait: bool,
    jobs: int | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Index files and folders of articles (recursively); with no PATHS,
    update every folder indexed before.

    Only new and changed files are read; stories of deleted files are
    removed. Ctrl-C stops after committing what is done: run the same command
    again to finish.

    \b
      newsgrep index corpus/
      newsgrep index ~/archive --index ~/archive-index --source Reuters
      newsgrep index                # update everything indexed before
    """
    for path in paths:
        if not os.path.exists(path):
            raise Failure(f"no such file or folder: {path}")
    location = index_location(index_dir)
    show_bar = not quiet and sys.stderr.isatty()
    total = count_files(paths) if show_bar and paths else None
    try:
        with progress_reporter(enabled=show_bar, total=total) as on_files:
            report = index_paths(
                paths,
                location,
                rebuild=rebuild,
                jobs=jobs,
                wait=wait,
                default_source=default_source,
                on_skip=_print_skip if verbose else None,
                on_files=on_files,
                on_wait=_print_wait(location),
            )
    except IndexProblem as err:
        raise Failure(str(err)) from None
    except IndexingFailed as err:
        raise Failure(f"indexing failed: {err}") from None
    except OSError as err:
        raise Failure(f"cannot write the index: {err.strerror or err}") from None
    if not paths and not report.files + report.unchanged + report.removed:
        raise Failure("nothing indexed yet: name the files or folders to index")
    click.echo(_summary(report, verbose), err=True)
    if report.interrupted:
        click.echo(
            f"interrupted: {report.indexed} stories indexed so far; "
            "run the same command again to finish",
            err=True,
        )
        sys.exit(ExitStatus.INTERRUPTED)


def _summary(report: IndexReport, verbose: bool) -> str:
    skipped = f"skipped {len(report.skipped)}"
    if report.skipped and not verbose:
        skipped += " (-v lists them)"
    return (
        f"indexed {report.indexed} stories from {report.files} files, "
        f"unchanged {report.unchanged}, removed {report.removed}, {skipped}, "
        f"{report.seconds:.1f} s"
    )


def _print_skip(path: str, reason: str) -> None:
    click.echo(f"newsgrep: skipped {clean_line(path)}: {clean_line(reason)}", err=True)


def _print_wait(location: IndexLocation) -> Callable[[int | None], None]:
    def waiting(pid: int | None) -> None:
        who = f"pid {pid}" if pid else "another process"
        click.echo(f"newsgrep: waiting for the indexer ({who}) writing {location}", err=True)

    return waiting
