"""Reading Whoosh's files past its public API: the table of contents,
field length totals, whole columns and posting blocks at a time."""

from __future__ import annotations

import struct
from array import array
from typing import Any

from whoosh import index
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound


def read_toc(folder: str, indexname: str) -> Any:
    """The index's current table of contents (schema, segments, generation)."""
    return index.open_dir(folder, indexname)._read_toc()


def toc_pattern(indexname: str) -> Any:
    """The regular expression TOC file names match; group 1 is the generation."""
    return index.TOC._pattern(indexname)


def field_length_totals(segment: Any) -> dict[str, int]:
    """Each field's total length over a segment's documents (BM25's average)."""
    totals: dict[str, int] = segment._fieldlengths
    return totals


def set_field_length_totals(segment: Any, totals: dict[str, int]) -> None:
    segment._fieldlengths = totals


def bytes_column_data(reader: Any, fieldname: str) -> bytes:
    """A VarBytesColumn's values in one segment, concatenated in document
    order: one read. (Whoosh's column reader reads once per document, and
    opening it sums the lengths in a Python loop when it has no offsets.)

    The column is the values, then one length per document, then (with more
    than 2**15 documents) one offset per document, then the type codes: the
    lengths' alone, or the lengths', the offsets' and "X"."""
    doccount = reader.doc_count_all()
    if not reader.has_column(fieldname) or not doccount:
        return b""
    perdoc = reader._perdoc
    if fieldname not in perdoc._colfiles:  # as the per-document reader keeps (and closes) it
        perdoc._colfiles[fieldname] = perdoc._get_column_file(fieldname)
    colfile, start, length = perdoc._colfiles[fieldname]
    last = start + length - 1
    code = chr(colfile.get_byte(last))
    if code == "X":
        code = chr(colfile.get_byte(last - 2))
        last = last - 2 - doccount * struct.calcsize(chr(colfile.get_byte(last - 1)))
    lengths_start = last - doccount * struct.calcsize(code)
    data: bytes = colfile.get(start, lengths_start - start)
    return data


def numeric_column_values(reader: Any, fieldname: str) -> array:
    """A NumericColumn's values in one segment as an array, the column's
    default for the documents after the last one written (as its reader gives)."""
    doccount = reader.doc_count_all()
    kind = reader.schema[fieldname].column_type
    if not reader.has_column(fieldname):
        return array(kind._typecode, [kind._default] * doccount)
    column = reader.column_reader(fieldname, translate=False)
    values = array(column._typecode)
    values.extend(column._dbfile.get_array(column._basepos, column._typecode, column._count))
    values.extend([column._default] * (doccount - len(values)))
    return values


def posting_ids(reader: Any, fieldname: str, text: Any) -> set[int]:
    """The live documents in a term's postings on one segment, read a block
    at a time: walking the matcher posting by posting (``all_ids``) cost
    more than scoring them. Empty for a term the segment lacks."""
    try:
        matcher = reader.postings(fieldname, text)
    except TermNotFound:
        return set()
    deleted: frozenset[int] = frozenset()
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        matcher, deleted = matcher.child, frozenset(matcher._ids)
    if not isinstance(matcher, W3LeafMatcher):
        return set(matcher.all_ids()) - deleted
    ids: set[int] = set()
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        ids.update(matcher._ids)
        matcher._next_block()
    return ids - deleted if deleted else ids
