"""Reading speed and memory of the multi-story readers, as ratios.

Run from the repository root:  python benchmarks/read_formats.py
Needs ../shared/corpora/reuters21578. The same 21,578 stories are read as
SGML, as JSON Lines and as one text file each; the baseline is reading the
raw bytes of the SGML files, measured in the same run. Memory is the peak
traced while reading the 20 MB JSON Lines file, against its size: a reader
that held the file twice would show 2.0 or more.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsgrep.errors import Unreadable
from newsgrep.model import BadRecord
from newsgrep.readers import read_file  # noqa: E402

REUTERS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "reuters21578"


def timed(paths: list[Path]) -> tuple[float, int]:
    started = time.perf_counter()
    stories = sum(count_stories(p) for p in paths)
    return time.perf_counter() - started, stories


def count_stories(path: Path) -> int:
    try:
        return sum(1 for r in read_file(path) if not isinstance(r, BadRecord))
    except Unreadable:
        return 0


def raw_bytes(paths: list[Path]) -> float:
    started = time.perf_counter()
    for path in paths:
        path.read_bytes()
    return time.perf_counter() - started


def main() -> None:
    if not REUTERS.is_dir():
        sys.exit(f"no corpus at {REUTERS}")
    sgml = sorted((REUTERS / "sgml").glob("*.sgm"))
    jsonl = [REUTERS / "reuters21578.jsonl"]
    texts = sorted((REUTERS / "articles").glob("*.txt"))
    baseline = raw_bytes(sgml)
    for name, paths in (("sgml", sgml), ("jsonl", jsonl), ("text files", texts)):
        seconds, stories = timed(paths)
        print(
            f"{name:>10}: {stories} stories in {seconds:.2f} s, "
            f"{seconds / baseline:.0f}x reading the SGML bytes"
        )
    tracemalloc.start()
    timed(jsonl)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"jsonl peak memory / file size: {peak / jsonl[0].stat().st_size:.2f}")


if __name__ == "__main__":
    main()
