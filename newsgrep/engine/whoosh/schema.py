"""The Whoosh schema: which article fields are indexed, how, and how they weigh.

Whoosh's own analysis components are used, with one function of ours, the
stemmer (stemming.py), which Whoosh pickles by name into the index with the
schema. An index keeps the schema it was built with (the writer and every
search read it from the index), so an index built with Whoosh's Porter
stemmer still answers as it did; ``index --rebuild`` brings it the new one.
"""

from __future__ import annotations

from collections.abc import Callable

from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, STORED, TEXT, FieldType, Schema
from whoosh.support.charset import accent_map

from newsgrep.engine.document import IDENTITY, STORY_FIELDS, FieldKind
from newsgrep.engine.whoosh.stemming import stem

TITLE_BOOST = 2.0
FIELD_BOOSTS = {"title": TITLE_BOOST}
# Fields a bare query word searches; the others need a prefix (people:putin).
TEXT_FIELDS = ("title", "body")
DATE = "date"
# What `stats` and --by count, each story's values in a column of its own
# (engine/whoosh/columns.py), so that counting reads no stored document.
FACET_COLUMNS = {
    "source": "facet_source",
    "person": "facet_people",
    "speaker": "facet_speaker",
    "place": "facet_place",
    "file": "facet_file",
}
# Each story's path in a column of its own, in the facet columns' form, so
# that -l lists thousands of paths without reading their stored stories.
PATH_COLUMN = "path_column"


def word_analyzer():
    """Stemmed, accent-folded words: 'Schröder' finds 'Schroder', 'members' finds 'membership'."""
    return (
        RegexTokenizer()
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter()
        | StemFilter(stemfn=stem)
    )


def name_analyzer():
    """Names word by word, unstemmed: people:putin and people:"vladimir putin" both match."""
    return RegexTokenizer(r"\w+") | LowercaseFilter() | CharsetFilter(accent_map)


def source_by_words(schema: Schema) -> bool:
    """False for an index written when a source was one whole keyword: its
    source terms cannot answer a search for a word of the name."""
    return not isinstance(schema["source"], KEYWORD)


def build_schema() -> Schema:
    words = word_analyzer()
    names = name_analyzer()
    # engine/document.py's fields, each as its kind says.
    by_kind: dict[FieldKind, Callable[[str], FieldType]] = {
        "key": lambda name: ID(stored=True, unique=name == IDENTITY),
        "words": lambda name: TEXT(
            analyzer=words, stored=True, field_boost=FIELD_BOOSTS.get(name, 1.0)
        ),
        "names": lambda _: TEXT(analyzer=names, stored=True),
        "date": lambda _: DATETIME(stored=True, sortable=True),
        "kept": lambda _: STORED(),
    }
    return Schema(
        **{field.name: by_kind[field.kind](field.name) for field in STORY_FIELDS},
        # Each quotation as its speaker's marked name and its words, the
        # quotations apart (engine/whoosh/quotes.py); stored as (speaker, text).
        quotes=TEXT(analyzer=words, stored=True),
        # Who is quoted, each name whole (for counts per speaker), stored as a list.
        speaker=KEYWORD(stored=True, lowercase=True, commas=True),
        # The near-duplicate sketch (rank/dedup.py's pack), read by folding
        # instead of fingerprinting stored texts at search time.
        sketch=COLUMN(VarBytesColumn()),
        **{name: COLUMN(VarBytesColumn()) for name in FACET_COLUMNS.values()},
        **{PATH_COLUMN: COLUMN(VarBytesColumn())},
    )
