"""End-to-end search latency: whole `newsgrep` processes, start to last byte,
output piped, against plain Whoosh and ripgrep in the same run.

    python benchmarks/search_latency.py [--articles DIR] [--runs N] [--keep DIR]
    python benchmarks/search_latency.py --corpus /data/as100k --index IX --keep DIR

Without ``--index``: builds (in a temporary folder, or ``--keep``) a newsgrep
index and a plain Whoosh index of the Reuters-21578 articles. With
``--corpus`` and ``--index``: the scale run, on an index of those stories
built beforehand (``newsgrep index CORPUS --index IX``); plain Whoosh's index
of the same stories is built in ``--keep`` once and reused.

Each row of the mixed set is timed as a fresh process:

- newsgrep: `python -m newsgrep search ... --index IX` (top 10 with
  snippets, or the row's -c, -l, --by, --sort, --dedup; `similar PATH`);
- plain Whoosh: a script as Whoosh's documentation teaches (open_dir,
  MultifieldParser over title and body, top 10 with `highlights()`) on the
  row's words;
- ripgrep: `rg -i -l PATTERN` over the raw files.

Sides alternate (their order turns each round) and each keeps the best of
``--runs`` (3); the load average is printed before and after. Targets (issue
23): every row <= 150 ms at 100k stories (similar, --dedup -n 10 <= 300 ms,
-l of 5,000 paths <= 200 ms), median newsgrep/whoosh <= 0.5, a one-word
query faster than rg on Reuters-21578.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT.parent / "shared" / "corpora" / "reuters21578" / "articles"


class Row(NamedTuple):
    label: str
    newsgrep: list[str]  # arguments after `python -m newsgrep`
    whoosh: str | None  # plain Whoosh's query (None: no counterpart)
    rg: str | None  # ripgrep's pattern


def row(label: str, query: str, *flags: str, whoosh: str = "", rg: str = "") -> Row:
    """A row of the set: ``newsgrep search QUERY FLAGS``; plain Whoosh and
    ripgrep look for the query itself unless given their own words."""
    return Row(label, ["search", query, *flags], whoosh or query, rg or query)


# The mixed set on Reuters-21578 (1987 wires).
REUTERS = [
    row("rare word", "cocoa"),
    row("common word", "said"),
    row("3-5 words", "oil prices opec output", rg="oil|prices"),
    row("phrase", '"interest rates"', rg="interest rates"),
    row("question", "why did oil prices fall", rg="oil|prices"),
    row(
        "field+dates",
        "people:volcker date:[1987-03-01 TO 1987-04-30]",
        whoosh="volcker",
        rg="volcker",
    ),
    row("said:", "said:volcker rates", whoosh="volcker rates", rg="volcker"),
    row("--sort newest", "opec", "--sort", "newest"),
    row("-c", "oil", "-c"),
    row("-l", "merger", "-l"),
    row("--by month", "opec", "--by", "month"),
    row("--dedup -n 10", "oil", "--dedup", "-n", "10"),
]

# The mixed set on 100,000 long stories (benchmarks/make_corpus.py: AllSides, 2012-2021).
SCALE = [
    row("rare word", "zimbabwe"),
    row("common word", "said"),
    row("3-5 words", "federal reserve interest rates", rg="federal|reserve"),
    row("phrase", '"health care"', rg="health care"),
    row("question", "why did oil prices fall", rg="oil|prices"),
    row("field+dates", "people:trump date:[2017-01-01 TO 2017-06-30]", whoosh="trump", rg="trump"),
    row("said:", "said:trump wall", whoosh="trump wall", rg="trump"),
    row("--sort newest", "merger", "--sort", "newest"),
    row("-c", "said", "-c"),
    row("-l", "merger", "-l"),
    row("--by month", "merger", "--by", "month"),
    row("-l 5,000", "immigration", "-l"),
    row("--dedup -n 10", "oil prices", "--dedup", "-n", "10", rg="oil"),
]

# The plain searches of the Reuters set, as (label, query, whoosh query, rg
# pattern): benchmarks/opensearch.py times them on the cluster.
QUERIES = [(r.label, r.newsgrep[1], r.whoosh, r.rg) for r in REUTERS if len(r.newsgrep) == 2]

PLAIN_INDEX = """
import sys
from pathlib import Path
from whoosh import index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, TEXT, Schema

schema = Schema(path=ID(stored=True, unique=True),
                title=TEXT(analyzer=StemmingAnalyzer(), stored=True),
                body=TEXT(analyzer=StemmingAnalyzer(), stored=True))
ix = index.create_in(sys.argv[2], schema)
writer = ix.writer(procs=2, multisegment=True, limitmb=256)
for path in sorted(p for p in Path(sys.argv[1]).rglob("*") if p.is_file()):
    text = path.read_text(encoding="latin-1")
    title = text.split("\\n", 1)[0]
    writer.add_document(path=str(path), title=title, body=text)
writer.commit()
"""

PLAIN_SEARCH = """
import sys
from whoosh import index
from whoosh.qparser import MultifieldParser
ix = index.open_dir(sys.argv[1])
parser = MultifieldParser(["title", "body"], ix.schema)
with ix.searcher() as searcher:
    for hit in searcher.search(parser.parse(sys.argv[2]), limit=10):
        print(hit["title"])
        print(hit["path"])
        print(hit.highlights("body"))
"""


def timed(command: list[str], runs: int) -> float:
    """Median wall time of a command, in milliseconds, output piped."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def best_of(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Best wall time of each command in milliseconds, output piped; the
    commands alternate, their order turning each round."""
    best = dict.fromkeys(commands, float("inf"))
    names = list(commands)
    for round_ in range(runs):
        turn = round_ % len(names)
        for name in names[turn:] + names[:turn]:
            started = time.perf_counter()
            subprocess.run(
                commands[name], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False
            )
            best[name] = min(best[name], (time.perf_counter() - started) * 1000)
    return best


def build(articles: Path, work: Path, index: Path | None) -> tuple[Path, Path, Path]:
    ng, plain = index or work / "newsgrep-index", work / "whoosh-index"
    plain_index, plain_search = work / "plain_index.py", work / "plain_search.py"
    plain_index.write_text(PLAIN_INDEX)
    plain_search.write_text(PLAIN_SEARCH)
    if not ng.exists():
        subprocess.run(
            [sys.executable, "-m", "newsgrep", "index", str(articles), "--index", str(ng), "-q"],
            check=True,
            cwd=ROOT,
        )
    if not plain.exists():
        plain.mkdir()
        subprocess.run([sys.executable, str(plain_index), str(articles), str(plain)], check=True)
    return ng, plain, plain_search


def first_story(articles: Path) -> Path:
    """A story for `similar`: the first file of the corpus."""
    return min(p for p in articles.rglob("*") if p.is_file())


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", "--corpus", dest="articles", type=Path, default=ARTICLES)
    parser.add_argument("--index", type=Path, help="a newsgrep index of --corpus, built before")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="reuse/keep indexes in this folder")
    parser.add_argument("--only", action="append", default=[], help="a row to run (label)")
    args = parser.parse_args()
    if not args.articles.is_dir():
        sys.exit(f"no articles at {args.articles} (the shared Reuters corpus)")
    if not shutil.which("rg"):
        sys.exit("ripgrep (rg) is not installed: apt-get install ripgrep")
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsgrep-latency-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = SCALE if args.index else REUTERS
    rows = rows + [Row("similar", ["similar", str(first_story(args.articles))], None, None)]
    rows = [row for row in rows if not args.only or row.label in args.only]
    try:
        ng, plain, plain_search = build(args.articles, work, args.index)
        os.chdir(ROOT)
        # As an installed package would be: byte-compiled once, not per run
        # (PYTHONDONTWRITEBYTECODE, set on some machines, stops Python doing it).
        subprocess.run([sys.executable, "-m", "compileall", "-q", "newsgrep"], check=True)
        print(f"load average before: {load()}")
        print(f"{'query':<15}{'newsgrep':>10}{'whoosh':>10}{'rg':>10}{'ng/whoosh':>11}{'ng/rg':>8}")
        ratios_whoosh, ratios_rg = [], []
        for row in rows:
            commands = {"ng": [sys.executable, "-m", "newsgrep", *row.newsgrep, "--index", str(ng)]}
            if row.whoosh is not None:
                commands["wh"] = [sys.executable, str(plain_search), str(plain), row.whoosh]
            if row.rg is not None:
                commands["rg"] = ["rg", "-i", "-l", row.rg, str(args.articles)]
            best = best_of(commands, args.runs)
            cells = [f"{best[side]:>8.0f}ms" if side in best else f"{'-':>10}" for side in commands]
            cells += [f"{'-':>10}"] * (3 - len(cells))
            ratios = ""
            if "wh" in best:
                ratios_whoosh.append(best["ng"] / best["wh"])
                ratios_rg.append(best["ng"] / best["rg"])
                ratios = f"{best['ng'] / best['wh']:>11.2f}{best['ng'] / best['rg']:>8.2f}"
            print(f"{row.label:<15}{''.join(cells)}{ratios}", flush=True)
        print(
            f"{'median ratio':<45}{statistics.median(ratios_whoosh):>11.2f}"
            f"{statistics.median(ratios_rg):>8.2f}"
        )
        print(f"load average after: {load()}")
        print(
            "targets: every row <= 150 ms at 100k (similar and --dedup <= 300 ms, "
            "-l 5,000 <= 200 ms), newsgrep/whoosh <= 0.5, one word faster than rg"
        )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
