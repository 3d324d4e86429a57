"""Indexing speed, memory and disk: newsgrep against plain Whoosh, in the same run.

    python benchmarks/index_speed.py                        # every corpus kind, best of 3
    python benchmarks/index_speed.py --only reuters         # one kind (repeatable)
    python benchmarks/index_speed.py --scale-corpus /work/data/as100k --scale-repeat 1

Corpus kinds, each indexed by both sides:

* ``reuters``: Reuters-21578, one .txt file per story (../shared/corpora);
* ``allsides-files``: the AllSides stories written out one .txt file each
  (make_corpus.py's file layout) to a temporary folder;
* ``allsides-jsonl``: the same stories as the one ``stories.jsonl.gz``;
* ``scale-20k`` and ``scale``: the first 20 folders (20,000 stories) and the
  whole of a make_corpus.py corpus of long stories (``--scale-corpus``, else
  ``--scale N`` stories built in a temporary folder): docs/s at 100k against
  docs/s at 20k of the same kind of stories.

Plain Whoosh is used as its documentation teaches: stemmed, stored title and
body (a file's first line is its title; a JSON record's title and text),
``writer(procs=2, multisegment=True, limitmb=256)``, one ``add_document`` per
story. newsgrep runs as its command line does (``newsgrep index``), metadata
extraction included. Each run is a separate process; the sides alternate
(which goes first switches every round) and the best of ``--repeat`` runs
counts (``--scale-repeat`` for the two scale kinds: best of one is allowed
there, and said so in the output). Memory is the peak of the summed resident
memory of each process tree (parent and workers), sampled every 20 ms; disk
is every file in the index folder right after the run (newsgrep's manifest
included). Load average is printed before and after each kind.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
REUTERS = SHARED / "reuters21578" / "articles"
ALLSIDES = SHARED / "allsides-news" / "stories.jsonl.gz"
KINDS = ("reuters", "allsides-files", "allsides-jsonl", "scale-20k", "scale")
SCALE_SMALL_FOLDERS = 20  # make_corpus.py writes 1,000 stories per folder

PLAIN_WHOOSH = r"""
import gzip, json, os, sys
from whoosh import index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, TEXT, Schema

folder, corpora = sys.argv[1], sys.argv[2:]
schema = Schema(path=ID(stored=True, unique=True),
                title=TEXT(analyzer=StemmingAnalyzer(), stored=True),
                body=TEXT(analyzer=StemmingAnalyzer(), stored=True))
writer = index.create_in(folder, schema).writer(procs=2, multisegment=True, limitmb=256)
for corpus in corpora:
    if corpus.endswith(".jsonl.gz"):
        with gzip.open(corpus, "rt", encoding="utf-8") as lines:
            for number, line in enumerate(lines):
                record = json.loads(line)
                writer.add_document(path=f"{corpus}#{record.get('id', number)}",
                                    title=record.get("title") or "", body=record.get("text") or "")
        continue
    for dirpath, dirs, files in os.walk(corpus):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            writer.add_document(path=path, title=text.split("\n", 1)[0], body=text)
writer.commit()
"""


@dataclass
class Run:
    """One measured run: wall and CPU seconds of the process tree, peak MB, index MB."""

    seconds: float
    cpu: float
    peak_mb: float
    disk_mb: float
    summary: str


@dataclass
class Corpus:
    """What both sides index: one or more paths, and how many stories they hold."""

    kind: str
    paths: list[Path]
    stories: int
    repeat: int


def run_measured(command: list[str], index: Path) -> Run:
    """Run a command that builds ``index`` and measure it (its workers included)."""
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
    return Run(seconds, cpu, peak[0] / 2**20, folder_bytes(index) / 2**20, stderr.strip())


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


def folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def newsgrep_index(corpus: Corpus, index: Path, fresh: bool = True) -> Run:
    """newsgrep into a new index, or (not ``fresh``) again into the one left in place."""
    if fresh:
        shutil.rmtree(index, ignore_errors=True)
    paths = [str(p) for p in corpus.paths]
    return run_measured(
        [sys.executable, "-m", "newsgrep", "index", *paths, "--index", str(index), "-q"], index
    )


def plain_whoosh_index(corpus: Corpus, index: Path) -> Run:
    shutil.rmtree(index, ignore_errors=True)
    index.mkdir(parents=True)
    paths = [str(p) for p in corpus.paths]
    return run_measured([sys.executable, "-c", PLAIN_WHOOSH, str(index), *paths], index)


def best(runs: list[Run]) -> Run:
    """The fastest of repeated runs: the one least disturbed by other load."""
    return min(runs, key=lambda run: run.seconds)


def load() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


def compare(corpus: Corpus, work: Path) -> Run:
    """Both sides on one corpus, alternating; prints the table; returns newsgrep's best."""
    loaded = load()
    sides: dict[str, Callable[[Corpus, Path], Run]] = {
        "plain Whoosh (procs=2, multisegment)": plain_whoosh_index,
        "newsgrep index (with extraction)": newsgrep_index,
    }
    runs: dict[str, list[Run]] = {name: [] for name in sides}
    for round_number in range(corpus.repeat):
        order = list(sides) if round_number % 2 == 0 else list(reversed(sides))
        for name in order:
            runs[name].append(sides[name](corpus, work / name.split()[0]))
    whoosh, ours = (best(runs[name]) for name in sides)
    print(
        f"\n== {corpus.kind}: {', '.join(map(str, corpus.paths[:2]))}"
        f"{' ...' if len(corpus.paths) > 2 else ''} ({corpus.stories} stories), "
        f"best of {corpus.repeat}{' (one run only)' if corpus.repeat == 1 else ''}, "
        f"load average before: {loaded}"
    )
    print(f"{'':38}{'wall':>8}{'docs/s':>9}{'CPU s':>8}{'peak MB':>9}{'disk MB':>9}")
    for name, run in zip(sides, (whoosh, ours), strict=True):
        print(
            f"{name:38}{run.seconds:7.1f}s{corpus.stories / run.seconds:9.0f}{run.cpu:8.1f}"
            f"{run.peak_mb:9.0f}{run.disk_mb:9.0f}"
        )
    print(
        f"ratio newsgrep / plain Whoosh: wall {ours.seconds / whoosh.seconds:.2f} "
        f"(target <= 0.50), CPU {ours.cpu / whoosh.cpu:.2f}, "
        f"disk {ours.disk_mb / whoosh.disk_mb:.2f} (target <= 1.2)"
    )
    walls = {name.split()[0]: [round(r.seconds, 1) for r in runs[name]] for name in sides}
    print("all wall times: " + ", ".join(f"{side} {times}" for side, times in walls.items()))
    print(f"  newsgrep: {ours.summary}")
    if corpus.kind == "reuters":
        rerun = newsgrep_index(corpus, work / "newsgrep", fresh=False)
        print(f"re-run, nothing changed: {rerun.seconds:.2f} s, peak {rerun.peak_mb:.0f} MB")
    print(f"load average after: {load()}", flush=True)
    return ours


# -- the corpora ------------------------------------------------------------------


def count_files(paths: list[Path]) -> int:
    return sum(len(files) for path in paths for _, _, files in os.walk(path))


def allsides_records(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def allsides_files(work: Path, source: Path) -> Path:
    """The AllSides stories one .txt file each, as make_corpus.py writes a story."""
    from make_corpus import STORIES_PER_FOLDER, story_file_text

    folder = work / "allsides-files"
    if not folder.is_dir():
        for number, record in enumerate(allsides_records(source)):
            part = folder / f"part{number // STORIES_PER_FOLDER:03d}"
            part.mkdir(parents=True, exist_ok=True)
            (part / f"{number:06d}.txt").write_text(story_file_text(record), encoding="utf-8")
    return folder


def scale_folders(args: argparse.Namespace, work: Path) -> list[Path]:
    """The scale corpus's folders (built first when none is given)."""
    corpus = args.scale_corpus
    if corpus is None:
        from make_corpus import build_corpus

        corpus = work / f"corpus-{args.scale}"
        if not corpus.is_dir():
            build_corpus(corpus, args.scale)
    return sorted(p for p in corpus.iterdir() if p.is_dir())


def corpus_of(kind: str, args: argparse.Namespace, work: Path) -> Corpus:
    if kind == "reuters":
        return Corpus(kind, [args.corpus], count_files([args.corpus]), args.repeat)
    if kind == "allsides-files":
        folder = allsides_files(work, args.allsides)
        return Corpus(kind, [folder], count_files([folder]), args.repeat)
    if kind == "allsides-jsonl":
        return Corpus(kind, [args.allsides], len(allsides_records(args.allsides)), args.repeat)
    folders = scale_folders(args, work)
    if kind == "scale-20k":
        folders = folders[:SCALE_SMALL_FOLDERS]
    return Corpus(kind, folders, count_files(folders), args.scale_repeat)


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REUTERS, help="the Reuters folder")
    parser.add_argument("--allsides", type=Path, default=ALLSIDES, help="stories.jsonl.gz")
    parser.add_argument("--only", action="append", choices=KINDS, help="corpus kinds to run")
    parser.add_argument("--scale-corpus", type=Path, help="a make_corpus.py folder (100k)")
    parser.add_argument("--scale", type=int, default=100_000, help="stories to build if none")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side, best counts")
    parser.add_argument("--scale-repeat", type=int, default=3, help="--repeat for the scale kinds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsgrep-bench-") as temp:
        work = args.keep or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        print(f"cores: {os.cpu_count()}, load average at start: {load()}")
        rates = {}
        for kind in args.only or KINDS:
            corpus = corpus_of(kind, args, work)
            rates[kind] = corpus.stories / compare(corpus, work).seconds
        if "scale" in rates and "scale-20k" in rates:
            print(
                f"\ndocs/s at {rates['scale']:.0f} (scale) / docs/s at {rates['scale-20k']:.0f} "
                f"(scale-20k): {rates['scale'] / rates['scale-20k']:.2f} (target >= 0.80)"
            )


if __name__ == "__main__":
    main()
