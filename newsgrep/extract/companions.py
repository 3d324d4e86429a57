"""Names that the company they keep makes people.

A capitalised name with no cue of its own ("Mitt Romney" with a given name
the name list lacks, "Cindy" alone) is still a person when the story sets
it beside one: in a list with a person named in full ("Mitt Romney, Arnold
Schwarzenegger, and Mitch Daniels"; lists of single words are as often firms
or provinces, "Shaanxi, Hebei and Gansu"), after a word of kinship ("his
wife, Cindy", "his son Hunter", "a sister, Simran"), after a role and a
comma ("its CEO, Sundar Pichai"), or as the full form of
a surname the story names alone as a person ("Romney told reporters" makes "Mitt Romney" one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from newsgrep.extract import lexicon as lx

# "his wife, Cindy", "a sister, Simran", "her son Hunter", "his brother David's"
_KIN = re.compile(
    r"\b(?:wife|husband|widow|widower|son|daughter|brother|sister|mother|father|"
    r"stepson|stepdaughter|stepfather|stepmother|grandson|granddaughter|grandmother|"
    r"grandfather|uncle|aunt|nephew|niece|cousin|fianc[ée]e?|girlfriend|boyfriend)s?"
    r",?\s+$"
)
# "its CEO, Sundar Pichai", "the group's founder, Jo Quux": a role, a comma.
_ROLE_COMMA = re.compile(
    rf"\b(?:{'|'.join(sorted(re.escape(r) for r in lx.ROLE_NOUNS))}),\s+$", re.IGNORECASE
)
# What stands between two names of one list: ", ", ", and ", " and ", " or ".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or|&)\s+)")
# After a person, a comma alone as often opens an affiliation ("John Doe,
# Legg Mason analyst"): a name after a person needs "and" or "or".
_LIST_GAP_AFTER = re.compile(r",?\s+(?:and|or|&)\s+")
# A list, then the next item: the gap is short.
_GAP = 8

Span = tuple[int, int]


def companions(
    text: str,
    people: Sequence[tuple[Span, str]],
    candidates: Sequence[tuple[Span, str]],
    surnames: set[str],
) -> list[int]:
    """Which ``candidates`` the story sets beside a person: their indexes.
    Names are given as their span and their words joined by spaces:
    ``people`` those already taken for people, ``candidates`` those with no
    cue; ``surnames`` are the words people were named by alone, lower-case."""
    taken: set[int] = set()
    known = list(people)
    for i, ((start, _), words) in enumerate(candidates):
        last = words.split()[-1].lower()
        before = max(0, start - 30)
        if (
            " " in words
            and (last in surnames or _ROLE_COMMA.search(text, before, start))
            or _KIN.search(text, before, start)
        ):
            taken.add(i)
            known.append(candidates[i])
    # A list reaches along ("Mitt Romney, Zeb Quux and Arnold Schwarzenegger"),
    # for full names only: lists of single words are as often firms or
    # provinces ("Shaanxi, Hebei and Gansu") as surnames.
    changed = True
    while changed:
        changed = False
        ends, starts = _edges(span for span, words in known if " " in words)
        for i, (span, words) in enumerate(candidates):
            if (
                i not in taken
                and " " in words
                and (_listed_after(text, span, ends) or _listed_before(text, span, starts))
            ):
                taken.add(i)
                known.append((span, words))
                changed = True
    return sorted(taken)


def _edges(spans: Iterable[Span]) -> tuple[set[int], set[int]]:
    """Where the names end, and where they start."""
    ends, starts = set(), set()
    for start, end in spans:
        starts.add(start)
        ends.add(end)
    return ends, starts


def _listed_after(text: str, span: Span, ends: set[int]) -> bool:
    """Does a known name end just before ``span``, a list's gap between?"""
    start = span[0]
    for end in range(max(0, start - _GAP), start):
        if end in ends and _LIST_GAP_AFTER.fullmatch(text, end, start):
            return True
    return False


def _listed_before(text: str, span: Span, starts: set[int]) -> bool:
    """Does a known name start just after ``span``, a list's gap between?"""
    end = span[1]
    for start in range(end + 1, min(len(text), end + _GAP) + 1):
        if start in starts and _LIST_GAP.fullmatch(text, end, start):
            return True
    return False
