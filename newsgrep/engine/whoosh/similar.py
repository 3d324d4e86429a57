"""More like this: the stories most like a given one, over its significant words.

The given story's key terms (words frequent in it and rare in the index,
Whoosh's Bo1 model) become a weighted OR query over titles and bodies; the
story itself is left out of the results.
"""

from __future__ import annotations

import time

from whoosh import query as q
from whoosh.collectors import FilterCollector, TopCollector
from whoosh.searching import Results, Searcher

from newsgrep.engine.whoosh.counting import exact_total
from newsgrep.engine.whoosh.lookup import find_docnums
from newsgrep.engine.whoosh.searching import Marks, stored_hit
from newsgrep.errors import ManyStories
from newsgrep.model import SearchResult

KEY_TERMS = 25  # Whoosh's default of 5 leaves a story's topic underdescribed
# Matches between Whoosh's attempts to simplify the query's matcher tree for the
# top hits (default 10). Each attempt asks all 50 clauses for their best score,
# recursively: two thirds of a `similar` at 100,000 stories. Rarer attempts
# change no score (a plain OR: no coordination) and no hit.
REPLACE_EVERY = 1000


def similar(
    searcher: Searcher, path: str, limit: int = 10, page: int = 1, snippets: bool = True
) -> SearchResult:
    """The stories most like the one at ``path``.
    Raises StoryMissing or ManyStories (a file of several stories)."""
    started = time.perf_counter()
    docnums = find_docnums(searcher, path)
    if len(docnums) > 1:
        raise ManyStories(f"{path} holds {len(docnums)} stories: name one as FILE#ID")
    # A title-only wire brief has no body words: its headline's stand in.
    terms = searcher.key_terms(
        docnums, "body", numterms=KEY_TERMS, normalize=True
    ) or searcher.key_terms(docnums, "title", numterms=KEY_TERMS, normalize=True)
    like = q.Or(
        [q.Term(field, word, boost=weight) for word, weight in terms for field in ("title", "body")]
    )
    results = _ranked(searcher, like, page * limit if limit else None, set(docnums))
    total = exact_total(searcher, results, like, mask=docnums)
    words = frozenset(word for word, _ in terms)
    first = (page - 1) * limit if limit else 0
    hits = [
        stored_hit(
            first + i + 1,
            float(r.score or 0.0),
            r.fields(),
            Marks(words),
            searcher.schema,
            snippets,
        )
        for i, r in enumerate(results[first:])
    ]
    return SearchResult(hits, total, time.perf_counter() - started, words)


def _ranked(searcher: Searcher, like: q.Query, limit: int | None, left_out: set[int]) -> Results:
    """Whoosh's search(like, limit=limit, mask=left_out), the matcher simplified less often."""
    if limit is None:
        return searcher.search(like, limit=None, mask=left_out)
    collector = FilterCollector(TopCollector(limit, replace=REPLACE_EVERY), None, left_out)
    searcher.search_with_collector(like, collector)
    return collector.results()
