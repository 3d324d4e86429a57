"""The OpenSearch index: settings and mappings with the fields of the Whoosh schema.

A story's fields are engine/document.py's, each mapped by its kind (as the
Whoosh schema builds them), analysed the same way as on Whoosh, so that a
query matches the same stories on both engines and a hit reads the same in
every output:

* ``title`` and ``body``: Whoosh's word analysis rebuilt from OpenSearch's
  own parts (its tokenizer pattern, lowercase, accent folding, Whoosh's stop
  words and its two-letter minimum, Porter stemming: the ``snowball``
  filter's Porter, which engine/whoosh/stemming.py runs too). The original text is
  in ``_source`` for snippets; ``index_options: offsets`` lets the unified
  highlighter find the words without re-analysing a long story.
* ``people``, ``place``, ``author``, ``source``: names word by word,
  unstemmed (``people:putin`` and ``people:"vladimir putin"`` both match,
  ``source:cnn`` matches "CNN (Web News)"); each has
  a ``.keyword`` sub-field, the value as written, for ``--by`` counts (Whoosh
  counts the stored values too). A story's people are an array: the large
  ``position_increment_gap`` keeps a phrase or span from matching across two
  of them (the quotes issue relies on it for one quotation per element).
* ``quotes``: each quotation as engine/quotations.py's indexed text (the
  speaker's name marked with ``_``, then the words), analysed as the body:
  the word pattern holds ``_`` (a word character), so ``_putin`` is the
  speaker's term, as on Whoosh. The array's gap keeps each quotation apart.
  ``quotations`` keeps them for display, ``[{speaker, text}]``, not indexed.
* ``speaker``: who is quoted, each name whole, lowercased (Whoosh's KEYWORD),
  with ``.keyword`` for ``--by speaker`` counts.
* ``path`` and ``file``: exact keywords; ``file`` finds a file's stories to
  forget them. ``date``: a date (no time zone: newsgrep's dates are naive).
  ``url``: kept, not searched. ``run``, newsgrep's own, says which
  writer wrote a story (see writer.py).

Whoosh scores with BM25F, k1 and b per field from rank/weights.py's RANKING:
the same BM25 parameters are set here explicitly (the title's b in a
similarity of its own), so a cluster ranks as newsgrep does. The
title's weight (Whoosh's field boost) is a query-time boost on this side.
"""

from __future__ import annotations

from typing import Any

from newsgrep.engine.document import STORY_FIELDS, FieldKind
from newsgrep.rank.weights import RANKING

# Bumped when the mapping changes in a way an existing index cannot follow:
# writing to an index of another version asks for --rebuild.
# 4: source analysed word by word, as a name; 5: Snowball's Porter stemmer in
# place of Lucene's porter_stem.
MAPPING_VERSION = 5
# Whoosh's StopFilter list (whoosh.analysis.filters.STOP_WORDS), copied so
# that creating an index does not import Whoosh; a unit test compares them.
STOP_WORDS = (
    "a an and are as at be by can for from have if in is it may not of on or tbd that "
    "the this to us we when will with yet you your"
).split()
# Whoosh's RegexTokenizer default: words, dotted abbreviations (u.s) kept whole.
WORD_PATTERN = r"[\w*]+(\.?[\w*]+)*"
# A whole token of WORD_PATTERN that is a stop word or a single letter: cut
# from the text before it is tokenized. Whoosh's StopFilter renumbers the
# words after a stop word, so "treaty of Moscow" is the phrase "treaty
# Moscow"; OpenSearch's stop filter leaves a gap that any word fills
# ("treaty bans Moscow"). Cut before the tokenizer, a stop word leaves none.
GAPLESS_STOPS = (
    r"(?<![\w*])(?<![\w*]\.)(?:"
    + "|".join(sorted(STOP_WORDS, key=len, reverse=True))
    + r"|[\w*])(?![\w*])(?!\.[\w*])"
)
NAME_PATTERN = r"\w+"
# Lucene refuses a document with a term over 32,766 bytes (a run of 40,000
# letters in a hostile file would fail the whole bulk item): longer words are
# dropped, at 4 bytes a character at most. Whoosh keeps them; no one searches
# for them.
LONGEST_WORD = 8191
# Positions between two elements of an array: no phrase or span crosses it.
ELEMENT_GAP = 10_000
SIMILARITY = "newsgrep_bm25"
TITLE_SIMILARITY = "newsgrep_bm25_title"
# Analysed as the body, though not searched by plain words (only by said:).
QUOTES = "quotes"


def index_body() -> dict[str, Any]:
    """Settings and mappings for a newsgrep stories index."""
    return {"settings": {"index": _settings()}, "mappings": _mappings()}


def _settings() -> dict[str, Any]:
    def pattern(regex: str) -> dict[str, Any]:
        # group 0: the matches are the tokens (the pattern finds words, not gaps).
        return {
            "type": "pattern",
            "pattern": regex,
            "group": 0,
            "flags": "UNICODE_CHARACTER_CLASS",
        }

    return {
        # Stories become searchable when the writer commits (it refreshes),
        # as on Whoosh, not every second in the middle of a bulk load.
        "refresh_interval": "-1",
        "similarity": {
            SIMILARITY: {"type": "BM25", "k1": RANKING.k1, "b": RANKING.body_b},
            TITLE_SIMILARITY: {"type": "BM25", "k1": RANKING.k1, "b": RANKING.title_b},
        },
        "analysis": {
            "tokenizer": {
                "newsgrep_words": pattern(WORD_PATTERN),
                "newsgrep_names": pattern(NAME_PATTERN),
            },
            "char_filter": {
                "newsgrep_stops": {
                    "type": "pattern_replace",
                    "pattern": GAPLESS_STOPS,
                    "replacement": "",
                    "flags": "CASE_INSENSITIVE|UNICODE_CHARACTER_CLASS",
                }
            },
            "filter": {
                "newsgrep_stop": {"type": "stop", "stopwords": STOP_WORDS},
                "newsgrep_min2": {"type": "length", "min": 2, "max": LONGEST_WORD},
                "newsgrep_porter": {"type": "snowball", "language": "Porter"},
                "newsgrep_not_immense": {"type": "length", "max": LONGEST_WORD},
            },
            "analyzer": {
                "newsgrep_words": {
                    "type": "custom",
                    "char_filter": ["newsgrep_stops"],
                    "tokenizer": "newsgrep_words",
                    "filter": [
                        "lowercase",
                        "asciifolding",
                        "newsgrep_stop",
                        "newsgrep_min2",
                        "newsgrep_porter",
                    ],
                },
                "newsgrep_names": {
                    "type": "custom",
                    "tokenizer": "newsgrep_names",
                    "filter": ["lowercase", "asciifolding", "newsgrep_not_immense"],
                },
                # A value whole (a speaker's name may hold a comma, which
                # Whoosh's comma-separated KEYWORD field turns into a space).
                "newsgrep_whole": {
                    "type": "custom",
                    "tokenizer": "keyword",
                    "filter": ["trim", "lowercase", "newsgrep_not_immense"],
                },
            },
        },
    }


def _mappings() -> dict[str, Any]:
    words = {
        "type": "text",
        "analyzer": "newsgrep_words",
        "similarity": SIMILARITY,
        "index_options": "offsets",
        "position_increment_gap": ELEMENT_GAP,
    }
    # engine/document.py's fields, each as its kind says.
    by_kind: dict[FieldKind, dict[str, Any]] = {
        # A hostile story id may make a path longer than Lucene takes: such a
        # story is indexed, just not found by its path.
        "key": {"type": "keyword", "ignore_above": LONGEST_WORD},
        "words": words,
        "names": _with_keyword(
            {
                "type": "text",
                "analyzer": "newsgrep_names",
                "similarity": SIMILARITY,
                "position_increment_gap": ELEMENT_GAP,
            }
        ),
        "date": {"type": "date", "format": "strict_date_optional_time||epoch_millis"},
        "kept": {"type": "keyword", "index": False, "doc_values": False},
    }
    properties = {field.name: by_kind[field.kind] for field in STORY_FIELDS}
    # The title's length normalisation is its own (rank/weights.py's title_b).
    properties["title"] = {**words, "similarity": TITLE_SIMILARITY}
    properties |= {
        QUOTES: words,
        "speaker": _with_keyword({"type": "text", "analyzer": "newsgrep_whole"}),
        "quotations": {"type": "object", "enabled": False},
        # The writer run that wrote the story (not one of Whoosh's fields):
        # re-indexing a file removes its stories of other runs only.
        "run": {"type": "keyword"},
    }
    return {
        # A document with a field this mapping lacks is refused, not guessed at.
        "dynamic": "strict",
        "_meta": {"newsgrep_mapping": MAPPING_VERSION},
        "properties": properties,
    }


def _with_keyword(field: dict[str, Any]) -> dict[str, Any]:
    """The field plus ``.keyword``, its exact value, for counts per value."""
    return {**field, "fields": {"keyword": {"type": "keyword", "ignore_above": 1024}}}


def companion_index_body(looked_up: tuple[str, ...] = ()) -> dict[str, Any]:
    """An index newsgrep keeps beside the stories (the manifest's, the state's).

    Only the ``looked_up`` fields are indexed (as keywords); the rest of a
    record rides in ``_source``.
    """
    return {
        "settings": {"index": {"number_of_shards": 1}},
        "mappings": {
            "dynamic": False,
            "properties": {name: {"type": "keyword"} for name in looked_up},
        },
    }
