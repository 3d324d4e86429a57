"""Ranking quality: newsgrep against plain Whoosh on judged queries.

    python benchmarks/ranking.py [--reuters DIR] [--docs N] [--depth K]

Two judged sets live in tests/data/ranking/:

* corpus.jsonl: questions about the sample corpus, judged by reading it;
* reuters.jsonl: questions about Reuters-21578 topics; the stories that the
  Reuters editors labelled with the topic are the relevant ones. The first
  ``--docs`` stories are indexed (all of them, labelled or not, so unlabelled
  stories compete as distractors).

The baseline is plain Whoosh as its documentation sets it up: BM25F with
default parameters, title and body with the default StemmingAnalyzer, a
MultifieldParser over both and OrGroup. It indexes the same title and body
text newsgrep extracts, so only the ranking differs. The figure is mean
average precision (MAP) over the top ``--depth`` hits; the ratio is the one
that counts. Queries are split into odd and even halves as well, so a change
that helps only the queries it was tuned on shows up as a gap between halves.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data" / "ranking"
CORPUS = ROOT / "corpus"
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578"

Judged = list[tuple[str, set[str]]]  # (query, relevant paths)
Ranker = Callable[[str], list[str]]


def average_precision(ranked: Sequence[str], relevant: set[str]) -> float:
    """Mean of the precision at each relevant hit, over all relevant stories."""
    if not relevant:
        return 0.0
    found, total = 0, 0.0
    for rank, path in enumerate(ranked, start=1):
        if path in relevant:
            found += 1
            total += found / rank
    return total / len(relevant)


def mean_ap(ranker: Ranker, judged: Judged) -> float:
    return sum(average_precision(ranker(q), rel) for q, rel in judged) / len(judged)


def corpus_judged() -> tuple[list[Path], Judged]:
    judged = [
        (row["query"], {str(CORPUS / f"{stem}.txt") for stem in row["relevant"]})
        for row in _rows("corpus.jsonl")
    ]
    return sorted(CORPUS.glob("*.txt")), judged


def reuters_judged(folder: Path, docs: int) -> tuple[list[Path], Judged]:
    """The first ``docs`` Reuters stories and each query's labelled stories among them."""
    topics: dict[int, set[str]] = {}
    with open(folder / "reuters21578.jsonl", encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            if story["id"] <= docs:
                topics[story["id"]] = set(story["topics"])
    paths = {i: folder / "articles" / f"{i:05d}.txt" for i in topics}
    judged = []
    for row in _rows("reuters.jsonl"):
        relevant = {str(paths[i]) for i, labels in topics.items() if labels & set(row["topics"])}
        if relevant:
            judged.append((row["query"], relevant))
    return [paths[i] for i in sorted(paths) if paths[i].exists()], judged


def _rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def whoosh_ranker(paths: list[Path], folder: Path, depth: int) -> Ranker:
    """Plain Whoosh over the same title and body text newsgrep extracts."""
    from whoosh import fields, index, qparser

    from newsgrep.indexing.stories import read_articles

    schema = fields.Schema(
        path=fields.ID(stored=True, unique=True), title=fields.TEXT(), body=fields.TEXT()
    )
    folder.mkdir(parents=True, exist_ok=True)
    ix = index.create_in(folder, schema)
    writer = ix.writer(limitmb=256)
    for path in paths:
        for article in read_articles(path):
            writer.add_document(path=article.path, title=article.title, body=article.body)
    writer.commit()
    parser = qparser.MultifieldParser(["title", "body"], ix.schema, group=qparser.OrGroup)
    searcher = ix.searcher()

    def rank(text: str) -> list[str]:
        return [hit["path"] for hit in searcher.search(parser.parse(text), limit=depth)]

    return rank


def newsgrep_ranker(paths: list[Path], folder: Path, depth: int) -> Ranker:
    import newsgrep
    from newsgrep.model import SearchOptions

    newsgrep.index_paths(paths, folder)
    options = SearchOptions(limit=depth, snippets=False)

    def rank(text: str) -> list[str]:
        return [hit.path for hit in newsgrep.search(folder, text, options).hits]

    return rank


def compare(name: str, paths: list[Path], judged: Judged, depth: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        base = whoosh_ranker(paths, Path(tmp, "whoosh"), depth)
        ours = newsgrep_ranker(paths, Path(tmp, "newsgrep"), depth)
        row = {"set": name, "stories": len(paths), "queries": len(judged)}
        for part, subset in (("all", judged), ("odd", judged[::2]), ("even", judged[1::2])):
            whoosh_map, newsgrep_map = mean_ap(base, subset), mean_ap(ours, subset)
            row[part] = (whoosh_map, newsgrep_map, newsgrep_map / whoosh_map)
    return row


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reuters", type=Path, default=REUTERS)
    parser.add_argument("--docs", type=int, default=5000, help="Reuters stories to index")
    parser.add_argument("--depth", type=int, default=1000, help="hits per query scored")
    args = parser.parse_args(argv)
    sets = [("sample corpus", *corpus_judged())]
    if args.reuters.is_dir():
        sets.append(("Reuters-21578", *reuters_judged(args.reuters, args.docs)))
    else:
        print(f"(no Reuters-21578 at {args.reuters}: sample corpus only)")
    columns = {"stories": 7, "queries": 7, "part": 5, "whoosh": 7, "newsgrep": 8, "ratio": 6}
    print(f"{'set':15} " + " ".join(f"{name:>{width}}" for name, width in columns.items()))
    for name, paths, judged in sets:
        row = compare(name, paths, judged, args.depth)
        for part in ("all", "odd", "even"):
            whoosh_map, newsgrep_map, ratio = row[part]
            print(
                f"{name:15} {row['stories']:7} {row['queries']:7} {part:>5} "
                f"{whoosh_map:7.4f} {newsgrep_map:8.4f} {ratio:6.3f}"
            )


if __name__ == "__main__":
    main()
