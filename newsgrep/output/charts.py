"""Counts per value (``--by``) as a bar chart, and `stats`, for people at a
terminal or in colour (rich); pipes and programs get output/tables.py."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from newsgrep.model import Facets, IndexStats
from newsgrep.output.lines import META_STYLE
from newsgrep.output.render import hanging
from newsgrep.output.tables import STATS_INDENT, amount, chart_footer, label, stats_rows

BAR_STYLE = "cyan"
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(fraction: float, width: int) -> str:
    """A horizontal bar in eighths of a character; never empty above zero."""
    eighths = round(fraction * width * 8)
    if fraction > 0:
        eighths = max(eighths, 1)
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def print_chart(console: Console, facets: Facets, footer: bool = False) -> None:
    """One line per value: label, bar scaled to the largest, count (and share)."""
    for line in chart_lines(facets, console.width):
        console.print(line, no_wrap=True, crop=True)
    if footer and facets.buckets:
        console.print(Text(chart_footer(facets), style=META_STYLE))


def chart_lines(facets: Facets, width: int) -> list[Text]:
    """The chart's lines for ``width`` columns: label, count, bar scaled to the largest."""
    buckets = facets.buckets
    if not buckets:
        return []
    labels = [label(b, facets.by) for b in buckets]
    amounts = [amount(b) for b in buckets]
    label_width = max(len(x) for x in labels)
    amount_width = max(len(x) for x in amounts)
    bar_width = max(10, width - label_width - amount_width - 4)
    sizes = [b.share if b.share is not None else b.count for b in buckets]
    largest = max(sizes) or 1
    lines = []
    for name, size, figure in zip(labels, sizes, amounts, strict=True):
        line = Text(name.ljust(label_width) + "  ")
        line.append(figure.rjust(amount_width) + "  ", style="bold" if size else META_STYLE)
        line.append(bar(size / largest, bar_width), style=BAR_STYLE)
        lines.append(line)
    return lines


def print_stats(console: Console, stats: IndexStats) -> None:
    """`newsgrep stats` for people: one labelled line per fact."""
    for name, value in stats_rows(stats):
        hanging(console, name, [Text(value)], STATS_INDENT)
