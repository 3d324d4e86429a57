"""Every use of Whoosh's private parts, in one package, for the pinned version.

newsgrep writes segments itself (segment.py, merge.py) and manages the table
of contents (store.py), which Whoosh's public API does not offer at the
speed needed, and reads postings and columns in bulk where Whoosh's readers
go one document at a time; that means reaching into Whoosh's codec,
per-document writer and index internals. All such reaches are here, so that a
new Whoosh release is checked in one place: importing any module of this
package refuses any other version than the one newsgrep is pinned to
(pyproject.toml). ``reading`` holds what a search reaches, ``blocks`` what
writing and merging segments do.
"""

from __future__ import annotations

import whoosh

PINNED = (2, 7, 5)
if whoosh.__version__ != PINNED:  # pragma: no cover - a packaging mistake
    raise ImportError(
        "newsgrep needs whoosh-reloaded==2.7.5 (it writes Whoosh's files itself); "
        f"found {whoosh.versionstring()}"
    )
