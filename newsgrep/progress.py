"""A progress display for indexing, on a terminal only."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def progress_reporter(enabled: bool) -> Iterator[Callable[[Path], None] | None]:
    """Yield a per-file callback that advances a rich spinner, or None."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True, highlight=False, markup=False)
    columns = (SpinnerColumn(), TextColumn("indexing"), MofNCompleteColumn(),
               TextColumn("files"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("index", total=None)
        yield lambda path: progress.advance(task)
