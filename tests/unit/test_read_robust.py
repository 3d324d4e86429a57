"""Bad input of any format is skipped with a reason, never a traceback."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgrep.indexing.stories import read_articles
from tests.helpers.paths import FORMATS
from tests.helpers.warc_fixture import write_warc

SUFFIXES = [".json", ".jsonl", ".csv", ".tsv", ".html", ".warc", ".sgm", ".txt", ""]
SAMPLES = sorted(p.read_bytes() for p in FORMATS.iterdir())


def _crawl() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return write_warc(Path(folder, "crawl.warc")).read_bytes()


SAMPLES.append(_crawl())


def damaged(data: bytes, cut: int, junk: bytes) -> bytes:
    """A real file with a piece cut out and junk put in its place."""
    at = cut % (len(data) + 1)
    return data[:at] + junk + data[at + len(junk) * 3 :]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sample=st.sampled_from(SAMPLES),
    suffix=st.sampled_from(SUFFIXES),
    cut=st.integers(min_value=0),
    junk=st.binary(max_size=40),
    packed=st.booleans(),
)
def test_damaged_files_never_raise(tmp_path, sample, suffix, cut, junk, packed):
    data = damaged(sample, cut, junk)
    path = tmp_path / f"story{suffix}"
    if packed:
        path = path.with_name(path.name + ".gz")
        data = gzip.compress(data)[: max(20, cut % 200)] if cut % 3 == 0 else gzip.compress(data)
    path.write_bytes(data)
    reasons = []
    stories = read_articles(path, on_skip=lambda p, r: reasons.append(r))
    assert all(reason.strip() and "\n" not in reason for reason in reasons)
    assert all(story.path.startswith(str(path)) for story in stories)
