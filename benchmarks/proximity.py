"""The proximity bonus's cost: one pass over every match against a second
pass over the top candidates, in the same run.

    python benchmarks/proximity.py [--articles DIR] [--index DIR] [--runs N]

Indexes the Reuters-21578 articles with newsgrep (or reuses ``--index``),
then times multi-word queries in-process on one open searcher:

- one pass: the words' query and the proximity bonus ORed into one Whoosh
  query, so span matching runs over every story that holds a word pair
  (how newsgrep scored proximity before);
- two passes: the words' query for the top PROXIMITY_CANDIDATES hits, then
  the bonus scored on those only (how newsgrep scores it now);
- newsgrep.search: the whole library call (top 10, snippets), for scale.

Each side runs alternately, best of ``--runs``. Prints milliseconds, the
ratio one pass / two passes, and how many of the top 10 the two share.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARTICLES = ROOT.parent / "shared" / "corpora" / "reuters21578" / "articles"
QUERIES = [
    "oil prices",
    "interest rates rise",
    "trade deficit with japan",
    "bank loans to brazil",
    "what did opec say about oil production quotas",
]
TOP = 10


def best_of(runs: int, sides: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The fastest of ``runs`` calls of each side, in seconds, sides alternating."""
    best = dict.fromkeys(sides, float("inf"))
    for _ in range(runs):
        for name, call in sides.items():
            started = time.perf_counter()
            call()
            best[name] = min(best[name], time.perf_counter() - started)
    return best


def measure(folder: Path, text: str, runs: int) -> tuple[int, dict[str, float], int]:
    """(matches, best times per side, top-10 overlap of one pass and two)."""
    from whoosh import query as q

    import newsgrep
    from newsgrep.engine.whoosh.compile import compile_query, proximity_query
    from newsgrep.engine.whoosh.proximity import add_proximity, candidates
    from newsgrep.engine.whoosh.store import open_searcher
    from newsgrep.model import SearchOptions
    from newsgrep.query.parser import parse_query

    tree = parse_query(text)
    with open_searcher(folder) as searcher:
        first = compile_query(tree, searcher.schema)
        bonus = proximity_query(tree, searcher.schema)
        together = q.Or([first, bonus]) if bonus is not None else first

        def one_pass() -> list[int]:
            return [hit.docnum for hit in searcher.search(together, limit=TOP)]

        def two_passes() -> list[int]:
            results = searcher.search(first, limit=candidates(TOP))
            if bonus is not None:
                add_proximity(searcher, results, bonus, TOP)
            return [hit.docnum for hit in results][:TOP]

        times = best_of(
            runs,
            {
                "one pass": one_pass,
                "two passes": two_passes,
                "newsgrep.search": lambda: newsgrep.search(
                    folder, text, SearchOptions(limit=TOP, suggest=False)
                ),
            },
        )
        matches = len(searcher.search(first, limit=1))
        return matches, times, len(set(one_pass()) & set(two_passes()))


def timing_arguments(doc: str, argv: list[str] | None, runs: int) -> argparse.Namespace:
    """--articles, --index and --runs, as the in-process timing scripts take them."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--index", type=Path, help="an index of the articles to reuse")
    parser.add_argument("--runs", type=int, default=runs)
    return parser.parse_args(argv)


def indexed(args: argparse.Namespace, tmp: str) -> Path:
    """``--index``, or a fresh index of ``--articles`` in ``tmp``."""
    import newsgrep

    folder = args.index or Path(tmp, "index")
    if not folder.is_dir():
        newsgrep.index_paths([args.articles], folder)
    return folder


def main(argv: list[str] | None = None) -> None:
    args = timing_arguments(__doc__, argv, runs=5)
    with tempfile.TemporaryDirectory() as tmp:
        folder = indexed(args, tmp)
        print(
            f"{'query':48} {'matches':>7} {'one pass':>9} {'two passes':>10} "
            f"{'ratio':>6} {'top-10 shared':>13} {'newsgrep.search':>15}"
        )
        for text in QUERIES:
            matches, times, shared = measure(folder, text, args.runs)
            print(
                f"{text:48} {matches:7} {times['one pass'] * 1000:7.1f}ms "
                f"{times['two passes'] * 1000:8.1f}ms "
                f"{times['one pass'] / times['two passes']:6.2f} {shared:13} "
                f"{times['newsgrep.search'] * 1000:13.1f}ms",
                flush=True,
            )


if __name__ == "__main__":
    main()
