"""Importing Whoosh without the modules it never uses on our paths.

`whoosh.compat` imports `urllib.request` (for a download helper) and
`whoosh.reading` imports the `cached_property` package, which imports
`asyncio`: together about half of Whoosh's import time, paid by every search.
Before Whoosh is first imported, `cached_property` is served by the standard
library's equivalent, and `urlretrieve` by a stand-in that imports the real
one if it is ever called; the real `urllib.request` stays importable.
`whoosh.query.terms` imports `whoosh.lang.morph_en` (its English word forms,
dozens of regular expressions compiled at import) for the Variations query
only, which newsgrep never builds: its `variations` is a stand-in too, which
loads the real module if it is ever called.
"""

from __future__ import annotations

import functools
import importlib
import sys
import types

_MORPH = "whoosh.lang.morph_en"


def _urlretrieve(*args, **kwargs):  # pragma: no cover - Whoosh never calls it here
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)


def _variations(word: str) -> set[str]:  # pragma: no cover - newsgrep builds no Variations
    stand_in = sys.modules.pop(_MORPH)
    try:
        real = importlib.import_module(_MORPH)
    except BaseException:
        sys.modules[_MORPH] = stand_in
        raise
    found: set[str] = real.variations(word)
    return found


def prepare() -> None:
    """Set the stand-ins up; a no-op once Whoosh (or they) are imported."""
    if "whoosh" in sys.modules:
        return
    if "cached_property" not in sys.modules:
        shim = types.ModuleType("cached_property")
        shim.__dict__["cached_property"] = functools.cached_property
        sys.modules["cached_property"] = shim
    if _MORPH not in sys.modules:
        morph = types.ModuleType(_MORPH)
        morph.__dict__["variations"] = _variations
        sys.modules[_MORPH] = morph
    if "urllib.request" in sys.modules:
        return
    stand_in = types.ModuleType("urllib.request")
    stand_in.__dict__["urlretrieve"] = _urlretrieve
    sys.modules["urllib.request"] = stand_in
    try:
        import whoosh.compat  # noqa: F401  (binds the stand-in's urlretrieve)
    finally:
        del sys.modules["urllib.request"]
