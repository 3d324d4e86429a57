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

Two baselines, each in the same run: textbook BM25 (bm25s 0.3.16 with its
English stop words and PyStemmer's Snowball stemmer, title and text as one
field, top ``--depth``; ``pip install -e '.[bench]'``), and plain Whoosh as
its documentation sets it up: BM25F with
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


def bm25s_ranker(collection: Collection, depth: int) -> Ranker:
    """Textbook BM25 (bm25s 0.3.16, Lucene's variant, k1 1.5, b 0.75): English
    stop words, PyStemmer's Snowball stemmer, title and text as one field."""
    import bm25s
    import Stemmer

    stemmer = Stemmer.Stemmer("english")
    docs = list(collection.baseline_docs())
    keys = [path for path, _, _ in docs]
    tokens = bm25s.tokenize(
        [f"{title} {text}" for _, title, text in docs],
        stopwords="en",
        stemmer=stemmer,
        show_progress=False,
    )
    model = bm25s.BM25()
    model.index(tokens, show_progress=False)
    vocabulary = tokens.vocab

    def rank(text: str) -> list[str]:
        words = bm25s.tokenize(
            text, stopwords="en", stemmer=stemmer, return_ids=False, show_progress=False
        )[0]
        known = [word for word in words if word in vocabulary]
        if not known:
            return []
        found, points = model.retrieve(
            [known], k=min(depth, len(keys)), show_progress=False, n_threads=1
        )
        return [keys[i] for i, score in zip(found[0], points[0], strict=True) if score > 0]

    return rank


def newsgrep_ranker(collection: Collection, folder: Path, depth: int) -> Ranker:
    import newsgrep
    from newsgrep.model import SearchOptions

    newsgrep.index_paths(collection.paths, folder)
    options = SearchOptions(limit=depth, snippets=False, suggest=False)

    def rank(text: str) -> list[str]:
        return [hit.path for hit in newsgrep.search(folder, text, options).hits]

    return rank


@dataclass
class Row:
    """One collection's figures: (MAP, nDCG@10) of each side."""

    docs: int
    whoosh: tuple[float, float]
    bm25s: tuple[float, float]
    newsgrep: tuple[float, float]


def compare(collection: Collection, depth: int, textbook: bool = True) -> Row:
    """Plain Whoosh, bm25s (without ``textbook``: not run, NaN) and newsgrep on one collection."""
    with tempfile.TemporaryDirectory() as tmp:
        base_ranker, docs = whoosh_ranker(collection, Path(tmp, "whoosh"), depth)
        base = scores(base_ranker, collection.judged)
        nothing = (math.nan, math.nan)
        textbook_scores = (
            scores(bm25s_ranker(collection, depth), collection.judged) if textbook else nothing
        )
        ours = scores(newsgrep_ranker(collection, Path(tmp, "newsgrep"), depth), collection.judged)
    return Row(docs, base, textbook_scores, ours)


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
        f"{'collection':14} {'docs':>6} {'queries':>7} | MAP {'whoosh':>6} {'bm25s':>6} "
        f"{'newsgrep':>8} {'x whoosh':>8} {'x bm25s':>7} | nDCG@10 {'whoosh':>6} {'bm25s':>6} "
        f"{'newsgrep':>8} {'x whoosh':>8} {'x bm25s':>7}"
    )
    ratios: list[tuple[float, float, float, float]] = []
    for collection in collections(args):
        row = compare(collection, args.depth)
        print(f"{collection.name:14} {row.docs:6} {len(collection.judged):7} | " + _cells(row))
        if collection.name in IR_NAMES:
            ratios.append(
                tuple(row.newsgrep[i] / side[i] for i in (0, 1) for side in (row.whoosh, row.bm25s))
            )
    if ratios:
        mean = [sum(r[i] for r in ratios) / len(ratios) for i in range(4)]
        print(
            f"mean ratio over {len(ratios)} IR collections: MAP {mean[0]:.3f} x whoosh, "
            f"{mean[1]:.3f} x bm25s; nDCG@10 {mean[2]:.3f} x whoosh, {mean[3]:.3f} x bm25s"
        )


def _cells(row: Row) -> str:
    """MAP then nDCG@10: each side's figure and newsgrep's ratios to the two baselines."""
    cells = []
    for i, label in ((0, "MAP"), (1, "nDCG@10")):
        whoosh, bm25s, ours = row.whoosh[i], row.bm25s[i], row.newsgrep[i]
        cells.append(
            f"{'':{len(label)}} {whoosh:6.4f} {bm25s:6.4f} {ours:8.4f} "
            f"{ours / whoosh:8.3f} {ours / bm25s:7.3f}"
        )
    return " | ".join(cells)


if __name__ == "__main__":
    main()
