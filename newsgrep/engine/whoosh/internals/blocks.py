"""Writing and copying Whoosh's posting blocks and term index past its
public API: whole terms at once, blocks copied between segments."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator, Sequence
from io import BytesIO
from operator import itemgetter, sub
from pickle import Unpickler, dumps, loads
from typing import IO, Any

from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3TermInfo,
)
from whoosh.filedb.filetables import OrderedHashWriter
from whoosh.filedb.structfile import StructFile
from whoosh.system import pack_int, pack_long, pack_ushort, unpack_int, unpack_long
from whoosh.util.numeric import length_to_byte

# A posting block's header says whether its data is compressed, and readers
# honour it per block. Compressing every block (as Whoosh does, level 3) took
# a fifth of segment writing time on Reuters; left uncompressed, the postings
# grew from 18 MB to 50 MB. Most blocks are a few bytes long (a word in one or
# two stories) and gain little, so only blocks of COMPRESS_FROM bytes or more
# are compressed, at zlib's fastest level.
COMPRESS_FROM = 256
COMPRESS_LEVEL = 1


def write_length_column(perdoc: Any, fieldname: str, lengths: Sequence[int]) -> None:
    """A field's length column and total, as W3PerDocWriter keeps them.

    The column holds one byte per document (0: none); written at once
    instead of through one add_column_value call per field and story.
    """
    perdoc._fieldlengths[fieldname] += sum(lengths)
    column = f"_{fieldname}_len"
    perdoc._create_column(column, LENGTHS_COLUMN)
    writer = perdoc._get_column(column)
    writer._dbfile.write(bytes(map(length_to_byte, lengths)))
    writer._count = len(lengths)


class BulkFieldWriter(W3FieldWriter):
    """Whoosh's field writer with a whole-term entry point.

    ``add_term`` writes what ``start_term``, one ``add`` per posting and
    ``finish_term`` would (W3PostingsWriter's block format and W3TermInfo's
    record), without a method call or an object per posting.
    """

    def __init__(self, codec: Any, storage: Any, segment: Any) -> None:
        # W3FieldWriter.__init__, with files that count their own position and
        # a term index that writes each entry at once.
        self._codec, self._storage, self._segment = codec, storage, segment
        self._fieldname = self._fieldid = self._btext = self._fieldobj = None
        self._format: Any = None  # the field's Whoosh format, from start_field
        self._tindex = _TermIndex(self._create_file(W3Codec.TERMS_EXT))
        self._fieldmap: dict[str, int] = {}  # field name -> number
        self._tindex.extras["fieldmap"] = self._fieldmap
        self._postfile = self._create_file(W3Codec.POSTS_EXT)
        self._postwriter = None
        self._infield = False
        self.is_closed = False

    def _create_file(self, ext: str) -> StructFile:
        created = super()._create_file(ext)
        return StructFile(_CountingFile(created.file), name=str(created))

    def start_field(self, fieldname: str, fieldobj: Any) -> None:
        super().start_field(fieldname, fieldobj)
        self._keyprefix = pack_ushort(self._fieldid)
        self._fixedsize = self._format.fixed_value_size()

    def add_term(
        self,
        term: bytes,
        docs: list[int],
        pairs: list[tuple[float, bytes]],
        lengths: list[int] | None,
    ) -> None:
        postfile = self._postfile.file
        start = postfile.tell()
        limit = self._codec._blocklimit
        count = len(docs)
        if count <= limit:  # nearly every term: one block (most: of one posting)
            stats = (
                self._single(docs[0], pairs[0], lengths)
                if count == 1
                else self._block(docs, pairs, lengths, True)
            )
            weight, minlength, maxlength, maxweight, block = stats
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
            0,
            weight,
            count,
            length_to_byte(minlength),
            length_to_byte(maxlength),
            maxweight,
            docs[0],
            docs[-1],
        )
        self._tindex.add(
            self._keyprefix + term, info + pack_long(start) + pack_int(postfile.tell() - start)
        )

    def _block(
        self,
        ids: list[int],
        pairs: list[tuple[float, bytes]],
        lengths: list[int] | None,
        final: bool,
    ) -> tuple[float, int | None, int, float, bytes]:
        """One block's bytes and its (weight sum, min length, max length, max weight)."""
        weights = list(map(_first, pairs))
        maxweight = max(weights)
        minlength, maxlength = _length_bounds(ids, lengths)
        deltas = tuple(map(sub, ids, [0] + ids[:-1])) if len(ids) > 1 else (ids[0],)
        data = dumps((deltas, _mini_weights(weights), self._mini_values(pairs)), 2)
        compression = COMPRESS_LEVEL if len(data) >= COMPRESS_FROM else 0
        if compression:
            data = zlib.compress(data, compression)
        header = dumps(
            (
                len(ids),
                ids[-1],
                maxweight,
                compression,
                length_to_byte(minlength),
                length_to_byte(maxlength),
            ),
            2,
        )
        size = len(header) + len(data)
        block = pack_int(-size if final else size) + header + data
        return sum(weights), minlength, maxlength, maxweight, block

    def add_copied_term(self, term: bytes, parts: Sequence[tuple[bytes, bytes, int]]) -> None:
        """A term's postings copied from segments without deletions, block by
        block: ``parts`` are (term info, postings bytes, first document
        number) from raw_terms, in document order. Only each block's first
        document number and last one change; weights, values and lengths stay
        as they were written."""
        postfile = self._postfile.file
        start = postfile.tell()
        postfile.write(WHOOSH3_HEADER_MAGIC)
        blocks = [(block, base) for _, postings, base in parts for block in _blocks(postings)]
        for number, ((header, data), base) in enumerate(blocks):
            postfile.write(_shifted_block(header, data, base, number == len(blocks) - 1))
        infos = [(_TERMINFO.unpack_from(info), base) for info, _, base in parts]
        shortest = [i[3] for i, _ in infos if i[3]]
        info = _TERMINFO.pack(
            0,
            sum(i[1] for i, _ in infos),
            sum(i[2] for i, _ in infos),
            min(shortest) if shortest else 0,
            max(i[4] for i, _ in infos),
            max(i[5] for i, _ in infos),
            infos[0][0][6] + infos[0][1],
            infos[-1][0][7] + infos[-1][1],
        )
        self._tindex.add(
            self._keyprefix + term, info + pack_long(start) + pack_int(postfile.tell() - start)
        )

    def _single(
        self, doc: int, pair: tuple[float, bytes], lengths: list[int] | None
    ) -> tuple[float, int | None, int, float, bytes]:
        """What _block makes of one posting, without its lists."""
        weight, value = pair
        length = lengths[doc] if lengths else 0
        size = self._fixedsize
        values = None if size == 0 else (value,) if size is None or size < 0 else value
        data = dumps(((doc,), None if weight == 1.0 else weight, values), 2)
        compression = COMPRESS_LEVEL if len(data) >= COMPRESS_FROM else 0
        if compression:
            data = zlib.compress(data, compression)
        lengthbyte = length_to_byte(length) if length else 0
        header = dumps((1, doc, weight, compression, lengthbyte, lengthbyte), 2)
        block = pack_int(-(len(header) + len(data))) + header + data
        return weight, length or None, length, weight, block

    def _mini_values(self, pairs: list[tuple[float, bytes]]) -> tuple[bytes, ...] | bytes | None:
        """The block's values as W3PostingsWriter._mini_values stores them."""
        size = self._fixedsize
        if size == 0:
            return None
        values = tuple(map(_second, pairs))
        return values if size is None or size < 0 else b"".join(values)


def raw_terms(reader: Any, fieldname: str) -> Iterator[tuple[bytes, bytes, bytes]]:
    """(term, term info, postings bytes) of each term of a field in one
    segment, in order, read straight from its term index and postings file.

    Both are read ahead in chunks: entries follow each other in term order,
    and so (as newsgrep writes them) do their postings, while every read of a
    segment file opened without mmap is a seek and a read through Whoosh's
    file layers.
    """
    terms = reader._terms
    if fieldname not in terms._fieldmap:
        return
    prefix = pack_ushort(terms._fieldmap[fieldname])
    tindex = terms._tindex
    at = tindex.closest_key_pos(prefix)
    if at is None:
        return
    entries, postings = _ReadAhead(tindex.dbfile), _ReadAhead(terms._postfile)
    lengths, infosize = _KEY_VALUE_LENGTHS.size, _TERMINFO.size
    while at < tindex.endofdata:
        keylength, valuelength = _KEY_VALUE_LENGTHS.unpack(entries.get(at, lengths))
        entry = entries.get(at + lengths, keylength + valuelength)
        at += lengths + keylength + valuelength
        if not entry.startswith(prefix):
            return
        key, value = entry[len(prefix) : keylength], entry[keylength:]
        if value[0]:  # postings inlined in the term info: Whoosh's writer never does it
            raise ValueError(f"inlined postings of {key!r}")
        offset = unpack_long(value[infosize : infosize + 8])[0]
        length = unpack_int(value[infosize + 8 : infosize + 12])[0]
        yield key, value[:infosize], postings.get(offset, length)


class _ReadAhead:
    """Reads of a file that mostly move forward, served from chunks."""

    def __init__(self, file: Any) -> None:
        self._file, self._start, self._chunk = file, 0, b""

    def get(self, position: int, length: int) -> bytes:
        offset = position - self._start
        if offset < 0 or offset + length > len(self._chunk):
            self._start, offset = position, 0
            self._chunk = self._file.get(position, max(length, READ_AHEAD))
        return self._chunk[offset : offset + length]


READ_AHEAD = 256 * 1024


def _blocks(postings: bytes) -> Iterator[tuple[tuple, bytes]]:
    """The (header, data) of each block of a term's postings (after the magic)."""
    at = len(WHOOSH3_HEADER_MAGIC)
    while at < len(postings):
        size = abs(unpack_int(postings[at : at + 4])[0])
        block = BytesIO(postings[at + 4 : at + 4 + size])
        header = Unpickler(block).load()
        yield header, block.read()
        at += 4 + size


def _shifted_block(header: tuple, data: bytes, base: int, final: bool) -> bytes:
    """A block with its document numbers moved on by ``base``."""
    count, last, maxweight, compression, shortest, longest = header
    if base:
        raw = zlib.decompress(data) if compression else data
        deltas, weights, values = loads(raw)
        deltas = (deltas[0] + base, *deltas[1:])
        data = dumps((deltas, weights, values), 2)
        compression = COMPRESS_LEVEL if len(data) >= COMPRESS_FROM else 0
        if compression:
            data = zlib.compress(data, compression)
    head = dumps((count, last + base, maxweight, compression, shortest, longest), 2)
    size = len(head) + len(data)
    block: bytes = pack_int(-size if final else size) + head + data
    return block


class _TermIndex(OrderedHashWriter):
    """Whoosh's term index writer, one write per entry instead of three."""

    lastkey: bytes  # set by OrderedHashWriter.__init__

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

    def __init__(self, file: IO[bytes]) -> None:
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


def _mini_weights(weights: list[float]) -> float | tuple[float, ...] | None:
    """Whoosh's compact weights: None if all 1.0, one number if all equal."""
    first = weights[0]
    if weights.count(first) == len(weights):
        return None if first == 1.0 else first
    return tuple(weights)
