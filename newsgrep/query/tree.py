"""newsgrep's own query tree: what a query means, whatever engine runs it.

The parser (:mod:`newsgrep.query.parser`) builds these nodes from what the
user typed; each engine compiles them into its own queries. Words stay as
typed: analysis (stemming, lower-casing, stop words, how a name is indexed)
is the engine's, since it depends on how the engine indexed the stories.
Two decisions are the parser's, since they are about what was typed: which
words of a question are asked rather than said (they are left out of
:class:`Words`), and a source's stored name (``source:"Associated Press"``
is the Term ``AP``, as :func:`newsgrep.extract.sources.normal_source`
stores it).

A ``field`` of None means the story's text: title and body. ``said:`` is
no field of a leaf but a node of its own (:class:`Said`): a speaker and the
words of one quotation, which must match together.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

# Fields a query may name.
TEXT_FIELDS = ("title", "body")
METADATA_FIELDS = ("people", "source", "place", "date", "author")
SAID = "said"  # a speaker: said:putin, said:"vladimir putin" (see Said)


@dataclass(frozen=True)
class FieldForm:
    """How a field is typed: its names (the first the one help teaches, the
    others kept as aliases), an example and what it finds. The lexer reads
    the names from this table, ``newsgrep help query`` all of it."""

    names: tuple[str, ...]
    example: str
    finds: str


FIELD_FORMS = {
    "title": FieldForm(("title",), "title:putin", "a word of the title, stemmed"),
    "body": FieldForm(("body",), 'body:"missile defense"', "a word or phrase of the text"),
    "people": FieldForm(
        ("person", "people"), "person:putin", "a person named (--person, --by person)"
    ),
    "source": FieldForm(("source",), "source:cnn", "a word of the source's name (--source)"),
    "place": FieldForm(("place",), "place:moscow", "a word of the dateline's place (--place)"),
    "author": FieldForm(("author",), "author:smith", "a word of a reporter's name"),
    "date": FieldForm(("date",), "date:2001-11", "stories of that day, month or year"),
    SAID: FieldForm(
        ("said", "speaker"),
        "said:putin nato",
        "a quotation of that speaker, holding the words after it (--speaker, --by speaker)",
    ),
}
# Every name a query may type before a colon, and the field it means.
FIELD_NAMES = {name: field for field, form in FIELD_FORMS.items() for name in form.names}
# What makes a word a Pattern: * and ?, with the question marks of Armenian,
# Arabic and Ethiopic script.
WILDCARDS = "*?\u055e\u061f\u1367"


@dataclass(frozen=True)
class Term:
    """A word or name as typed: ``title:Putin``, ``O'Neill``, ``--person "Igor Ivanov"``."""

    text: str
    field: str | None = None
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase:
    """Words in this order, at most ``slop`` positions apart: ``"a b"`` is
    slop 1 (side by side), ``"a b"~N`` slop N."""

    words: tuple[str, ...]
    field: str | None = None
    slop: int = 1
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
class Said:
    """Stories with a quotation whose speaker's name holds ``speaker`` (its
    words side by side, in this order, as typed) and whose words hold every
    one of ``words`` (words and phrases as typed): the speaker and the words
    in the same quotation. ``said:putin nato`` is ``Said(("putin",),
    (Term("nato"),))``; without ``words``, any quotation of the speaker.

    An engine indexes each quotation apart (a position gap, one nested
    object, one array element), so that words of two quotations, or one
    speaker's name and another's words, never match together."""

    speaker: tuple[str, ...]
    words: tuple[Term | Phrase, ...] = ()
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
    """Stories matching any part (``a OR b``)."""

    parts: tuple[Query, ...]


@dataclass(frozen=True)
class AndNot:
    """Stories matching ``kept`` and not ``left_out``."""

    kept: Query
    left_out: Query


@dataclass(frozen=True)
class AndMaybe:
    """Stories matching ``required``; those matching ``optional`` too rank
    higher (``+word other``)."""

    required: Query
    optional: Query


@dataclass(frozen=True)
class Words:
    """Plain words typed side by side, ranked together: each word optional,
    a word typed twice listed (and counted) twice, stories where neighbouring
    words stand close together ranked higher. In the order typed, since
    neighbours count; question words are already gone."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class SideBySide:
    """Clauses typed with no operator between them, each optional: stories
    matching more of them rank higher. Its plain words are one :class:`Words`,
    the first part; the other parts are clauses of any other kind."""

    parts: tuple[Query, ...]


Query = (
    Term
    | Phrase
    | Pattern
    | Fuzzy
    | Said
    | DateSpan
    | Every
    | And
    | Or
    | AndNot
    | AndMaybe
    | Words
    | SideBySide
)


def leaves(node: Query) -> list[Query]:
    """The leaf nodes of a tree, left to right."""
    if isinstance(node, (And, Or, SideBySide)):
        return [leaf for part in node.parts for leaf in leaves(part)]
    if isinstance(node, AndNot):
        return leaves(node.kept) + leaves(node.left_out)
    if isinstance(node, AndMaybe):
        return leaves(node.required) + leaves(node.optional)
    return [node]


def ranking_words(node: Query) -> Iterator[Sequence[str]]:
    """The words of each Words node that ranks stories (not those left out),
    for a proximity bonus on words typed side by side."""
    if isinstance(node, Words):
        yield node.words
    elif isinstance(node, AndNot):
        yield from ranking_words(node.kept)
    elif isinstance(node, AndMaybe):
        yield from ranking_words(node.required)
        yield from ranking_words(node.optional)
    elif isinstance(node, (And, Or, SideBySide)):
        for part in node.parts:
            yield from ranking_words(part)
