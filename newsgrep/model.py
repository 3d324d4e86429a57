"""The records every stage shares: a story as read and as extracted, a search's
options and hits, counts per value, what an index holds and what a run did.

Plain data only: no stage's logic lives here, so any stage may import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# A snippet is a list of (text, is_match) pieces, so a printer can style the
# matches without ever parsing article text as markup.
Piece = tuple[str, bool]
Snippet = list[Piece]


@dataclass
class RawStory:
    """A story as its file holds it; ``None`` means "find it in the text"."""

    text: str
    record_id: str | None = None
    title: str | None = None
    date: datetime | str | None = None
    source: str | None = None
    author: list[str] | None = None
    url: str | None = None
    people: list[str] | None = None
    place: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class BadRecord:
    """A record of a multi-story file that was skipped, and why."""

    record: str
    reason: str


@dataclass(frozen=True)
class Quote:
    """A direct quotation and who said it: the fullest name the story gives for
    a person, an organisation's name, or None when the story names no speaker."""

    text: str
    speaker: str | None = None


@dataclass
class Article:
    """One story with its metadata.

    ``path`` is absolute; a story inside a multi-story file is ``FILE#ID``.
    ``title`` is the story's headline, or "" when the text has none (then
    :func:`display_title` shows the start of the first sentence instead, but
    nothing is indexed or boosted as a title).
    """

    path: str
    body: str
    title: str = ""
    date: datetime | None = None
    source: str = ""
    people: list[str] = field(default_factory=list)
    place: str = ""
    author: list[str] = field(default_factory=list)
    url: str = ""
    quotes: list[Quote] = field(default_factory=list)


def display_title(title: str, body: str, limit: int = 80) -> str:
    """The title to show: the headline, else the start of the first sentence."""
    if title:
        return title
    # Only the opening can be shown: a megabyte-long first line is not scanned.
    start = len(body) - len(body.lstrip()) if body[:1].isspace() else 0
    text = " ".join(body[start : start + limit * 8].split())
    end = _first_sentence_end(text)
    sentence = text[:end] if end else text
    if len(sentence) <= limit:
        return sentence
    return sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def _first_sentence_end(text: str) -> int:
    """Index just past the first sentence's full stop, or 0 if none is seen."""
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] == " "):
            # "Nov. 20" and "U.S. officials" are not sentence ends.
            word = text[text.rfind(" ", 0, i) + 1 : i]
            if len(word) > 3 or (word and word[0].islower() and len(word) > 1):
                return i + 1
    return 0


@dataclass
class Hit:
    """One matching story, with what the printers need to show it."""

    rank: int
    score: float
    path: str
    title: str
    date: datetime | None
    source: str
    people: list[str]
    place: str
    author: list[str] = field(default_factory=list)
    url: str = ""
    title_pieces: Snippet = field(default_factory=list)
    snippets: list[Snippet] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)  # folded into this hit
    quotes: list[Quote] = field(default_factory=list)  # with said: matches, those first
    quotes_matched: int = 0  # how many of the first quotes match the query's said:
    # The people as the story writes them, when their one names differ (rank/names.py).
    people_as_written: list[str] = field(default_factory=list)

    @property
    def snippet_text(self) -> str:
        """The snippets as plain text, fragments joined by ' … '."""
        return " … ".join(" ".join("".join(t for t, _ in s).split()) for s in self.snippets)


@dataclass
class Duplicate:
    """A story folded into a better-ranked one, and how alike the two are."""

    hit: Hit
    similarity: float


@dataclass
class SearchOptions:
    """What to search besides the query: filters, order, page, extras."""

    limit: int = 10
    page: int = 1
    sort: str = "relevance"
    since: str | None = None
    until: str | None = None
    sources: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()  # quoted: --speaker NAME, as said:"NAME"
    # Exact values every hit must have, each one more filter (AND), unlike the
    # options above (OR within one): (field, value) pairs, the field one of
    # query.parser.FILTER_FIELDS: ("people", "Vladimir Putin"). browse's narrowings.
    narrow: tuple[tuple[str, str], ...] = ()
    snippets: bool = True
    # -l: each hit's path alone; an engine may leave the rest of a hit empty.
    paths_only: bool = False
    # Fold near-duplicates into the best-ranked copy, every match
    # fingerprinted: the total and pages count distinct stories.
    dedup: bool = False
    # Fold near-duplicates among the top-ranked hits only, as many as fill the
    # page: the list people read, kept fast on common words (dedup wins).
    fold_page: bool = False
    suggest: bool = True
    # --by person/speaker: each name's one name (rank/names.py), folded into
    # the counts before they are ranked; the library call fills it in.
    one_names: dict[str, str] = field(default_factory=dict)


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    seconds: float
    words: frozenset[str] = frozenset()
    folded: int = 0  # near-duplicates folded into other hits
    # True when ``total`` counts distinct stories (every match fingerprinted);
    # False when it counts every matching story, copies included.
    distinct: bool = False
    # The query with its words that match nothing replaced by the nearest
    # indexed words, for people to try ("Did you mean: ...?"); None if none.
    suggestion: str | None = None


@dataclass
class Story:
    """A stored story: its Hit (metadata, marked title) and its whole body,
    as text and as pieces with the query's words marked."""

    hit: Hit
    body: str
    body_pieces: Snippet


@dataclass
class Bucket:
    """One value and its count; ``value`` is None for stories without one."""

    value: str | None
    count: int
    share: float | None = None


@dataclass
class Facets:
    """Matching stories counted per value of ``by`` (``--by``)."""

    by: str
    buckets: list[Bucket]
    matched: int  # matching stories, each counted once
    seconds: float


@dataclass
class IndexStats:
    """What an index holds."""

    index: str
    stories: int = 0
    files: int = 0
    first_date: datetime | None = None
    last_date: datetime | None = None
    undated: int = 0
    top: dict[str, list[Bucket]] = field(default_factory=dict)  # by "source", "person", "place"
    index_bytes: int = 0
    updated: datetime | None = None


@dataclass
class IndexReport:
    """What one indexing run did."""

    indexed: int = 0  # stories written
    files: int = 0  # files (re-)indexed
    unchanged: int = 0  # files left as they were
    removed: int = 0  # files gone from disk whose stories were removed
    skipped: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    jobs: int = 1  # processes that did the work
    merged: int = 0  # segments merged after the run
    interrupted: bool = False
