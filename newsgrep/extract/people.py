"""People named in a story, as full names without titles.

The finder reads capitalised sequences ("U.S. President George W. Bush") and
keeps the part that names someone when the text gives evidence that it is a
person:

- a title or role before it: "Prime Minister John Howard", "chairman John
  Tower", "Mr Blair";
- an apposition after it: "Kofi Annan, the U.N. secretary-general";
- a speech verb: "..., Ivanov said", "said Ivanov";
- a known given name first: "Paul O'Neill" (names from gender-guesser, see
  :mod:`newsgrep.extract.lexicon`).

Organisations, places, nationalities, months, weekdays and headline words
are rejected; a later surname-only or title-only mention ("Mr Blair",
"Blair's plan") is credited to the full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgrep.extract import lexicon as lx

_TOKEN = re.compile(
    r"(?P<abbr>(?:[^\W\d_]\.){2,})"  # U.S., U.N.
    r"|(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*)(?P<dot>\.)?"
    r"|(?P<other>\S)"
)
# Words whose full stop is part of the word, not the end of a sentence.
_DOTTED = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "sen", "gov", "gen", "lt", "col",
           "rep", "prof", "rev", "capt", "adm", "maj", "sgt", "messrs", "mme", "mt", "ft"}
_ARABIC_PREFIX = re.compile(r"^(?:al|el|bin|ibn|abu|ad|ar|as|ash|az|ul)-[^\W\d_]", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_ADVERBS = (
    r"also|later|then|earlier|again|has|had|have|will|would|could|may|might|once|"
    r"previously|recently|repeatedly|reportedly|quickly|promptly|publicly|privately|"
    r"told|today|yesterday|on\s+\w+day"
)
_SPEECH_AFTER = re.compile(
    rf"^(?:\s*,)?\s+(?:(?:{_ADVERBS})\s+){{0,2}}(?:{lx.SPEECH_VERBS})\b", re.IGNORECASE
)
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|asked|according\s+to)\s*,?\s*$", re.IGNORECASE)
# "Bundesbank has no interest in higher rates - Poehl": a headline's speaker.
_ATTRIBUTION_BEFORE = re.compile(r"(?:^|\s)[-–—]\s*$")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
# "Minister of Mines and Energy Subroto", "Chancellor of the Exchequer Nigel Lawson"
_ROLE_OF_BEFORE = re.compile(
    rf"\b(?:{'|'.join(re.escape(r) for r in sorted(lx.ROLES, key=len, reverse=True))})"
    r"\s+of\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+(?:and\s+|&\s+)?)*$",
    re.IGNORECASE,
)
_VERBS = frozenset(lx.SPEECH_VERBS.split("|"))
_PERSON_NOUNS = sorted(
    lx.ROLES - {"state", "field", "private", "acting", "assistant", "associate", "vice",
                "prime", "crown", "m.", "head", "lady", "father", "chair", "executive"},
    key=len, reverse=True,
)
_APPOSITION = re.compile(
    r"^\s*,\s+(?:\d{1,3}\s*,|(?:(?:the|a|an|who\s+is|who\s+was|now|its|his|her|their|"
    r"also|then|currently|former|formerly|new|newly)\s+)*(?:[\w.'’\-]+\s+){0,4}?"
    rf"(?:{'|'.join(re.escape(n) for n in _PERSON_NOUNS)})\b)",
    re.IGNORECASE,
)


@dataclass
class _Token:
    text: str
    start: int
    end: int
    kind: str  # word, abbr, other
    possessive: bool = False
    shouted: bool = False  # from a line in capitals, title-cased here

    @property
    def low(self) -> str:
        return self.text.lower()

    def is_name_word(self) -> bool:
        """Capitalised word, initial or "al-Sahhaf"; never all capitals."""
        if self.kind != "word":
            return False
        text = self.text.rstrip(".")
        if _ARABIC_PREFIX.match(text):
            return text.split("-", 1)[1][:1].isupper()
        if not text[:1].isupper():
            return False
        return len(text) == 1 or not text.isupper()


@dataclass
class _Mention:
    words: list[str]
    start: int
    strong: bool = True  # a role or an apposition, not only a speech verb


def extract_people(text: str) -> list[str]:
    """Full names of the people a text names, in order of first mention.

    One entry per person; a surname-only or title-only mention later (or
    earlier) is credited to the full name, and a person named only by surname
    ("Volcker said") is kept under that surname.
    """
    text, shouted = _unshout(text)
    tokens = _tokenise(text, shouted)
    lowercase = {t.text for t in tokens if t.kind == "word" and t.text.islower()}
    mentions: list[_Mention] = []
    organisation_words: set[str] = set()
    for segment in _segments(tokens, text):
        name, role = _strip_role(segment, tokens, text)
        if not name:
            continue
        if _is_organisation(name, tokens, text):
            organisation_words.update(t.low for t in name)
            continue
        evidence = _evidence(name, role, tokens, text, lowercase)
        if evidence:
            words = [t.text.rstrip(".") if len(t.text) > 2 else t.text for t in name]
            mentions.append(_Mention(words, name[0].start, evidence == "strong"))
    return _merge(mentions, organisation_words)


def _unshout(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Find the lines where every word is capitalised: headlines in capitals
    or in title case, and stories in capitals. Title-case the capitals so
    their words read like other words; return the spans of all such lines.

    On those lines a capital letter says nothing, so names there count only
    with a role before them ("PRESIDENT REAGAN"), or a speech verb after them
    and a given name or an institution's possessive ("TREASURY'S BAKER SAYS")
    before them.
    """
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        words = line.group().split()
        letters = [c for c in line.group() if c.isalpha()]
        if len(words) < 3 or not letters:
            continue
        if sum(c.isupper() for c in letters) >= 0.9 * len(letters):
            calm = re.sub(r"[^\W\d_]+(?:['’][^\W\d_]+)?", _title_word, line.group())
            if len(calm) == len(line.group()):
                text = text[:line.start()] + calm + text[line.end():]
            spans.append(line.span())
        elif _is_title_case(words) and _stands_alone(text, *line.span()):
            spans.append(line.span())
    return text, spans


def _is_title_case(words: list[str]) -> bool:
    """'Bush, Putin Pledge Deep Cuts in Nuclear Arsenals'."""
    long_words = [w.strip("\"'“”‘’,.:;!?()") for w in words]
    long_words = [w for w in long_words if len(w) >= 4 and w.isalpha()]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def _stands_alone(text: str, start: int, end: int) -> bool:
    """A one-line paragraph, as headlines are (wrapped prose is not)."""
    return (start == 0 or text[:start].endswith("\n\n")) and (
        end == len(text) or text[end:].startswith("\n\n") or not text[end:].strip())


def _title_word(match: re.Match) -> str:
    word = match.group()
    titled = word.capitalize()
    return titled if len(titled) == len(word) else word


def _tokenise(text: str, shouted: list[tuple[int, int]]) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        if match.group("word"):
            tokens.extend(_word_tokens(match))
        else:
            kind = "abbr" if match.group("abbr") else "other"
            tokens.append(_Token(match.group(), match.start(), match.end(), kind))
    for token in tokens:
        token.shouted = any(start <= token.start < end for start, end in shouted)
    return tokens


def _word_tokens(match: re.Match) -> list[_Token]:
    """A word, its possessive 's cut off, its full stop kept only for initials
    and abbreviations ("W.", "Mr.") and otherwise a token of its own."""
    word, start = match.group("word"), match.start()
    possessive = bool(_POSSESSIVE.search(word)) and len(word) > 3
    if possessive:
        word = word[:-2]
    end = start + len(word)
    dot = match.group("dot")
    keeps_dot = dot and not possessive and (len(word) == 1 or word.lower() in _DOTTED)
    tokens = [_Token(word + ("." if keeps_dot else ""), start, end + bool(keeps_dot), "word", possessive)]
    if dot and not keeps_dot:
        tokens.append(_Token(".", match.end() - 1, match.end(), "other"))
    return tokens


def _segments(tokens: list[_Token], text: str):
    """Runs of capitalised words, split at function words and line gaps; each
    run is a list of indices into ``tokens``."""
    run: list[int] = []
    for i, token in enumerate(tokens):
        joins = token.is_name_word() or token.kind == "abbr" or (
            run and token.low in lx.PARTICLES and i + 1 < len(tokens) and tokens[i + 1].is_name_word()
        )
        breaks = (token.low.rstrip(".") in lx.FUNCTION_WORDS or token.low in lx.MONTHS_AND_DAYS
                  or token.low in _VERBS)
        if run and (not joins or breaks or _gap_breaks(tokens[run[-1]], token, text)):
            yield run
            run = []
        if joins and not breaks:
            run.append(i)
            if token.possessive:
                yield run
                run = []
    if run:
        yield run


def _gap_breaks(prev: _Token, token: _Token, text: str) -> bool:
    if prev.possessive:
        return True
    return text.count("\n", prev.end, token.start) > 1


def _strip_role(run: list[int], tokens: list[_Token], text: str) -> tuple[list[_Token], bool]:
    """The name part of a run and whether a role introduces it."""
    words = [tokens[i] for i in run]
    for cut in range(len(words) - 2, -1, -1):
        if words[cut].low in lx.ROLES or words[cut].low.rstrip(".") in lx.ROLES:
            return _trim(words[cut + 1:]), True
    if _ROLE_OF_BEFORE.search(text[max(0, words[0].start - 80): words[0].start]):
        # "Minister of Energy Subroto": the office's name comes first.
        if rest := _after_given_name(words) or _trim(words[1:]):
            return rest, True
    before = tokens[run[0] - 1] if run[0] > 0 else None
    role = bool(before and before.kind == "word" and before.low in lx.ROLES and before.text.islower())
    while words and (words[0].kind == "abbr" or _is_place_word(words[0]) and len(words) > 1):
        words = words[1:]
    # "Treasury James Baker", "Prersident Jose Sarney": a typo or an office
    # before a full name.
    return _after_given_name(words) or _trim(words), role


def _after_given_name(words: list[_Token]) -> list[_Token]:
    """The words from the first given name on, when a non-name precedes it."""
    if not words or _looks_given(words[0]):
        return []
    for i in range(1, len(words) - 1):
        if _looks_given(words[i]) and words[i + 1].is_name_word():
            return _trim(words[i:])
    return []


def _looks_given(token: _Token) -> bool:
    """A known given name or an initial ("C. William Verity")."""
    low = token.low
    if len(low) == 2 and low.endswith("."):
        return True
    return low in lx.given_names() and low not in lx.ROLES and low not in lx.places()


def _trim(words: list[_Token]) -> list[_Token]:
    """Drop particles at the edges and everything from an abbreviation on."""
    for i, word in enumerate(words):
        if word.kind == "abbr":
            words = words[:i]
            break
    while words and not words[0].is_name_word():
        words = words[1:]
    while words and not words[-1].is_name_word():
        words = words[:-1]
    return words


def _is_place_word(token: _Token) -> bool:
    return _is_place(token.low) and token.low not in lx.given_names()


def _is_place(word: str) -> bool:
    """'Moscow', 'Afghan', 'Afghans'."""
    return word in lx.places() or (word.endswith("s") and word[:-1] in lx.places())


def _is_organisation(name: list[_Token], tokens: list[_Token], text: str) -> bool:
    """Company, agency, place or thing rather than a person."""
    lows = [t.low.rstrip(".") for t in name]
    if any(w in lx.ORGANISATION_WORDS or w + "." in lx.ORGANISATION_WORDS for w in lows):
        return True
    at = tokens.index(name[0])
    if at and tokens[at - 1].text in ("the", "a", "an"):
        return True  # "the Commons", "a Memorial spokesman": people take no article
    after = text[name[-1].end: name[-1].end + 12]
    if re.match(r"\s*\d", after):
        return True  # "Article 5", "Resolution 1441"
    # "Champion Products <CH>", "Smith & Co", "Bahia Superior +"
    return bool(re.match(r"\s*(?:<|&|\+|,?\s*(?:Inc|Corp|Co|Ltd|Plc|LLC)\b|and\s+Co\b)", after))


def _evidence(name: list[_Token], role: bool, tokens: list[_Token], text: str,
              lowercase: set[str]) -> str:
    """"strong" (a role, an apposition), "weak" (a speech verb, a given name)
    or "" when nothing says this is a person."""
    lows = [t.low.rstrip(".") for t in name]
    if any(w in lx.MONTHS_AND_DAYS or w in lx.FUNCTION_WORDS for w in lows):
        return ""
    if " ".join(lows) in lx.places() or _is_place(lows[-1]):
        return ""
    if len(name) == 1 and (lows[0] in lx.ROLES or name[0].kind != "word" or len(lows[0]) < 2):
        return ""
    after = text[name[-1].end: name[-1].end + 120]
    before = text[max(0, name[0].start - 30): name[0].start]
    if role or _APPOSITION.match(after):
        # "RUSSIAN DEFENSE CHIEF PRESSES NATO": a headline's verb, not a name.
        verb_like = name[0].shouted and len(name) == 1 and re.search(r"(?:s|ed|en|ing)$", lows[0])
        return "" if verb_like else "strong"
    speech = bool(_SPEECH_AFTER.match(after) or _SPEECH_BEFORE.search(before)
                  or (_ATTRIBUTION_BEFORE.search(before) and _LINE_END.match(after)))
    if name[0].shouted:
        return "weak" if speech and _shouted_person(name, tokens) else ""
    if len(name) == 1:
        # A word also seen in lower case ("Officials said" / "officials") is
        # a common word at the start of a sentence, not a surname.
        return "weak" if speech and lows[0] not in lowercase else ""
    return "weak" if speech or _looks_given(name[0]) else ""


def _shouted_person(name: list[_Token], tokens: list[_Token]) -> bool:
    """In capitals a speech verb is not enough ("GENCORP SAYS"): the name
    needs a given name ("CARL ICAHN SAYS") or an institution's possessive
    before it ("TREASURY'S BAKER SAYS")."""
    if len(name) > 1 and _looks_given(name[0]):
        return True
    at = tokens.index(name[0])
    return at > 0 and tokens[at - 1].possessive


def _merge(mentions: list[_Mention], organisation_words: set[str]) -> list[str]:
    """One entry per person, under the longest form of the name."""
    people: list[_Mention] = []
    for mention in sorted(mentions, key=lambda m: (len(m.words) == 1, m.start)):
        same = next((p for p in people if _same_person(p.words, mention.words)), None)
        if same:
            if len(mention.words) > len(same.words):
                same.words = mention.words
            same.start = min(same.start, mention.start)
        elif mention.strong or not {w.lower() for w in mention.words} <= organisation_words:
            # "Texaco Inc" earlier makes a later "Texaco said" a company.
            people.append(_Mention(list(mention.words), mention.start))
    return [" ".join(p.words) for p in sorted(people, key=lambda p: p.start)]


def _same_person(known: list[str], other: list[str]) -> bool:
    a, b = [w.lower() for w in known], [w.lower() for w in other]
    if a == b:
        return True
    if len(b) == 1:
        return b[0] in a
    short, long = sorted((a, b), key=len)
    if long[-len(short):] == short:
        return True  # "Perez de Cuellar" / "Javier Perez de Cuellar"
    return short[0] == long[0] and short[-1] == long[-1]  # George Bush / George W. Bush
