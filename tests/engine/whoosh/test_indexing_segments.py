"""Segments written by newsgrep hold exactly what Whoosh's own writer would write."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsgrep
from newsgrep.engine.whoosh.postings import POSITION_GAP, DocumentPostings
from newsgrep.engine.whoosh.schema import build_schema
from newsgrep.engine.whoosh.writer import article_fields
from newsgrep.indexing.stories import read_articles
from newsgrep.indexing.walk import iter_files
from tests.helpers.paths import CORPUS

SCHEMA = build_schema()
TEXT_FIELDS = ("title", "body", "people", "place", "author")

words = st.text(alphabet=st.sampled_from(list("abcdeéüßİ*._-' 0129ÆøXYZ\u02bc\n")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(words, st.sampled_from(TEXT_FIELDS + ("path", "file", "source")))
def test_postings_equal_whooshs_own_analysis(text, fieldname):
    analysis = DocumentPostings(SCHEMA)
    for _ in range(2):  # the second time from what was remembered
        ours, length = analysis.postings(fieldname, text)
        theirs = list(SCHEMA[fieldname].index(text))
        assert ours == {term: (weight, value) for term, _, weight, value in theirs}
        scorable = SCHEMA[fieldname].scorable
        assert length == (sum(freq for _, freq, _, _ in theirs) if scorable else 0)


def documents() -> list[dict]:
    """The sample corpus as Whoosh documents, less the quotations: a list value
    is pre-analysed tokens to Whoosh, values kept apart to newsgrep (tested
    below), so Whoosh's own writer cannot write them alike."""
    return [
        {
            name: value
            for name, value in article_fields(article, str(path)).items()
            if name not in ("quotes", "_stored_quotes")
        }
        for path in iter_files([CORPUS])
        for article in read_articles(path)
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=1, max_size=4))
def test_values_of_a_list_are_analysed_apart(texts):
    """Each value analysed as Whoosh analyses it alone, its positions moved
    past the previous value's last by POSITION_GAP."""
    ours, length = DocumentPostings(SCHEMA).postings("quotes", texts)
    field = SCHEMA["quotes"]
    expected: dict[bytes, list[int]] = {}
    start = 0
    for text in texts:
        # Whoosh reuses one token object: read each as it comes.
        tokens = [(t.text, t.pos) for t in field.analyzer(text, positions=True, mode="index")]
        for term, pos in tokens:
            expected.setdefault(term.encode(), []).append(start + pos)
        start += max((pos for _, pos in tokens), default=-1) + 1 + POSITION_GAP
    decoded = {term: field.format.decode_positions(value) for term, (_, value) in ours.items()}
    assert decoded == expected
    assert length == sum(len(where) for where in expected.values())


def whoosh_index(folder: Path, docs: list[dict]):
    from whoosh import index

    ix = index.create_in(str(folder), build_schema())
    with ix.writer() as writer:
        for doc in docs:
            writer.add_document(**doc)
    return index.open_dir(str(folder))


def builder_index(folder: Path, docs: list[dict]):
    from whoosh import index
    from whoosh.index import TOC

    from newsgrep.engine.whoosh.segment import SegmentBuilder

    ix = index.create_in(str(folder), build_schema())
    builder = SegmentBuilder(ix.storage, ix.schema)
    for doc in docs:
        builder.add_document(doc)
    TOC(ix.schema, [builder.finish()], 1).write(ix.storage, "MAIN")
    return index.open_dir(str(folder))


def contents(ix) -> dict:
    """Every posting with its term statistics, stored fields, lengths, columns."""
    with ix.reader() as reader:
        postings = {}
        for fieldname, term in reader.all_terms():
            matcher = reader.postings(fieldname, term)
            found = []
            while matcher.is_active():
                found.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            info = reader.term_info(fieldname, term)
            postings[fieldname, term] = (
                found,
                info.weight(),
                info.doc_frequency(),
                info.min_length(),
                info.max_length(),
                info.max_weight(),
                info.min_id(),
                info.max_id(),
            )
        docs = range(reader.doc_count_all())
        return {
            "postings": postings,
            "stored": [reader.stored_fields(d) for d in docs],
            "lengths": {f: [reader.doc_field_length(d, f) for d in docs] for f in TEXT_FIELDS},
            "totals": {f: reader.field_length(f) for f in SCHEMA.names()},
            "dates": list(reader.column_reader("date", translate=False)),
        }


def test_segment_builder_writes_what_whoosh_writes(tmp_path):
    docs = documents()
    assert len(docs) > 30
    (tmp_path / "whoosh").mkdir()
    (tmp_path / "ours").mkdir()
    assert contents(builder_index(tmp_path / "ours", docs)) == contents(
        whoosh_index(tmp_path / "whoosh", docs)
    )


@pytest.mark.slow
def test_many_small_runs_get_merged_and_answer_like_one_run(tmp_path):
    from newsgrep.engine.whoosh.merge import MAX_SEGMENTS
    from newsgrep.engine.whoosh.store import open_for_writing

    paths = sorted(iter_files([CORPUS]))
    one = newsgrep.index_paths([CORPUS], tmp_path / "one")
    # One small segment per run, as incremental runs make them.
    runs = [newsgrep.index_paths([path], tmp_path / "many") for path in paths]
    assert one.indexed == sum(run.indexed for run in runs) == len(paths)
    assert any(run.merged for run in runs)
    assert len(open_for_writing(tmp_path / "many").segments) <= MAX_SEGMENTS
    queries = ("NATO membership", "nato", "people:putin", '"NATO membership"', "date:2001")
    for query in (*queries, "said:putin", "said:putin nato", "said:robertson terrorism"):
        expected = newsgrep.search(tmp_path / "one", query, newsgrep.SearchOptions(limit=0))
        got = newsgrep.search(tmp_path / "many", query, newsgrep.SearchOptions(limit=0))
        assert got.total == expected.total
        assert {h.path for h in got.hits} == {h.path for h in expected.hits}
        assert {h.path: h.quotes for h in got.hits} == {h.path: h.quotes for h in expected.hits}
        if query != "NATO membership":
            # Whoosh's coordination bonus for several words counts the words
            # each segment holds, so only single clauses score alike exactly.
            assert sorted((h.path, round(h.score, 5)) for h in got.hits) == sorted(
                (h.path, round(h.score, 5)) for h in expected.hits
            )


class FakeSegment:
    def __init__(self, docs: int, deleted: int = 0) -> None:
        self.docs, self.deleted = docs, deleted

    def doc_count(self) -> int:
        return self.docs - self.deleted

    def doc_count_all(self) -> int:
        return self.docs

    def deleted_count(self) -> int:
        return self.deleted


def test_merge_policy_leaves_few_large_segments_alone():
    from newsgrep.engine.whoosh.merge import segments_to_merge

    assert segments_to_merge([FakeSegment(30000), FakeSegment(28000)]) == []


def test_merge_policy_merges_small_segments_and_purges_deletions():
    from newsgrep.engine.whoosh.merge import MAX_SEGMENTS, segments_to_merge

    big, small = FakeSegment(30000), [FakeSegment(40), FakeSegment(12)]
    assert set(segments_to_merge([big, *small])) == set(small)
    worn = FakeSegment(20000, deleted=9000)
    assert worn in segments_to_merge([big, worn])
    many = [FakeSegment(10000 + i) for i in range(MAX_SEGMENTS + 3)]
    chosen = segments_to_merge(many)
    assert len(many) - len(chosen) + 1 <= MAX_SEGMENTS
    assert chosen == sorted(many, key=FakeSegment.doc_count)[: len(chosen)]


def test_a_merge_deletes_the_segments_it_replaces(tmp_path):
    from newsgrep.engine.whoosh.merge import merge_segments
    from newsgrep.engine.whoosh.store import commit, open_for_writing, open_searcher

    paths = sorted(iter_files([CORPUS]))[:3]
    for path in paths:
        newsgrep.index_paths([path], tmp_path / "ix")
    state = open_for_writing(tmp_path / "ix")
    assert len(state.segments) == len(paths)
    # A search opened before the merge keeps reading the files it has open.
    searcher = open_searcher(tmp_path / "ix")
    before = searcher.doc_count()
    group = list(state.segments)
    commit(state, add=[merge_segments(state, group)], drop=group)
    assert len(state.segments) == 1
    names = {p.name for p in (tmp_path / "ix").glob("*.seg")}
    assert names == {f for s in state.segments for f in s.list_files(state.storage)}
    assert searcher.doc_count() == before
    assert len(list(searcher.documents())) == before
    searcher.close()
    assert newsgrep.search(tmp_path / "ix", "*").total == before


def test_a_search_that_read_a_replaced_toc_opens_again(tmp_path, monkeypatch):
    from newsgrep.engine.whoosh import store

    path = sorted(iter_files([CORPUS]))[0]
    newsgrep.index_paths([path], tmp_path / "ix")
    real, calls = store._open_once, []

    def first_finds_a_segment_gone(folder, keep_reader):
        calls.append(folder)
        if len(calls) == 1:
            raise FileNotFoundError(2, "No such file or directory", "MAIN_x.seg")
        return real(folder, keep_reader)

    monkeypatch.setattr(store, "_open_once", first_finds_a_segment_gone)
    assert store.open_searcher(tmp_path / "ix").doc_count() > 0
    assert len(calls) == 2


def _postings(reader, base: int = 0) -> dict:
    found: dict = {}
    for fieldname, term in reader.all_terms():
        matcher = reader.postings(fieldname, term)
        while matcher.is_active():
            posting = (matcher.id() + base, matcher.weight(), matcher.value())
            found.setdefault((fieldname, term), []).append(posting)
            matcher.next()
    return found


def test_a_merge_copies_the_blocks_of_segments_without_deletions(tmp_path, monkeypatch):
    from whoosh.reading import SegmentReader

    from newsgrep.engine.whoosh import merge
    from newsgrep.engine.whoosh.store import open_for_writing, reading_storage

    # Blocks of two postings: terms of many blocks, each block copied and renumbered.
    codec = merge.W3Codec.__init__
    monkeypatch.setattr(merge.W3Codec, "__init__", lambda self: codec(self, blocklimit=2))
    for path in sorted(iter_files([CORPUS]))[:6]:
        newsgrep.index_paths([path], tmp_path / "ix")
    state = open_for_writing(tmp_path / "ix")
    storage, group = reading_storage(state), list(state.segments)
    expected: dict = {}
    base = 0
    for segment in group:
        for key, postings in _postings(SegmentReader(storage, state.schema, segment), base).items():
            expected.setdefault(key, []).extend(postings)
        base += segment.doc_count_all()
    merged = SegmentReader(storage, state.schema, merge.merge_segments(state, group))
    assert _postings(merged) == expected
    for (fieldname, term), postings in expected.items():
        info = merged.term_info(fieldname, term)
        assert (info.doc_frequency(), info.min_id(), info.max_id()) == (
            len(postings),
            postings[0][0],
            postings[-1][0],
        )
        assert info.weight() == pytest.approx(sum(weight for _, weight, _ in postings))
