"""The wire dateline that opens a story: place, date and agency.

Moscow, 22 November 2001 (RFE/RL) --
WASHINGTON, Nov. 20, 2001 (Reuters) -
BAGHDAD, Iraq, Sunday, Dec. 8 (AP) --
ST. LOUIS, Mo., Nov. 20 /PRNewswire/ --
LONDON (Reuters) -
UNITED NATIONS, Nov. 8 —
SALVADOR, Feb 26 -
AMSTERDAM/LONDON  (Reuters) -
LE BOURGET, France  (Reuters) -
(Reuters Breakingviews) -
NEW YORK  Nov 2 (Reuters) -
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgrep.extract.dates import PartialDate, parse_partial
from newsgrep.extract.sources import is_agency, looks_like_agency

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_DATE = (
    rf"{_WEEKDAY}(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})"
)
_PLACE_WORD = r"[A-Z][\w.'’\-]*"
# The words of a place stay on one line: "USA TODAY" above "WASHINGTON –"
# is a masthead over a dateline, not the place "Usa Today Washington".
_CITY = rf"{_PLACE_WORD}(?:[^\S\n]+(?:{_PLACE_WORD}|de|da|del|la|le|al|el|es|of|am|sur)){{0,4}}"
# A story filed from two cities: "AMSTERDAM/LONDON  (Reuters) -".
_PLACE = rf"{_CITY}(?:/{_CITY})*"
DATELINE = re.compile(
    rf"""^\s*
    (?!(?i:by)\s)  # "By J. R. Smith LONDON (Reuters) -": a byline, then the place
    (?P<place>{_PLACE}(?:,\s*(?!{_MONTH}\s*\d)(?!\d){_PLACE})?)
    (?:(?P<comma>,\s*|[^\S\n]+)(?P<date>{_DATE}))?
    \s*(?:\((?P<source>[^()\n]{{1,40}})\)|/(?P<wire>[A-Za-z][\w .-]{{1,30}})/)?
    \s*(?:--|—|–|-|_)\s""",
    re.VERBOSE,
)
# "(Reuters) - ", "(Reuters Breakingviews) - ": an agency's own dateline
# with no place; only a known agency's name makes it one.
_SOURCE_ONLY = re.compile(r"^\s*\((?P<source>[^()\n]{1,40})\)\s*(?:--|—|–|-|_)\s")
_SMALL_WORDS = {"de", "da", "del", "la", "le", "al", "el", "es", "of", "am", "sur", "on", "upon"}


@dataclass
class Dateline:
    place: str
    date: PartialDate | None
    source: str
    length: int  # characters of text the dateline takes


def parse_dateline(paragraph: str) -> Dateline | None:
    """Read the dateline at the start of a paragraph, or None if it has none.

    A bare "Word -" is a dateline only when the place is written in capitals
    ("LONDON -"), since "Officials said - " is prose; so is a date after the
    place with no comma ("NEW YORK  Nov 2 (Reuters) -", the wire's own form).
    """
    match = DATELINE.match(paragraph[:200])
    if not match:
        return _source_only(paragraph)
    place, date = match.group("place", "date")
    source = match.group("source") or match.group("wire")
    if match.group("source") and not looks_like_agency(source):
        # "TOKYO RUBBER (YEN PER KILO) - APRIL 07", "COCOA POSITION (REVISED) -":
        # a market report's headline, not a dateline.
        return None
    spaced_date = bool(date) and "," not in match["comma"]
    if (spaced_date or not (date or source)) and not _is_upper(place):
        return None
    if len(place.split()) > 5:
        return None
    return Dateline(
        place=normal_place(place),
        date=parse_partial(date) if date else None,
        source=(source or "").strip(),
        length=match.end(),
    )


def _source_only(paragraph: str) -> Dateline | None:
    """'(Reuters) - Shares ...': a known agency's dateline without a place."""
    match = _SOURCE_ONLY.match(paragraph[:80])
    if not match or not is_agency(match["source"]):
        return None
    return Dateline(place="", date=None, source=match["source"].strip(), length=match.end())


def normal_place(place: str) -> str:
    """'MOSCOW' -> 'Moscow', 'NEW YORK' -> 'New York', 'ST. PETERSBURG' -> 'St. Petersburg'.

    Of two cities ('AMSTERDAM/LONDON') the first is the place: the story is
    one story, and the first city is where its dateline puts it first.
    """
    city = place.split(",")[0].split("/")[0].strip()
    if not _is_upper(city):
        return city
    words = []
    for i, word in enumerate(city.split()):
        low = word.lower()
        if i and low in _SMALL_WORDS:
            words.append(low)
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in low.split("-")))
    return " ".join(words)


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)
