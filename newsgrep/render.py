"""Printing hits: for people (rich, on a terminal), for pipes (plain lines),
for programs (JSON Lines). Every string from an article is cleaned of control
sequences and handed to rich as a Text, never as markup."""

from __future__ import annotations

import json
import os
import sys
from typing import IO

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from newsgrep.safety import clean_inline, clean_line
from newsgrep.search import Hit, SearchResult
from newsgrep.snippets import Snippet

MATCH_STYLE = "bold yellow"
META_STYLE = "dim"
_C1 = {c: f"\\u{c:04x}" for c in range(0x7F, 0xA0)}


def make_console(color: str = "auto", file: IO[str] | None = None) -> Console:
    """A console that colours a terminal only; rich itself honours NO_COLOR
    and FORCE_COLOR under ``auto``, which ``always`` and ``never`` override."""
    kwargs: dict = {}
    if color == "always":
        kwargs["force_terminal"] = True
    elif color == "never":
        kwargs["color_system"] = None  # rich then writes no escape code at all
    console = Console(file=file or sys.stdout, highlight=False, markup=False,
                      emoji=False, **kwargs)
    # Pipes get whole lines: wrapping is for people at a terminal.
    console.soft_wrap = not console.is_terminal
    return console


def pieces_text(pieces: Snippet, base_style: str = "") -> Text:
    """Snippet pieces as a rich Text, matches styled, control characters gone."""
    text = Text(style=base_style)
    for piece, matched in pieces:
        text.append(clean_inline(piece), MATCH_STYLE if matched else "")
    return text


def meta_line(hit: Hit) -> str:
    """'2001-11-22 · RFE/RL · Vladimir Putin, George Robertson'."""
    parts = [hit.date.date().isoformat() if hit.date else "", hit.source, ", ".join(hit.people)]
    return " · ".join(clean_line(p) for p in parts if p)


def print_hits(console: Console, result: SearchResult) -> None:
    """Human output: rank, title, metadata, path, snippets; a footer on a terminal."""
    width = len(str(result.hits[-1].rank)) if result.hits else 1

    def indented(text: Text) -> None:
        if console.soft_wrap:  # a pipe: one whole line per field
            console.print(Text(" " * (width + 2)) + text)
        else:  # a terminal: wrapped lines keep the hanging indent
            console.print(Padding(text, (0, 0, 0, width + 2), expand=False))

    for hit in result.hits:
        title = Text(f"{hit.rank:>{width}}. ") + pieces_text(hit.title_pieces, "bold")
        console.print(title)
        meta = meta_line(hit)
        if meta:
            indented(Text(meta, style=META_STYLE))
        indented(Text(clean_line(hit.path), style="cyan"))
        for snippet in hit.snippets:
            indented(pieces_text(snippet))
        console.print()
    if console.is_terminal:
        console.print(Text(
            f"{len(result.hits)} of {result.total} stories, {result.seconds:.2f} s",
            style=META_STYLE,
        ))


def hit_json(hit: Hit) -> dict:
    """The stable JSON Lines schema of one hit (README documents it)."""
    return {
        "rank": hit.rank,
        "score": round(hit.score, 4),
        "path": clean_line(hit.path),
        "title": clean_line(hit.title),
        "date": hit.date.isoformat() if hit.date else None,
        "source": clean_line(hit.source),
        "people": [clean_line(p) for p in hit.people],
        "place": clean_line(hit.place),
        "author": [clean_line(a) for a in hit.author],
        "url": clean_line(hit.url),
        "snippet": clean_line(hit.snippet_text),
    }


def json_line(obj: dict) -> str:
    """One JSON object on one line; C1 controls escaped too, for safe `jq -r`."""
    return json.dumps(obj, ensure_ascii=False).translate(_C1)


def write_line(stream: IO[str], line: str, end: str = "\n") -> None:
    """Write and flush one line, so `| head -3` sees each at once."""
    stream.write(line + end)
    stream.flush()


def is_terminal(stream: IO[str]) -> bool:
    try:
        return os.isatty(stream.fileno())
    except (AttributeError, OSError, ValueError):
        return False
