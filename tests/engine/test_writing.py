"""Writing: what index_paths leaves in the index, as search then sees it."""


def test_reindexing_replaces_never_duplicates(tmp_path):
    import newsgrep

    doc = tmp_path / "a.txt"
    doc.write_text("First headline here\n\nLONDON (AP) - Alliance talk.\n")
    newsgrep.index_paths([tmp_path], tmp_path / "ix")
    doc.write_text("Second headline here\n\nLONDON (AP) - Alliance talk again.\n")
    newsgrep.index_paths([tmp_path], tmp_path / "ix")
    result = newsgrep.search(tmp_path / "ix", "alliance")
    assert result.total == 1
    assert result.hits[0].title == "Second headline here"
