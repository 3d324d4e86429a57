"""Merging segments, so that searches stay fast after many runs.

Every run adds a segment per worker flush, and a search pays for each
segment it opens (measured on Reuters: 50 ms with one segment, 79 ms with
four, 123 ms with twenty). After a run, small segments are merged into one,
and so are the smallest ones whenever there are more than ``MAX_SEGMENTS``;
segments with many deleted stories are rewritten without them. Large segments
are left alone, so a run that changes a few files merges only a little.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from typing import Any

from whoosh.codec.whoosh3 import W3Codec
from whoosh.reading import SegmentReader

from newsgrep.engine.whoosh.internals.blocks import BulkFieldWriter, raw_terms
from newsgrep.engine.whoosh.internals.reading import (
    field_length_totals,
    set_field_length_totals,
)
from newsgrep.engine.whoosh.store import INDEX_NAME, WriteState, commit, reading_storage

MAX_SEGMENTS = 8
# A segment this much smaller than the largest counts as small.
SMALL_RATIO = 10
# Rewrite a segment when this share of its stories is deleted.
DELETED_SHARE = 0.3


def segments_to_merge(segments: list) -> list:
    """The segments one merge should combine (empty: leave the index as it is)."""
    if len(segments) < 2:
        return []
    live = sorted(segments, key=lambda s: s.doc_count())
    largest = live[-1].doc_count()
    chosen = [
        s
        for s in live
        if s.doc_count() * SMALL_RATIO < largest
        or s.deleted_count() > DELETED_SHARE * s.doc_count_all()
    ]
    if len(live) > MAX_SEGMENTS:
        excess = live[: len(live) - MAX_SEGMENTS + 1]
        chosen += [s for s in excess if s not in chosen]
    return chosen if len(chosen) > 1 or any(s.deleted_count() for s in chosen) else []


def merge_if_needed(state: WriteState) -> int:
    """Merge as the policy says; returns how many segments were merged."""
    group = segments_to_merge(state.segments)
    if not group:
        return 0
    merged = merge_segments(state, group)
    commit(state, add=[merged] if merged.doc_count_all() else [], drop=group)
    return len(group)


def merge_segments(state: WriteState, segments: list[Any]) -> Any:
    """Write the live stories of ``segments`` as one new segment; returns it."""
    storage, schema = state.storage, state.schema
    codec = W3Codec()
    merged = codec.new_segment(storage, INDEX_NAME)
    readers = [SegmentReader(reading_storage(state), schema, s) for s in segments]
    try:
        docmaps, lengths = _copy_documents(codec, merged, storage, schema, readers)
        totals = _field_totals(segments, readers)
        writer = BulkFieldWriter(codec, storage, merged)
        for fieldname in sorted({f for r in readers for f in r.indexed_field_names()}):
            if fieldname not in schema:
                continue
            writer.start_field(fieldname, schema[fieldname])
            if any(s.has_deletions() for s in segments):
                for term, docs, pairs in _merged_postings(readers, docmaps, fieldname):
                    writer.add_term(term, docs, pairs, lengths.get(fieldname))
            else:
                for term, parts in _copied_postings(readers, docmaps, fieldname):
                    writer.add_copied_term(term, parts)
            writer.finish_field()
        writer.close()
    finally:
        for reader in readers:
            reader.close()
    merged.set_doc_count(sum(len(m) for m in docmaps))
    set_field_length_totals(merged, totals)
    if merged.doc_count_all():
        merged.create_compound_file(storage)
    return merged


def _copy_documents(
    codec: Any, merged: Any, storage: Any, schema: Any, readers: list[Any]
) -> tuple[list[dict[int, int]], dict[str, list[int]]]:
    """Stored fields, lengths and columns of the live documents, renumbered."""
    perdoc = codec.per_document_writer(storage, merged)
    scorable = [name for name in schema.names() if schema[name].scorable]
    columns = [name for name in schema.names() if schema[name].column_type]
    lengths: dict[str, list[int]] = {name: [] for name in scorable}
    docmaps: list[dict[int, int]] = []
    docnum = 0
    for reader in readers:
        docmap: dict[int, int] = {}
        values = {
            name: reader.column_reader(name, translate=False)
            for name in columns
            if reader.has_column(name)
        }
        for old, stored in reader.iter_docs():
            docmap[old] = docnum
            perdoc.start_doc(docnum)
            for name in schema.names():
                length = 0
                if name in lengths:
                    length = reader.doc_field_length(old, name) or 0
                    lengths[name].append(length)
                perdoc.add_field(name, schema[name], stored.get(name), length)
                if name in values:
                    perdoc.add_column_value(name, schema[name].column_type, values[name][old])
            perdoc.finish_doc()
            docnum += 1
        docmaps.append(docmap)
    perdoc.close()
    return docmaps, lengths


def _field_totals(segments: Sequence[Any], readers: Sequence[Any]) -> dict[str, int]:
    """Each field's total length in the merged segment, exact where it can be.

    A document's length is stored as one lossy byte, so summing the copied
    lengths would shift the average field length BM25 uses, and with it every
    score. A segment without deletions passes on its exact totals.
    """
    totals: dict[str, int] = {}
    for segment, reader in zip(segments, readers, strict=True):
        for name, total in field_length_totals(segment).items():
            if segment.has_deletions():
                total = sum(reader.doc_field_length(d, name) or 0 for d, _ in reader.iter_docs())
            totals[name] = totals.get(name, 0) + total
    return totals


def _copied_postings(
    readers: list[Any], docmaps: list[dict[int, int]], fieldname: str
) -> Iterator[tuple[bytes, list[tuple[bytes, bytes, int]]]]:
    """Each term of the field with its (term info, postings, first document
    number) in every segment that has it: segments without deletions keep
    their documents in order, so their blocks are copied, not decoded."""
    bases, base = [], 0
    for docmap in docmaps:
        bases.append(base)
        base += len(docmap)
    streams = [_numbered_raw_terms(reader, fieldname, i) for i, reader in enumerate(readers)]
    current: bytes = b""
    parts: list[tuple[bytes, bytes, int]] = []
    for term, i, info, postings in heapq.merge(*streams, key=lambda item: item[:2]):
        if term != current and parts:
            yield current, parts
            parts = []
        current = term
        parts.append((info, postings, bases[i]))
    if parts:
        yield current, parts


def _numbered_raw_terms(
    reader: Any, fieldname: str, number: int
) -> Iterator[tuple[bytes, int, bytes, bytes]]:
    for term, info, postings in raw_terms(reader, fieldname):
        yield term, number, info, postings


def _numbered_terms(reader: Any, fieldname: str, number: int) -> Iterator[tuple[bytes, int]]:
    for term in reader.lexicon(fieldname):
        yield term, number


def _merged_postings(
    readers: list[Any], docmaps: list[dict[int, int]], fieldname: str
) -> Iterator[tuple[bytes, list[int], list[tuple[float, bytes]]]]:
    """Each term of the field with its postings from every reader, renumbered."""
    streams = [_numbered_terms(reader, fieldname, i) for i, reader in enumerate(readers)]
    # b"" stands for no term yet: docs stays empty until a term is current.
    current = b""
    docs: list[int] = []
    pairs: list[tuple[float, bytes]] = []
    for term, i in heapq.merge(*streams):
        if term != current:
            if docs:
                yield current, docs, pairs
            current, docs, pairs = term, [], []
        docmap = docmaps[i]
        matcher = readers[i].postings(fieldname, term)
        while matcher.is_active():
            new = docmap.get(matcher.id())
            if new is not None:
                docs.append(new)
                pairs.append((matcher.weight(), matcher.value()))
            matcher.next()
    if docs:
        yield current, docs, pairs
