"""What a hit or a story prints as, line by line, styles named but not applied.

A :class:`Line` is a base style and pieces of text each with a style of its
own: :mod:`newsgrep.output.render` makes rich Text of it for a terminal (or
colour), :func:`plain` the bare characters for a pipe, so a piped search never
imports rich (about 25 ms of its start). Every string from an article is
cleaned of control sequences here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import IO, NamedTuple

from newsgrep.model import Hit, Quote, SearchResult, Snippet, Story
from newsgrep.safety import clean_inline, clean_line, clean_text

MATCH_STYLE = "bold yellow"
META_STYLE = "dim"
PATH_STYLE = "cyan"
MAX_PEOPLE = 4  # more names in a hit's metadata line become "+N"
MAX_QUOTES = 3  # more quotations of a hit in the --quotes view become "+N more"
QUOTE_CHARS = 400  # a longer quotation is cut in the --quotes view (show prints it whole)


class Line(NamedTuple):
    """Text pieces with their styles ("" for none) on a base style."""

    pieces: list[tuple[str, str]]
    style: str = ""

    def plus(self, text: str, style: str = "") -> Line:
        return Line([*self.pieces, (text, style)], self.style)


def line(text: str, style: str = "") -> Line:
    return Line([(text, "")], style)


def plain(styled: Line) -> str:
    """The line's characters, styles left out."""
    return "".join(text for text, _ in styled.pieces)


def pieces_line(
    pieces: Snippet, base_style: str = "", clean: Callable[[str], str] = clean_inline
) -> Line:
    """Snippet pieces, matches styled, control characters gone (``clean_text``
    keeps a body's line breaks, ``clean_inline`` does not)."""
    return Line(
        [(clean(piece), MATCH_STYLE if matched else "") for piece, matched in pieces], base_style
    )


def meta_line(hit: Hit) -> str:
    """'2001-11-22 · RFE/RL · Moscow · Vladimir Putin, George Robertson +2'."""
    people = ", ".join(hit.people[:MAX_PEOPLE])
    if len(hit.people) > MAX_PEOPLE:
        people += f" +{len(hit.people) - MAX_PEOPLE}"
    parts = [hit.date.date().isoformat() if hit.date else "", hit.source, hit.place, people]
    return " · ".join(clean_line(p) for p in parts if p)


def snippet_line(snippet: Snippet) -> Line:
    """A snippet between ellipses, so wrapped lines and new snippets differ."""
    inner = pieces_line(snippet).pieces
    return Line([("… ", ""), *inner, (" …", META_STYLE)], META_STYLE)


def similar_mark(hit: Hit) -> str:
    """'+2 similar (AFP, Reuters)': how many copies were folded, and from whom."""
    sources = sorted({clean_line(d.hit.source) for d in hit.duplicates} - {""})
    mark = f"+{len(hit.duplicates)} similar"
    return f"{mark} ({', '.join(sources)})" if sources else mark


def quote_line(quote: Quote, limit: int | None = None) -> Line:
    """'Vladimir Putin: “Russia will not …”', the name bold; cut at ``limit`` characters."""
    words = clean_line(quote.text)
    if limit is not None and len(words) > limit:
        words = words[: limit - 1].rsplit(" ", 1)[0] + "…"
    name = [(clean_line(quote.speaker), "bold"), (": ", "")] if quote.speaker else []
    return Line([*name, (f"“{words}”", "")])


def quote_lines(hit: Hit) -> list[Line]:
    """The --quotes view of a hit: the quotations its said: matched (every
    quotation when it matched none), at most MAX_QUOTES, then "+N more"."""
    quotes = hit.quotes[: hit.quotes_matched] or hit.quotes
    if not quotes:
        return [line("(no quotations)", META_STYLE)]
    lines = [quote_line(quote, QUOTE_CHARS) for quote in quotes[:MAX_QUOTES]]
    if len(quotes) > MAX_QUOTES:
        lines.append(line(f"+{len(quotes) - MAX_QUOTES} more", META_STYLE))
    return lines


def title_line(hit: Hit) -> Line:
    """The title, the query's words marked, and what was folded into it."""
    title = pieces_line(hit.title_pieces, "bold")
    return title.plus(f"  {similar_mark(hit)}", META_STYLE) if hit.duplicates else title


def hit_lines(hit: Hit, quotes: bool = False) -> list[Line]:
    """Title, metadata, path and snippets (or with ``quotes`` its quotations)
    of one hit. The quotation a said: clause matched comes first, its
    speaker named: the body's snippets may show other people's words."""
    lines = [title_line(hit)]
    meta = meta_line(hit)
    if meta:
        lines.append(line(meta, META_STYLE))
    lines.append(line(clean_line(hit.path), PATH_STYLE))
    if quotes:
        lines.extend(quote_lines(hit))
        return lines
    if hit.quotes_matched:
        lines.append(quote_line(hit.quotes[0], QUOTE_CHARS))
    lines.extend(snippet_line(s) for s in hit.snippets)
    return lines


def story_header(hit: Hit) -> list[Line]:
    """A story's header as `show` prints it: title, date · source · place,
    people, reporters, URL, path; the empty fields left out."""
    when = hit.date.date().isoformat() if hit.date else ""
    fields = [
        ("", " · ".join(clean_line(p) for p in (when, hit.source, hit.place) if p)),
        ("people: ", ", ".join(hit.people)),
        ("by: ", ", ".join(hit.author)),
        ("url: ", hit.url),
    ]
    lines = [pieces_line(hit.title_pieces, "bold")]
    lines.extend(line(name + clean_line(value), META_STYLE) for name, value in fields if value)
    lines.append(line(clean_line(hit.path), PATH_STYLE))
    return lines


def story_lines(story: Story) -> list[Line]:
    """`newsgrep show`: the header, the quotations, then the whole body."""
    lines = story_header(story.hit)
    if story.hit.quotes:
        lines.append(line(""))
        lines.extend(quote_line(quote) for quote in story.hit.quotes)
    lines.append(line(""))
    lines.append(pieces_line(story.body_pieces, clean=clean_text))
    return lines


def footer_text(result: SearchResult) -> str:
    """'3 of 41 stories, 0.08 s'; '11-20 of 41 …' past page one; what was folded."""
    shown = len(result.hits)
    if shown and result.hits[0].rank > 1:
        span = f"{result.hits[0].rank}-{result.hits[-1].rank}"
    else:
        span = str(shown)
    text = f"{span} of {result.total} stories{folded_note(result)}, {result.seconds:.2f} s"
    if shown and result.hits[-1].rank < result.total:
        text += " · --page for more"
    return text


def folded_note(result: SearchResult) -> str:
    """' (3 near-duplicates folded)' when the total counts distinct stories;
    when only the page was folded the total counts every copy, and says so."""
    if not result.folded:
        return ""
    copies = f"{result.folded} near-duplicate{'s' if result.folded > 1 else ''}"
    if result.distinct:
        return f" ({copies} folded)"
    return f" ({copies} folded into these; the total counts every copy)"


def is_terminal(stream: IO[str]) -> bool:
    try:
        return os.isatty(stream.fileno())
    except (AttributeError, OSError, ValueError):
        return False


def wants_color(choice: str, stream: IO[str], environ: Mapping[str, str] | None = None) -> bool:
    """--color always/never win. Under auto a non-empty NO_COLOR turns colour
    off, else a non-empty FORCE_COLOR turns it on, else only a terminal
    (not a dumb one) gets colour: the rules of no-color.org and force-color.org."""
    environ = os.environ if environ is None else environ
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return is_terminal(stream) and environ.get("TERM", "") != "dumb"


def write_line(stream: IO[str], text: str, end: str = "\n") -> None:
    """Write and flush one line, so `| head -3` sees each at once."""
    stream.write(text + end)
    stream.flush()
