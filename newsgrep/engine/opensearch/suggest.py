"""Did you mean, from the cluster's term suggester: each typed word that no
story contains is replaced by the nearest indexed word (one edit before two,
then the more frequent), written as a story writes it (title and body hold
stems: a story that has the stem shows its spelling, "Robertson", not
"robertson")."""

from __future__ import annotations

from collections import Counter
from typing import Any

from newsgrep.engine.opensearch.highlights import highlight, marked_texts
from newsgrep.engine.spelling import SPELLED_FIELDS, respelled, typed_words
from newsgrep.query.tree import Query

_SAMPLE_DOCS = 3
_CANDIDATES = 8


def did_you_mean(client: Any, name: str, text: str, query: Query) -> str | None:
    """The query ``text`` (whose tree is ``query``) with each word that
    matches nothing replaced, or None."""
    typed = list(
        dict.fromkeys(
            (field or "body", word)
            for field, word in typed_words(query)
            if (field or "body") in SPELLED_FIELDS
        )
    )
    if not typed:
        return None
    suggest = {
        f"w{i}": {
            "text": word,
            "term": {
                "field": field,
                "suggest_mode": "missing",
                "max_edits": 2,
                "prefix_length": 1,
                "min_word_length": 3,
                "size": _CANDIDATES,
                "sort": "score",
            },
        }
        for i, (field, word) in enumerate(typed)
    }
    answer = client.search(index=name, body={"size": 0, "suggest": suggest})["suggest"]
    nearest: dict[str, str] = {}
    for i, (field, word) in enumerate(typed):
        options = [o for entry in answer.get(f"w{i}", []) for o in entry.get("options", [])]
        if options and word not in nearest:
            written = _written(client, name, field, options[0]["text"])
            if written:
                nearest[word] = written
    return respelled(text, nearest.get) if nearest else None


def _written(client: Any, name: str, field: str, term: str) -> str | None:
    """An indexed term as the first few stories that hold it write it."""
    answer = client.search(
        index=name,
        body={
            "size": _SAMPLE_DOCS,
            "_source": False,
            "query": {"term": {field: term}},
            "highlight": highlight(1, (field,)),
        },
    )
    seen: Counter[str] = Counter()
    for doc in answer["hits"]["hits"]:
        seen.update(marked_texts(doc.get("highlight", {}).get(field, [])))
    return seen.most_common(1)[0][0] if seen else None
