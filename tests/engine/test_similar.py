"""similar(): stories most like a given one, through the library."""


def test_a_title_only_brief_finds_stories_by_its_headline(tmp_path):
    import newsgrep
    from newsgrep import similar

    (tmp_path / "brief.txt").write_text("Taliban flee Kabul as alliance advances\n")
    (tmp_path / "story.txt").write_text(
        "Alliance enters Kabul\n\n"
        "KABUL, Nov. 13, 2001 (Reuters) - The Taliban fled Kabul overnight.\n"
    )
    (tmp_path / "other.txt").write_text(
        "Oil prices slip\n\nLONDON, Nov. 13, 2001 (Reuters) - Crude fell on supply worries.\n"
    )
    newsgrep.index_paths([tmp_path], tmp_path / "ix")
    result = similar(tmp_path / "ix", str(tmp_path / "brief.txt"))
    assert [h.path for h in result.hits] == [str(tmp_path / "story.txt")]
