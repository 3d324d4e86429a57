"""newsgrep's own query tree: what a query means, whatever engine runs it.

The parser (:mod:`newsgrep.query.parser`) builds these nodes from what the
user typed; each engine compiles them into its own queries. Words stay as
typed: analysis (stemming, lower-casing, how a name or an agency is stored)
is the engine's, since it depends on how the engine indexed the stories.

A ``field`` of None means the story's text: title and body.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# Fields a query may name; "said" and friends join here when they exist.
TEXT_FIELDS = ("title", "body")
METADATA_FIELDS = ("people", "source", "place", "date", "author")
FIELDS = TEXT_FIELDS + METADATA_FIELDS


@dataclass(frozen=True)
class Term:
    """A word as typed: ``putin``, ``title:Putin``, ``source:ITAR-TASS``, ``O'Neill``."""

    text: str
    field: str | None = None
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase:
    """Words in this order, at most ``slop`` positions apart: ``"a b"~N``."""

    words: tuple[str, ...]
    field: str | None = None
    slop: int = 0
    boost: float = 1.0


@dataclass(frozen=True)
class Pattern:
    """A word with wildcards: ``*`` any letters, ``?`` one letter."""

    text: str
    field: str | None = None
    boost: float = 1.0


@dataclass(frozen=True)
class Fuzzy:
    """A word and its spellings within ``distance`` edits: ``word~``, ``word~2``."""

    text: str
    distance: int = 1
    field: str | None = None
    boost: float = 1.0


@dataclass(frozen=True)
class DateSpan:
    """Stories dated from ``start`` to ``end``, both included; None is open."""

    start: datetime | None
    end: datetime | None


@dataclass(frozen=True)
class Every:
    """Every story: ``*``."""


@dataclass(frozen=True)
class And:
    """Stories matching every part."""

    parts: tuple[Query, ...]


@dataclass(frozen=True)
class Or:
    """Stories matching any part; more parts matched rank higher."""

    parts: tuple[Query, ...]


@dataclass(frozen=True)
class AndNot:
    """Stories matching ``kept`` and not ``left_out``."""

    kept: Query
    left_out: Query


@dataclass(frozen=True)
class Words:
    """Words typed side by side, ranked together: each word optional, a word
    typed twice counted twice (``counts``), stories where neighbouring words
    stand close together ranked higher. Question words are already gone."""

    words: tuple[str, ...]
    counts: tuple[int, ...]


Query = Term | Phrase | Pattern | Fuzzy | DateSpan | Every | And | Or | AndNot | Words


def leaves(node: Query) -> list[Query]:
    """The leaf nodes of a tree, left to right."""
    if isinstance(node, (And, Or)):
        return [leaf for part in node.parts for leaf in leaves(part)]
    if isinstance(node, AndNot):
        return leaves(node.kept) + leaves(node.left_out)
    return [node]
