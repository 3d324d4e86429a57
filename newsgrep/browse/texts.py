"""What the browser's widgets show, as rich Text built from plain strings.

Article text is untrusted: every string from a story is cleaned by
:mod:`newsgrep.safety` and handed over as a Text with styles, never as
markup (Textual parses a plain ``str`` cell or label as markup). The
pieces, headers and bars are those of ``show`` and ``--by``
(:mod:`newsgrep.output.render`, :mod:`newsgrep.output.charts`).
"""

from __future__ import annotations

from rich.text import Text

from newsgrep.model import Facets, Hit, Snippet, Story
from newsgrep.output.charts import chart_lines
from newsgrep.output.render import (
    META_STYLE,
    pieces_text,
    quote_lines,
    quote_text,
    similar_mark,
    story_header,
)
from newsgrep.output.tables import chart_footer
from newsgrep.safety import clean_line, clean_text

PREVIEW_CHARS = 3000  # of a body in the preview pane; Enter shows the whole story
ERROR_STYLE = "bold red"


def row_cells(hit: Hit) -> tuple[Text, Text, Text, Text]:
    """A hit's row in the list: title (the query's words marked), date, source, people."""
    title = pieces_text(hit.title_pieces, "bold")
    if hit.duplicates:
        title.append(f"  {similar_mark(hit)}", style=META_STYLE)
    date = hit.date.date().isoformat() if hit.date else ""
    people = ", ".join(clean_line(p) for p in hit.people)
    return title, Text(date), Text(clean_line(hit.source)), Text(people, style=META_STYLE)


def story_text(story: Story, limit: int | None = None) -> Text:
    """A story as ``show`` prints it, header, quotations, then body; the body
    cut after ``limit`` characters when one is given (the preview pane)."""
    text = Text("\n").join(story_header(story.hit))
    quotes = quotations(story.hit, whole=limit is None)
    if quotes:
        text.append("\n\n")
        text.append_text(Text("\n").join(quotes))
    text.append("\n\n")
    pieces, cut = clipped(story.body_pieces, limit)
    text.append_text(pieces_text(pieces, clean=clean_text))
    if cut:
        text.append("\n\n… Enter shows the whole story", style=META_STYLE)
    return text


def quotations(hit: Hit, whole: bool) -> list[Text]:
    """Who said what in the story: every quotation, whole, as ``show``
    prints them; for the preview the first few, cut, as ``--quotes`` lists them."""
    if not hit.quotes:
        return []
    return [quote_text(quote) for quote in hit.quotes] if whole else quote_lines(hit)


def clipped(pieces: Snippet, limit: int | None) -> tuple[Snippet, bool]:
    """The first ``limit`` characters of ``pieces`` (all of them for None),
    and whether any were cut."""
    if limit is None:
        return pieces, False
    kept: Snippet = []
    for piece, matched in pieces:
        if limit <= 0:
            break
        kept.append((piece[:limit], matched))
        limit -= len(piece)
    return kept, limit < 0 or len(kept) < len(pieces)


def timeline_text(query: str, facets: Facets, width: int) -> Text:
    """The ``--by month`` chart of the query, a title line above and the footer below."""
    if not facets.buckets:
        return Text(f"No story matches {clean_line(query)}", style=META_STYLE)
    text = Text(f"{clean_line(query)} by {facets.by}\n\n", style="bold")
    text.append_text(Text("\n").join(chart_lines(facets, width)))
    text.append(f"\n\n{chart_footer(facets)}", style=META_STYLE)
    return text


def filter_bar(labels: list[str]) -> Text:
    """'filters: --since 2001 · person: Vladimir Putin', or a hint when there are none."""
    if not labels:
        return Text("no filters · p person, s source, l place narrow to the story's", META_STYLE)
    text = Text("filters: ", style=META_STYLE)
    text.append(" · ".join(labels), style="bold")
    text.append("  (x removes the last)", style=META_STYLE)
    return text


def status_text(shown: int, total: int, seconds: float) -> Text:
    """'20 of 42 stories, 0.03 s' below the list."""
    return Text(f"{shown} of {total} stories, {seconds:.2f} s", style=META_STYLE)


def error_text(message: str) -> Text:
    """An error's one line, as the command line prints it."""
    return Text(f"newsgrep: {clean_line(message)}", style=ERROR_STYLE)
