"""newsgrep on an OpenSearch cluster against newsgrep on Whoosh, in one run.

    python benchmarks/opensearch.py [--url URL] [--limit N] [--runs N] [--only NAME ...]

URL is the cluster's base URL (default $NEWSGREP_TEST_OPENSEARCH, else the
local test cluster, http://127.0.0.1:19200: ``scripts/test-cluster start``).
Three measures, each on both engines:

* indexing speed: the first ``--limit`` Reuters-21578 articles and the first
  ``--limit`` AllSides stories (../shared/corpora), stories per second of
  ``newsgrep.index_paths`` into a fresh Whoosh folder and a fresh cluster index;
* search latency: the mixed query set of benchmarks/search_latency.py on the
  Reuters index, as whole ``newsgrep search Q`` processes (median of ``--runs``)
  and as in-process ``newsgrep.search`` calls (median of ``--runs``);
* result overlap: for every judged query of the ranking collections
  (benchmarks/ranking.py; Reuters with its first ``--limit`` stories), the
  share of the top-10 stories both engines return, how many queries have the
  same top-10 set, nDCG@10 of each engine, and how many queries each engine
  refused (whoosh/opensearch; a refused query counts as an empty ranking).

Cluster indexes are named newsgrep-bench-* and deleted at the end.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# This folder's scripts, run as scripts: the query set and the judged collections.
import ranking  # noqa: E402
from search_latency import QUERIES, timed  # noqa: E402

from newsgrep.errors import NewsgrepError  # noqa: E402
from tests.helpers.cluster import delete_index, fresh_index_name  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpora"
REUTERS = SHARED / "reuters21578"
ALLSIDES = SHARED / "allsides-news" / "stories.jsonl.gz"
TOP = 10


class Engines:
    """A Whoosh folder and a cluster index per name; cluster indexes deleted on close."""

    def __init__(self, url: str, folder: Path) -> None:
        self.url, self.folder = url, folder
        self.made: list[str] = []

    def pair(self, name: str) -> dict[str, str]:
        index = fresh_index_name(f"bench-{name}")
        self.made.append(index)
        return {"whoosh": str(self.folder / name), "opensearch": f"{self.url}/{index}"}

    def close(self) -> None:
        for index in self.made:
            delete_index(self.url, index)


@contextmanager
def engines(url: str) -> Iterator[Engines]:
    with tempfile.TemporaryDirectory(prefix="newsgrep-opensearch-bench-") as tmp:
        made = Engines(url, Path(tmp))
        try:
            yield made
        finally:
            made.close()


# -- inputs ---------------------------------------------------------------------


def reuters_files(limit: int) -> list[Path]:
    return sorted((REUTERS / "articles").glob("*.txt"))[:limit]


def allsides_lines(limit: int, folder: Path) -> list[Path]:
    """The first LIMIT AllSides stories as one JSON Lines file in FOLDER."""
    path = folder / "allsides.jsonl"
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as stories, open(path, "w") as out:
        for number, line in enumerate(stories):
            if number >= limit:
                break
            out.write(line)
    return [path]


# -- measures -------------------------------------------------------------------


def indexing_speed(paths: list[Path], location: str) -> tuple[int, float]:
    """(stories indexed, stories per second) of one fresh indexing run."""
    import newsgrep

    started = time.perf_counter()
    report = newsgrep.index_paths(paths, location)
    return report.indexed, report.indexed / (time.perf_counter() - started)


def latencies(location: str, runs: int) -> list[tuple[str, float, float]]:
    """(label, process median ms, in-process median ms) per query of the set."""
    import newsgrep

    rows = []
    for label, query, _, _ in QUERIES:
        command = [sys.executable, "-m", "newsgrep", "search", query, "--index", location]
        process = timed(command, runs)
        calls = []
        for _ in range(runs):
            started = time.perf_counter()
            newsgrep.search(location, query)
            calls.append((time.perf_counter() - started) * 1000)
        rows.append((label, process, statistics.median(calls)))
    return rows


def overlap(collection: ranking.Collection, pair: dict[str, str]) -> tuple[float, int, dict, dict]:
    """(mean share of shared top-10 stories, queries with the same top-10 set,
    nDCG@10 per engine, failed queries per engine) over the collection's judged
    queries. Indexes the collection on both engines first. A query an engine
    refuses counts as an empty ranking for it, and is counted."""
    rankers = {
        engine: ranking.newsgrep_ranker(collection, where, TOP) for engine, where in pair.items()
    }
    shared, same = [], 0
    tops: dict[str, list[list[str]]] = {engine: [] for engine in pair}
    failed = dict.fromkeys(pair, 0)
    for query, _ in collection.judged:
        found = {}
        for engine, rank in rankers.items():
            try:
                found[engine] = rank(query)
            except NewsgrepError:
                found[engine] = []
                failed[engine] += 1
            tops[engine].append(found[engine])
        a, b = set(found["whoosh"]), set(found["opensearch"])
        shared.append(len(a & b) / max(len(a), len(b), 1))
        same += a == b
    grades = [grades for _, grades in collection.judged]
    ndcg = {engine: statistics.mean(map(ranking.ndcg, tops[engine], grades)) for engine in pair}
    return statistics.mean(shared), same, ndcg, failed


# -- report ---------------------------------------------------------------------


def report_indexing(made: Engines, limit: int, tmp: Path) -> str:
    """Index both corpora on both engines; returns the Reuters cluster index."""
    print(f"{'indexing':<12}{'stories':>8}{'whoosh':>12}{'opensearch':>12}{'ratio':>7}")
    corpora = {"reuters": reuters_files(limit), "allsides": allsides_lines(limit, tmp)}
    reuters_pair: dict[str, str] = {}
    for name, paths in corpora.items():
        pair = made.pair(name)
        stories, whoosh_rate = indexing_speed(paths, pair["whoosh"])
        _, cluster_rate = indexing_speed(paths, pair["opensearch"])
        print(
            f"{name:<12}{stories:>8}{whoosh_rate:>8.0f}/s  {cluster_rate:>8.0f}/s  "
            f"{cluster_rate / whoosh_rate:>6.2f}",
            flush=True,
        )
        reuters_pair = reuters_pair or pair
    return reuters_pair


def report_latency(pair: dict[str, str], runs: int) -> None:
    print(
        f"\n{'latency (median)':<16}{'whoosh process':>15}{'call':>8}"
        f"{'opensearch process':>20}{'call':>8}"
    )
    whoosh = latencies(pair["whoosh"], runs)
    cluster = latencies(pair["opensearch"], runs)
    for (label, w_process, w_call), (_, c_process, c_call) in zip(whoosh, cluster, strict=True):
        print(
            f"{label:<16}{w_process:>13.0f}ms{w_call:>6.0f}ms{c_process:>18.0f}ms{c_call:>6.0f}ms"
        )


def report_overlap(made: Engines, args: argparse.Namespace) -> None:
    import newsgrep

    print(
        f"\n{'top-10 overlap':<16}{'docs':>6}{'queries':>8}{'shared':>8}{'same set':>9}"
        f"{'nDCG@10 whoosh':>15}{'opensearch':>11}{'failed':>8}"
    )
    choice = argparse.Namespace(
        ir=SHARED / "ir-collections", reuters=REUTERS, docs=args.limit, only=args.only
    )
    for collection in ranking.collections(choice):
        pair = made.pair(collection.name.split()[0].lower().replace("-", ""))
        shared, same, ndcg, failed = overlap(collection, pair)
        stories = newsgrep.index_stats(pair["whoosh"]).stories
        print(
            f"{collection.name:<16}{stories:>6}{len(collection.judged):>8}"
            f"{shared:>8.2f}{same:>5}/{len(collection.judged):<3}"
            f"{ndcg['whoosh']:>15.4f}{ndcg['opensearch']:>11.4f}"
            f"{failed['whoosh']:>4}/{failed['opensearch']}",
            flush=True,
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_url = os.environ.get("NEWSGREP_TEST_OPENSEARCH", "http://127.0.0.1:19200")
    parser.add_argument("--url", default=default_url.rstrip("/"), help="the cluster's base URL")
    parser.add_argument("--limit", type=int, default=2000, help="stories taken from each corpus")
    parser.add_argument("--runs", type=int, default=5, help="runs per latency median")
    parser.add_argument("--only", nargs="*", default=[], help="ranking collections (names)")
    args = parser.parse_args(argv)
    if not (REUTERS / "articles").is_dir() or not ALLSIDES.is_file():
        sys.exit(f"the shared corpora are not at {SHARED}")
    os.chdir(ROOT)
    with engines(args.url) as made, tempfile.TemporaryDirectory() as tmp:
        reuters_pair = report_indexing(made, args.limit, Path(tmp))
        report_latency(reuters_pair, args.runs)
        report_overlap(made, args)


if __name__ == "__main__":
    main()
