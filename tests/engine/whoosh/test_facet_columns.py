"""stats and --by read the facet columns: the same counts as the stored
stories give, deleted stories left out, and an index without the columns
still answered (from its stored stories)."""

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

import newsgrep
from newsgrep.engine.whoosh import columns
from newsgrep.rank.facets import BY_CHOICES

CORPUS = Path(__file__).parents[3] / "corpus"


@pytest.fixture(scope="module")
def changed_index(tmp_path_factory) -> Path:
    """The sample corpus indexed, then some files changed or deleted and
    indexed again: the old copies are deleted documents of the first segment."""
    folder = tmp_path_factory.mktemp("facets")
    stories = folder / "stories"
    shutil.copytree(CORPUS, stories)
    newsgrep.index_paths([stories], folder / "ix")
    files = sorted(stories.iterdir())
    files[0].unlink()
    files[1].write_text(
        "A changed story\n\nMOSCOW, Dec. 3, 2001 (Reuters) - Vladimir Putin said NATO "
        '"must change", Tony Blair said.\n'
    )
    files[2].write_text("Undated and unplaced\n\nNo one is named here, about NATO.\n")
    newsgrep.index_paths([stories], folder / "ix")
    return folder / "ix"


def _without_columns(monkeypatch) -> None:
    """As an index written before the facet columns is read."""
    monkeypatch.setattr(columns, "has_facet_columns", lambda schema: False)
    monkeypatch.setattr(columns, "has_date_column", lambda schema: False)


def _pairs(facets):
    return [(b.value, b.count, b.share) for b in facets.buckets]


@pytest.mark.parametrize("query", ["*", "nato", "putin"])
@pytest.mark.parametrize("by", BY_CHOICES)
def test_counts_from_columns_are_the_stored_counts(changed_index, monkeypatch, query, by):
    fast = newsgrep.count_by(changed_index, query, by, share=True)
    with monkeypatch.context() as patched:
        _without_columns(patched)
        stored = newsgrep.count_by(changed_index, query, by, share=True)
    assert fast.matched == stored.matched > 0
    assert _pairs(fast) == _pairs(stored)


def test_stats_from_columns_are_the_stored_stats(changed_index, monkeypatch):
    fast = newsgrep.index_stats(changed_index, top=0)
    with monkeypatch.context() as patched:
        _without_columns(patched)
        stored = newsgrep.index_stats(changed_index, top=0)
    assert fast == stored
    assert fast.stories == len(list(CORPUS.iterdir())) - 1  # the deleted file's story is gone
    assert fast.undated >= 1


def test_deleted_stories_are_not_counted(changed_index):
    people = {b.value: b.count for b in newsgrep.count_by(changed_index, "*", "person").buckets}
    sources = {b.value for b in newsgrep.index_stats(changed_index, top=0).top["source"]}
    assert people["Tony Blair"] >= 1
    assert "Reuters" in sources
    stats = newsgrep.index_stats(changed_index, top=0)
    assert stats.files == stats.stories  # one story per file, the deleted one gone


def test_an_index_without_columns_is_counted_from_stored_stories(tmp_path, monkeypatch):
    from newsgrep.engine.whoosh import schema as schema_module

    plain = schema_module.build_schema()

    def old_schema():
        for name in schema_module.FACET_COLUMNS.values():
            plain.remove(name)
        return plain

    with monkeypatch.context() as patched:
        patched.setattr(schema_module, "build_schema", old_schema)
        patched.setattr("newsgrep.engine.whoosh.store.build_schema", old_schema)
        newsgrep.index_paths([CORPUS], tmp_path / "old")
    stats = newsgrep.index_stats(tmp_path / "old", top=3)
    new = newsgrep.index_stats(_new_index(tmp_path), top=3)
    assert not columns.has_facet_columns(_schema(tmp_path / "old"))
    assert replace(stats, index="", index_bytes=0, updated=None) == replace(
        new, index="", index_bytes=0, updated=None
    )
    by_person = newsgrep.count_by(tmp_path / "old", "*", "person")
    assert _pairs(by_person) == _pairs(newsgrep.count_by(tmp_path / "new", "*", "person"))


def _new_index(tmp_path: Path) -> Path:
    newsgrep.index_paths([CORPUS], tmp_path / "new")
    return tmp_path / "new"


def _schema(folder: Path):
    from newsgrep.engine.whoosh.store import open_searcher

    with open_searcher(folder) as searcher:
        return searcher.schema


def test_every_story_is_what_a_search_for_every_story_collects(changed_index):
    from whoosh import query as q

    from newsgrep.engine.whoosh.facets import _every_story
    from newsgrep.engine.whoosh.store import open_searcher

    with open_searcher(changed_index) as searcher:
        collected = sorted(searcher.search(q.Every(), limit=None, scored=False).docs())
        assert searcher.reader().has_deletions()
        assert _every_story(searcher.reader()) == collected


def test_names_with_tabs_newlines_backslashes_and_bad_bytes_count_whole():
    from collections import Counter

    from newsgrep.engine.whoosh.columns import _decoded, _names, facet_fields
    from newsgrep.engine.whoosh.schema import FACET_COLUMNS

    odd = ["x\\ny", "line\nbreak", "tab\there", "x\\ny", "\udc80bad", "back\\"]
    doc = {"source": "A\tB", "_stored_people": odd, "place": "", "path": "p.txt"}
    fields = facet_fields(doc)
    people = _decoded(Counter(_names([fields[FACET_COLUMNS["person"]][:-1]])))
    assert people == Counter(dict.fromkeys(odd, 1))
    source = _decoded(Counter(_names([fields[FACET_COLUMNS["source"]][:-1]])))
    assert source == Counter({"A\tB": 1})
    place = _decoded(Counter(_names([fields[FACET_COLUMNS["place"]][:-1]])))
    assert place == Counter({None: 1})


@pytest.fixture(scope="module")
def wire_file_index(tmp_path_factory) -> Path:
    """Stories inside one multi-story file (paths FILE#ID) beside single
    files, one file indexed again so that its old stories are deleted."""
    folder = tmp_path_factory.mktemp("paths")
    stories = folder / "stories"
    stories.mkdir()
    for name in sorted(CORPUS.iterdir())[:6]:
        shutil.copy(name, stories / name.name)
    wire = stories / "wire.jsonl"
    text = "NATO met, quixotic brief"
    lines = [f'{{"id": "w{n}", "title": "Brief {n}", "text": "{text} {n}."}}' for n in range(5)]
    wire.write_text("\n".join(lines) + "\n")
    newsgrep.index_paths([stories], folder / "ix")
    wire.write_text("\n".join(lines[1:]) + "\n")
    newsgrep.index_paths([stories], folder / "ix")
    return folder / "ix"


@pytest.mark.parametrize("query", ["*", "nato", "quixotic", "putin OR nato"])
def test_paths_from_the_column_are_the_stored_paths(wire_file_index, monkeypatch, query):
    listing = newsgrep.SearchOptions(limit=0, snippets=False, paths_only=True)
    fast = newsgrep.search(wire_file_index, query, listing)
    with monkeypatch.context() as patched:
        patched.setattr(columns, "has_path_column", lambda schema: False)
        stored = newsgrep.search(wire_file_index, query, listing)
    assert [hit.path for hit in fast.hits] == [hit.path for hit in stored.hits]
    assert fast.total == stored.total == len(fast.hits) > 0
    # The title comes from the stored story: the column path did not read it.
    assert all(hit.title for hit in stored.hits) and not any(hit.title for hit in fast.hits)


def test_a_deleted_story_is_no_listed_path(wire_file_index):
    listing = newsgrep.SearchOptions(limit=0, snippets=False, paths_only=True)
    paths = [hit.path for hit in newsgrep.search(wire_file_index, "quixotic", listing).hits]
    assert sorted(path.rsplit("#", 1)[1] for path in paths) == ["w1", "w2", "w3", "w4"]
