"""The archive's table of one name per person (rank/names.py), made again
at the end of an index run that changed the index.

It is made from the counts every engine gives the same way (``count_by``
over every story, for people and speakers), so both engines keep the same
table; it costs one count of every story's people, once per run, not per
commit.
"""

from __future__ import annotations

from collections import Counter

from newsgrep.engine.base import Engine
from newsgrep.model import SearchOptions
from newsgrep.query.tree import Every
from newsgrep.rank import names


def refresh(engine: Engine) -> None:
    """Count every story's people and speakers, and keep their table, and
    the most named people, with the index."""
    counts: Counter[str] = Counter()
    people: dict[str, int] = {}
    for by in names.NAMED:
        for bucket in engine.count_by(Every(), by, SearchOptions()).buckets:
            if bucket.value:
                counts[bucket.value] += bucket.count
                if by == "person":
                    people[bucket.value] = bucket.count
    engine.write_state(names.STATE_KEY, names.dumps(names.made_from(counts, people)))
