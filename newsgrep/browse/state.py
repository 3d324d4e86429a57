"""What the browser searches: the query typed, the command line's options,
and the narrowings added from stories (a person, a source, a place).

Plain logic, no Textual: what the screen shows is built from it in
:mod:`newsgrep.browse.app`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from newsgrep.model import Hit, SearchOptions
from newsgrep.safety import clean_line

# A narrowing's kind, and the query field it filters.
FIELDS = {"person": "people", "source": "source", "place": "place"}
# A value that the query language reads as one word, unquoted.
_ONE_WORD = re.compile(r"\w[\w'./&-]*")


@dataclass(frozen=True)
class Narrowing:
    """One value a story under the cursor gave: only stories with it are listed."""

    kind: str  # a key of FIELDS
    value: str

    @property
    def clause(self) -> str:
        """The query clause that filters on it, weighted nothing so that the
        ranking stays that of the query: ``people:"Vladimir Putin"^0``,
        ``place:Moscow^0`` (Whoosh drops the weight of a one-word phrase)."""
        value = self.value
        if not _ONE_WORD.fullmatch(value) or value in ("AND", "OR", "NOT"):
            value = f'"{value}"'
        return f"{FIELDS[self.kind]}:{value}^0"

    @property
    def label(self) -> str:
        """How the filter bar shows it: ``person: Vladimir Putin``."""
        return f"{self.kind}: {clean_line(self.value)}"


def values(hit: Hit, kind: str) -> list[str]:
    """What ``hit`` offers to narrow to: its people, or its one source or place;
    values a query cannot quote (a '"' in them, no letter at all) left out."""
    found = hit.people if kind == "person" else [hit.source if kind == "source" else hit.place]
    return [v for v in found if v and '"' not in v and re.search(r"\w", v)]


@dataclass
class Search:
    """The browser's current search: the typed query, the command line's
    options (``--person`` and friends, ``--sort``), the narrowings in the
    order they were added."""

    text: str
    options: SearchOptions
    narrowings: list[Narrowing] = field(default_factory=list)

    def query(self) -> str:
        """The typed query with every narrowing as a metadata clause beside it:
        ``(NATO OR Russia) people:"Vladimir Putin"^0``. Clauses, not the
        options' filters: two --person options mean either person, two
        narrowings both. The hits and their order are those of the options'
        filters (tests/cli/test_browse.py compares them)."""
        typed = self.text.strip()
        clauses = " ".join(n.clause for n in self.narrowings)
        if not clauses:
            return typed or "*"
        if typed in ("", "*"):
            return clauses
        return f"({typed}) {clauses}"

    def highlight(self) -> str | None:
        """The query whose words the preview marks: the typed one, if any words."""
        typed = self.text.strip()
        return typed if typed not in ("", "*") else None

    def page(self, number: int) -> SearchOptions:
        """The options for page ``number`` of the list."""
        return replace(self.options, page=number)

    def narrow(self, narrowing: Narrowing) -> bool:
        """Add a narrowing; False if it is there already."""
        if narrowing in self.narrowings:
            return False
        self.narrowings.append(narrowing)
        return True

    def widen(self) -> Narrowing | None:
        """Remove the last narrowing added; None if there is none."""
        return self.narrowings.pop() if self.narrowings else None

    def filter_labels(self) -> list[str]:
        """Every filter in force, the command line's first: ``--person Putin``,
        ``since 2001-11``, then the narrowings."""
        options = self.options
        labels = [f"--source {v}" for v in options.sources]
        labels += [f"--person {v}" for v in options.people]
        labels += [f"--place {v}" for v in options.places]
        labels += [
            f"--{name} {v}" for name, v in (("since", options.since), ("until", options.until)) if v
        ]
        if options.sort != "relevance":
            labels.append(f"--sort {options.sort}")
        return [clean_line(label) for label in labels] + [n.label for n in self.narrowings]
