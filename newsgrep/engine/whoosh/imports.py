"""Importing Whoosh without the modules it never uses on our paths.

`whoosh.compat` imports `urllib.request` (for a download helper) and
`whoosh.reading` imports the `cached_property` package, which imports
`asyncio`: together about half of Whoosh's import time, paid by every search.
Before Whoosh is first imported, `cached_property` is served by the standard
library's equivalent, and `urlretrieve` by a stand-in that imports the real
one if it is ever called; the real `urllib.request` stays importable.
"""

from __future__ import annotations

import functools
import sys
import types


def _urlretrieve(*args, **kwargs):  # pragma: no cover - Whoosh never calls it here
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)


def prepare() -> None:
    """Set the stand-ins up; a no-op once Whoosh (or they) are imported."""
    if "whoosh" in sys.modules:
        return
    if "cached_property" not in sys.modules:
        shim = types.ModuleType("cached_property")
        shim.__dict__["cached_property"] = functools.cached_property
        sys.modules["cached_property"] = shim
    if "urllib.request" in sys.modules:
        return
    stand_in = types.ModuleType("urllib.request")
    stand_in.__dict__["urlretrieve"] = _urlretrieve
    sys.modules["urllib.request"] = stand_in
    try:
        import whoosh.compat  # noqa: F401  (binds the stand-in's urlretrieve)
    finally:
        del sys.modules["urllib.request"]
