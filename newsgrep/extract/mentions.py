"""The mentions the person finder reads from a story, and how they become
its people: those with no cue of their own joined by the company they keep
(:mod:`newsgrep.extract.companions`), then one entry per person under the
longest form of the name, accents folded ("Schröder" = "Schroeder").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgrep.extract.capitals import Story
from newsgrep.extract.companions import companions
from newsgrep.extract.same_person import folded

SUFFIXES = ("jr", "sr")
# "Don't", "We've": no name's word ("O’Rourke" is).
_CONTRACTION = re.compile(r"['’](?:t|ve|d|ll|re|m)$", re.IGNORECASE)


@dataclass
class Mention:
    words: list[str]
    start: int
    rank: str  # "title" ("President Reagan"), "cue" (role noun, apposition), "weak",
    # or "maybe": no cue, a person only if the story sets it beside one (companions)
    run: str = ""  # the run's words, title included: "president reagan"
    end: int = 0


def with_companions(mentions: list[Mention], story: Story) -> list[Mention]:
    """The mentions with a cue, and those without one that the story sets
    beside a person (see :mod:`newsgrep.extract.companions`); a word the
    story also writes in small letters is no name's ("Don't Hire Romney")."""
    sure = [m for m in mentions if m.rank != "maybe"]
    maybe = [
        m
        for m in mentions
        if m.rank == "maybe"
        and not any(w.lower() in story.lowercase or _CONTRACTION.search(w) for w in m.words)
    ]
    if not maybe:
        return sure
    surnames = {m.words[0].lower() for m in sure if len(m.words) == 1}
    people = [((m.start, m.end), " ".join(m.words)) for m in sure]
    candidates = [((m.start, m.end), " ".join(m.words)) for m in maybe]
    for i in companions(story.text, people, candidates, surnames):
        maybe[i].rank = "weak"
        sure.append(maybe[i])
    return sure


def merge(mentions: list[Mention], story: Story) -> list[str]:
    """One entry per person, under the longest form of the name."""
    people: list[Mention] = []
    keys: list[list[str]] = []  # each person's name as _same_person compares it
    for mention in sorted(mentions, key=lambda m: (len(m.words) == 1, m.start)):
        key = _without_suffix(mention.words)
        at = next((i for i, known in enumerate(keys) if _same_person(known, key)), -1)
        if at >= 0:
            same = people[at]
            if len(mention.words) > len(same.words):
                same.words, keys[at] = mention.words, key
            same.start = min(same.start, mention.start)
        elif not _seen_as_organisation(mention, story):
            people.append(Mention(list(mention.words), mention.start, mention.rank))
            keys.append(key)
    return [" ".join(p.words) for p in sorted(people, key=lambda p: p.start)]


def _without_suffix(words: list[str]) -> list[str]:
    low = [folded(w) for w in words]  # "Schröder" = "Schroeder"
    while len(low) > 1 and low[-1].rstrip(".") in SUFFIXES:
        low.pop()
    return low


def _seen_as_organisation(mention: Mention, story: Story) -> bool:
    """ "Texaco said" after "Texaco Inc"; "General Cinema will" after "General
    Cinema Corp"; but "President Reagan" stays after "Reagan Administration",
    and so does a full name with a role ("inside trader Ivan Boesky")."""
    if mention.rank == "title":
        return story.named_organisation(mention.run)
    if len(mention.words) > 1 and mention.rank == "cue":
        return False
    return {w.lower() for w in mention.words} <= story.organisation_words


def _same_person(a: list[str], b: list[str]) -> bool:
    """Do two names (lower case, suffix cut: see _without_suffix) name one person?"""
    if a == b:
        return True
    if len(b) == 1:
        return b[0] in a
    short, long = sorted((a, b), key=len)
    if long[-len(short) :] == short:
        return True  # "Perez de Cuellar" / "Javier Perez de Cuellar"
    return short[0] == long[0] and short[-1] == long[-1]  # George Bush / George W. Bush
