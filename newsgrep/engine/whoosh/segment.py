"""Write a Whoosh segment straight from documents, in one process.

Whoosh's ``SegmentWriter`` sends every posting through a pool that pickles it
to a temporary run file, sorts the runs externally and reads them back; for
the Reuters corpus that was most of the indexing time. A segment of some
thousands of stories fits in memory, so :class:`SegmentBuilder` keeps each
term's postings in one flat list (already in document order) and writes them
with Whoosh's own codec and block format: any Whoosh reader opens the result.

The index's TOC is not touched here: a finished segment becomes part of the
index only when the indexer commits it (see :mod:`newsgrep.engine.whoosh.store`).
"""

from __future__ import annotations

import struct
from array import array
from operator import itemgetter, sub
from pickle import dumps

from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, W3Codec, W3FieldWriter, W3TermInfo,
)
from whoosh.filedb.filetables import OrderedHashWriter
from whoosh.filedb.structfile import StructFile
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

from newsgrep.engine.whoosh.postings import DocumentPostings, Postings

# Posting blocks are stored uncompressed (the block header says so, and
# readers honour it). zlib took a fifth of segment writing time on Reuters;
# the postings files grow from about 18 MB to 50 MB for its 21,578 stories.
NO_COMPRESSION = 0


class SegmentBuilder:
    """Collects documents and writes them as one new segment of an index.

    Only what newsgrep's schema uses is supported: stored fields, columns and
    postings (no term vectors, no spelling words).
    """

    def __init__(self, storage, schema, indexname: str = "MAIN",
                 analysis: DocumentPostings | None = None) -> None:
        self._codec = W3Codec()
        self._storage = storage
        self._schema = schema
        self.segment = self._codec.new_segment(storage, indexname)
        self._perdoc = self._codec.per_document_writer(storage, self.segment)
        # Shared between a worker's segments: its memo of words is worth keeping.
        self._analysis = analysis or DocumentPostings(schema)
        # fieldname -> term -> [docnum, (weight, value), docnum, (weight, value), ...]
        self._terms: dict[str, dict[bytes, list]] = {}
        # Each scorable field's length per document, for the blocks' length bounds.
        self._lengths: dict[str, array] = {}
        self.doc_count = 0
        self.posting_count = 0

    def add_document(self, fields: dict) -> None:
        """Add one document, given as the keyword arguments of ``add_document``."""
        docnum = self.doc_count
        perdoc = self._perdoc
        perdoc.start_doc(docnum)
        for name in sorted(n for n in fields if not n.startswith("_")):
            value = fields[name]
            if value is None:
                continue
            field = self._schema[name]
            length = 0
            if field.indexed:
                postings, length = self._analysis.postings(name, value)
                self._add_postings(name, docnum, postings, length)
            stored = fields.get(f"_stored_{name}", value)
            # Lengths go to their columns in one write at the end (_write_lengths).
            perdoc.add_field(name, field, stored if field.stored else None, 0)
            if field.column_type and stored is not None:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(stored))
        perdoc.finish_doc()
        self.doc_count += 1

    def _add_postings(self, fieldname: str, docnum: int, postings: Postings,
                      length: int) -> None:
        terms = self._terms.get(fieldname)
        if terms is None:
            terms = self._terms[fieldname] = {}
        find = terms.get
        for term, pair in postings.items():
            found = find(term)
            if found is None:
                terms[term] = [docnum, pair]
            else:
                found.append(docnum)
                found.append(pair)
        self.posting_count += len(postings)
        if length:
            lengths = self._lengths.setdefault(fieldname, array("I"))
            lengths.extend([0] * (docnum + 1 - len(lengths)))
            lengths[docnum] = length

    def finish(self, compound: bool = True):
        """Write the postings and close the segment's files; returns the segment."""
        self._write_lengths()
        self._perdoc.close()
        writer = BulkFieldWriter(self._codec, self._storage, self.segment)
        for fieldname in sorted(self._terms):
            writer.start_field(fieldname, self._schema[fieldname])
            lengths = _stored_lengths(self._lengths.get(fieldname))
            terms = self._terms[fieldname]
            for term in sorted(terms):
                flat = terms[term]
                writer.add_term(term, flat[0::2], flat[1::2], lengths)
            writer.finish_field()
            terms.clear()
        writer.close()
        self.segment.set_doc_count(self.doc_count)
        if compound and self.doc_count:
            self.segment.create_compound_file(self._storage)
        return self.segment

    def _write_lengths(self) -> None:
        """Each scorable field's length column and total, as W3PerDocWriter keeps them.

        The column holds one byte per document (0: none); written at once
        instead of through one add_column_value call per field and story.
        """
        perdoc = self._perdoc
        for name, lengths in self._lengths.items():
            lengths.extend([0] * (self.doc_count - len(lengths)))
            perdoc._fieldlengths[name] += sum(lengths)
            column = f"_{name}_len"
            perdoc._create_column(column, LENGTHS_COLUMN)
            writer = perdoc._get_column(column)
            writer._dbfile.write(bytes(map(length_to_byte, lengths)))
            writer._count = self.doc_count

    def cancel(self) -> None:
        """Drop the segment: delete whatever files it has written so far."""
        self._terms.clear()
        if not self._perdoc.is_closed:
            self._perdoc.close()
        for name in self.segment.list_files(self._storage):
            self._storage.delete_file(name)


def _stored_lengths(lengths: array | None) -> list[int] | None:
    """Field lengths as a reader sees them: Whoosh keeps each as one lossy byte."""
    if lengths is None:
        return None
    return [byte_to_length(length_to_byte(n)) if n else 0 for n in lengths]


class BulkFieldWriter(W3FieldWriter):
    """Whoosh's field writer with a whole-term entry point.

    ``add_term`` writes what ``start_term``, one ``add`` per posting and
    ``finish_term`` would (W3PostingsWriter's block format and W3TermInfo's
    record), without a method call or an object per posting.
    """

    def __init__(self, codec, storage, segment) -> None:
        # W3FieldWriter.__init__, with files that count their own position and
        # a term index that writes each entry at once.
        self._codec, self._storage, self._segment = codec, storage, segment
        self._fieldname = self._fieldid = self._btext = self._fieldobj = self._format = None
        self._tindex = _TermIndex(self._create_file(W3Codec.TERMS_EXT))
        self._fieldmap = self._tindex.extras["fieldmap"] = {}
        self._postfile = self._create_file(W3Codec.POSTS_EXT)
        self._postwriter = None
        self._infield = False
        self.is_closed = False

    def _create_file(self, ext: str):
        created = super()._create_file(ext)
        return StructFile(_CountingFile(created.file), name=str(created))

    def start_field(self, fieldname: str, fieldobj) -> None:
        super().start_field(fieldname, fieldobj)
        self._keyprefix = pack_ushort(self._fieldid)
        self._fixedsize = self._format.fixed_value_size()

    def add_term(self, term: bytes, docs: list[int], pairs: list[tuple[float, bytes]],
                 lengths: list[int] | None) -> None:
        postfile = self._postfile.file
        start = postfile.tell()
        limit = self._codec._blocklimit
        count = len(docs)
        if count <= limit:  # nearly every term: one block
            weight, minlength, maxlength, maxweight, block = self._block(docs, pairs, lengths, True)
            postfile.write(WHOOSH3_HEADER_MAGIC + block)
        else:
            weight, minlength, maxlength, maxweight = 0.0, None, 0, 0
            postfile.write(WHOOSH3_HEADER_MAGIC)
            for first in range(0, count, limit):
                last = first + limit
                stats = self._block(docs[first:last], pairs[first:last], lengths, last >= count)
                postfile.write(stats[4])
                weight += stats[0]
                if stats[1] is not None:
                    minlength = stats[1] if minlength is None else min(minlength, stats[1])
                maxlength = max(maxlength, stats[2])
                maxweight = max(maxweight, stats[3])
        info = _TERMINFO.pack(
            0, weight, count, length_to_byte(minlength), length_to_byte(maxlength),
            maxweight, docs[0], docs[-1],
        )
        self._tindex.add(self._keyprefix + term,
                         info + pack_long(start) + pack_int(postfile.tell() - start))

    def _block(self, ids: list[int], pairs, lengths, final: bool) -> tuple:
        """One block's bytes and its (weight sum, min length, max length, max weight)."""
        weights = list(map(_first, pairs))
        maxweight = max(weights)
        minlength, maxlength = _length_bounds(ids, lengths)
        deltas = tuple(map(sub, ids, [0] + ids[:-1])) if len(ids) > 1 else (ids[0],)
        data = dumps((deltas, _mini_weights(weights), self._mini_values(pairs)), 2)
        header = dumps((len(ids), ids[-1], maxweight, NO_COMPRESSION,
                        length_to_byte(minlength), length_to_byte(maxlength)), 2)
        size = len(header) + len(data)
        block = pack_int(-size if final else size) + header + data
        return sum(weights), minlength, maxlength, maxweight, block

    def _mini_values(self, pairs):
        """The block's values as W3PostingsWriter._mini_values stores them."""
        size = self._fixedsize
        if size == 0:
            return None
        values = tuple(map(_second, pairs))
        return values if size is None or size < 0 else b"".join(values)


class _TermIndex(OrderedHashWriter):
    """Whoosh's term index writer, one write per entry instead of three."""

    def add(self, key: bytes, value: bytes) -> None:
        if key <= self.lastkey:
            raise ValueError(f"Keys must increase: {self.lastkey!r}..{key!r}")
        position = self.dbfile.file.tell()
        self.index.append(position)
        self.dbfile.file.write(_KEY_VALUE_LENGTHS.pack(len(key), len(value)) + key + value)
        code = self.hashfn(key)
        self.buckets[code & 255].append((code, position))
        self.lastkey = key


class _CountingFile:
    """A file being written that knows its position: tell() on a real file is
    an lseek system call, and the term index asks for it twice per term."""

    def __init__(self, file) -> None:
        self._file = file
        self._position = file.tell()

    def write(self, data: bytes) -> int:
        self._position += len(data)
        return self._file.write(data)

    def tell(self) -> int:
        return self._position

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        self._file.close()


_TERMINFO = W3TermInfo._struct
_KEY_VALUE_LENGTHS = struct.Struct("!ii")  # as whoosh.filedb.filetables writes them
_first, _second = itemgetter(0), itemgetter(1)


def _length_bounds(ids: list[int], lengths: list[int] | None) -> tuple[int | None, int]:
    """Shortest and longest field length in a block, as the term info keeps them."""
    if not lengths:
        return None, 0
    found = [lengths[d] for d in ids]
    if 0 in found:
        found = [n for n in found if n]
        if not found:
            return None, 0
    return min(found), max(found)


def _mini_weights(weights: list[float]):
    """Whoosh's compact weights: None if all 1.0, one number if all equal."""
    first = weights[0]
    if weights.count(first) == len(weights):
        return None if first == 1.0 else first
    return tuple(weights)
