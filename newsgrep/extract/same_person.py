"""When two names are one person, within a story and across an archive.

``name_key`` is the form names are compared in: accents folded
("Schröder", "Schroeder" and "Schroder" agree), case, full stops and
apostrophes gone, a suffix ("Jr.") kept on the given name. Within one story,
:func:`story_name` gives the story's fullest name for any of its mentions
(the speaker finder names whoever speaks so); across stories,
``rank/names.py`` builds the archive's table from the same keys.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))
_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
# Letters NFKD does not decompose into a base letter and a mark.
_WHOLE_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l"})


def folded(text: str) -> str:
    """Accents and German vowel spellings folded, lower case: "Schröder" and
    "Schroeder" -> "schroder". Letters without an accent (Cyrillic, Han)
    are kept as they are."""
    plain = text.lower()
    # Most names are ASCII already: normalising them is an archive's main cost.
    if not plain.isascii():
        plain = unicodedata.normalize("NFKD", plain.translate(_WHOLE_LETTERS))
        plain = "".join(c for c in plain if not unicodedata.combining(c))
    for digraph, vowel in _DIGRAPHS:
        plain = plain.replace(digraph, vowel)
    return plain


def name_key(name: str) -> list[str]:
    """A name's words as compared: accents folded ("Schröder" and
    "Schroeder" both "schroder"), lower case, full stops gone; a suffix
    ("Jr.") is kept on the given name: Donald Trump Jr. is not his father."""
    words = folded(name).replace(".", " ").replace("'", "").replace("’", "").split()
    suffix = ""
    while len(words) > 1 and words[-1] in _SUFFIXES:
        suffix += " " + words.pop()
    if suffix and len(words) > 1:
        words[0] += suffix
    return words


def same_person(a: str, b: str) -> bool:
    """One person within a story: the same surname, and the same given name
    where both have one, or its initial ("G. Bush" = "George W. Bush";
    "Bush" = either; "Gerhard Schröder" = "Gerhard Schroeder")."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb or ka[-1] != kb[-1]:
        return False
    if len(ka) == 1 or len(kb) == 1:
        return True
    first_a, first_b = ka[0], kb[0]
    return first_a == first_b or (min(len(first_a), len(first_b)) == 1 and first_a[0] == first_b[0])


def story_name(name: str, people: Sequence[str]) -> str:
    """The fullest of a story's ``people`` that ``name`` names, or ``name``
    itself when none or more than one person of the story could be meant
    ("Trump" in a story of Donald and Ivanka Trump stays "Trump")."""
    matches = [p for p in people if same_person(name, p)]
    people_meant = {tuple(name_key(p)) for p in matches if len(name_key(p)) > 1}
    if not matches or len(people_meant) > 1:
        return name
    return max(matches, key=lambda p: (len(name_key(p)), len(p)))
