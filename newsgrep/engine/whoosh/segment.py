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

from array import array
from typing import Any

from whoosh.codec.whoosh3 import W3Codec
from whoosh.util.numeric import byte_to_length, length_to_byte

from newsgrep.engine.whoosh.internals.blocks import BulkFieldWriter, write_length_column
from newsgrep.engine.whoosh.postings import DocumentPostings, Postings


class SegmentBuilder:
    """Collects documents and writes them as one new segment of an index.

    Only what newsgrep's schema uses is supported: stored fields, columns and
    postings (no term vectors, no spelling words).
    """

    def __init__(
        self,
        storage: Any,
        schema: Any,
        indexname: str = "MAIN",
        analysis: DocumentPostings | None = None,
    ) -> None:
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
        # An index keeps the schema it was built with: a field added to
        # newsgrep since (quotes) is left out until the index is rebuilt.
        for name in sorted(n for n in fields if not n.startswith("_") and n in self._schema):
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

    def _add_postings(self, fieldname: str, docnum: int, postings: Postings, length: int) -> None:
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

    def finish(self, compound: bool = True) -> Any:
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
        for name, lengths in self._lengths.items():
            lengths.extend([0] * (self.doc_count - len(lengths)))
            write_length_column(self._perdoc, name, lengths)

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
