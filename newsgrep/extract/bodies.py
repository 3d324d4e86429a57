"""The organisation or author a story named before calling it "the company",
"the ministry" or "the letter": searched back from a quotation within a
window, so that a huge story stays linear.
"""

from __future__ import annotations

import functools
import re

from newsgrep.extract.speaker_names import POSSESSIVE, name_words

_OWNER_WORDS = (
    r"(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*(?:\s+(?:campaign|administration|"
    r"government|company|committee|party|ministry|group|department))?"
)
_AUTHORED = (
    r"\b{document}\s+(?:from|by|of)\s+(?P<from>" + _OWNER_WORDS + r")"
    r"|(?P<by>" + _OWNER_WORDS + r")['’]s(?:\s+[a-z][\w\-]*){{0,2}}\s+{document}\b"
)
_COMPANY_HEADS = frozenset("company firm corporation group bank".split())
_SUFFIXES = r"(?:Inc|Corp|Co|Ltd|LLC|Plc|PLC|AG|SA|NV|Group|Corporation|Company|Bank)\b\.?"
# A company's name: capitalised words up to a suffix, found from the suffix
# back (the suffix is rare; capitalised words are everywhere).
_COMPANY_SUFFIX = re.compile(_SUFFIXES)
_COMPANY = re.compile(
    rf"[A-Z][\w&'’.\-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&'’.\-]*){{0,4}}\s+{_SUFFIXES}$"
)
# "the Defence Ministry", "Ministry of Defence": a body named with the noun.
_NAMED_BODY = r"(?:[A-Z][\w&'’.\-]*\s+){{0,4}}{head}\b(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w'’\-]*)+)?"


# The patterns for one document ("letter") or body ("ministry"), compiled
# once per process: the words come from closed lists in speakers.py.
@functools.cache
def _authored(document: str) -> re.Pattern[str]:
    return re.compile(_AUTHORED.format(document=re.escape(document)))


@functools.cache
def _named_body(head: str) -> re.Pattern[str]:
    return re.compile(_NAMED_BODY.format(head=head.capitalize()))


def author_of(body: str, document: str, low: int, at: int) -> str | None:
    """Who wrote 'the letter': the story's last 'letter from the Gabbard
    campaign' or 'the Gabbard campaign's letter' between ``low`` and ``at``."""
    pattern = _authored(document)
    found = None
    for found in pattern.finditer(body, low, at):  # noqa: B007 (the last one)
        continue
    if not found:
        return None
    words = POSSESSIVE.sub("", (found.group("from") or found.group("by")).strip()).split()
    return " ".join(w for w in words if w.lower() not in ("the", "a", "an")) or None


def organisation_named(body: str, head: str, low: int, at: int) -> str | None:
    """The organisation a story named between ``low`` and ``at`` before
    calling it 'the company' (a name with "Inc", "Corp" ...) or 'the
    ministry' (a name with "Ministry" in it)."""
    if head in _COMPANY_HEADS:
        suffixes = list(_COMPANY_SUFFIX.finditer(body, low, at))
        found = (
            _COMPANY.search(body, max(0, suffixes[-1].start() - 80), suffixes[-1].end())
            if suffixes
            else None
        )
    else:
        named = _named_body(head)
        found = None
        for found in named.finditer(body, low, at):  # noqa: B007 (the last one)
            continue
    if not found:
        return None
    return " ".join(name_words(found.group()) or found.group().split())
