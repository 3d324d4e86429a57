"""A quotation as the text every engine indexes, so that ``said:`` means the
same whatever runs it.

A story's quotations are the values of one field, an array whose values an
engine keeps apart (a position gap of 10,000, Lucene's
``position_increment_gap``), analysed like the body. Each value is the
speaker's name, word by word, marked as speaker terms (``_Vladimir
_Putin``: ``_putin`` is Putin speaking, ``putin`` the word), then the
quotation's words, with the mark taken out of them so that no word passes
for a speaker. The body's word analysis keeps the mark (an underscore is a
word character), so a query's speaker is analysed the same way.
"""

from __future__ import annotations

import re

from newsgrep.model import Quote

SPEAKER_MARK = "_"
_NAME_WORD = re.compile(r"\w+")


def marked_name(name: str) -> str:
    """A speaker's name as speaker terms: 'Jean-Claude Juncker' is '_Jean _Claude _Juncker'."""
    return " ".join(SPEAKER_MARK + word for word in _NAME_WORD.findall(name))


def indexed_text(quote: Quote) -> str:
    """One quotation as its field indexes it: the marked speaker, then the words."""
    words = quote.text.replace(SPEAKER_MARK, " ")
    return f"{marked_name(quote.speaker)} {words}" if quote.speaker else words
