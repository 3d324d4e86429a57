"""Whole-process latency of the commands other than a ranked search, at scale
(issue 23, goal 2): `stats`, `search '*' --by person/source/month`, `show PATH`,
`similar PATH`, `search Q --dedup -n 10` and `search Q -l`, output piped.

    python benchmarks/command_latency.py --index IX [--baseline-code DIR]
        [--baseline-index IX] [--runs 3] [--dedup-query Q] [--list-query Q]

Each command is a fresh `python -m newsgrep ...` process, timed start to last
byte. With --baseline-code (a checkout of other code, e.g. the commit
before a change) and/or --baseline-index, the same command runs on that side
too, the sides alternated; each side keeps its best of --runs, and the ratio
new / baseline is printed. The start-up floor (`python -c pass`,
`newsgrep --version`) is measured the same way. The load average is printed
before and after: the machine must be quiet for the absolute figures to mean
anything; the ratios survive some noise.

Goals at 100k long stories (issue 23): stats <= 200 ms, each --by over every
story <= 300 ms, show <= 100 ms, similar <= 300 ms, --dedup -n 10 of a query
matching about 10,000 stories <= 300 ms, -l of about 5,000 paths <= 200 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (label, arguments after `newsgrep`, goal in ms); PATH and the queries are
# filled in from the options.
COMMANDS = [
    ("python -c pass", None, None),
    ("newsgrep --version", ["--version"], None),
    ("stats", ["stats"], 200),
    ("--by person", ["search", "*", "--by", "person"], 300),
    ("--by source", ["search", "*", "--by", "source"], 300),
    ("--by month", ["search", "*", "--by", "month"], 300),
    ("show PATH", ["show", "{path}"], 100),
    ("similar PATH", ["similar", "{path}"], 300),
    ("--dedup -n 10", ["search", "{dedup}", "--dedup", "-n", "10"], 300),
    ("-l", ["search", "{list}", "-l"], 200),
]


class Side:
    """A code tree and the index it reads."""

    def __init__(self, name: str, code: Path, index: str) -> None:
        self.name, self.code, self.index = name, code, index

    def command(self, args: list[str] | None) -> list[str]:
        if args is None:
            return [sys.executable, "-c", "pass"]
        index = ["--index", self.index] if args != ["--version"] else []
        return [sys.executable, "-m", "newsgrep", *args, *index]

    def env(self) -> dict[str, str]:
        env = {**os.environ, "PYTHONPATH": str(self.code)}
        env.pop("FORCE_COLOR", None)
        return env


def once(side: Side, args: list[str] | None) -> tuple[float, float]:
    """Milliseconds of one process, its output piped and read to the end:
    (wall, CPU). CPU time (user + system) is what a loaded machine disturbs
    least; wall time is what a user waits."""
    started = time.perf_counter()
    process = subprocess.Popen(
        side.command(args),
        env=side.env(),
        cwd=side.code,  # `python -m` looks in the current folder first
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdout is not None
    while process.stdout.read(1 << 16):
        pass
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped above
    wall = (time.perf_counter() - started) * 1000
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def best(sides: list[Side], args: list[str] | None, runs: int) -> list[tuple[float, float]]:
    """Best of ``runs`` per side (wall and CPU apart), the sides alternated
    (their order reversed each round)."""
    times: list[list[tuple[float, float]]] = [[] for _ in sides]
    for round_ in range(runs):
        order = list(range(len(sides)))
        if round_ % 2:
            order.reverse()
        for i in order:
            times[i].append(once(sides[i], args))
    return [(min(w for w, _ in t), min(c for _, c in t)) for t in times]


def output(side: Side, args: list[str]) -> str:
    done = subprocess.run(
        side.command(args), env=side.env(), cwd=side.code, capture_output=True, check=False
    )
    return done.stdout.decode("utf-8", "replace")


def load() -> str:
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def fill(args: list[str] | None, values: dict[str, str]) -> list[str] | None:
    return None if args is None else [a.format(**values) for a in args]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", required=True, help="the index the new code reads")
    parser.add_argument("--baseline-code", type=Path, help="code tree of the baseline side")
    parser.add_argument("--baseline-index", help="index of the baseline side (default --index)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dedup-query", default="iran", help="matches about 10,000 stories")
    parser.add_argument("--list-query", default="climate", help="matches about 5,000 stories")
    parser.add_argument("--path", help="the story for show and similar (default: a hit's)")
    parser.add_argument("--only", nargs="*", help="labels of the commands to run")
    options = parser.parse_args()

    sides = [Side("new", ROOT, options.index)]
    if options.baseline_code or options.baseline_index:
        code = options.baseline_code or ROOT
        sides.append(Side("baseline", code, options.baseline_index or options.index))
    path = (
        options.path
        or json.loads(output(sides[0], ["search", "said", "-n", "1", "--json"]))["path"]
    )
    values = {"path": path, "dedup": options.dedup_query, "list": options.list_query}
    for name in ("dedup", "list"):
        count = output(sides[0], ["search", values[name], "-c"]).strip()
        print(f"{name} query {values[name]!r}: {count} matching stories")
    print(f"show/similar path: {path}")
    print(load())
    columns = "".join(f"{s.name + ' wall':>15}{s.name + ' cpu':>15}" for s in sides)
    ratio = "  ratio wall  ratio cpu" if len(sides) > 1 else ""
    print(f"{'command':<20}{columns}{ratio}   goal (wall)")
    for label, args, goal in COMMANDS:
        if options.only and label not in options.only:
            continue
        times = best(sides, fill(args, values), options.runs)
        line = f"{label:<20}" + "".join(f"{w:>12.0f} ms{c:>12.0f} ms" for w, c in times)
        if len(sides) > 1:
            line += f"{times[0][0] / times[1][0]:>11.2f}x{times[0][1] / times[1][1]:>10.2f}x"
        if goal:
            line += f"   <= {goal} ms {'met' if times[0][0] <= goal else 'NOT met'}"
        print(line, flush=True)
    print(load())


if __name__ == "__main__":
    main()
