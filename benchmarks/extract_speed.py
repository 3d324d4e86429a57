"""How fast metadata extraction runs: milliseconds per KB of story text for
all of build_article (layout, title, dates, dateline, source, place, people,
authors, quotations), on Reuters-21578 and AllSides (issue 22: <= 0.1 ms/KB).

The stories are read first (newsgrep.readers.read_file, as `newsgrep index`
reads them), so only extraction is timed: one process, best of three runs,
wall and CPU time, load average before and after. Beside it, in the same
run, a baseline that survives a different machine: one pass of a compiled
word pattern over the same text (``re.findall(r"\\w+")``), the least any
extraction that reads every word costs; the ratio is printed.

Then, once, untimed by the best of three: the share of each stage (CPU
timers wrapped around the calls build_article makes) and how many regular
expressions were compiled while extracting (``re``'s cache, emptied before:
patterns are compiled at import, never per story).

Usage: python benchmarks/extract_speed.py [--limit N] [--corpora DIR] [--runs 3]
Skips with a message when the shared corpora are absent.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from golden_extract import CORPORA, raw_stories  # noqa: E402

from newsgrep.extract import article as article_module  # noqa: E402
from newsgrep.extract.article import build_article  # noqa: E402
from newsgrep.model import RawStory  # noqa: E402

GOAL_MS_PER_KB = 0.1
_WORD = re.compile(r"\w+")
# The calls build_article makes, each a stage of the breakdown.
_STAGES = ("split_article", "parse_dateline", "_story_date", "_people", "find_quotes")

Stories = list[tuple[str, RawStory]]


def load(corpus: str, limit: int, corpora: Path) -> tuple[Stories, float]:
    """The first ``limit`` stories of ``corpus`` and their text's size in KB."""
    stories = list(raw_stories(corpus, limit, corpora))
    return stories, sum(len(raw.text.encode()) for _, raw in stories) / 1024


def extract(stories: Stories) -> None:
    for path, raw in stories:
        build_article(path, raw)


def scan(stories: Stories) -> None:
    for _, raw in stories:
        _WORD.findall(raw.text)


def timed_runs(stories: Stories, runs: int) -> dict[str, tuple[float, float]]:
    """Best wall and best CPU seconds of extraction and of the word scan, the
    two run in turn, the side that goes first alternated."""
    sides: dict[str, Callable[[Stories], None]] = {"ours": extract, "scan": scan}
    times: dict[str, list[tuple[float, float]]] = {side: [] for side in sides}
    for i in range(runs):
        for side in sorted(sides, reverse=bool(i % 2)):
            wall, cpu = time.perf_counter(), time.process_time()
            sides[side](stories)
            times[side].append((time.perf_counter() - wall, time.process_time() - cpu))
    return {side: (min(w for w, _ in got), min(c for _, c in got)) for side, got in times.items()}


@contextmanager
def stage_timers(totals: dict[str, float]) -> Iterator[None]:
    """Wrap the calls build_article makes so that each adds its time to ``totals``."""
    originals = {name: getattr(article_module, name) for name in _STAGES}

    def timed(name: str, call: Callable) -> Callable:
        def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            start = time.process_time()
            try:
                return call(*args, **kwargs)
            finally:
                totals[name] += time.process_time() - start

        return wrapper

    for name, call in originals.items():
        setattr(article_module, name, timed(name, call))
    try:
        yield
    finally:
        for name, call in originals.items():
            setattr(article_module, name, call)


def breakdown(stories: Stories) -> tuple[dict[str, float], float, int]:
    """CPU seconds per stage, the whole, and patterns compiled while extracting."""
    totals: dict[str, float] = defaultdict(float)
    re.purge()
    with stage_timers(totals):
        start = time.process_time()
        extract(stories)
        whole = time.process_time() - start
    return totals, whole, len(re._cache)  # type: ignore[attr-defined]


def report(corpus: str, stories: Stories, kb: float, runs: int) -> float:
    extract(stories[:200])  # warm up: word lists and caches load once per process
    best = timed_runs(stories, runs)
    ours, baseline = best["ours"], best["scan"]
    ms_per_kb = ours[1] * 1000 / kb
    print(
        f"\n{corpus}: {len(stories)} stories, {kb / 1024:.1f} MB of text "
        f"({kb / len(stories):.1f} KB a story), best of {runs}"
    )
    print(f"  build_article   wall {ours[0]:7.2f} s   CPU {ours[1]:7.2f} s")
    print(f"  word scan       wall {baseline[0]:7.2f} s   CPU {baseline[1]:7.2f} s")
    print(
        f"  ms per KB (CPU) {ms_per_kb:.3f}   goal {GOAL_MS_PER_KB}   "
        f"{'met' if ms_per_kb <= GOAL_MS_PER_KB else 'NOT met'}"
    )
    print(f"  ratio build_article / word scan (CPU) {ours[1] / baseline[1]:.1f}")
    totals, whole, compiled = breakdown(stories)
    print(f"  stages (one run, CPU {whole:.2f} s):")
    for name in _STAGES:
        print(f"    {name:<15} {totals[name]:7.2f} s  {100 * totals[name] / whole:5.1f}%")
    rest = whole - sum(totals.values())
    print(f"    {'the rest':<15} {rest:7.2f} s  {100 * rest / whole:5.1f}%")
    print(f"  patterns compiled while extracting (re's cache): {compiled}")
    return ms_per_kb


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=3000, help="stories of each corpus")
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="the shared corpora")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", choices=("reuters", "allsides"), action="append")
    args = parser.parse_args(argv)
    if not args.corpora.is_dir():
        print(f"skipped: {args.corpora} is not here")
        return 0
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for corpus in args.corpus or ("reuters", "allsides"):
        stories, kb = load(corpus, args.limit, args.corpora)
        report(corpus, stories, kb, args.runs)
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
