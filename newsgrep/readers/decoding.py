"""Bytes to text: BOMs, UTF-8, UTF-16 without BOM, cp1252/Latin-1, binary refusal."""

from __future__ import annotations

import codecs
import io
from collections import Counter
from collections.abc import Iterator

from newsgrep.safety import clean_text

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


_SAMPLE = 8192


class NotText(ValueError):
    """The bytes are not text in any encoding we read (a binary file)."""


def story_text(data: bytes) -> str:
    """What a reader indexes: decoded text with every line end a newline and
    terminal control sequences removed (they are never part of a story, and
    a snippet cut through one would show its payload)."""
    text = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return clean_text(text)


def decode(data: bytes) -> str:
    """Decode article bytes, or raise NotText for binary data.

    UTF-8 is tried first; a file mixing UTF-8 and cp1252 lines (common after
    copy-and-paste between systems) is decoded line by line.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    utf16 = _bomless_utf16(data[:_SAMPLE])
    if utf16:
        return data.decode(utf16, errors="replace")
    # NULs padding the end of a text file are what a crash or a preallocating
    # writer leaves behind, not a sign of binary data.
    data = data.rstrip(b"\x00")
    if _looks_binary(data):
        raise NotText("binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(decode_piece(line) for line in data.splitlines(keepends=True))


def text_lines(data: bytes) -> Iterator[str]:
    """The lines of a text file one at a time, endings kept, for record readers.

    Unlike :func:`decode` this never holds a second copy of a big file: each
    line is decoded on its own (UTF-8, else cp1252). UTF-16 and UTF-32 files
    are rare enough among exports to be decoded whole.
    """
    if _wide_unicode(data[:_SAMPLE]):
        yield from io.StringIO(decode(data), newline="")
        return
    if b"\x00" in data[:_SAMPLE]:
        raise NotText("binary data (NUL bytes), not text")
    lines = iter(io.BytesIO(data))
    first = next(lines, b"")
    yield decode_piece(first.removeprefix(codecs.BOM_UTF8))
    for line in lines:
        yield decode_piece(line)


def _wide_unicode(sample: bytes) -> bool:
    """UTF-16 or UTF-32 text, with or without a byte order mark."""
    boms = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    return sample.startswith(boms) or _bomless_utf16(sample) is not None


def decode_piece(line: bytes) -> str:
    """Decode one line or record: UTF-8, else cp1252, else Latin-1 (never fails)."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        try:
            return line.decode("cp1252")
        except UnicodeDecodeError:
            return line.decode("latin-1")


def _looks_binary(data: bytes) -> bool:
    """A NUL byte anywhere: images, archives, programs and text with a binary
    tail all hold one, text never does (ripgrep's rule). Other control bytes
    are text's: a ^B in a signature, a BEL, an escape sequence, each removed
    when the text is cleaned, so counting them lost real stories."""
    return b"\x00" in data


def _bomless_utf16(sample: bytes) -> str | None:
    """Spot UTF-16 without a BOM: one byte of each pair (the high byte) takes
    one or two values, 0 for spaces and punctuation and the script's block
    for letters (0x04 for Cyrillic), and the text it decodes to is printable."""
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    for encoding, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if _few_values(high) and _printable(sample.decode(encoding, errors="replace")):
            return encoding
    return None


def _few_values(high_bytes: bytes) -> bool:
    """Zero among the high bytes, and two values making up 90% of them."""
    common = Counter(high_bytes).most_common(2)
    return 0 in dict(common) and sum(n for _, n in common) >= 0.9 * len(high_bytes)


def _printable(text: str) -> bool:
    """Almost every character printable, and words parted by whitespace."""
    good = sum(1 for c in text if (c.isprintable() and c != "\ufffd") or c in "\t\n\r")
    spaces = sum(1 for c in text if c.isspace())
    return good >= 0.95 * len(text) and spaces >= 0.02 * len(text)


def decode_argument(text: str) -> str:
    """Text typed on a terminal that is not UTF-8: its bytes reach Python as
    lone surrogates, which Whoosh cannot encode. Decode them as a file's
    lines are decoded (cp1252, else Latin-1): 'caf\\udce9' becomes 'café'."""
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    try:
        data = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no byte maps to
        data = text.encode("utf-8", "replace")
    return "".join(decode_piece(line) for line in data.splitlines(keepends=True))
