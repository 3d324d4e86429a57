"""Printing counts per value (``--by``): a bar chart for people at a
terminal, tab-separated lines for pipes, JSON Lines for programs."""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.text import Text

from newsgrep.model import Bucket, Facets, IndexStats
from newsgrep.output.csv import write_csv
from newsgrep.output.jsonschema import bucket_json, json_line
from newsgrep.output.render import META_STYLE, hanging, write_line
from newsgrep.rank.facets import PERIODS
from newsgrep.safety import clean_line

BAR_STYLE = "cyan"
_EIGHTHS = " ▏▎▍▌▋▊▉"


def label(bucket: Bucket, by: str) -> str:
    if bucket.value is not None:
        return clean_line(bucket.value)
    return "(undated)" if by in PERIODS else "(none)"


def amount(bucket: Bucket) -> str:
    """'3' or, with --share, '3  12.5%'."""
    if bucket.share is None:
        return str(bucket.count)
    return f"{bucket.count}  {bucket.share:6.1%}"


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


def chart_footer(facets: Facets) -> str:
    """'7 matching stories by month, 0.01 s'."""
    return f"{facets.matched} matching stories by {facets.by}, {facets.seconds:.2f} s"


def print_table(stream: IO[str], facets: Facets) -> None:
    """Pipes: 'value<TAB>count[<TAB>share]' lines, for cut, sort and awk."""
    for bucket in facets.buckets:
        fields = [label(bucket, facets.by), str(bucket.count)]
        if bucket.share is not None:
            fields.append(f"{bucket.share:.4f}")
        write_line(stream, "\t".join(fields))


def print_json(stream: IO[str], facets: Facets) -> None:
    """{"value": "2001-11", "count": 3} per line (plus "share" with --share)."""
    for bucket in facets.buckets:
        write_line(stream, json_line(bucket_json(bucket)))


def print_csv(stream: IO[str], facets: Facets) -> None:
    """The --json objects as CSV: value, count (and share)."""
    with_share = any(bucket.share is not None for bucket in facets.buckets)
    columns = list(bucket_json(Bucket(None, 0, 0.0 if with_share else None)))
    write_csv(stream, (bucket_json(bucket) for bucket in facets.buckets), columns)


def print_stats(console: Console, stats: IndexStats) -> None:
    """`newsgrep stats` for people: one labelled line per fact."""
    dates = "no dates"
    if stats.first_date and stats.last_date:  # set together, by the same stories
        dates = f"{stats.first_date.date()} to {stats.last_date.date()}"
    if stats.undated:
        dates += f", {stats.undated} undated"
    rows = [
        ("stories", f"{stats.stories} in {stats.files} files"),
        ("dates", dates),
        ("sources", _top_line(stats.top["source"])),
        ("people", _top_line(stats.top["person"])),
        ("places", _top_line(stats.top["place"])),
        ("index", f"{stats.index} · {_size(stats.index_bytes)}"),
        ("updated", stats.updated.strftime("%Y-%m-%d %H:%M") if stats.updated else "never"),
    ]
    for name, value in rows:
        hanging(console, name, [Text(value or "-")], 9)


def _top_line(buckets: list[Bucket]) -> str:
    # The top lists have no None bucket (ranked() leaves it out).
    return " · ".join(f"{clean_line(b.value or '')} {b.count}" for b in buckets)


def _size(count: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "bytes" else f"{count:.1f} {unit}"
        count /= 1024
    return ""
