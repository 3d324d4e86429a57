"""count_by(): counts per value over every matching story."""


def test_undated_stories_are_counted_apart(tmp_path):
    import newsgrep
    from newsgrep import count_by

    (tmp_path / "a.txt").write_text("Undated headline here\n\nAlliance talk without a date.\n")
    (tmp_path / "b.txt").write_text(
        "Dated headline here\n\nLONDON, Nov. 22, 2001 (AP) - Alliance talk.\n"
    )
    newsgrep.index_paths([tmp_path], tmp_path / "ix")
    buckets = count_by(tmp_path / "ix", "alliance", "month").buckets
    assert [(b.value, b.count) for b in buckets] == [("2001-11", 1), (None, 1)]
