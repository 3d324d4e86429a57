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
# Titles that say a person's sex: "Mr. Romney" is not Ann Romney.
_TITLE_GENDER = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "sir": "m",
    "lord": "m",
    "lady": "f",
}
_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))
POSSESSIVE = re.compile(r"['’]s?$")
_INITIAL = re.compile(r"[A-Z]\.")
# Endings of a people's adjective ("Canadian", "Japanese", "British", "French").
NATIONALITY = ("an", "ese", "ish", "ian", "i", "ch")


def name_words(phrase: str) -> list[str]:
    """The name in a capitalised phrase: titles, roles and lower-case words
    before it and a sentence's first word ('But Putin') gone, possessives cut."""
    words = [w.rstrip(".,") if not _INITIAL.fullmatch(w) else w for w in phrase.split()]
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
    """The surname, lower-case, past a suffix: "John Pitney Jr." -> "pitney"."""
    return surname_word(name).lower()


def surname_word(name: str) -> str:
    """The surname as written, past a suffix: "John Pitney Jr." -> "Pitney"."""
    words = [w.rstrip(".,") for w in name.split()]
    while len(words) > 1 and words[-1].lower() in _SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def word_at(text: str, at: int, length: int) -> bool:
    """True when text[at:at+length] is a whole word."""
    before = text[at - 1 : at]
    after = text[at + length : at + length + 1]
    return not (before.isalnum() or after.isalnum())


def title_gender(phrase: str) -> str:
    """'Mr. Romney' is a man, 'Mrs. Romney' a woman; "" when no title says."""
    first = phrase.split()[0].rstrip(".").lower() if phrase.split() else ""
    return _TITLE_GENDER.get(first, "")


def gender_of(person: str) -> str:
    """The gender of ``person``'s first name: "m", "f" or "" (unknown, or a
    surname alone)."""
    first = person.split()[0].lower() if " " in person else ""
    return lx.given_name_genders().get(first, "")


def trailing_name(words: list[str]) -> str:
    """The capitalised words ending a description after lower-case ones ("a
    frustrated and hapless Mike Pence" -> "Mike Pence"), or ""."""
    i = len(words)
    while i > 0 and words[i - 1][:1].isupper():
        i -= 1
    return " ".join(words[i:]) if 0 < i < len(words) else ""
