"""Small documents newsgrep keeps with a Whoosh index: a file per key in the
index folder's ``newsgrep-state`` folder, beside (never among) Whoosh's files,
so that ``index --rebuild`` and the writer's clean-up leave them alone."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from newsgrep.engine.whoosh.store import INDEX_NAME, no_index
from newsgrep.errors import IndexProblem

STATE_FOLDER = "newsgrep-state"
# A key is a file name: no separator, no leading dot (temporary files start with one).
_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def _path(folder: Path, key: str) -> Path:
    if not _KEY.fullmatch(key):
        raise ValueError(f"not a state key: {key!r}")
    return folder / STATE_FOLDER / key


def read_state(folder: Path, key: str) -> str | None:
    """The document under ``key``, or None if there is none."""
    path = _path(folder, key)
    _check_index(folder)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as err:
        raise IndexProblem(f"cannot read {path}: {err.strerror}") from None


def write_state(folder: Path, key: str, value: str) -> None:
    """Write to a temporary file beside the target, then rename it over the
    target: a reader, or a run killed half-way, sees the old or the new one."""
    target = _path(folder, key)
    _check_index(folder)
    try:
        target.parent.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{key}.")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(value)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise IndexProblem(f"cannot write {target}: {err.strerror}") from None


def _check_index(folder: Path) -> None:
    """State belongs to an index: none without one (as a search says)."""
    if not any(folder.glob(f"_{INDEX_NAME}_*.toc")):
        raise no_index(folder)
