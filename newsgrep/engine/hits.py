"""Hits as every engine makes them: a Hit from a story's stored fields (by
engine/document.py's field list), the opening of a story that matched on
metadata only, and a page of hits with their near-duplicates folded in
(rank/dedup.py groups them)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from newsgrep.engine.document import hit_values
from newsgrep.model import Duplicate, Hit, SearchOptions, Snippet, display_title
from newsgrep.rank.dedup import Group

T = TypeVar("T")


def stored_hit(
    rank: int,
    score: float,
    stored: dict[str, Any],
    title_pieces: Snippet | None = None,
    snippets: list[Snippet] | None = None,
) -> Hit:
    """A Hit from a story's stored fields; ``title_pieces`` mark the query's
    words in the title shown (unmarked when None), ``snippets`` default to
    the story's opening."""
    values = hit_values(stored)
    shown_title = display_title(values.pop("title"), stored.get("body", ""))
    return Hit(
        rank=rank,
        score=score,
        title=shown_title,
        **values,
        title_pieces=title_pieces if title_pieces else [(shown_title, False)],
        snippets=snippets if snippets is not None else [],
    )


def lead_snippet(text: str, width: int = 200) -> list[Snippet]:
    """The story's opening, for hits matched by metadata only."""
    opening = " ".join(text.lstrip()[: width * 4].split())[:width]
    return [[(opening, False)]] if opening else []


def folded_hits(
    results: Sequence[T],
    groups: list[Group],
    complete: bool,
    matches: int,
    options: SearchOptions,
    make_hit: Callable[[int, T, bool], Hit],
) -> tuple[list[Hit], int, int, bool]:
    """The page of ``groups`` (of ``results`` in rank order) as hits, each
    with its copies, and (total, folded, distinct): with every match folded
    (``complete``) the total counts distinct stories, otherwise all
    ``matches`` and ``folded`` the copies shown. ``make_hit(rank, result,
    with_snippets)`` makes one hit."""
    wanted = options.page * options.limit
    first = (options.page - 1) * options.limit
    shown = groups[first:wanted] if wanted else groups[first:]
    hits = []
    for i, ((head, _), *rest) in enumerate(shown):
        hit = make_hit(first + i + 1, results[head], options.snippets)
        hit.duplicates = [Duplicate(make_hit(0, results[p], False), alike) for p, alike in rest]
        hits.append(hit)
    if complete:
        return hits, len(groups), len(results) - len(groups), True
    return hits, matches, sum(len(hit.duplicates) for hit in hits), False
