"""The shell commands shown in README.md and docs/*.md, read from their fenced
blocks, for tests/cli/test_doc_commands.py.

How a command is recognised (CONTRIBUTING.md, "Commands in the docs"):

- In a ```` ```console ```` block, a line starting with ``$ `` is a command; the
  lines after it, up to the next ``$ `` line, are its output (stdout and stderr
  together). A line holding only ``…`` stands for lines left out; one ending
  in `` …`` for a line that goes on.
- In a ```` ```sh ```` block, every line that is neither blank nor a comment is a
  command, shown without its output.
- A shell comment on a command saying ``exit N`` gives its exit status (else 0);
  one saying ``untested: REASON`` keeps it from being run. A block whose first
  line is such a comment leaves all of its commands untested.

Blocks of any other kind are not run; ``stray_commands`` finds lines in them
that look like commands, so that a command cannot escape the test unlabelled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers.paths import DOCS, README

RUN_KINDS = ("console", "sh")
UNTESTED = re.compile(r"\buntested: *(\S.*)$")
EXIT = re.compile(r"\bexit (\d+)\b")
ELLIPSIS = "…"


@dataclass
class Command:
    """One command of a page: its line, what its doc shows, how it must end."""

    page: str
    line: int
    text: str
    output: list[str] = field(default_factory=list)
    exit_code: int = 0
    untested: str | None = None


@dataclass
class Block:
    """A fenced block: its info string, first line number and lines."""

    kind: str
    line: int
    lines: list[str]


def pages() -> list[Path]:
    """README.md and every page of docs/, in a stable order."""
    return [README, *sorted(DOCS.glob("*.md"))]


def blocks(page: Path) -> list[Block]:
    """The fenced code blocks of a Markdown page."""
    found: list[Block] = []
    current: Block | None = None
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            if current is None:
                current = Block(line[3:].strip(), number + 1, [])
            else:
                found.append(current)
                current = None
        elif current is not None:
            current.lines.append(line)
    return found


def comment(line: str) -> str:
    """The shell comment at the end of a command line ("" if none)."""
    if line.startswith("#"):
        return line
    return line.split(" # ", 1)[1] if " # " in line else ""


def _command(page: Path, number: int, text: str, whole_block: str | None) -> Command:
    note = comment(text)
    untested = UNTESTED.search(note)
    status = EXIT.search(note)
    return Command(
        page=page.name,
        line=number,
        text=text,
        exit_code=int(status.group(1)) if status else 0,
        untested=whole_block or (untested.group(1) if untested else None),
    )


def _block_untested(block: Block) -> str | None:
    first = block.lines[0] if block.lines else ""
    marker = UNTESTED.search(first) if first.startswith("#") else None
    return marker.group(1) if marker else None


def commands(page: Path) -> list[Command]:
    """Every command shown in PAGE's console and sh blocks, in page order."""
    found: list[Command] = []
    for block in blocks(page):
        if block.kind not in RUN_KINDS:
            continue
        untested = _block_untested(block)
        for offset, line in enumerate(block.lines):
            number = block.line + offset
            if block.kind == "console" and line.startswith("$ "):
                found.append(_command(page, number, line[2:], untested))
            elif block.kind == "console" and found and found[-1].line >= block.line:
                found[-1].output.append(line)
            elif block.kind == "sh" and line.strip() and not line.startswith("#"):
                found.append(_command(page, number, line, untested))
    return found


def stray_commands(page: Path) -> list[str]:
    """Lines of blocks that are not run but look like commands."""
    return [
        f"{page.name}:{block.line + offset}: {line}"
        for block in blocks(page)
        if block.kind not in RUN_KINDS
        for offset, line in enumerate(block.lines)
        if line.startswith(("$ ", "newsgrep "))
    ]
