"""The index keys of a path a user typed (``show``, ``similar``): a file, or
FILE#ID for a story inside a multi-story file. Every engine stores paths
absolute, as the indexer saw them."""

from __future__ import annotations

import os
from pathlib import Path


def path_keys(text: str) -> list[str]:
    """The index keys a typed path may mean, most literal first. Paths are
    stored absolute as the indexer saw them, so try the path made absolute,
    normalised, and with symbolic links resolved (the #ID kept apart)."""
    file, hash_, ident = text.rpartition("#") if "#" in text else (text, "", "")
    keys = [
        str(Path(text).absolute()),
        os.path.abspath(text),
        os.path.realpath(file) + hash_ + ident,
    ]
    return list(dict.fromkeys(keys))
