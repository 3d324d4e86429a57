"""Names a story credits rather than tells of: photographers and reporters
in captions and closing lines, who belong with the authors, never with the
people.

The story gives them away by how it writes them, whatever the outlet:
a name beside a slash ("Jim Bourg/Reuters", "REUTERS/Mike Segar", "AP
Photo/Noah Berger", "Drew Angerer/Getty Images"), a "By" line ("By Mark
Sumner"), a list of names that "contributed to this report" or after "reporting by". Two or more
words make a credited name: "the Cohen/Daniels payment" credits no one.
"""

from __future__ import annotations

import re

from newsgrep.extract import lexicon as lx

_WORD = r"[A-Z][\w'’.-]*"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{1,3}}"
# "Steve Helber/AP Photo", "(Erin Scott/Reuters)", "Jacquelyn Martin/AP";
# what follows the slash is kept to tell "Hillary Clinton/Bernie Sanders"
# (two people) from a credit.
_NAME_SLASH = re.compile(rf"(?<![\w/])({_NAME})[ \t]?/[ \t]?({_WORD})")
# "REUTERS/Mike Segar", "(AP Photo/Noah Berger)" at the end of a caption;
# not "ABC News/Washington Post poll", nor "Hillary Clinton/Bernie Sanders".
_SLASH_NAME = re.compile(rf"(?:({_WORD})[ \t]+)?[A-Za-z]+/({_NAME})[ \t]*(?=[)\]]|\n|$)")
# "By Mark Sumner" opening a line (or after the wide gap a page leaves).
_BY_LINE = re.compile(rf"(?:^|\n|[ \t]{{2}})By[ \t]+({_NAME})(?=[ \t]*(?:[,|\n]|[ \t]{{2}}|$))")
# "CNN's Paul Steinhauser, Kevin Liptak and Ashley Killough contributed to this report"
_CONTRIBUTED = re.compile(rf"((?:{_NAME}(?:,[ \t]+|,?[ \t]+and[ \t]+))*{_NAME})[ \t]+contributed\b")
# Words of a caption's furniture, never of a photographer's name: "File
# Photo", "Pool Photo", "Getty Images".
_NOT_NAMES = lx.ORGANISATION_WORDS | frozenset(
    "photo photos photograph image images file pool staff register monitor video".split()
)
# "Additional reporting by Alistair Coleman, Olga Robinson and Benjamin Strick"
_REPORTING_BY = re.compile(
    r"\b(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ww]ritten)[ \t]+by[ \t]+"
    rf"((?:{_NAME}(?:,[ \t]+|,?[ \t]+and[ \t]+))*{_NAME})"
)
_SEPARATOR = re.compile(r",[ \t]+|,?[ \t]+and[ \t]+")


def credited_names(text: str) -> list[str]:
    """The names ``text`` credits, each once."""
    found: list[str] = []
    if "/" in text:
        found += [name for name, other in _NAME_SLASH.findall(text) if not _given(other, name)]
        found += [name for before, name in _SLASH_NAME.findall(text) if not _given(before)]
    if "By" in text:
        found += _BY_LINE.findall(text)
    listed: list[str] = []  # the words around a list say it credits: no given name needed
    for pattern in (_CONTRIBUTED, _REPORTING_BY) if " by " in text or "contributed" in text else ():
        for names in pattern.findall(text):
            listed += [_after_owner(name) for name in _SEPARATOR.split(names)]
    named = [name for found_name in found if (name := _person(found_name))]
    return list(dict.fromkeys(named + [name for name in listed if " " in name]))


def _after_owner(name: str) -> str:
    """ "CNN's Paul Steinhauser" -> "Paul Steinhauser"."""
    words = name.split()
    owners = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))]
    return " ".join(words[owners[-1] + 1 :] if owners else words)


def _given(word: str, other: str = "") -> bool:
    """A given name, not an agency's capitals ("AP"), a function word or a
    place's first word ("San"), nor the first word of ``other``."""
    low = word.lower()
    return (
        low in lx.given_names()
        and not word.isupper()
        and low not in lx.FUNCTION_WORDS
        and low not in lx.PLACE_PREFIXES
        and not other.startswith(word)
    )


def _person(credit: str) -> str:
    """The person's name in a credit, from its first given name on ("AP
    William Croyle" -> "William Croyle", "CNN's Paul Steinhauser" -> "Paul
    Steinhauser"), or "" when it names none ("Getty Images", "AP Photo",
    "Wall Street Journal", "Jeff B")."""
    words = credit.split()
    ends = [i for i, w in enumerate(words[:-1]) if w.endswith(".") and len(w) > 2]
    words = words[ends[-1] + 1 :] if ends else words  # "John Lewis. Rick Diamond"
    while words and words[-1].lower() in lx.FUNCTION_WORDS:
        words.pop()  # "Jim Bourg More" (a link's word after a caption)
    for i, word in enumerate(words[:-1]):
        if _given(word):
            name = words[i:]
            furniture = any(w.lower() in _NOT_NAMES for w in name)
            return " ".join(name) if len(name[-1]) > 1 and not furniture else ""
    return ""
