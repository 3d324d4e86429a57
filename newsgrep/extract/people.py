"""People named in a story, as full names without titles."""

from __future__ import annotations

import re

# Words that introduce a person: offices, honorifics, roles.
ROLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "secretary-general",
    "general", "chancellor", "senator", "sen.", "governor", "gov.", "chairman",
    "chairwoman", "chair", "lord", "lady", "sir", "dame", "mr", "mr.", "mrs",
    "mrs.", "ms", "ms.", "dr", "dr.", "prof.", "professor", "king", "queen",
    "prince", "princess", "pope", "ambassador", "envoy", "spokesman",
    "spokeswoman", "director", "chief", "executive", "commander", "foreign",
    "defense", "defence", "finance", "interior", "trade", "economy", "deputy",
    "treasury", "state", "colonel", "col.", "gen.", "admiral", "adm.",
    "captain", "capt.", "lt.", "major", "maj.", "judge", "justice", "rep.",
    "representative", "mayor", "premier", "leader", "officer", "head",
    "russian", "british", "american", "french", "german", "u.s.", "nato",
    "un", "u.n.", "eu", "labour", "conservative", "democrat", "republican",
}
SPEECH_VERBS = r"(?:said|says|told|added|asked|stated|declared|announced|warned|noted|insisted)"
_NAME_TOKEN = r"(?:[A-Z][a-z]+(?:[-'’][A-Za-z]+)*|[A-Z]\.|[A-Z][a-z]*[A-Z][a-z]+)"
_PARTICLE = r"(?:de|da|del|della|di|van|von|der|den|le|la|bin|al|ibn|dos|du)"
_SEQUENCE = re.compile(
    rf"(?<![\w'’-])((?:{_NAME_TOKEN}|{_PARTICLE})(?:\s+(?:{_NAME_TOKEN}|{_PARTICLE}))*)"
)
_NOT_NAMES = {
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "if", "as", "it",
    "he", "she", "they", "we", "i", "his", "her", "their", "our", "this",
    "that", "these", "those", "when", "after", "before", "while", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "kremlin", "moscow",
    "russia", "washington", "london", "nato", "alliance", "north-atlantic",
}
# Hoisted out of extract_people, which runs for every story (profiled on Reuters).
_TRAILING_NOISE = ROLE_WORDS | _NOT_NAMES
_SPEECH_AFTER = re.compile(rf"\s*,?\s*{SPEECH_VERBS}\b")


def extract_people(text: str) -> list[str]:
    """Full names of the people a text names, in order of first mention.

    A capitalised sequence counts as a person when a role word introduces it
    ("Defense Minister Sergei Ivanov") or a speech verb follows it
    ("..., Ivanov said"); later surname-only mentions add nothing new.
    """
    names: list[str] = []
    for match in _SEQUENCE.finditer(text):
        words = match.group(1).split()
        role = []
        while words and words[0].lower() in ROLE_WORDS:
            role.append(words.pop(0))
        while words and words[-1].lower() in _TRAILING_NOISE:
            words.pop()
        if len(words) < 2 or any(w.lower() in _NOT_NAMES for w in words):
            continue
        if words[0][0].islower() or words[-1][0].islower():
            continue
        after = text[match.end(): match.end() + 20]
        if role or _SPEECH_AFTER.match(after):
            names.append(" ".join(words))
    return _merge_mentions(names)


def _merge_mentions(names: list[str]) -> list[str]:
    """Keep one entry per person, preferring the longest form of a name."""
    kept: list[str] = []
    for name in names:
        if any(name == k or k.endswith(" " + name) for k in kept):
            continue
        kept = [k for k in kept if not name.endswith(" " + k)]
        kept.append(name)
    return kept
