"""A search's result, or `show`'s stories, on stdout in the form asked for:
a count (-c), paths (-l, -0), JSON Lines, CSV, or for people.

For people at a terminal, or in colour, rich prints (output/render.py); a
pipe without colour gets the same characters written directly, so that a
piped search does not import rich (about 25 ms of its start)."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import IO

from newsgrep.model import Hit, SearchResult, Story
from newsgrep.output.csv import blank_hit, write_csv
from newsgrep.output.jsonschema import JsonObject, hit_json, json_line
from newsgrep.output.lines import (
    hit_lines,
    is_terminal,
    plain,
    story_lines,
    wants_color,
    write_line,
)
from newsgrep.safety import clean_line


def plain_wanted(color: str, out: IO[str]) -> bool:
    """No terminal and no colour: whole lines, no escape codes."""
    return not is_terminal(out) and not wants_color(color, out)


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
        # At once, as the JSON lines below: every hit is known before the
        # first is printed, and a flush per path was a system call each.
        end = "\0" if null else "\n"
        out.write("".join(clean_line(hit.path) + end for hit in result.hits))
        out.flush()
    elif as_csv:
        rows = (make(hit) for hit in result.hits)
        write_csv(out, rows, list(make(blank_hit())), header=csv_header)
    elif as_json:
        out.write("".join(json_line(make(hit)) + "\n" for hit in result.hits))
        out.flush()
    elif plain_wanted(color, out):
        write_hits(out, result, quotes)
    else:
        from newsgrep.output.render import make_console, print_hits

        print_hits(make_console(color, out), result, footer=is_terminal(out), quotes=quotes)


def write_hits(out: IO[str], result: SearchResult, quotes: bool = False) -> None:
    """Hits as render.print_hits prints them to a pipe: each line whole, behind
    the rank's indent; a blank line after each hit."""
    width = len(str(result.hits[-1].rank)) if result.hits else 1
    for hit in result.hits:
        label = f"{hit.rank:>{width}}."
        for styled in hit_lines(hit, quotes):
            out.write(label.ljust(width + 2) + plain(styled) + "\n")
            label = ""
        write_line(out, "")


def story_printer(color: str, out: IO[str] | None = None) -> Callable[[Story], None]:
    """What prints one story for people, a blank line between two; rich for
    a terminal, colour, or a tab in the text (rich expands tabs to its stops)."""
    stream = out or sys.stdout
    shown = 0

    def print_story(story: Story) -> None:
        nonlocal shown
        if shown:
            stream.write("\n")
        shown += 1
        if plain_wanted(color, stream):
            text = [plain(styled) for styled in story_lines(story)]
            if not any("\t" in piece for piece in text):
                stream.write("".join(piece + "\n" for piece in text))
                stream.flush()
                return
        from newsgrep.output.render import make_console
        from newsgrep.output.render import print_story as rich_story

        rich_story(make_console(color, stream), story)

    return print_story
