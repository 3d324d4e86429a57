"""The words of a speaker's name: a name cut out of the phrase a speech
verb's subject is ("NATO Secretary-General Lord George Robertson" -> George
Robertson), and what tells a person from an organisation or from no one.
"""

from __future__ import annotations

import re

from newsgrep.extract import lexicon as lx

# Titles and roles that come before a name and are no part of it.
TITLE_WORDS = (
    lx.TITLES
    | lx.ROLES
    | frozenset(
        "spokesman spokeswoman spokesperson official chief head candidate nominee "
        "leader lawmaker legislator".split()
    )
)
# Nouns that make a subject an organisation: "the ministry", "the Gabbard campaign".
ORGANISATION_NOUNS = frozenset(
    """
company firm corporation group bank ministry department agency government
administration organization organisation party campaign commission committee
council court union office authority board embassy army military police network
newspaper paper website league association foundation university institute
center centre service team club alliance bureau airline carrier insurer lender
maker producer retailer utility exchange report
""".split()
)
POSSESSIVE = re.compile(r"['’]s?$")
# Endings of a people's adjective ("Canadian", "Japanese", "British", "French").
NATIONALITY = ("an", "ese", "ish", "ian", "i", "ch")


def name_words(phrase: str) -> list[str]:
    """The name in a capitalised phrase: titles, roles and lower-case words
    before it and a sentence's first word ('But Putin') gone, possessives cut."""
    words = [w.rstrip(".,") if not re.fullmatch(r"[A-Z]\.", w) else w for w in phrase.split()]
    cut = 0
    for i, word in enumerate(words):
        if word.endswith(("'s", "’s")):
            words[i] = word = POSSESSIVE.sub("", word)
            if i < len(words) - 1:  # "Virginia's Larry Sabato": the owner goes
                cut = i + 1
        lower = word.lower()
        if (
            lower in TITLE_WORDS
            or lower + "." in TITLE_WORDS  # "Gov" for "Gov."
            or lower in lx.FUNCTION_WORDS
            or not word[:1].isupper()  # "Kremlin spokesman Dmitry Peskov"
        ):
            cut = i + 1
    return [w for w in words[cut:] if w]


def no_speaker(word: str) -> bool:
    """A month, a weekday or a people's adjective ("In July, ...", "Canadian
    ... said") alone names no speaker; a country ("China said") may."""
    return word in lx.MONTHS_AND_DAYS or (word in lx.places() and word.endswith(NATIONALITY))


def organisation_like(words: list[str]) -> bool:
    lowered = [w.lower() for w in words]
    return (
        any(w in lx.ORGANISATION_WORDS or w in ORGANISATION_NOUNS for w in lowered)
        or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1)
        or lowered[-1] in lx.places()
    )


def surname_of(name: str) -> str:
    words = name.split()
    return words[-1].lower() if words else ""


def word_at(text: str, at: int, length: int) -> bool:
    """True when text[at:at+length] is a whole word."""
    before = text[at - 1 : at]
    after = text[at + length : at + length + 1]
    return not (before.isalnum() or after.isalnum())
