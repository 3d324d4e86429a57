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


def is_agency(name: str) -> bool:
    """'Reuters', 'AP', 'Agence France-Presse': a known news agency's name."""
    return " ".join(name.split()).strip(" .,;:-").lower() in _CANONICAL


def normal_source(name: str) -> str:
    """'REUTERS', 'Reuter', 'reuters' -> 'Reuters'; unknown names tidied, kept."""
    clean = " ".join(name.split()).strip(" .,;:-")
    key = clean.lower()
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
