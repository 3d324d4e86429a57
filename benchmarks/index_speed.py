"""Indexing speed and memory: newsgrep against plain Whoosh, in the same run.

    python benchmarks/index_speed.py                 # Reuters, 21,578 stories
    python benchmarks/index_speed.py --scale 100000  # also a 100k-story copy

Plain Whoosh is used as its documentation teaches: a schema with stemmed,
stored title and body (title = the first line), ``writer(procs=2,
multisegment=True, limitmb=256)``, one ``add_document`` per file. newsgrep
runs as its command line does (``newsgrep index``), metadata extraction
included. Both run as separate processes; memory is the peak of the summed
resident memory of each process tree (parent and workers), sampled every
20 ms. Then newsgrep runs again over the unchanged folder (the re-run).

With ``--scale N`` an N-story corpus is built in a temporary folder (see
make_corpus.py) and indexed by newsgrep too, to compare docs/s and memory
at both sizes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578" / "articles"

PLAIN_WHOOSH = r"""
import os, sys
from whoosh import index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, TEXT, Schema

corpus, folder = sys.argv[1], sys.argv[2]
schema = Schema(path=ID(stored=True, unique=True),
                title=TEXT(analyzer=StemmingAnalyzer(), stored=True),
                body=TEXT(analyzer=StemmingAnalyzer(), stored=True))
writer = index.create_in(folder, schema).writer(procs=2, multisegment=True, limitmb=256)
for dirpath, dirs, files in os.walk(corpus):
    dirs.sort()
    for name in sorted(files):
        path = os.path.join(dirpath, name)
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        writer.add_document(path=path, title=text.split("\n", 1)[0], body=text)
writer.commit()
"""


def run_measured(command: list[str]) -> tuple[float, float, str]:
    """Run a command; returns (seconds, peak MB of its process tree, stderr)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    peak = [0]
    sampler = threading.Thread(target=_sample_tree, args=(process, peak), daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if process.returncode:
        sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr}")
    return seconds, peak[0] / 2**20, stderr.strip()


def _sample_tree(process: subprocess.Popen, peak: list[int]) -> None:
    while process.poll() is None:
        peak[0] = max(peak[0], _tree_rss(process.pid))
        time.sleep(0.02)


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(children.get(current, []))
    return total


def newsgrep_index(corpus: Path, index: Path) -> tuple[float, float, str]:
    return run_measured([sys.executable, "-m", "newsgrep", "index", str(corpus),
                         "--index", str(index), "-q"])


def count_files(corpus: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(corpus))


def compare_with_whoosh(corpus: Path, work: Path) -> float:
    """The Reuters comparison; returns newsgrep's docs/s."""
    files = count_files(corpus)
    (work / "whoosh").mkdir()
    whoosh_s, whoosh_mb, _ = run_measured([sys.executable, "-c", PLAIN_WHOOSH, str(corpus),
                                           str(work / "whoosh")])
    ours_s, ours_mb, summary = newsgrep_index(corpus, work / "newsgrep")
    rerun_s, rerun_mb, rerun_summary = newsgrep_index(corpus, work / "newsgrep")
    print(f"corpus: {corpus} ({files} files), cores: {os.cpu_count()}")
    print(f"plain Whoosh (procs=2, multisegment): {whoosh_s:6.1f} s  "
          f"{files / whoosh_s:7.0f} docs/s  peak {whoosh_mb:5.0f} MB")
    print(f"newsgrep index (with extraction):     {ours_s:6.1f} s  "
          f"{files / ours_s:7.0f} docs/s  peak {ours_mb:5.0f} MB")
    print(f"ratio newsgrep / plain Whoosh: {ours_s / whoosh_s:.2f}  (target <= 0.50)")
    print(f"re-run, nothing changed: {rerun_s:.2f} s  peak {rerun_mb:.0f} MB  (target <= 2 s)")
    print(f"  first run: {summary}\n  re-run:    {rerun_summary}")
    return files / ours_s


def scaled_run(scale: int, work: Path, small_rate: float) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_corpus import build_corpus

    corpus = work / f"corpus-{scale}"
    build_corpus(REUTERS, corpus, scale)
    seconds, peak_mb, summary = newsgrep_index(corpus, work / f"newsgrep-{scale}")
    rate = scale / seconds
    print(f"newsgrep index, {scale} stories: {seconds:6.1f} s  {rate:7.0f} docs/s  "
          f"peak {peak_mb:5.0f} MB (target <= 500)")
    print(f"docs/s at {scale} / docs/s at Reuters: {rate / small_rate:.2f}  (target >= 0.80)")
    print(f"  {summary}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REUTERS)
    parser.add_argument("--scale", type=int, help="also index an N-story copy of Reuters")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    with tempfile.TemporaryDirectory(prefix="newsgrep-bench-") as temp:
        work = args.keep or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        rate = compare_with_whoosh(args.corpus, work)
        if args.scale:
            scaled_run(args.scale, work, rate)


if __name__ == "__main__":
    main()
