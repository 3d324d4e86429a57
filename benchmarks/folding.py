"""The cost of folding near-duplicates: the default ranked list (the page's
top hits fingerprinted) against --dedup (every match) and no folding, in
the same run.

    python benchmarks/folding.py [--articles DIR] [--index DIR] [--runs N]

Indexes the Reuters-21578 articles with newsgrep (or reuses ``--index``) and
times ``newsgrep.search`` in-process, top 10 with snippets, each way
alternately, best of ``--runs``. Prints milliseconds and each folding's
time over no folding's.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from proximity import best_of, indexed, timing_arguments  # noqa: E402  (this folder, run as a script)

QUERIES = ["oil", "oil prices", "bank", "said"]  # common words: many matches


def main(argv: list[str] | None = None) -> None:
    import newsgrep
    from newsgrep.model import SearchOptions

    args = timing_arguments(__doc__, argv, runs=3)
    ways = {
        "no folding": SearchOptions(suggest=False),
        "page folded": SearchOptions(suggest=False, fold_page=True),
        "--dedup": SearchOptions(suggest=False, dedup=True),
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = indexed(args, tmp)
        print(f"{'query':12} {'matches':>7} " + " ".join(f"{way:>12}" for way in ways) + "  ratios")
        for text in QUERIES:
            times = best_of(
                args.runs,
                {
                    way: lambda options=options, text=text: newsgrep.search(folder, text, options)
                    for way, options in ways.items()
                },
            )
            matches = newsgrep.search(folder, text, ways["no folding"]).total
            page, everything = (
                times[way] / times["no folding"] for way in ("page folded", "--dedup")
            )
            print(
                f"{text:12} {matches:7} "
                + " ".join(f"{times[way] * 1000:10.1f}ms" for way in ways)
                + f"  page {page:.2f}, --dedup {everything:.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
