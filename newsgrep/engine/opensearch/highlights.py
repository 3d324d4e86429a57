"""The cluster's highlighter, marked with private-use characters so that
article text is never read as markup, and its answer as (text, is_match) pieces."""

from __future__ import annotations

import re
from typing import Any

from newsgrep.model import Snippet

MARK_START, MARK_END = "\ue000", "\ue001"
_MARKED = re.compile(f"{MARK_START}([^{MARK_END}]*){MARK_END}")
SNIPPETS, SNIPPET_WIDTH = 3, 200
# Characters of a long story the highlighter looks through (not an error past them).
HIGHLIGHT_CHARS = 1_000_000


def highlight(fragments: int = SNIPPETS, fields: tuple[str, ...] = ("body",)) -> dict[str, Any]:
    """The unified highlighter on the title (whole) and ``fields``
    (``fragments`` of SNIPPET_WIDTH characters; 0: the whole text), marked
    with MARK_START and MARK_END."""
    options = {"number_of_fragments": fragments, "fragment_size": SNIPPET_WIDTH}
    return {
        "type": "unified",
        "pre_tags": [MARK_START],
        "post_tags": [MARK_END],
        "max_analyzer_offset": HIGHLIGHT_CHARS,
        "fields": {"title": {"number_of_fragments": 0}, **dict.fromkeys(fields, options)},
    }


def pieces(marked: str) -> Snippet:
    """Highlighted text as (text, is_match) pieces; a stray mark character
    (article text may hold one) is dropped, never taken for a mark."""
    out: Snippet = []
    position = 0
    for match in _MARKED.finditer(marked):
        if match.start() > position:
            out.append((_unmarked(marked[position : match.start()]), False))
        out.append((_unmarked(match.group(1)), True))
        position = match.end()
    if position < len(marked):
        out.append((_unmarked(marked[position:]), False))
    return [(text, is_match) for text, is_match in out if text]


def _unmarked(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_END, "")


def marked_texts(fragments: list[str]) -> list[str]:
    """The marked pieces of highlighted fragments."""
    return [text for fragment in fragments for text, is_match in pieces(fragment) if is_match]
