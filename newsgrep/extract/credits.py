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
from newsgrep.extract.sources import is_agency

_WORD = r"[A-Z][\w'’.-]*"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{1,3}}"
_NAMES = rf"((?:{_NAME}(?:,[ \t]+|,?[ \t]+and[ \t]+)(?:the[ \t]+)?)*{_NAME})"
# Each pattern is tried only where a cheap search of the text found its
# anchor (a slash, "By ", "contributed", "reporting by"): scanning every
# story with them cost more than finding its people.
_SLASH = re.compile(r"(?<=[\w)])[ \t]?/[ \t]?(?=[A-Z])")
# "Steve Helber/AP Photo", "(Erin Scott/Reuters)", "Jacquelyn Martin/AP";
# what follows the slash is kept to tell "Hillary Clinton/Bernie Sanders"
# (two people) from a credit.
_NAME_BEFORE = re.compile(rf"(?<![\w/])({_NAME})\Z")
_WORD_AFTER = re.compile(_WORD)
# After the agency a caption ends, or goes on in capitals ("AP Photo",
# "Getty Images"): not "Le Havre/Marseilles  96.23", not "Royal Dutch/Shell said".
_CAPTION_GOES_ON = re.compile(r"[ \t]*(?:$|[)\]|\n/]|[A-Z]|via\b)")
# "REUTERS/Mike Segar", "(AP Photo/Noah Berger)" at the end of a caption;
# not "ABC News/Washington Post poll", nor "Hillary Clinton/Bernie Sanders".
_WORDS_BEFORE = re.compile(rf"(?:({_WORD})[ \t]+)?([A-Za-z]+)\Z")
_NAME_ENDING = re.compile(rf"({_NAME})[ \t]*(?=[)\]]|\n|$)")
# "By Mark Sumner" opening a line (or after the wide gap a page leaves).
_BY = re.compile(rf"By[ \t]+({_NAME})(?=[ \t]*(?:[,|\n]|[ \t]{{2}}|$))")
# "CNN's Paul Steinhauser, Kevin Liptak and Ashley Killough contributed to this report"
_CONTRIBUTORS = re.compile(rf"{_NAMES}[ \t]+\Z")
# "Additional reporting by Alistair Coleman, Olga Robinson and Benjamin Strick"
# Not "written by": "The letter, written by Coastal Chairman Oscar S. Wyatt Jr".
_REPORTING = ("reporting by ", "writing by ", "editing by ", "compiled by ")
_REPORTERS = re.compile(_NAMES)
_WINDOW = 60  # a credited name's length, and more
_LIST_WINDOW = 300
# Words of a caption's furniture, never of a photographer's name: "File
# Photo", "Pool Photo", "Getty Images".
_NOT_NAMES = lx.ORGANISATION_WORDS | frozenset(
    "photo photos photograph image images file pool staff register monitor video".split()
)
_SEPARATOR = re.compile(r"(?:,[ \t]+|,?[ \t]+and[ \t]+)(?:the[ \t]+)?")


def credited_names(text: str) -> list[str]:
    """The names ``text`` credits, each once."""
    found = _beside_slashes(text) if "/" in text else []
    found += _by_lines(text)
    # The words around a list say it credits: no given name is needed.
    listed = [
        _sentence_cut(_after_owner(n)) for names in _lists(text) for n in _SEPARATOR.split(names)
    ]
    named = [name for found_name in found if (name := _person(found_name))]
    listed = [n for n in listed if " " in n and not any(w.lower() in _NOT_NAMES for w in n.split())]
    return list(dict.fromkeys(named + listed))


def _beside_slashes(text: str) -> list[str]:
    found = []
    for slash in _SLASH.finditer(text):
        start, end = slash.span()
        before = text[max(0, start - _WINDOW) : start]
        if "://" in before or "www." in before:
            continue  # a link's path: "https://t.co/FbsTk5Kby7"
        other = _WORD_AFTER.match(text, end)
        named = _NAME_BEFORE.search(before)
        if (
            named
            and other
            and _CAPTION_GOES_ON.match(text, other.end())
            and not _given(other[0], named[1])
            and (_after_sentence(named[1]) or _caption_starts(before[: named.start(1)]))
        ):
            found.append(named[1])
        after = _NAME_ENDING.match(text, end)
        words = _WORDS_BEFORE.search(before) if after else None
        if after and words and _agency(words[2]) and not _given(words[1] or ""):
            found.append(after[1])
    return found


_CAPTION_WORDS = (
    "caption",
    "photo",
    "photograph",
    "credit",
    "photo by",
    "photos by",
    "photograph by",
)


def _after_sentence(name: str) -> bool:
    """Does a sentence end inside the would-be name ("Justice. Chip
    Somodevilla"), so that the credit starts after it?"""
    return any(w.endswith(".") and len(w) > 2 for w in name.split()[:-1])


def _caption_starts(before: str) -> bool:
    """Does a credit start here: at a line's or a caption's start, after a
    bracket or a bar, a sentence, "caption", "Photo:" or "Photo by"? Not mid-sentence
    ("owned by Royal Dutch/Shell Group"):
    "said Royal Dutch/Shell" names a firm."""
    before = before.rstrip(" \t")
    return not before or before[-1] in "([|\n.:" or before.lower().endswith(_CAPTION_WORDS)


def _agency(word: str) -> bool:
    """What stands before the slash of "REUTERS/Mike Segar", "AP Photo/Noah
    Berger": an agency's capitals or a photo's word; not "Edmonton/Swann Hills"."""
    return (
        word.isupper() or is_agency(word) or word.lower() in ("photo", "photos", "images", "pool")
    )


def _credit_opens(before: str) -> bool:
    """Does a "reporting by" list open a credit: after a bracket, a line or a
    sentence, "additional" or "with"? Not "securities compiled by Morgan Stanley"."""
    before = before.rstrip()
    return not before or before[-1] in "(\n.;:—-" or before.endswith(("additional", "with"))


def _by_lines(text: str) -> list[str]:
    found, at = [], text.find("By")
    while at != -1:
        if at == 0 or text[at - 1] == "\n" or text[max(0, at - 2) : at] in ("  ", " \t", "\t\t"):
            if by := _BY.match(text, at):
                found.append(by[1])
        at = text.find("By", at + 2)
    return found


def _lists(text: str) -> list[str]:
    """The lists of names that contributed, or that reporting was by."""
    lists, at = [], text.find("contributed")
    while at != -1:
        if names := _CONTRIBUTORS.search(text[max(0, at - _LIST_WINDOW) : at]):
            lists.append(names[1])
        at = text.find("contributed", at + 1)
    lower = text.lower() if " by " in text else ""
    for phrase in _REPORTING if lower else ():
        at = lower.find(phrase)
        while at != -1:
            if _credit_opens(lower[:at]) and (names := _REPORTERS.match(text, at + len(phrase))):
                lists.append(names[1])
            at = lower.find(phrase, at + 1)
    return lists


def _sentence_cut(name: str) -> str:
    """A full stop ending the sentence is no part of a name: "Sam Brodey." """
    return name[:-1] if name.endswith(".") and len(name.split()[-1]) > 2 else name


def _after_owner(name: str) -> str:
    """ "CNN's Paul Steinhauser" -> "Paul Steinhauser", "Fox News' Gregg Re" -> "Gregg Re"."""
    words = name.split()
    owners = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s", "'", "’"))]
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
