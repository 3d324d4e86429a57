"""News sources: one spelling per agency."""

from __future__ import annotations

import re

# Variant spellings (lower-cased, punctuation kept) of the agencies most
# often seen in datelines and credit lines.
_CANONICAL = {
    "reuters": "Reuters",
    "reuter": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "AP",
    "a.p.": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "upi": "UPI",
    "united press international": "UPI",
    "rfe/rl": "RFE/RL",
    "radio free europe/radio liberty": "RFE/RL",
    "itar-tass": "ITAR-TASS",
    "itar tass": "ITAR-TASS",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "interfax": "Interfax",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "dpa": "dpa",
    "ansa": "ANSA",
    "efe": "EFE",
    "bloomberg": "Bloomberg",
    "bbc": "BBC",
    "bbc news": "BBC",
    "cnn": "CNN",
}
_SHOUTED_NAME = re.compile(r"[A-Z]{5,}(?: [A-Z]+)*")
# An agency's desk after its name: "Reuters Health", "Reuters Life!",
# "Reuters Breakingviews", "AP Business": the agency is the source.
_DESK = re.compile(r"(\S+) [A-Z][a-z]+!?")


def is_agency(name: str) -> bool:
    """'Reuters', 'AP', 'Agence France-Presse', 'Reuters Health': a known
    news agency's name, or one of its desks."""
    return _agency_key(name) in _CANONICAL


def _agency_key(name: str) -> str:
    """The lower-case name ``_CANONICAL`` knows an agency by, a desk cut off."""
    clean = " ".join(name.split()).strip(" .,;:-")
    desk = _DESK.fullmatch(clean)
    if desk and clean.lower() not in _CANONICAL and desk.group(1).lower() in _CANONICAL:
        return desk.group(1).lower()
    return clean.lower()


def normal_source(name: str) -> str:
    """'REUTERS', 'Reuter', 'reuters', 'Reuters Health' -> 'Reuters'; unknown
    names tidied, kept."""
    clean = " ".join(name.split()).strip(" .,;:-")
    key = _agency_key(clean)
    if key in _CANONICAL:
        return _CANONICAL[key]
    if _SHOUTED_NAME.fullmatch(clean) and "-" not in clean and "/" not in clean:
        # A shouted long name ("INTERFAX NEWS") reads better in title case;
        # short acronyms (AP, AFP, BBC) stay as they are.
        return clean.title()
    return clean


def looks_like_agency(name: str) -> bool:
    """Can a dateline's parenthesis name the source? A known agency, or one
    short name ("Bernama", "ITAR-TASS", "RFE/RL", "KCNA"), not a phrase or a
    shouted word ("YEN PER KILO", "REVISED")."""
    clean = name.strip()
    if is_agency(clean):
        return True
    if " " in clean or len(clean) > 12 or any(c.isdigit() for c in clean):
        return False
    shouted = clean.isupper() and clean.isalpha()
    return not shouted or len(clean) <= 5
