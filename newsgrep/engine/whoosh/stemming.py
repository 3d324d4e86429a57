"""The stemmer both engines share: Martin Porter's algorithm as Snowball
writes it (PyStemmer, C), which the OpenSearch index runs as its ``snowball``
filter with language ``Porter`` (engine/opensearch/mapping.py).

Whoosh's own Porter stemmer differs from it on common words ('planned' ->
'plann', 'bidding' -> 'bidd', 'added' -> 'add'), so the two engines counted
different stories for the same query ("takeover bid": 116 on Whoosh, 118 on
a cluster with Lucene's porter_stem). PyStemmer's Porter and Lucene's
Snowball Porter agree on every one of 50,713 distinct words of Reuters-21578
and CACM. The index pickles ``stem`` by name: an index opens by importing
this module.
"""

from __future__ import annotations

import Stemmer

_PORTER = Stemmer.Stemmer("porter")


def stem(word: str) -> str:
    """The Porter stem of a lower-cased word."""
    return str(_PORTER.stemWord(word))
