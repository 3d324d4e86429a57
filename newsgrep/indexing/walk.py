"""Finding the files to index: folders walked in name order, links not followed."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsgrep.readers import candidate

SkipHandler = Callable[[str, str], None]


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Every candidate article file under the given files and folders."""
    return (Path(name) for name, _ in walk_files(paths))


def walk_files(
    paths: Iterable[str | os.PathLike], on_skip: SkipHandler | None = None
) -> Iterator[tuple[str, os.stat_result]]:
    """(absolute path, stat) of every candidate article file under the paths.

    Symbolic links inside folders are not followed: they can loop or lead
    outside the folders the user named. A file named on the command line is
    read whatever its name. A folder's files come together, in name order.
    Links, pipes and devices, and folders that cannot be read, go to
    ``on_skip`` with the reason.
    """
    skip = on_skip or (lambda path, reason: None)
    for root in paths:
        root = os.path.abspath(root)
        if os.path.isfile(root):
            yield root, os.stat(root)
        else:
            yield from _walk_folder(root, skip)


def _walk_folder(root: str, skip: SkipHandler) -> Iterator[tuple[str, os.stat_result]]:
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as err:
            skip(folder, err.strerror or str(err))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            is_dir = entry.is_dir(follow_symlinks=False)
            if not is_dir and not candidate(Path(entry.path)):
                continue
            if entry.is_symlink():
                skip(entry.path, "symbolic link, not followed")
            elif is_dir:
                subfolders.append(entry.path)
            elif not entry.is_file(follow_symlinks=False):
                skip(entry.path, "not a regular file (a pipe, device or socket)")
            else:
                try:
                    yield entry.path, entry.stat()
                except OSError as err:
                    skip(entry.path, err.strerror or str(err))
        folders.extend(reversed(subfolders))


def count_files(paths: Iterable[str | os.PathLike]) -> int:
    """How many candidate files the paths hold (for a progress bar's total)."""
    return sum(1 for _ in walk_files(paths))
