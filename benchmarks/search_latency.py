"""End-to-end search latency: a whole `newsgrep search Q` process, start to
last byte, output piped, against plain Whoosh and ripgrep in the same run.

    python benchmarks/search_latency.py [--articles DIR] [--runs N] [--keep DIR]

Builds (in a temporary folder) a newsgrep index and a plain Whoosh index of
the Reuters-21578 articles, then times each query as a fresh process:

- newsgrep: `python -m newsgrep search Q --index IX` (top 10 with snippets);
- plain Whoosh: a script as Whoosh's documentation teaches (open_dir,
  MultifieldParser over title and body, top 10 with `highlights()`);
- ripgrep: `rg -i -l WORDS` over the raw files.

Prints the median of N runs per query and the ratios newsgrep / Whoosh and
newsgrep / ripgrep. Targets (issue 8): newsgrep <= 0.55 x plain Whoosh and
faster than ripgrep.
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

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT.parent / "shared" / "corpora" / "reuters21578" / "articles"

# (label, newsgrep query, plain Whoosh query, ripgrep pattern)
QUERIES = [
    ("one word", "cocoa", "cocoa", "cocoa"),
    ("two words", "oil prices", "oil prices", "oil|prices"),
    ("phrase", '"interest rates"', '"interest rates"', "interest rates"),
    ("field filter", "people:volcker", "volcker", "volcker"),
    ("date filter", "opec date:1987-03", "opec", "opec"),
]

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
for path in sorted(Path(sys.argv[1]).iterdir()):
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


def build(articles: Path, work: Path) -> tuple[Path, Path, Path]:
    ng, plain = work / "newsgrep-index", work / "whoosh-index"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="reuse/keep indexes in this folder")
    args = parser.parse_args()
    if not args.articles.is_dir():
        sys.exit(f"no articles at {args.articles} (the shared Reuters corpus)")
    if not shutil.which("rg"):
        sys.exit("ripgrep (rg) is not installed: apt-get install ripgrep")
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsgrep-latency-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        ng, plain, plain_search = build(args.articles, work)
        os.chdir(ROOT)
        # As an installed package would be: byte-compiled once, not per run
        # (PYTHONDONTWRITEBYTECODE, set on some machines, stops Python doing it).
        subprocess.run([sys.executable, "-m", "compileall", "-q", "newsgrep"], check=True)
        print(f"{'query':<14}{'newsgrep':>10}{'whoosh':>10}{'rg':>10}{'ng/whoosh':>11}{'ng/rg':>8}")
        ratios_whoosh, ratios_rg = [], []
        for label, ours, theirs, pattern in QUERIES:
            t_ng = timed(
                [sys.executable, "-m", "newsgrep", "search", ours, "--index", str(ng)], args.runs
            )
            t_wh = timed([sys.executable, str(plain_search), str(plain), theirs], args.runs)
            t_rg = timed(["rg", "-i", "-l", pattern, str(args.articles)], args.runs)
            ratios_whoosh.append(t_ng / t_wh)
            ratios_rg.append(t_ng / t_rg)
            print(
                f"{label:<14}{t_ng:>8.0f}ms{t_wh:>8.0f}ms{t_rg:>8.0f}ms"
                f"{t_ng / t_wh:>11.2f}{t_ng / t_rg:>8.2f}"
            )
        print(
            f"{'median ratio':<44}{statistics.median(ratios_whoosh):>11.2f}"
            f"{statistics.median(ratios_rg):>8.2f}"
        )
        print("targets: newsgrep/whoosh <= 0.55, newsgrep/rg < 1.00")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
