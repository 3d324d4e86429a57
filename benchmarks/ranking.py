"""Ranking quality: newsgrep against plain Whoosh on every judged collection.

    python benchmarks/ranking.py [--only NAME ...] [--docs N] [--depth K]

The judged collections, one row each in one table:

* the five classic IR collections in ../shared/corpora/ir-collections (cacm,
  cisi, cran, med, npl; SOURCE.md there): docs.jsonl, which newsgrep reads as
  JSON Lines (a document's path is ``FILE#ID``), natural-language queries and
  human judgments (CRAN graded 1-4). Queries are typed as given, punctuation
  turned into spaces, on both sides;
* Reuters-21578 topic questions (tests/data/ranking/reuters.jsonl): the
  stories the Reuters editors labelled with the topic are the relevant ones,
  among the first ``--docs`` stories, all indexed so the others compete;
* questions about the sample corpus (tests/data/ranking/corpus.jsonl),
  judged by reading it.

The baseline is plain Whoosh as its documentation sets it up: BM25F with
default parameters, title and text with Whoosh's StemmingAnalyzer, a
MultifieldParser over both with OrGroup.factory(0.9) (SOURCE.md's figures).
For news it indexes the title and body newsgrep extracts, so only the
ranking differs. newsgrep runs through its library calls (index_paths,
search). Figures: mean average precision over the first ``--depth`` hits
(any grade counts as relevant) and nDCG@10 (gain 2^grade - 1); the ratios
are what count, and the mean ratio over the five IR collections.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data" / "ranking"
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared" / "corpora"
IR_NAMES = ("cacm", "cisi", "cran", "med", "npl")
NDCG_DEPTH = 10

Grades = dict[str, int]  # relevant key (a path) -> grade
Judged = list[tuple[str, Grades]]  # (query, its relevant stories)
Ranker = Callable[[str], list[str]]
Docs = Callable[[], Iterator[tuple[str, str, str]]]  # (path, title, text) for the baseline
_PUNCTUATION = re.compile(r"[^\w\s]")


@dataclass
class Collection:
    """A judged set: what newsgrep indexes, what the baseline indexes, the queries."""

    name: str
    paths: list[Path]
    baseline_docs: Docs
    judged: Judged


# -- measures -------------------------------------------------------------------


def average_precision(ranked: Sequence[str], relevant: Grades) -> float:
    """Mean of the precision at each relevant hit, over all relevant stories."""
    if not relevant:
        return 0.0
    found, total = 0, 0.0
    for rank, path in enumerate(ranked, start=1):
        if path in relevant:
            found += 1
            total += found / rank
    return total / len(relevant)


def ndcg(ranked: Sequence[str], grades: Grades, depth: int = NDCG_DEPTH) -> float:
    """Discounted cumulative gain of the first ``depth`` hits, over the best possible."""

    def dcg(gains: Sequence[int]) -> float:
        return sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(gains[:depth]))

    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(path, 0) for path in ranked]) / ideal if ideal else 0.0


def scores(ranker: Ranker, judged: Judged) -> tuple[float, float]:
    """(MAP, mean nDCG@10) of a ranker over the judged queries."""
    rankings = [(ranker(query), grades) for query, grades in judged]
    return (
        sum(average_precision(r, g) for r, g in rankings) / len(rankings),
        sum(ndcg(r, g) for r, g in rankings) / len(rankings),
    )


# -- collections -----------------------------------------------------------------


def ir_collection(folder: Path) -> Collection:
    """A classic IR collection: docs.jsonl, queries.tsv, qrels.tsv."""
    docs = folder / "docs.jsonl"
    grades: dict[str, Grades] = {}
    for qid, doc, grade in _tsv(folder / "qrels.tsv"):
        grades.setdefault(qid, {})[f"{docs}#{doc}"] = int(grade)
    judged = [
        (_PUNCTUATION.sub(" ", text), grades[qid])
        for qid, text in _tsv(folder / "queries.tsv")
        if qid in grades
    ]

    def baseline_docs() -> Iterator[tuple[str, str, str]]:
        with open(docs, encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                yield f"{docs}#{row['id']}", row["title"], row["text"]

    return Collection(folder.name, [docs], baseline_docs, judged)


def _tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as lines:
        return [line.rstrip("\n").split("\t") for line in lines if line.strip()]


def corpus_collection() -> Collection:
    judged = [
        (row["query"], {str(CORPUS / f"{stem}.txt"): 1 for stem in row["relevant"]})
        for row in _rows("corpus.jsonl")
    ]
    paths = sorted(CORPUS.glob("*.txt"))
    return Collection("sample corpus", paths, _extracted(paths), judged)


def reuters_collection(folder: Path, docs: int) -> Collection:
    """The first ``docs`` Reuters stories and each query's labelled stories among them."""
    topics: dict[int, set[str]] = {}
    with open(folder / "reuters21578.jsonl", encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            if story["id"] <= docs:
                topics[story["id"]] = set(story["topics"])
    files = {i: folder / "articles" / f"{i:05d}.txt" for i in topics}
    judged = []
    for row in _rows("reuters.jsonl"):
        relevant = {str(files[i]): 1 for i, labels in topics.items() if labels & set(row["topics"])}
        if relevant:
            judged.append((row["query"], relevant))
    paths = [files[i] for i in sorted(files) if files[i].exists()]
    return Collection("Reuters-21578", paths, _extracted(paths), judged)


def _extracted(paths: list[Path]) -> Docs:
    """The title and body newsgrep extracts, for the baseline to index."""

    def docs() -> Iterator[tuple[str, str, str]]:
        from newsgrep.indexing.stories import read_articles

        for path in paths:
            for article in read_articles(path):
                yield article.path, article.title, article.body

    return docs


def _rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


# -- the two sides -----------------------------------------------------------------


def whoosh_ranker(collection: Collection, folder: Path, depth: int) -> tuple[Ranker, int]:
    """Plain Whoosh BM25F over title and text, OR grouping 0.9; and its document count."""
    from whoosh import fields, index, qparser
    from whoosh.analysis import StemmingAnalyzer

    schema = fields.Schema(
        path=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=StemmingAnalyzer()),
        body=fields.TEXT(analyzer=StemmingAnalyzer()),
    )
    folder.mkdir(parents=True, exist_ok=True)
    ix = index.create_in(folder, schema)
    writer = ix.writer(limitmb=256)
    for path, title, body in collection.baseline_docs():
        writer.add_document(path=path, title=title, body=body)
    writer.commit()
    parser = qparser.MultifieldParser(
        ["title", "body"], ix.schema, group=qparser.OrGroup.factory(0.9)
    )
    searcher = ix.searcher()

    def rank(text: str) -> list[str]:
        return [hit["path"] for hit in searcher.search(parser.parse(text), limit=depth)]

    return rank, ix.doc_count()


def newsgrep_ranker(collection: Collection, folder: Path, depth: int) -> Ranker:
    import newsgrep
    from newsgrep.model import SearchOptions

    newsgrep.index_paths(collection.paths, folder)
    options = SearchOptions(limit=depth, snippets=False, suggest=False)

    def rank(text: str) -> list[str]:
        return [hit.path for hit in newsgrep.search(folder, text, options).hits]

    return rank


def compare(collection: Collection, depth: int) -> tuple[int, float, float, float, float]:
    """(documents, Whoosh MAP, newsgrep MAP, Whoosh nDCG@10, newsgrep nDCG@10)."""
    with tempfile.TemporaryDirectory() as tmp:
        base_ranker, docs = whoosh_ranker(collection, Path(tmp, "whoosh"), depth)
        base = scores(base_ranker, collection.judged)
        ours = scores(newsgrep_ranker(collection, Path(tmp, "newsgrep"), depth), collection.judged)
    return docs, base[0], ours[0], base[1], ours[1]


def collections(args: argparse.Namespace) -> list[Collection]:
    found = [ir_collection(args.ir / name) for name in IR_NAMES if (args.ir / name).is_dir()]
    if (args.reuters / "articles").is_dir():
        found.append(reuters_collection(args.reuters, args.docs))
    found.append(corpus_collection())
    return [c for c in found if not args.only or c.name in args.only]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ir", type=Path, default=SHARED / "ir-collections")
    parser.add_argument("--reuters", type=Path, default=SHARED / "reuters21578")
    parser.add_argument("--docs", type=int, default=5000, help="Reuters stories to index")
    parser.add_argument("--depth", type=int, default=1000, help="hits per query scored")
    parser.add_argument("--only", nargs="*", default=[], help="collections to run (names)")
    args = parser.parse_args(argv)
    print(
        f"{'collection':14} {'docs':>6} {'queries':>7} {'MAP whoosh':>10} {'newsgrep':>8} "
        f"{'ratio':>6} {'nDCG@10 whoosh':>14} {'newsgrep':>8} {'ratio':>6}"
    )
    ratios: list[tuple[float, float]] = []
    for collection in collections(args):
        docs, whoosh_map, ours_map, whoosh_ndcg, ours_ndcg = compare(collection, args.depth)
        print(
            f"{collection.name:14} {docs:6} "
            f"{len(collection.judged):7} {whoosh_map:10.4f} {ours_map:8.4f} "
            f"{ours_map / whoosh_map:6.3f} {whoosh_ndcg:14.4f} {ours_ndcg:8.4f} "
            f"{ours_ndcg / whoosh_ndcg:6.3f}",
            flush=True,
        )
        if collection.name in IR_NAMES:
            ratios.append((ours_map / whoosh_map, ours_ndcg / whoosh_ndcg))
    if ratios:
        mean_map = sum(r[0] for r in ratios) / len(ratios)
        mean_ndcg = sum(r[1] for r in ratios) / len(ratios)
        print(
            f"mean ratio over {len(ratios)} IR collections: MAP {mean_map:.3f}, "
            f"nDCG@10 {mean_ndcg:.3f}"
        )


if __name__ == "__main__":
    main()
