"""Printing for people with rich: on a terminal (wrapped, a hanging indent)
or in colour. Every string from an article reaches rich as a Text built from
cleaned pieces (:mod:`newsgrep.output.lines`), never as markup. A pipe without
colour gets the same characters from :mod:`newsgrep.output.emit` without
importing this module."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsgrep.model import Hit, Quote, SearchResult, Snippet, Story
from newsgrep.output import lines
from newsgrep.output.lines import (
    MATCH_STYLE,
    MAX_QUOTES,
    META_STYLE,
    Line,
    footer_text,
    is_terminal,
    similar_mark,
    wants_color,
)
from newsgrep.safety import clean_inline, clean_line

__all__ = [
    "MATCH_STYLE",
    "footer_text",
    "wants_color",
    "MAX_QUOTES",
    "META_STYLE",
    "hanging",
    "make_console",
    "pieces_text",
    "print_hits",
    "print_new",
    "print_story",
    "quote_lines",
    "quote_text",
    "similar_mark",
    "story_header",
]


def make_console(color: str = "auto", file: IO[str] | None = None) -> Console:
    """A console that writes escape codes only when colour is wanted.

    Rich alone keeps bold and dim under NO_COLOR, so the decision is ours:
    without colour the console has no colour system and writes plain text.
    Lines wrap to the terminal's width on a terminal only; a pipe gets whole
    lines, coloured or not.
    """
    stream = file or sys.stdout
    terminal = is_terminal(stream)
    colour = wants_color(color, stream)
    return Console(
        file=stream,
        force_terminal=colour or terminal,
        no_color=False,
        color_system="standard" if colour else None,
        soft_wrap=not terminal,
        highlight=False,
        markup=False,
        emoji=False,
    )


def to_text(styled: Line) -> Text:
    text = Text(style=styled.style)
    for piece, style in styled.pieces:
        text.append(piece, style)
    return text


def pieces_text(
    pieces: Snippet, base_style: str = "", clean: Callable[[str], str] = clean_inline
) -> Text:
    """Snippet pieces as a rich Text, matches styled, control characters gone."""
    return to_text(lines.pieces_line(pieces, base_style, clean))


def quote_text(quote: Quote, limit: int | None = None) -> Text:
    return to_text(lines.quote_line(quote, limit))


def quote_lines(hit: Hit) -> list[Text]:
    return [to_text(styled) for styled in lines.quote_lines(hit)]


def story_header(hit: Hit) -> list[Text]:
    return [to_text(styled) for styled in lines.story_header(hit)]


def hanging(console: Console, label: str, texts: list[Text], indent: int) -> None:
    """``label`` then ``texts``, each wrapped under the first (a hanging indent);
    in a pipe each line is one whole line behind the indent."""
    if console.soft_wrap:
        for i, text in enumerate(texts):
            console.print(Text((label if i == 0 else "").ljust(indent)) + text)
        return
    grid = Table.grid()
    grid.add_column(width=indent, no_wrap=True)
    grid.add_column(overflow="fold")
    for i, text in enumerate(texts):
        grid.add_row(Text(label if i == 0 else ""), text)
    console.print(grid)


def print_hits(
    console: Console, result: SearchResult, footer: bool = False, quotes: bool = False
) -> None:
    """Human output: rank, title, metadata, path, snippets (or quotations);
    a footer if asked."""
    width = len(str(result.hits[-1].rank)) if result.hits else 1
    for hit in result.hits:
        texts = [to_text(styled) for styled in lines.hit_lines(hit, quotes)]
        hanging(console, f"{hit.rank:>{width}}.", texts, width + 2)
        console.print()
    if footer:
        console.print(Text(footer_text(result), style=META_STYLE))


def print_new(console: Console, name: str, result: SearchResult, matched: int) -> None:
    """`newsgrep watch` for people: a heading naming the watch, then the
    stories that entered it, as `search` prints hits (ranks of the whole search)."""
    new = len(result.hits)
    heading = f"{clean_line(name)}: {new} new {'story' if new == 1 else 'stories'}"
    console.print(Text(f"{heading} of {matched} matching", style="bold"))
    console.print()
    print_hits(console, result)


def print_story(console: Console, story: Story) -> None:
    """`newsgrep show`: a metadata header, the quotations, then the whole body."""
    for styled in lines.story_lines(story):
        console.print(to_text(styled))
