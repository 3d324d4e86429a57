"""Counts per value (``--by``) and `stats` without rich: tab-separated lines
and labelled rows for pipes, JSON Lines and CSV for programs. The bar chart
and `stats` at a terminal are :mod:`newsgrep.output.charts` (rich), which a
pipe does not import (about 25 ms of a command's start)."""

from __future__ import annotations

from typing import IO

from newsgrep.model import Bucket, Facets, IndexStats
from newsgrep.output.csv import write_csv
from newsgrep.output.jsonschema import bucket_json, json_line
from newsgrep.rank.facets import PERIODS
from newsgrep.safety import clean_line

STATS_INDENT = 9  # the width of a stats row's label


def label(bucket: Bucket, by: str) -> str:
    if bucket.value is not None:
        return clean_line(bucket.value)
    return "(undated)" if by in PERIODS else "(none)"


def amount(bucket: Bucket) -> str:
    """'3' or, with --share, '3  12.5%'."""
    if bucket.share is None:
        return str(bucket.count)
    return f"{bucket.count}  {bucket.share:6.1%}"


def chart_footer(facets: Facets) -> str:
    """'7 matching stories by month, 0.01 s'."""
    return f"{facets.matched} matching stories by {facets.by}, {facets.seconds:.2f} s"


def print_table(stream: IO[str], facets: Facets) -> None:
    """Pipes: 'value<TAB>count[<TAB>share]' lines, for cut, sort and awk."""
    lines = []
    for bucket in facets.buckets:
        fields = [label(bucket, facets.by), str(bucket.count)]
        if bucket.share is not None:
            fields.append(f"{bucket.share:.4f}")
        lines.append("\t".join(fields) + "\n")
    _write_all(stream, lines)


def print_json(stream: IO[str], facets: Facets) -> None:
    """{"value": "2001-11", "count": 3} per line (plus "share" with --share)."""
    _write_all(stream, [json_line(bucket_json(bucket)) + "\n" for bucket in facets.buckets])


def _write_all(stream: IO[str], lines: list[str]) -> None:
    """Every line at once: the counts are all known before the first is
    printed, and a flush per line was a system call per value (tens of
    thousands of people at 100k stories)."""
    stream.write("".join(lines))
    stream.flush()


def print_csv(stream: IO[str], facets: Facets) -> None:
    """The --json objects as CSV: value, count (and share)."""
    with_share = any(bucket.share is not None for bucket in facets.buckets)
    columns = list(bucket_json(Bucket(None, 0, 0.0 if with_share else None)))
    write_csv(stream, (bucket_json(bucket) for bucket in facets.buckets), columns)


def stats_rows(stats: IndexStats) -> list[tuple[str, str]]:
    """`newsgrep stats` for people: one (label, fact) row per fact ("-" for none)."""
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
        ("index", f"{clean_line(stats.index)} · {_size(stats.index_bytes)}"),
        ("updated", stats.updated.strftime("%Y-%m-%d %H:%M") if stats.updated else "never"),
    ]
    return [(name, value or "-") for name, value in rows]


def write_stats(stream: IO[str], stats: IndexStats) -> None:
    """The rows as charts.print_stats prints them to a pipe without colour."""
    for name, value in stats_rows(stats):
        stream.write(name.ljust(STATS_INDENT) + value + "\n")
    stream.flush()


def _top_line(buckets: list[Bucket]) -> str:
    # The top lists have no None bucket (ranked() leaves it out).
    return " · ".join(f"{clean_line(b.value or '')} {b.count}" for b in buckets)


def _size(count: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "bytes" else f"{count:.1f} {unit}"
        count /= 1024
    return ""
