"""Choose the ranking's parameters by leave-one-collection-out cross-validation.

    python benchmarks/ranking_tune.py [--cache DIR] [--rounds N] [--depth K]

Needs ../shared (the five judged IR collections). Each collection is indexed
once with newsgrep (kept in ``--cache`` between runs), its searcher stays
open and its queries are parsed once; a setting (rank/weights.py's Ranking:
k1 and b per field, the title's weight, proximity, coordination, query stop
words, the idf, pseudo-relevance feedback) is then scored in process through
the search path newsgrep.search takes (engine/whoosh/searching.py), with a
searcher whose weighting model holds the setting's BM25 parameters. Every
(setting, collection) score is computed once and kept.

The objective is the mean ratio to textbook BM25 (bm25s, benchmarks/ranking.py's
second baseline) of MAP and nDCG@10. A coordinate search starts from
RANKING and, one parameter at a time, keeps the value that raises the
objective on the collections it is tuned on. It runs five times, each time
tuned on four collections and scored on the fifth (the held-out row), and
once on all five: the setting rank/weights.py should hold.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from ranking import IR_NAMES, SHARED, Collection, bm25s_ranker, ir_collection, scores
from ranking_fast import FastIndex, ranked

from newsgrep.rank.weights import RANKING, Ranking

# The values each parameter may take (the default's own value is added).
GRID: dict[str, tuple[Any, ...]] = {
    "stop_words": (False, True),
    "lucene_idf": (False, True),
    "k1": (0.9, 1.2, 1.6),
    "body_b": (0.5, 0.75, 0.9),
    "title_b": (0.5, 0.75),
    "title_weight": (0.3, 0.6, 1.0),
    "feedback_terms": (0, 10, 25),
    "feedback_docs": (5, 10),
    "feedback_weight": (0.3, 0.6),
}
Score = tuple[float, float]  # (MAP, nDCG@10)


@dataclass
class Judged:
    """A collection ready to score settings on: its open index and bm25s's figures."""

    name: str
    searcher: Any
    queries: list[tuple[Any, dict[str, int]]]  # (parsed query, grades)
    baseline: Score


def prepare(collection: Collection, cache: Path, depth: int) -> Judged:
    import newsgrep
    from newsgrep.engine.whoosh.store import open_searcher
    from newsgrep.query.parser import parse_query

    folder = cache / collection.name
    newsgrep.index_paths(collection.paths, folder)
    baseline = scores(bm25s_ranker(collection, depth), collection.judged)
    queries = [(parse_query(text), grades) for text, grades in collection.judged]
    return Judged(collection.name, open_searcher(folder), queries, baseline)


class Scorer:
    """(MAP, nDCG@10) of a setting on a collection, each pair computed once."""

    def __init__(self, judged: list[Judged], depth: int, real: bool = False) -> None:
        self.judged = {j.name: j for j in judged}
        self.depth = depth
        self.real = real
        self.known: dict[tuple[Ranking, str], Score] = {}
        self.fast: dict[str, FastIndex] = {}

    def score(self, ranking: Ranking, name: str) -> Score:
        key = (ranking, name)
        if key not in self.known:
            self.known[key] = self._run(ranking, self.judged[name])
        return self.known[key]

    def ratio(self, ranking: Ranking, names: list[str]) -> float:
        """The objective: mean ratio to bm25s of MAP and nDCG@10 over ``names``."""
        total = 0.0
        for name in names:
            ours, base = self.score(ranking, name), self.judged[name].baseline
            total += (ours[0] / base[0] + ours[1] / base[1]) / 2
        return total / len(names)

    def _run(self, ranking: Ranking, judged: Judged) -> Score:
        """The setting's figures: ranking_fast's arrays, or with ``real``
        (and for any query that is not plain words) newsgrep's own search."""
        from whoosh.searching import Searcher

        from newsgrep.engine.whoosh.scoring import weighting

        searcher = Searcher(judged.searcher.reader(), weighting=weighting(ranking))
        if judged.name not in self.fast:
            self.fast[judged.name] = FastIndex(judged.searcher)
        fast = self.fast[judged.name]
        rankings = []
        for tree, grades in judged.queries:
            paths = None if self.real else ranked(fast, tree, ranking, self.depth, searcher)
            if paths is None:
                paths = searched(searcher, tree, ranking, self.depth)
            rankings.append((paths, grades))
        return scores(
            lambda i: rankings[int(i)][0], [(str(i), g) for i, (_, g) in enumerate(rankings)]
        )


def searched(searcher: Any, tree: Any, ranking: Ranking, depth: int) -> list[str]:
    """The paths newsgrep.search gives (its own search path, -l's hits)."""
    from newsgrep.engine.whoosh.searching import search
    from newsgrep.model import SearchOptions

    options = SearchOptions(limit=depth, snippets=False, suggest=False, paths_only=True)
    return [hit.path for hit in search(searcher, tree, options, "", ranking).hits]


def coordinate_search(scorer: Scorer, names: list[str], rounds: int) -> Ranking:
    """From RANKING, each parameter in turn set to its best value on ``names``."""
    # Coordination and proximity are decided apart, on the chosen setting
    # (late_choices): each costs Whoosh's own matchers per query and setting.
    best = replace(RANKING, coordination=0.0, proximity_weight=0.0)
    for _ in range(rounds):
        changed = False
        for name, values in GRID.items():
            options = [
                replace(best, **{name: v}) for v in dict.fromkeys((*values, getattr(best, name)))
            ]
            chosen = max(options, key=lambda r: (round(scorer.ratio(r, names), 4), r == best))
            changed |= chosen != best
            best = chosen
        if not changed:
            break
    return best


def describe(ranking: Ranking) -> str:
    """Every parameter as name=value (docs/ranking.md quotes the line; a test reads it)."""
    return ", ".join(f"{f.name}={getattr(ranking, f.name)}" for f in fields(Ranking))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ir", type=Path, default=SHARED / "ir-collections")
    parser.add_argument("--cache", type=Path, help="where the indexes stay between runs")
    parser.add_argument("--depth", type=int, default=1000, help="hits per query scored")
    parser.add_argument("--rounds", type=int, default=1, help="passes over the parameters")
    parser.add_argument(
        "--coordination", action="store_true", help="also hold out coordination (slow)"
    )
    parser.add_argument(
        "--no-feedback", action="store_true", help="leave pseudo-relevance feedback off"
    )
    args = parser.parse_args(argv)
    if args.no_feedback:
        for name in [n for n in GRID if n.startswith("feedback")]:
            del GRID[name]
    collections = [ir_collection(args.ir / n) for n in IR_NAMES if (args.ir / n).is_dir()]
    if len(collections) < 2:
        sys.exit(f"needs the judged IR collections in {args.ir}")
    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache or Path(tmp)
        started = time.perf_counter()
        scorer = Scorer([prepare(c, cache, args.depth) for c in collections], args.depth)
        names = [c.name for c in collections]
        print(f"indexed and baselines in {time.perf_counter() - started:.0f} s", flush=True)
        chosen = report(scorer, names, args.rounds)
        elapsed = time.perf_counter() - started
        print(f"{len(scorer.known)} (setting, collection) scores in {elapsed:.0f} s", flush=True)
        final = late_choices(scorer, chosen, names, args.coordination)
        print(f"the setting to ship: {describe(final)}", flush=True)


HEADER = (
    f"{'held out':10} {'MAP bm25s':>9} {'newsgrep':>8} {'ratio':>6} "
    f"{'nDCG bm25s':>10} {'newsgrep':>8} {'ratio':>6}  tuned on the other four"
)


def report(scorer: Scorer, names: list[str], rounds: int) -> Ranking:
    """The held-out table, and the setting tuned on every collection."""
    print(HEADER)
    ratios = []
    for held in names:
        chosen = coordinate_search(scorer, [n for n in names if n != held], rounds)
        ours, base = scorer.score(chosen, held), scorer.judged[held].baseline
        ratios.append((ours[0] / base[0], ours[1] / base[1]))
        print(
            f"{held:10} {base[0]:9.4f} {ours[0]:8.4f} {ratios[-1][0]:6.3f} "
            f"{base[1]:10.4f} {ours[1]:8.4f} {ratios[-1][1]:6.3f}  {describe(chosen)}",
            flush=True,
        )
    print(
        f"held-out mean ratio to bm25s: MAP {sum(r[0] for r in ratios) / len(ratios):.3f}, "
        f"nDCG@10 {sum(r[1] for r in ratios) / len(ratios):.3f}"
    )
    everywhere = coordinate_search(scorer, names, rounds)
    print(f"tuned on all {len(names)}: {describe(everywhere)}", flush=True)
    return everywhere


def late_choices(scorer: Scorer, chosen: Ranking, names: list[str], real: bool) -> Ranking:
    """The proximity bonus's weight, then (with ``real``) Whoosh's coordination
    bonus on or off, each held out the same way on the chosen setting. Both
    run Whoosh's matchers per query: proximity on the top 100 stories of
    each query, coordination on every match (its scores depend on when
    Whoosh simplifies the matcher tree, so only the real search path gives
    them)."""
    proximity = [replace(chosen, proximity_weight=w) for w in PROXIMITY_WEIGHTS]
    chosen = held_out_choice(scorer, proximity, names, "proximity_weight")
    if real:
        slow = Scorer(list(scorer.judged.values()), scorer.depth, real=True)
        slow.known.update({(chosen, n): scorer.score(chosen, n) for n in names})
        options = [chosen, replace(chosen, coordination=COORDINATION)]
        chosen = held_out_choice(slow, options, names, "coordination")
    return chosen


def held_out_choice(scorer: Scorer, options: list[Ranking], names: list[str], name: str) -> Ranking:
    """Each collection's figure under the option the other four choose; the
    option all five choose."""
    for held in names:
        rest = [n for n in names if n != held]
        pick = max(options, key=lambda r: (round(scorer.ratio(r, rest), 4), r == options[0]))
        each = ", ".join(f"{getattr(r, name)}: {scorer.ratio(r, [held]):.3f}" for r in options)
        print(
            f"{name} held out {held}: {getattr(pick, name)} "
            f"(ratio {scorer.ratio(pick, [held]):.3f}; each: {each})",
            flush=True,
        )
    best = max(options, key=lambda r: (round(scorer.ratio(r, names), 4), r == options[0]))
    print(f"{name} on all {len(names)}: {getattr(best, name)}", flush=True)
    return best


# The late choices' values: the proximity bonus's weights, the coordination
# scale tried against none (Whoosh's Or(scale=...)).
PROXIMITY_WEIGHTS = (0.0, 0.2, 0.4)
COORDINATION = 0.9


if __name__ == "__main__":
    main()
