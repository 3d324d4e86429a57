"""Who a speech verb's subject is, read from the story before it.

- A name ("Putin", "President Vladimir Putin", "Lord Robertson") is written
  as the fullest name of the story's people with that surname; titles go.
- "he" or "she" is the person named most recently before the quotation
  (outside earlier quotations), skipping those whose first name is of the
  other gender.
- "the NATO secretary-general" is the person the story introduced with that
  title ("NATO Secretary-General Lord George Robertson", "George Robertson,
  the NATO secretary-general"), else the person named most recently.
- "the Pentagon", "the White House" are organisations as written; "the
  company" or "the ministry" is the organisation the story named before
  ("Champion Products Inc", "the Defence Ministry").

A reporter of the story (an author) is never a speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from newsgrep.extract import lexicon as lx
from newsgrep.extract.bodies import author_of, organisation_named
from newsgrep.extract.speaker_names import (
    ORGANISATION_NOUNS,
    POSSESSIVE,
    TITLE_WORDS,
    gender_of,
    name_words,
    no_speaker,
    organisation_like,
    surname_of,
    surname_word,
    title_gender,
    trailing_name,
    word_at,
)
from newsgrep.extract.speech import SENTENCE_END

_SPOKESPEOPLE = frozenset(
    "spokesman spokeswoman spokesperson spokespeople spokesmen lawyer lawyers attorney "
    "attorneys counsel representative".split()
)
# "a spokesman for the company": who the head noun belongs to.
_OWNER = re.compile(r"\s+(?:for|of|at|with|from|in|on)\s+")
_SPOKESPERSON = re.compile(
    r"(?P<who>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})(?:['’]s)?\s+"
    r"(?P<role>(?i:spokesman|spokeswoman|spokesperson|lawyer|attorney|counsel))\b"
)
_UNNAMED = frozenset(
    "official officials source sources aide aides "
    "person people man woman analyst analysts expert experts observer observers".split()
)
# Documents that speak for whoever wrote them: "the letter said".
_DOCUMENTS = frozenset("letter statement release memo complaint lawsuit filing email".split())
_FIRMS = frozenset("company firm corporation bank".split())
_NAME_AFTER = re.compile(r"\s+((?:[A-Z][\w'’.\-]*\s+){0,4}[A-Z][\w'’\-]*)")
_NAME_BEFORE = re.compile(
    r"((?:[A-Z][\w'’.\-]*\s+){0,3}[A-Z][\w'’\-]*)\s*,\s+(?:the\s+|a\s+|an\s+)?[^,.\n]{0,60}$"
)
# A "he said" this close after another's quotation (in characters) goes on
# with that speaker: the story would name anyone new.
_SAME_SPEAKER_CHARS = 400
_SENTENCE_CHARS = 400  # characters read back for a sentence's start
_REACH = 20_000  # characters searched back for an earlier name or body
_TITLE_MENTIONS = 4  # the latest mentions of a title read for a name
# A sentence opening with a title: "The president said", "The senator, ..."
_THE_TITLE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))The\s+(president|senator|governor|minister|prime\s+minister|"
    r"secretary|chancellor|mayor|speaker|chairman|chairwoman|congressman|congresswoman|"
    r"judge|justice|king|queen|pope|ambassador|general|commander|leader)\b"
)
_PRONOUN_GENDER = {"he": "m", "she": "f"}


class Referents:
    """The people and organisations of one story, and where each is named."""

    def __init__(self, body: str, people: Sequence[str], authors: Sequence[str]) -> None:
        self.body = body
        self.people = list(people)
        self.reporters = {surname_of(a) for a in authors if a.strip()}
        self.starts: list[int] = []  # quotations already read: their words
        self.ends: list[int] = []  # name no one
        self.named: list[str] = []  # speakers named that ``people`` lacks
        self._candidates: list[tuple[str, str, str]] = []
        self._read = 0  # people and named speakers read into ``_candidates``
        self._mentions: dict[str, list[int]] = {}  # surname: where it is named
        self._merged_people = 0  # candidates whose mentions are merged
        self.last_organisation: str | None = None  # the last that spoke
        self._merged: list[tuple[int, str, str]] = []  # every mention, in order
        self._merged_places: list[int] = []
        self._index: list[tuple[str, str, str]] = []
        self._lower = ""  # the body in lower case, made when a title needs it

    @property
    def last_end(self) -> int:
        """Where the last quotation read ends (0 before any)."""
        return self.ends[-1] if self.ends else 0

    def quoted(self, start: int, end: int) -> None:
        self.starts.append(start)
        self.ends.append(end)

    def pronoun(self, pronoun: str, at: int, speaker: str | None = None) -> tuple[str | None, str]:
        """'he', 'she': the person speaking in the quotation just before
        (``speaker``), when it ended close by and is of that gender, else the
        latest person named before ``at`` of that gender."""
        gender = _PRONOUN_GENDER.get(pronoun)
        if gender is None:  # "they", "we": too often a crowd or a firm
            return None, "pronoun"
        if speaker and at - self.last_end < _SAME_SPEAKER_CHARS:
            known = next((g for p, _, g in self._people() if p == speaker), "")
            between = self._latest_person(at, gender, since=self.last_end)
            if known in ("", gender) and between in (None, speaker):
                return speaker, "pronoun"
        return self._titled_subject(at) or self._latest_person(at, gender), "pronoun"

    def _titled_subject(self, at: int) -> str | None:
        """'The president demonstrated ... "...," he said': a sentence since
        the last person named opens with a title; the person it stands for."""
        low = max(self._reach(at), self.last_end, self._last_named(at))
        found = None
        for found in _THE_TITLE.finditer(self.body, low, at):  # noqa: B007 (the last one)
            continue
        return self._titled(found.group(1).lower(), found.start()) if found else None

    def _last_named(self, at: int) -> int:
        """Where the last person named before ``at`` is named (0 if none)."""
        places = self._every_mention()[0]
        i = bisect.bisect_left(places, at) - 1
        return places[i] if i >= 0 else 0

    def name(self, phrase: str, at: int) -> tuple[str | None, str]:
        """A capitalised subject: a person's fullest name, or an organisation."""
        words = name_words(phrase)
        if not words:
            if all(POSSESSIVE.sub("", w).lower() in lx.FUNCTION_WORDS for w in phrase.split()):
                return None, "none"  # "That", "According"
            return self.description("the " + phrase, at)
        person = self._person(words, at)
        if person and title_gender(phrase) and gender_of(person) not in ("", title_gender(phrase)):
            person = None  # "Mr. Romney" is not "Ann Romney"
            words = words[-1:]
        if person:
            return self._not_reporter(person), "name"
        if len(words) == 1 and no_speaker(words[0].lower()):
            return None, "none"
        if organisation_like(words):
            self.last_organisation = " ".join(words)
            return self.last_organisation, "organisation"
        name = " ".join(words)
        if surname_of(name) in self.reporters:
            return None, "name"
        if len(words) > 1:  # a given name and a surname: someone later "he" may be
            self.named.append(name)
        return name, "name"

    def description(self, phrase: str, at: int) -> tuple[str | None, str]:
        """'the NATO secretary-general', 'the company', 'the White House',
        'a Clinton spokesperson'."""
        determiner, _, rest = phrase.partition(" ")
        head_part, owner = [*_OWNER.split(rest, maxsplit=1), ""][:2]
        words = head_part.split()
        if not words:
            return None, "none"
        head = POSSESSIVE.sub("", words[-1].lower())
        if head not in TITLE_WORDS and all(w[:1].isupper() for w in words):
            self.last_organisation = " ".join(words)
            return self.last_organisation, "organisation"
        named = trailing_name(words)
        if named and head not in ORGANISATION_NOUNS and head not in _DOCUMENTS:
            return self.name(named, at)  # "a frustrated and hapless Mike Pence"
        if head in ORGANISATION_NOUNS or head in _DOCUMENTS:
            if any(w[:1].isupper() for w in words):  # "the Gabbard campaign"
                kept = words[:-1] if head in _DOCUMENTS else words  # "the CMP statement"
                self.last_organisation = " ".join(kept)
                return self.last_organisation, "organisation"
            if head in _DOCUMENTS:
                return author_of(self.body, head, self._reach(at), at), "organisation"
            # "the group said": the body named before, else the last that spoke
            # (not for "the company": firms are named with "Inc" and the like)
            spoke = None if head in _FIRMS else self.last_organisation
            return organisation_named(self.body, head, self._reach(at), at) or spoke, "organisation"
        if head in _SPOKESPEOPLE:
            return self._represented(words[:-1], owner, head, at), "title"
        if determiner.lower() not in ("the", "his", "her", "their") or head in _UNNAMED:
            return None, "none"
        return self._titled(head, at) or self._latest_person(at, None), "title"

    def _represented(self, modifiers: list[str], owner: str, head: str, at: int) -> str | None:
        """Whom a spokesman speaks for: 'a Clinton spokesperson', 'a spokesman
        for the company', or 'the spokesperson' the story introduced so."""
        named = [w for w in modifiers if w[:1].isupper()]
        if named:
            return self.name(" ".join(named), at)[0]
        bodies = [w for w in modifiers if w.lower() in ORGANISATION_NOUNS]
        if bodies:  # "a company spokesman"
            return self.description("the " + bodies[-1], at)[0]
        if owner:
            return (self.name if owner[:1].isupper() else self.description)(owner, at)[0]
        for mention in reversed(
            list(_SPOKESPERSON.finditer(self.body, self._reach(at), at))[-_TITLE_MENTIONS:]
        ):
            if mention.group("role").lower() == head:
                return self.name(mention.group("who"), at)[0]
        return None

    def no_one_else_named(self, speaker: str, start: int, end: int) -> bool:
        """True when no person but ``speaker`` is named between ``start`` and ``end``."""
        named = self._latest_person(end, None, since=start)
        return named is None or named == speaker

    def _person(self, words: list[str], at: int) -> str | None:
        """The fullest name of the story's people that ``words`` names."""
        surname = surname_of(" ".join(words))
        given = words[0].lower() if len(words) > 1 and words[0].lower() != surname else ""
        matches = [
            person
            for person, last, first in self._names()
            if last == surname and (not given or first == given)
        ]
        if not matches and len(words) > 2:  # "Wyoming Gov Matt Mead"
            matches = [person for person, last, _ in self._names() if last == surname]
        if not matches and len(words) == 1:  # "Melania" for Melania Trump, if she alone
            firsts = [person for person, last, first in self._names() if first == surname]
            matches = firsts if len(firsts) == 1 and " " in firsts[0] else []
        if not matches:
            return None
        if len(matches) > 1:
            matches.sort(key=lambda p: self._last_mention(surname_word(p), at), reverse=True)
        return max(matches[:1] + [m for m in matches if matches[0] in m], key=len)

    def _names(self) -> list[tuple[str, str, str]]:
        """Each known person with surname and first name, lower-case."""
        if len(self._index) < len(self.people) + len(self.named):
            self._index = [
                (p, surname_of(p), p.split()[0].lower())
                for p in [*self.people, *self.named]
                if p.strip()
            ]
        return self._index

    def _not_reporter(self, person: str) -> str | None:
        return None if surname_of(person) in self.reporters else person

    def _latest_person(self, at: int, gender: str | None, since: int = 0) -> str | None:
        """The person named last before ``at`` (and after ``since``); of the
        people named in that last sentence, the first: a sentence's subject
        comes before its objects ("Trump arrived, mentioning Brunson's
        return. 'He is on American soil,' he said" is Trump)."""
        places, mentions = self._every_mention()
        best, stop = None, max(since, self._reach(at))
        for i in range(bisect.bisect_left(places, at) - 1, -1, -1):
            where, person, known = mentions[i]
            if where < stop:
                break
            if (gender and known and known != gender) or self._inside_quote(where):
                continue
            if best is None:  # the last one named: read back to its sentence's start
                sentence = self._sentence_start(where)
                stop = max(stop, sentence)
            best = person
        return best

    def _sentence_start(self, at: int) -> int:
        """Where the sentence holding ``at`` starts ("Mr. Eastwood spoke with
        Mr. Obama" is one sentence: titles and initials end none)."""
        low = max(0, at - _SENTENCE_CHARS, self.body.rfind("\n", 0, at))
        start = low
        for end in SENTENCE_END.finditer(self.body, low, at):
            start = end.end()
        return start

    def _every_mention(self) -> tuple[list[int], list[tuple[int, str, str]]]:
        """Every place a person who may speak is named, in story order:
        (place, person, gender), and the places alone for bisection; a
        speaker named later is merged in."""
        people = self._people()
        for person, surname, known in people[self._merged_people :]:
            for where in self._places(surname):
                i = bisect.bisect_left(self._merged_places, where)
                self._merged_places.insert(i, where)
                self._merged.insert(i, (where, person, known))
        self._merged_people = len(people)
        return self._merged_places, self._merged

    def _people(self) -> list[tuple[str, str, str]]:
        """Each person who may speak, with surname and first name's gender
        ("" when unknown); speakers named later added at the end."""
        everyone = [*self.people, *self.named]
        if self._read < len(everyone):
            genders = lx.given_name_genders()
            self._candidates += [
                (p, surname_word(p), genders.get(p.split()[0].lower(), "") if " " in p else "")
                for p in everyone[self._read :]
                if p.strip() and surname_of(p) not in self.reporters
            ]
            self._read = len(everyone)
        return self._candidates

    def _last_mention(self, surname: str, at: int) -> int:
        """Where ``surname`` was last named before ``at``, outside
        quotations; -1 if nowhere."""
        places = self._places(surname)
        i = bisect.bisect_left(places, at) - 1
        while i >= 0 and self._inside_quote(places[i]):
            i -= 1
        return places[i] if i >= 0 else -1

    def _places(self, surname: str) -> list[int]:
        places = self._mentions.get(surname)
        if places is None:
            places = self._mentions[surname] = self._find_mentions(surname)
        return places

    def _find_mentions(self, surname: str) -> list[int]:
        """Every place ``surname`` is named as a whole word, left out where it
        names no subject a "he" goes back to: a possessive ("Brunson's safe
        return") or the first name of someone else ("Michael Bloomberg" is
        no mention of Delvone Michael)."""
        places, at = [], self.body.find(surname)
        while at >= 0:
            end = at + len(surname)
            after = self.body[end : end + 2]
            if (
                word_at(self.body, at, len(surname))
                and after[:1] not in ("'", "’")
                and not (after[:1] == " " and after[1:].isupper())
            ):
                places.append(at)
            at = self.body.find(surname, end)
        return places

    def _inside_quote(self, at: int) -> bool:
        i = bisect.bisect_right(self.starts, at) - 1
        return i >= 0 and at < self.ends[i]

    def _titled(self, head: str, at: int) -> str | None:
        """The person introduced with the title ``head`` before ``at``: the
        name right after one of its last mentions, or in apposition before."""
        if not self._lower:
            self._lower = self.body.lower()
        seen = 0
        end = self._lower.rfind(head, 0, at)
        while end >= 0 and seen < _TITLE_MENTIONS:
            if word_at(self._lower, end, len(head)):
                seen += 1
                person = self._named_beside(end, end + len(head), at)
                if person:
                    return person
            end = self._lower.rfind(head, 0, end)
        return None

    def _named_beside(self, start: int, end: int, at: int) -> str | None:
        """A known person named right after ``end`` or in apposition before ``start``."""
        after = _NAME_AFTER.match(self.body, end)
        before = _NAME_BEFORE.search(self.body, max(0, start - 120), start)
        for found in (after, before):
            words = name_words(found.group(1)) if found else []
            person = self._person(words, at) if words else None
            if person and surname_of(person) not in self.reporters:
                return person
        return None

    @staticmethod
    def _reach(at: int) -> int:
        """Where a search back from ``at`` for an earlier name starts: a story
        introduces whom it quotes near, and a huge one must stay linear."""
        return max(0, at - _REACH)
