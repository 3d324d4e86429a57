"""Article text is untrusted: nothing from a file may reach the terminal as a
control sequence. Every string shown is cleaned here first.

File names are untrusted too, and may not even be text: bytes that are not
UTF-8 reach Python as lone surrogates (U+DC80-U+DCFF, "surrogateescape"),
which no UTF-8 stream or JSON encoder can write. :func:`escape_undecodable`
shows them as ``\\xNN``, the way ``ls -b`` does.
"""

from __future__ import annotations

import re

# ESC-introduced sequences (CSI, OSC with its BEL or ST terminator, and
# two-byte escapes), their 8-bit C1 forms, then any other C0/C1 control.
_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 and C1 controls but tab and newline, DEL, and the invisible bidi
# controls that make text display in another order than it reads.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_WHITESPACE = re.compile(r"\s+")
_LINE_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]+")


def escape_undecodable(text: str) -> str:
    """Lone surrogates as visible escapes: a file name's non-UTF-8 byte 0xNN
    (U+DCNN after surrogateescape) becomes ``\\xNN``; any other one U+FFFD."""
    if not _SURROGATES.search(text):
        return text
    return _SURROGATES.sub(_surrogate_escape, text)


def _surrogate_escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


def clean_text(text: str) -> str:
    """Remove escape sequences and control characters; keep newlines and tabs."""
    return escape_undecodable(_CONTROLS.sub("", _SEQUENCES.sub("", text)))


def clean_inline(text: str) -> str:
    """Clean a piece of a line: any run of whitespace becomes one space."""
    # Printable text holds no control, format, surrogate or line-break
    # character and no whitespace but the space: only runs of spaces change.
    # (Four regular expressions per name were half of `--by person` at 100k.)
    if text.isprintable() and "  " not in text:
        return text
    return _WHITESPACE.sub(" ", clean_text(_LINE_BREAKS.sub(" ", text)))


def clean_line(text: str) -> str:
    """Clean text for a one-line field: line breaks become single spaces."""
    return clean_inline(text).strip()
