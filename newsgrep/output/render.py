"""Printing hits: for people (rich, on a terminal), for pipes (plain lines),
for programs (JSON Lines). Every string from an article is cleaned of control
sequences and handed to rich as a Text, never as markup."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Mapping
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsgrep.model import Hit, Quote, SearchResult, Snippet, Story
from newsgrep.output.csv import blank_hit, write_csv
from newsgrep.output.jsonschema import JsonObject, hit_json, json_line
from newsgrep.safety import clean_inline, clean_line, clean_text

MATCH_STYLE = "bold yellow"
META_STYLE = "dim"
PATH_STYLE = "cyan"
MAX_PEOPLE = 4  # more names in a hit's metadata line become "+N"
MAX_QUOTES = 3  # more quotations of a hit in the --quotes view become "+N more"
QUOTE_CHARS = 400  # a longer quotation is cut in the --quotes view (show prints it whole)


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


def pieces_text(
    pieces: Snippet, base_style: str = "", clean: Callable[[str], str] = clean_inline
) -> Text:
    """Snippet pieces as a rich Text, matches styled, control characters gone
    (``clean_text`` keeps a body's line breaks, ``clean_inline`` does not)."""
    text = Text(style=base_style)
    for piece, matched in pieces:
        text.append(clean(piece), MATCH_STYLE if matched else "")
    return text


def meta_line(hit: Hit) -> str:
    """'2001-11-22 · RFE/RL · Moscow · Vladimir Putin, George Robertson +2'."""
    people = ", ".join(hit.people[:MAX_PEOPLE])
    if len(hit.people) > MAX_PEOPLE:
        people += f" +{len(hit.people) - MAX_PEOPLE}"
    parts = [hit.date.date().isoformat() if hit.date else "", hit.source, hit.place, people]
    return " · ".join(clean_line(p) for p in parts if p)


def snippet_text(snippet: Snippet) -> Text:
    """A snippet between ellipses, so wrapped lines and new snippets differ."""
    text = Text("… ", style=META_STYLE)
    text.append_text(pieces_text(snippet))
    text.append(" …", style=META_STYLE)
    return text


def hanging(console: Console, label: str, lines: list[Text], indent: int) -> None:
    """``label`` then ``lines``, each wrapped under the first (a hanging indent);
    in a pipe each line is one whole line behind the indent."""
    if console.soft_wrap:
        for i, line in enumerate(lines):
            console.print(Text((label if i == 0 else "").ljust(indent)) + line)
        return
    grid = Table.grid()
    grid.add_column(width=indent, no_wrap=True)
    grid.add_column(overflow="fold")
    for i, line in enumerate(lines):
        grid.add_row(Text(label if i == 0 else ""), line)
    console.print(grid)


def similar_mark(hit: Hit) -> str:
    """'+2 similar (AFP, Reuters)': how many copies were folded, and from whom."""
    sources = sorted({clean_line(d.hit.source) for d in hit.duplicates} - {""})
    mark = f"+{len(hit.duplicates)} similar"
    return f"{mark} ({', '.join(sources)})" if sources else mark


def quote_text(quote: Quote, limit: int | None = None) -> Text:
    """'Vladimir Putin: “Russia will not …”', the name bold; cut at ``limit`` characters."""
    words = clean_line(quote.text)
    if limit is not None and len(words) > limit:
        words = words[: limit - 1].rsplit(" ", 1)[0] + "…"
    text = Text()
    if quote.speaker:
        text.append(clean_line(quote.speaker), "bold")
        text.append(": ")
    text.append(f"“{words}”")
    return text


def quote_lines(hit: Hit) -> list[Text]:
    """The --quotes view of a hit: the quotations its said: matched (every
    quotation when it matched none), at most MAX_QUOTES, then "+N more"."""
    quotes = hit.quotes[: hit.quotes_matched] or hit.quotes
    if not quotes:
        return [Text("(no quotations)", style=META_STYLE)]
    lines = [quote_text(quote, QUOTE_CHARS) for quote in quotes[:MAX_QUOTES]]
    if len(quotes) > MAX_QUOTES:
        lines.append(Text(f"+{len(quotes) - MAX_QUOTES} more", style=META_STYLE))
    return lines


def hit_lines(hit: Hit, quotes: bool = False) -> list[Text]:
    """Title, metadata, path and snippets (or with ``quotes`` its quotations)
    of one hit, styled."""
    title = pieces_text(hit.title_pieces, "bold")
    if hit.duplicates:
        title.append(f"  {similar_mark(hit)}", style=META_STYLE)
    lines = [title]
    meta = meta_line(hit)
    if meta:
        lines.append(Text(meta, style=META_STYLE))
    lines.append(Text(clean_line(hit.path), style=PATH_STYLE))
    lines.extend(quote_lines(hit) if quotes else [snippet_text(s) for s in hit.snippets])
    return lines


def print_hits(
    console: Console, result: SearchResult, footer: bool = False, quotes: bool = False
) -> None:
    """Human output: rank, title, metadata, path, snippets (or quotations);
    a footer if asked."""
    width = len(str(result.hits[-1].rank)) if result.hits else 1
    for hit in result.hits:
        hanging(console, f"{hit.rank:>{width}}.", hit_lines(hit, quotes), width + 2)
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


def emit_result(
    result: SearchResult,
    *,
    as_json: bool = False,
    as_csv: bool = False,
    paths_only: bool = False,
    null: bool = False,
    count: bool = False,
    color: str = "auto",
    with_duplicates: bool = False,
    quotes: bool = False,
    out: IO[str] | None = None,
    record: Callable[[Hit], JsonObject] | None = None,
    csv_header: bool = True,
) -> None:
    """A result as a count (-c), paths (-l, -0), JSON Lines, CSV or for people
    (with ``quotes``, quotations instead of snippets).

    ``record`` makes a hit's JSON object and CSV row (the hit schema unless
    given); ``csv_header`` False continues a table another call began."""
    out = out or sys.stdout
    make = record or functools.partial(hit_json, with_duplicates=with_duplicates)
    if count:
        write_line(out, str(result.total))
    elif paths_only:
        for hit in result.hits:
            write_line(out, clean_line(hit.path), end="\0" if null else "\n")
    elif as_csv:
        rows = (make(hit) for hit in result.hits)
        write_csv(out, rows, list(make(blank_hit())), header=csv_header)
    elif as_json:
        for hit in result.hits:
            write_line(out, json_line(make(hit)))
    else:
        print_hits(make_console(color, out), result, footer=is_terminal(out), quotes=quotes)


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


def print_story(console: Console, story: Story) -> None:
    """`newsgrep show`: a metadata header, the quotations, then the whole body."""
    for line in story_header(story.hit):
        console.print(line)
    if story.hit.quotes:
        console.print()
        for quote in story.hit.quotes:
            console.print(quote_text(quote))
    console.print()
    console.print(pieces_text(story.body_pieces, clean=clean_text))


def story_header(hit: Hit) -> list[Text]:
    """A story's header as `show` prints it: title, date · source · place,
    people, reporters, URL, path; the empty fields left out."""
    lines = [pieces_text(hit.title_pieces, "bold")]
    fields = [
        (
            "",
            " · ".join(
                clean_line(p)
                for p in (hit.date.date().isoformat() if hit.date else "", hit.source, hit.place)
                if p
            ),
        ),
        ("people: ", ", ".join(hit.people)),
        ("by: ", ", ".join(hit.author)),
        ("url: ", hit.url),
    ]
    lines.extend(
        Text(name + clean_line(value), style=META_STYLE) for name, value in fields if value
    )
    lines.append(Text(clean_line(hit.path), style=PATH_STYLE))
    return lines


def write_line(stream: IO[str], line: str, end: str = "\n") -> None:
    """Write and flush one line, so `| head -3` sees each at once."""
    stream.write(line + end)
    stream.flush()
