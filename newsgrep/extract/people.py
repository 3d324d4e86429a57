"""People named in a story, as full names without titles.

The finder reads runs of capitalised words ("U.S. President George W. Bush")
and keeps the part that names someone when the text gives evidence that it is
a person:

- a title or role before it: "Prime Minister John Howard", "chairman John
  Tower", "Mr Blair", "Minister of Mines and Energy Subroto";
- an apposition after it: "Kofi Annan, the U.N. secretary-general";
- a speech verb: "..., Ivanov said", "said Ivanov", "... - Poehl";
- a known given name first: "Paul O'Neill" (see :mod:`newsgrep.extract.lexicon`).

Organisations ("Tower Commission", "Texaco Inc", "the Bundesbank", "at
Merrill Lynch", "Bureau of Statistics"), places, nationalities, months,
weekdays and headline words are rejected; a surname-only or title-only
mention ("Mr Blair", "Blair's plan") is credited to the full name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from newsgrep.extract import lexicon as lx
from newsgrep.extract.capitals import Story, calm_headlines, runs
from newsgrep.extract.mentions import SUFFIXES, Mention, merge, with_companions
from newsgrep.extract.organisations import (
    bracketed_words,
    common_word,
    company_words,
    is_organisation_word,
    is_place,
    is_place_word,
    modifies_a_noun,
    not_a_person,
    starts_sentence,
)
from newsgrep.extract.tokens import Token, tokenise

_ADVERBS = (
    r"also|later|then|earlier|again|has|had|have|will|would|could|may|might|once|"
    r"previously|recently|repeatedly|reportedly|quickly|promptly|publicly|privately|"
    r"told|today|yesterday|on\s+\w+day"
)
# Verbs in lower case: "Value Added Tax" names no speaker. Headlines, where
# every word is capitalised, have their own pattern.
# Not "Unilever added 8p" (a price).
_SPEECH_AFTER = re.compile(rf"^\s+(?:(?:{_ADVERBS})\s+){{0,2}}(?:{lx.SPEECH_VERBS})\b(?!\s*\d)")
_HEADLINE_SPEECH_AFTER = re.compile(
    rf"^\s+(?:{lx.SPEECH_VERBS}|{lx.HEADLINE_VERBS})\b", re.IGNORECASE
)
# '..., said Ivanov.' but not 'he said Eurotunnel would ...' (a reported
# clause's subject is as often a company or a country).
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|asked|according\s+to)\s*,?\s*$")
# "D-Wis.", "R-Florida": a lawmaker's party and state, written short or long.
_PARTY_TAG = re.compile(r"[DRI]-[A-Z][a-z]+\.?")
# "the president of the Coffee Institute, Jorio Dauster, said"
_COMMA_SPEECH = re.compile(rf"^\s*,\s+(?:{lx.SPEECH_VERBS})\b")
_ENDS_CLAUSE = re.compile(r"^\s*(?:[.,;:!?)\"”]|$|\n)")
# "Bundesbank has no interest in higher rates - Poehl": a headline's speaker.
_ATTRIBUTION_BEFORE = re.compile(r"(?:^|\s)[-–—]\s*$")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# "Minister of Mines and Energy Subroto", "Chancellor of the Exchequer Nigel Lawson"
# "Governor of the Bank of England Robin Leigh-Pemberton"
_OFFICE_OF_BEFORE = re.compile(
    r"([\w.-]+)\s+of\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+(?:and\s+|&\s+|of\s+(?:the\s+)?)?)*$"
)
_OF_WORD = re.compile(r"\sof\s")
# "Kofi Annan, the U.N. secretary-general", "Jane Smith, 45,"; not ", U.S.
# Secretary of State George Shultz" nor "Quetta, Mr. Rahami" (a second
# person) nor ", 316,379 tonnes".
_APPOSITION = re.compile(
    r"^\s*,\s+(?:\d{1,3}\s*,(?!\d)|(?:(?:the|a|an|who\s+is|who\s+was|now|his|her|their|"
    r"also|then|currently|former|formerly|new|newly)\s+)*(?:[\w.'’\-]+\s+){0,4}?"
    rf"(?i:{_alternatives(lx.ROLE_NOUNS)})\b(?!\.?\s+(?:of\s+\w+\s+)?[A-Z][a-z]))"
)
_ROLE_AFFIX = re.compile(r"-(?:designate|elect)$|^ex-")
_VERB_ENDING = re.compile(r"(?:s|ed)$")  # a headline's verb: "WANTS", "RAISED"
_VERB_FORM = re.compile(r"(?:s|ed|en|ing)$")
_HYPHEN_SMALL = re.compile(r"-[a-z]")
# Before a name with no cue of its own, where a place is named: "on Capitol Hill";
# "…" ends a sentence.
_PLACE_BEFORE = frozenset("on at in near from to of …".split())
# What a person leads or gives a name to: "the Reagan administration".
_LEADERS_OF = frozenset("administration presidency era dossier doctrine".split())


def extract_people(text: str) -> list[str]:
    """Full names of the people a text names, in order of first mention.

    One entry per person; a surname-only or title-only mention, before or
    after the full name, is credited to it, and a person named only by
    surname ("Volcker said") is kept under that surname.
    """
    text, shouted = calm_headlines(text)
    tokens = tokenise(text, shouted)
    # Each shared token once: a set of the list is made at C speed.
    lowercase = {t.text for t in set(tokens) if t.kind == "word" and t.text.islower()}
    story = Story(text, tokens, lowercase)
    story.organisation_words |= bracketed_words(text)
    mentions = with_companions(
        [m for run in runs(tokens, text) if (m := _read_run(run, story))], story
    )
    for name in company_words({" ".join(m.words) for m in mentions if _may_be_a_firm(m)}, text):
        story.organisation_words |= set(name.split())
    return merge(mentions, story)


def _may_be_a_firm(mention: Mention) -> bool:
    """Names that nothing but their look makes people: one word without a
    title ("Adsteam said"), or a given-name-shaped pair with no role ("Freddie
    Mac said"). How the story speaks of them decides (:func:`company_words`)."""
    if len(mention.words) == 1:
        return mention.rank != "title"
    return mention.rank == "weak"


def _read_run(run: list[Token], story: Story) -> Mention | None:
    if leader := _leader_of_administration(run, story):
        return Mention([leader.text], leader.start, "weak", leader.low, leader.end)
    name, role = _strip_role(run, story)
    if not name or not_a_person(run, name, role, story):
        return None
    rank = _evidence(name, role, story)
    if not rank:
        return None
    words = [t.text if t.is_initial() or t.bare in SUFFIXES else t.text.rstrip(".") for t in name]
    return Mention(words, name[0].start, rank, " ".join(t.low for t in run), name[-1].end)


def _strip_role(run: list[Token], story: Story) -> tuple[list[Token], str]:
    """The name part of a run, and what introduces it: "title" (inside the
    run), "cue" (a role noun before it), or ""; a suffix stays on the name
    ("The Rev. Martin Luther King Jr.": King is no title here)."""
    suffix: list[Token] = []
    while len(run) > 1 and run[-1].bare in SUFFIXES:
        suffix, run = [run[-1], *suffix], run[:-1]
    name, role = _split_role(run, story)
    if name and suffix and name[-1] is run[-1]:
        name = name + suffix
    return name, role


def _role(token: Token) -> str:
    """The office a word names, if any: 'Minister-designate' -> 'minister'."""
    return _role_name(token.bare)


@functools.cache
def _role_name(word: str) -> str:
    word = _ROLE_AFFIX.sub("", word.rstrip("."))
    if word in lx.ROLES or word + "." in lx.ROLES:
        return word
    return ""


def _split_role(run: list[Token], story: Story) -> tuple[list[Token], str]:
    for cut in range(len(run) - 2, -1, -1):
        word = run[cut]
        if role := _role(word):
            if not word.shouted:
                name = _trim(run[cut + 1 :])
                # "General Tommy Franks", but "General Accident fell 21p".
                titled = role in lx.ROLE_NOUNS or len(name) > 1 or (name and _looks_given(name[0]))
                return name, "title" if titled else ""
            if role in lx.TITLES or role + "." in lx.TITLES:
                return _headline_name(run[cut + 1 :]), "title"
    if _office_of_before(run[0], story) and not is_place(" ".join(t.low for t in run)):
        # "Chancellor of the Exchequer Nigel Lawson"; "Minister of Mines and
        # Energy Subroto told ..." (the office's last word, then a surname
        # that still needs a speech verb).
        if rest := _after_given_name(run):
            return rest, "title"
        if len(run) > 1 and all(is_organisation_word(t.low) for t in run[:-1]):
            return _trim(run[-1:]), ""
    before = story.tokens[run[0].index - 1] if run[0].index else None
    role = "cue" if before and before.text.islower() and _role(before) in lx.ROLE_NOUNS else ""
    words = run
    while len(words) > 1 and (
        words[0].kind == "abbr" and not words[0].is_initial() or is_place_word(words[0])
    ):
        words = words[1:]
    # "Treasury James Baker", "Prersident Jose Sarney": an office or a typo
    # before a full name.
    return _after_given_name(words) or _trim(words), role


def _headline_name(words: list[Token]) -> list[Token]:
    """Where a name ends in a headline in capitals: "KING FAHD | WANTS STABLE
    OIL PRICES", "PRESIDENT RONALD REAGAN | TO ...": a surname, after given
    names or initials, and never a word shaped like a verb."""
    name = words[:1]
    for word in words[1:]:
        if not _looks_given(name[-1]) or _VERB_ENDING.search(word.low):
            break
        name.append(word)
    return _trim(name)


def _office_of_before(first: Token, story: Story) -> bool:
    """Is the run preceded by "Minister of (the) ..."?"""
    preceding = story.text[max(0, first.start - 80) : first.start]
    # The office's pattern needs "of" between white space; this cheap test
    # spares its search (which tries every place) for most runs.
    if "of" not in preceding or not _OF_WORD.search(preceding):
        return False
    office = _OFFICE_OF_BEFORE.search(preceding)
    return office is not None and _role_name(office.group(1).lower()) != ""


def _after_given_name(words: list[Token]) -> list[Token]:
    """The words from the first given name on, when a non-name precedes it."""
    if not words or _looks_given(words[0]):
        return []
    for i in range(1, len(words) - 1):
        if _looks_given(words[i]) and words[i + 1].is_name_word():
            return _trim(words[i:])
    return []


def _looks_given(token: Token) -> bool:
    """A known given name or an initial ("C. William Verity")."""
    return token.is_initial() or _given_name(token.low)


@functools.cache
def _given_name(word: str) -> bool:
    # "Karl-Herbert", "Jean-David"; not "Anti-Ballistic"
    return all(
        part in lx.given_names() and part not in lx.ROLES and not is_place(part)
        for part in word.split("-")
    )


def _trim(words: list[Token]) -> list[Token]:
    """Drop particles at the edges and everything from an abbreviation on
    ("U.S." in "Volkswagen U.S. Inc"), initials excepted ("A.R. Suhud")."""
    for i, word in enumerate(words):
        if word.kind == "abbr" and not word.is_initial():
            words = words[:i]
            break
    while words and not (words[0].is_name_word() or words[0].is_initial()):
        words = words[1:]
    while words and not words[-1].is_name_word():
        words = words[:-1]
    return words


def _leader_of_administration(run: list[Token], story: Story) -> Token | None:
    """'Reagan' in "the Reagan administration" or "the Reagan Administration";
    "the Obama presidency", "the Reagan era", "the Steele dossier"."""
    tokens, first = story.tokens, run[0]
    if not first.index or tokens[first.index - 1].low != "the" or not first.is_name_word():
        return None
    if _HYPHEN_SMALL.search(first.text):
        return None  # "the Moscow-backed administration"
    capitalised = len(run) == 2 and run[1].low in _LEADERS_OF
    following = tokens[first.index + 1].text if first.index + 1 < len(tokens) else ""
    if not (capitalised or (len(run) == 1 and following in _LEADERS_OF)):
        return None
    low = first.low
    if (
        is_place(low)
        or is_organisation_word(low)
        or common_word(first, story)
        or low in lx.FUNCTION_WORDS
    ):
        return None
    return first


def _evidence(name: list[Token], role: str, story: Story) -> str:
    """How sure we are that the name is a person's: a Mention rank, or ""."""
    lows = [t.bare for t in name]
    if any((w in lx.MONTHS_AND_DAYS and len(w) > 3) or w in lx.FUNCTION_WORDS for w in lows):
        return ""
    if " ".join(lows) in lx.places() or lows[0] in lx.PLACE_PREFIXES:
        return ""
    if is_place(lows[-1]) and not (len(name) > 2 and name[-2].low in lx.PARTICLES):
        return ""  # "South Korea", "Saudi Arabia"; but "Miguel de la Madrid"
    if len(name) == 1 and (
        lows[0] in lx.ROLES
        or len(lows[0]) < 2
        or common_word(name[0], story)
        or modifies_a_noun(name[0], story)
    ):
        return ""
    if len(name) > 1 and len(lows[-1]) < 2:
        return ""  # "U. S", "W. Va"
    if _PARTY_TAG.fullmatch(name[0].text):
        return ""  # "William Proxmire, D-Wis, said"
    text = story.text
    after = text[name[-1].end : name[-1].end + 120]
    before = text[max(0, name[0].start - 30) : name[0].start]
    if role == "title":
        # "RUSSIAN DEFENSE CHIEF PRESSES NATO": a headline's verb, not a name.
        verb_like = name[0].shouted and len(name) == 1 and _VERB_FORM.search(lows[0])
        return "" if verb_like else "title"
    if role or (
        (apposition := _APPOSITION.match(after))
        and not _sentence_adverb(name, story, after[apposition.end() :])
    ):
        return "cue"
    inserted = before.rstrip().endswith(",") and _COMMA_SPEECH.match(after)
    speech = bool(
        _SPEECH_AFTER.match(after)
        or inserted
        or (_SPEECH_BEFORE.search(before) and _ENDS_CLAUSE.match(after) and not name[-1].possessive)
        or (_ATTRIBUTION_BEFORE.search(before) and _LINE_END.match(after))
    )
    if name[0].shouted:
        speech = speech or bool(_HEADLINE_SPEECH_AFTER.match(after))
        return "weak" if speech and _shouted_person(name, story.tokens) else ""
    if len(name) == 1:
        # "Simon and Schuster said", "Laventhol and Horwath", "US Sprint said".
        previous = story.tokens[name[0].index - 1].text if name[0].index else ""
        firm = previous in ("and", "&", "en", "et", "und") or (
            len(previous) > 1 and previous.isupper()
        )
        return "weak" if speech and not firm else _maybe(name, story)
    if len(name) > 2 and not any(_looks_given(t) or t.low in lx.PARTICLES for t in name):
        return ""  # "Facebook Twitter Pinterest Trudeau said": share buttons before a name
    return "weak" if speech or _looks_given(name[0]) else _maybe(name, story)


def _maybe(name: list[Token], story: Story) -> str:
    """A name with no cue may still be a person by the company it keeps,
    unless it opens a sentence ("Separately, Baker said"; "… Removing Trump
    from office"), holds a role ("National Security Adviser"), a place
    ("South Bend", "St Francis") or one word twice ("Trump Trump", two
    headlines run together), is a compound ("Calgary-based Dome"), or
    follows a preposition of place ("on Capitol Hill")."""
    at = name[0].index
    before = story.tokens[at - 1].low if at else ""
    lows = [t.bare for t in name]
    if (
        starts_sentence(name[0], story)
        or before in _PLACE_BEFORE
        or len(set(lows)) < len(lows)
        or any(_role(t) or _HYPHEN_SMALL.search(t.text) or _place_word(t.bare) for t in name)
    ):
        return ""
    return "maybe"


def _place_word(word: str) -> bool:
    return is_place(word) or word in lx.PLACE_PREFIXES or word + "." in lx.PLACE_PREFIXES


def _sentence_adverb(name: list[Token], story: Story, rest: str) -> bool:
    """'Ultimately, an aide said', 'Afterward, Ms. Page joined': one word
    opening a sentence before a comma stands where sentence adverbs do, and
    what follows is the sentence's subject, not an apposition, unless a
    comma closes it ("Cohen, the former attorney, said"); ``rest`` is the
    text after the would-be apposition."""
    return len(name) == 1 and starts_sentence(name[0], story) and not rest.startswith(",")


def _shouted_person(name: list[Token], tokens: list[Token]) -> bool:
    """In a headline a speech verb is not enough ("GENCORP SAYS"): the name
    needs a given name ("CARL ICAHN SAYS") or an institution's possessive
    before it ("TREASURY'S BAKER SAYS")."""
    if len(name) > 1 and _looks_given(name[0]):
        return True
    at = name[0].index
    return at > 0 and tokens[at - 1].possessive
