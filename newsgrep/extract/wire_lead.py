"""What a wire desk puts above a story's dateline: editor's notes and a byline
run into the dateline's line.

    (Adds executive comment, details)
    By  Sinead Carew NEW YORK  Nov 2 (Reuters) - Wireless ...

A note is a parenthesis that opens the story: "(Updates 1/2)", "(Corrects
headline ...)", "(Recasts with ...)", "(Adds quotes)", one or several, on
one line or on lines of their own. What makes it a note is where it stands,
not its words: it is followed by a dateline, a byline and a dateline, or it
opens with a verb of the desk's own ("Adds", "Corrects", "Repeats"). The
byline's names are the words between "By" and the first word in capitals
that a dateline starts at ("NEW YORK  Nov 2 (Reuters) -", or an agency's
"(Reuters) -" with no place); two reporters are "By A and B".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgrep.extract.dateline import parse_dateline

# A parenthesis that opens the text, one level of nesting allowed ("(Corrects
# spelling (paragraph 3))"); a long one is prose, not a note.
# (Not an agency's dateline without a place: "(Reuters) - ".)
_NOTE = re.compile(r"\s*\((?:[^()]|\([^()]*\)){1,400}\)(?!\s*(?:--|—|–|-|_)\s)\s*")
_FIRST_WORD = re.compile(r"\(\s*([A-Za-z\-]+)")
# The desk's verbs: a note that opens with one is a note wherever the story
# goes on ("(Adds details)" over a story with no dateline).
_DESK_VERBS = frozenset(
    """
adds add updates update corrects correct recasts recast repeats repeat refiles refile
changes change fixes fix inserts insert removes remove deletes delete moves move
clarifies clarify combines combine rewrites rewrite writethru writethrough new amends
amend retransmits retransmit restores restore replaces replace expands expand edits
edit reissues re-issues reissue adding updating correcting recasting
""".split()
)
_BY = re.compile(r"(?i:by)\s+")
# Where a dateline may start after a byline's names: a word in capitals, or
# the agency's parenthesis of a dateline without a place.
# (Not an initial: "By J. R. Smith LONDON" is no dateline at "R.".)
_CAPITALS = re.compile(r"(?<=\s)(?:[A-Z][.'’\-]?[A-Z][A-Z.'’\-]*(?=[\s,/])|\()")
_MAX_BYLINE = 120  # characters of names a byline holds
_MAX_NOTES = 4  # paragraphs of notes read above a dateline
_LEAD_CHARS = 1500  # characters of a paragraph read for notes


@dataclass
class WireLead:
    """The lead paragraphs with notes and byline gone."""

    paragraphs: list[str]  # what stands in place of the ones read
    taken: int  # how many paragraphs were read
    byline: str  # the byline's names as written, or ""


def wire_lead(paragraphs: list[str]) -> WireLead | None:
    """The notes and byline above a dateline at the top of ``paragraphs``, or
    None when the first paragraph opens with neither a note nor a byline."""
    first = paragraphs[0].lstrip()[:3] if paragraphs else ""
    if not (first.startswith("(") or first[:2].lower() == "by"):
        return None
    notes = 0
    for taken, paragraph in enumerate(paragraphs[:_MAX_NOTES], start=1):
        if parse_dateline(paragraph):  # "(Reuters) - Shares ...": the lead itself
            return WireLead([paragraph.strip()], taken, "") if notes else None
        rest, found = _strip_notes(paragraph)
        notes += found
        if rest:
            byline, lead = _byline_dateline(rest)
            if lead is not None:
                return WireLead([lead], taken, byline)
            if notes and _desk_note(paragraphs[0]):
                return WireLead([rest], taken, "")
            return None
    return None  # notes with no story after them: a credit line, not a lead


def _strip_notes(paragraph: str) -> tuple[str, int]:
    """The paragraph past the notes that open it, and how many there were."""
    head, tail = paragraph[:_LEAD_CHARS], paragraph[_LEAD_CHARS:]
    at, count = 0, 0
    while note := _NOTE.match(head, at):
        at, count = note.end(), count + 1
    return (head[at:] + tail).strip() if count else paragraph.strip(), count


def _desk_note(paragraph: str) -> bool:
    """True when the first note opens with a desk verb: "(Adds details)"."""
    word = _FIRST_WORD.match(paragraph.lstrip())
    return word is not None and word.group(1).lower() in _DESK_VERBS


def _byline_dateline(text: str) -> tuple[str, str | None]:
    """('Sinead Carew', 'NEW YORK  Nov 2 (Reuters) - ...') for a byline run
    into a dateline; ('', text) for a dateline alone; ('', None) otherwise."""
    by = _BY.match(text)
    if by is None:
        return "", text if parse_dateline(text) else None
    for capitals in _CAPITALS.finditer(text, by.end(), by.end() + _MAX_BYLINE):
        names = text[by.end() : capitals.start()].strip(" ,")
        if names and names[:1].isupper() and parse_dateline(text[capitals.start() :]):
            return names, text[capitals.start() :]
    return "", None
