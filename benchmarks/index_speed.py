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
import resource
import shutil
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


class Run:
    """One measured run: wall seconds, CPU seconds of the whole process tree, peak MB."""

    def __init__(self, seconds: float, cpu: float, peak_mb: float, summary: str) -> None:
        self.seconds, self.cpu, self.peak_mb, self.summary = seconds, cpu, peak_mb, summary


def run_measured(command: list[str]) -> Run:
    """Run a command and measure it (its workers included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    peak = [0]
    sampler = threading.Thread(target=_sample_tree, args=(process, peak), daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if process.returncode:
        sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(seconds, cpu, peak[0] / 2**20, stderr.strip())


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


def newsgrep_index(corpus: Path, index: Path) -> Run:
    return run_measured(
        [sys.executable, "-m", "newsgrep", "index", str(corpus), "--index", str(index), "-q"]
    )


def plain_whoosh_index(corpus: Path, index: Path) -> Run:
    shutil.rmtree(index, ignore_errors=True)
    index.mkdir(parents=True)
    return run_measured([sys.executable, "-c", PLAIN_WHOOSH, str(corpus), str(index)])


def count_files(corpus: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(corpus))


def best(runs: list[Run]) -> Run:
    """The fastest of repeated runs: the one least disturbed by other load."""
    return min(runs, key=lambda run: run.seconds)


def compare_with_whoosh(corpus: Path, work: Path, repeat: int) -> tuple[float, float]:
    """The Reuters comparison, runs alternating; returns newsgrep's docs per
    second of wall time and of CPU time."""
    files = count_files(corpus)
    whoosh_runs, our_runs = [], []
    for _ in range(repeat):
        whoosh_runs.append(plain_whoosh_index(corpus, work / "whoosh"))
        shutil.rmtree(work / "newsgrep", ignore_errors=True)
        our_runs.append(newsgrep_index(corpus, work / "newsgrep"))
    rerun = newsgrep_index(corpus, work / "newsgrep")
    whoosh, ours = best(whoosh_runs), best(our_runs)
    print(
        f"corpus: {corpus} ({files} files), cores: {os.cpu_count()}, "
        f"best of {repeat}, load average before: {os.getloadavg()[0]:.1f}"
    )
    print(f"{'':38}{'wall':>8}{'docs/s':>9}{'CPU s':>8}{'peak MB':>9}")
    for name, run in (
        ("plain Whoosh (procs=2, multisegment)", whoosh),
        ("newsgrep index (with extraction)", ours),
    ):
        print(
            f"{name:38}{run.seconds:7.1f}s{files / run.seconds:9.0f}{run.cpu:8.1f}"
            f"{run.peak_mb:9.0f}"
        )
    print(
        f"ratio newsgrep / plain Whoosh: wall {ours.seconds / whoosh.seconds:.2f} "
        f"(target <= 0.50), CPU {ours.cpu / whoosh.cpu:.2f}"
    )
    print(
        f"all wall times: Whoosh {[round(r.seconds, 1) for r in whoosh_runs]}, "
        f"newsgrep {[round(r.seconds, 1) for r in our_runs]}"
    )
    print(
        f"re-run, nothing changed: {rerun.seconds:.2f} s, peak {rerun.peak_mb:.0f} MB "
        f"(target <= 2 s)"
    )
    print(f"  first run: {ours.summary}\n  re-run:    {rerun.summary}")
    return files / ours.seconds, files / ours.cpu


def scaled_run(scale: int, work: Path, small_rate: float, small_cpu_rate: float) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_corpus import build_corpus

    corpus = work / f"corpus-{scale}"
    if not corpus.is_dir():
        build_corpus(corpus, scale)
    shutil.rmtree(work / f"newsgrep-{scale}", ignore_errors=True)
    run = newsgrep_index(corpus, work / f"newsgrep-{scale}")
    rate = scale / run.seconds
    print(
        f"newsgrep index, {scale} stories: {run.seconds:6.1f} s  {rate:7.0f} docs/s  "
        f"CPU {run.cpu:.1f} s  peak {run.peak_mb:5.0f} MB (target <= 500)"
    )
    print(
        f"docs/s at {scale} / docs/s at Reuters: {rate / small_rate:.2f}  (target >= 0.80); "
        f"docs per CPU second: {scale / run.cpu / small_cpu_rate:.2f} (less skewed by other load)"
    )
    print(f"  {run.summary}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REUTERS)
    parser.add_argument("--scale", type=int, help="also index an N-story copy of Reuters")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, best counts")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    with tempfile.TemporaryDirectory(prefix="newsgrep-bench-") as temp:
        work = args.keep or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        rate, cpu_rate = compare_with_whoosh(args.corpus, work, args.repeat)
        if args.scale:
            scaled_run(args.scale, work, rate, cpu_rate)


if __name__ == "__main__":
    main()
