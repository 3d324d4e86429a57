"""What an engine must answer, worked out from the stories it indexed
(newsgrep's extracted Articles) without any engine: which stories pass the
options' filters, how many stories hold each value, what stats says.

Filter values are chosen so that the answer does not depend on how a filter
matches a value (whole, or as a phrase within a longer value): a value no
other value of its field holds as a phrase. The answer is then the stories
that hold that value, however an engine (or a later change) matches it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date
from typing import Any

from newsgrep.model import Article, Bucket, SearchOptions
from newsgrep.rank.facets import buckets, ranked, story_values

# A filter's field and the story's values it looks at.
FIELD_VALUES = {
    "source": lambda a: [a.source] if a.source else [],
    "people": lambda a: list(a.people),
    "place": lambda a: [a.place] if a.place else [],
}
OPTION_OF = {"source": "sources", "people": "people", "place": "places"}
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Words as every engine compares names: case and accents folded."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return _WORD.findall("".join(c for c in plain if not unicodedata.combining(c)))


def _holds(value: str, part: str) -> bool:
    whole, wanted = words(value), words(part)
    return any(whole[i : i + len(wanted)] == wanted for i in range(len(whole) - len(wanted) + 1))


def lone_values(articles: list[Article], field: str) -> list[str]:
    """The field's values that no other value holds as a phrase, most stories first."""
    counts = Counter(v for a in articles for v in dict.fromkeys(FIELD_VALUES[field](a)))
    values = [v for v, _ in counts.most_common() if words(v)]
    return [v for v in values if not any(w != v and _holds(w, v) for w in values)]


def has(article: Article, field: str, value: str) -> bool:
    return any(words(v) == words(value) for v in FIELD_VALUES[field](article))


def passes(article: Article, options: SearchOptions) -> bool:
    """True when the story passes every filter of ``options`` (dates given as days)."""
    if options.since or options.until:
        if article.date is None:
            return False
        day = article.date.date()
        if options.since and day < date.fromisoformat(options.since):
            return False
        if options.until and day > date.fromisoformat(options.until):
            return False
    for field, option in OPTION_OF.items():
        values = getattr(options, option)
        if values and not any(has(article, field, v) for v in values):
            return False
    return all(has(article, field, value) for field, value in options.narrow)


def paths(articles: list[Article], options: SearchOptions) -> set[str]:
    return {a.path for a in articles if passes(a, options)}


def stored(article: Article) -> dict[str, Any]:
    """A story's values as counting reads them (rank/facets.py)."""
    speakers = list(dict.fromkeys(q.speaker for q in article.quotes if q.speaker))
    return {
        "source": article.source,
        "people": article.people,
        "speaker": speakers,
        "place": article.place,
        "date": article.date,
    }


def counts(articles: list[Article], by: str) -> Counter[str | None]:
    found: Counter[str | None] = Counter()
    for article in articles:
        found.update(story_values(stored(article), by))
    return found


def by_buckets(articles: list[Article], by: str) -> list[tuple[str | None, int]]:
    """``--by BY`` over these stories, as (value, count)."""
    return [(b.value, b.count) for b in buckets(counts(articles, by), by)]


def top(articles: list[Article], by: str, n: int) -> list[Bucket]:
    known = counts(articles, by)
    known.pop(None, None)
    return ranked(known)[:n]
