"""A root missing altogether (an unmounted disk, another machine's folder on a
shared index) keeps its stories: only files gone from a root that is here are
removed."""

from __future__ import annotations

import shutil

import newsgrep
from tests.helpers.paths import CORPUS


def test_a_missing_root_keeps_its_stories(tmp_path):
    mounted, elsewhere = tmp_path / "mounted", tmp_path / "elsewhere"
    shutil.copytree(CORPUS, mounted)
    (elsewhere / "sub").mkdir(parents=True)
    shutil.copy(CORPUS / "axis-of-evil-2002-01.txt", elsewhere / "sub" / "evil.txt")
    index = tmp_path / "ix"
    total = newsgrep.index_paths([mounted], index).indexed
    newsgrep.index_paths([elsewhere], index)
    shutil.rmtree(elsewhere)
    (mounted / "axis-of-evil-2002-01.txt").unlink()
    skipped: list[tuple[str, str]] = []
    report = newsgrep.index_paths([], index, on_skip=lambda path, why: skipped.append((path, why)))
    assert report.removed == 1  # the file gone from the root that is here
    assert skipped == [(str(elsewhere), "not found here: its stories stay in the index")]
    assert newsgrep.search(index, "*", newsgrep.SearchOptions(limit=0)).total == total
