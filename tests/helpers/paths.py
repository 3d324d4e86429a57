"""Where the tests find the project's files: the repository, the sample
corpus, the test data and the shared corpora beside the repository."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SEED = CORPUS / "putin-nato-2001.txt"
DATA = ROOT / "tests" / "data"
FORMATS = DATA / "formats"
BENCHMARKS = ROOT / "benchmarks"
README = ROOT / "README.md"
DOCS = ROOT / "docs"
# A worktree beside others can name the shared data elsewhere.
SHARED = Path(os.environ.get("NEWSGREP_SHARED") or ROOT.parent / "shared")
REUTERS = SHARED / "corpora" / "reuters21578"
