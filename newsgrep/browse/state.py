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


@dataclass(frozen=True)
class Narrowing:
    """One value a story under the cursor gave: only stories with it are listed."""

    kind: str  # a key of FIELDS
    value: str

    @property
    def filter(self) -> tuple[str, str]:
        """The (field, value) pair of ``SearchOptions.narrow`` that keeps
        only the stories with it: ``("people", "Vladimir Putin")``."""
        return FIELDS[self.kind], self.value

    @property
    def label(self) -> str:
        """How the filter bar shows it: ``person: Vladimir Putin``."""
        return f"{self.kind}: {clean_line(self.value)}"


def values(hit: Hit, kind: str) -> list[str]:
    """What ``hit`` offers to narrow to: its people, or its one source or
    place; values without a letter or digit (nothing to match) left out."""
    found = hit.people if kind == "person" else [hit.source if kind == "source" else hit.place]
    return [v for v in found if v and re.search(r"\w", v)]


@dataclass
class Search:
    """The browser's current search: the typed query, the command line's
    options (``--person`` and friends, ``--sort``), the narrowings in the
    order they were added."""

    text: str
    options: SearchOptions
    narrowings: list[Narrowing] = field(default_factory=list)

    def query(self) -> str:
        """The typed query; ``*`` (every story) when nothing is typed."""
        return self.text.strip() or "*"

    def filtered(self) -> SearchOptions:
        """The command line's options with every narrowing as one more
        filter: two --person options mean either person, two narrowings
        both. Filters, so the hits' order and scores are the query's."""
        return replace(self.options, narrow=tuple(n.filter for n in self.narrowings))

    def described(self) -> str:
        """The query and its narrowings, for a title: ``nato · person: Vladimir Putin``."""
        return " · ".join([clean_line(self.query()), *(n.label for n in self.narrowings)])

    def highlight(self) -> str | None:
        """The query whose words the preview marks: the typed one, if any words."""
        typed = self.text.strip()
        return typed if typed not in ("", "*") else None

    def page(self, number: int) -> SearchOptions:
        """The options for page ``number`` of the list."""
        return replace(self.filtered(), page=number)

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
        labels += [f"--speaker {v}" for v in options.speakers]
        labels += [
            f"--{name} {v}" for name, v in (("since", options.since), ("until", options.until)) if v
        ]
        if options.sort != "relevance":
            labels.append(f"--sort {options.sort}")
        return [clean_line(label) for label in labels] + [n.label for n in self.narrowings]
