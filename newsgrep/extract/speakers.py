"""Who said a quotation: the speech verb beside it, and its subject resolved
from the story.

Where to look, in order:

1. after the closing mark: `"...," Putin said`, `"...," said Putin`,
   `"...," he added`, `"...," the NATO secretary-general said`, `"...,"
   according to Ivanov`;
2. before the opening mark, in the same sentence: `Putin said: "..."`,
   `Putin told reporters "..."`, `Putin said the efforts "must ..."`;
3. the quotation before, when this one continues its paragraph or opens the
   next paragraph with no speaker of its own.

A subject is resolved by :class:`newsgrep.extract.referents.Referents`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsgrep.extract import speech as sp
from newsgrep.extract.dateline import parse_dateline
from newsgrep.extract.referents import Referents
from newsgrep.extract.speaker_names import TITLE_WORDS
from newsgrep.extract.speech import fold

_AFTER = 160  # characters read after a quotation for its attribution
_BEFORE = 300  # characters read back before it
_CLOSING_REST = 60  # characters a sentence may go on after a closing attribution
_CLOSING_COMMAS = 3  # commas read back from a sentence's end for one
_SUBJECT_CHARS = 200  # characters read back before a verb for its subject
_DATELINE_CHARS = 300  # characters a dateline is looked for in


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    cue: str  # "name", "pronoun", "title", "organisation", "continuation", "none"
    adjacent: bool  # a speech verb in the quotation's sentence (not inherited)
    paragraph: int  # where the attributed quotation's paragraph starts
    after: bool = False  # the verb comes after the quotation: '," Putin said'


class Speakers:
    """Attributes the quotations of one story, in the order they come."""

    def __init__(self, body: str, people: Sequence[str], authors: Sequence[str]) -> None:
        self.body = body
        self.referents = Referents(body, people, authors)
        self.previous: Attribution | None = None  # the quotation before's
        self._lead = -1  # where the dateline ends, read when first needed
        self._full: dict[str, str] = {}  # a name's folded words: its fullest form
        self._named_as: dict[str, str] = {}  # a speaker as found: as named

    def _past_dateline(self, at: int) -> int:
        """``at``, or where the story's dateline ends if ``at`` is inside it:
        the dateline ("MOSCOW, April 2 (ITAR-TASS) --") is no sentence's
        subject. Read only for a clause that reaches the story's start."""
        if at >= _DATELINE_CHARS:
            return at
        if self._lead < 0:
            dateline = parse_dateline(self.body[:_DATELINE_CHARS])
            self._lead = dateline.length if dateline else 0
        return max(at, self._lead)

    def one_name(self, attribution: Attribution) -> str | None:
        """The fullest name the story gives for the person speaking, accents
        folded ("Schroeder" for "Gerhard Schröder"), particles and double
        surnames kept whole ("Hoop Scheffer" for "Jaap de Hoop Scheffer",
        "Duncan Smith" for "Iain Duncan Smith"); the speaker as found when
        no one fits, when two people do, or for an organisation."""
        speaker = attribution.speaker
        if not speaker or attribution.cue == "organisation":
            return speaker
        if speaker not in self._named_as:
            self._named_as[speaker] = self._fullest(speaker)
        return self._named_as[speaker]

    def _fullest(self, speaker: str) -> str:
        if not self._full:
            for person in self.referents.people:
                self._full.setdefault(fold(person), person)
        key = fold(speaker)
        if key in self._full:
            return self._full[key]
        # A surname alone was resolved, or left alone for a reason ("Mr.
        # Romney" is not Ann Romney), by the referents, unless an accent or
        # a particle's hyphen ("al-Saadi") kept it from its person.
        alone = " " not in key
        longer = [
            name
            for name in self._full
            if (
                name.endswith("-" + key)
                or name.endswith(" " + key)
                and not (alone and self._full[name].lower().endswith(" " + speaker.lower()))
            )
            and not _titled(name)
        ]
        if not longer:
            return speaker
        fullest = max(longer, key=len)
        return self._full[fullest] if all(fullest.endswith(n) for n in longer) else speaker

    def quoted(self, start: int, end: int) -> None:
        """Note a quotation, whose words name no speaker of later ones."""
        self.referents.quoted(start, end)

    def attribute(
        self, start: int, end: int, paragraph: int, previous: Attribution | None
    ) -> Attribution | None:
        """Who said the quotation between ``start`` and ``end``, or None when
        no verb or earlier quotation says."""
        self.previous = previous
        sides = [self._after, self._before]
        if self.body[end - 2 : end - 1] == ".":
            # '... mistake." Jonathan Schanzer tweeted, "...': a full stop
            # inside the marks ends the sentence; the next may be another's.
            sides.reverse()
            if self.body[start + 1 : start + 2].islower():
                # 'upgraded the shares to "outperform." The bank said': words
                # that close a sentence of the story's own are no one's the
                # next sentence opens with a new subject for; one that goes
                # on with a pronoun ('to "no more than 25p." He said') or
                # closes on its speaker ('... were "not unsuccessful." But
                # ..., he said.') reports them too.
                sides[1] = self._fragment_after
        found = sides[0](start, end, paragraph)
        if found is None or found.speaker is None:
            # '... said, "..." according to the pool report': a verb that
            # names someone beats one that names no one.
            other = sides[1](start, end, paragraph)
            found = other if other and (other.speaker or found is None) else found
        if found:
            return found
        if previous and previous.speaker and self._continues(previous, start, paragraph):
            return Attribution(previous.speaker, "continuation", False, paragraph)
        if start == paragraph:
            return self._introduced(paragraph)
        return None

    def _after(self, start: int, end: int, paragraph: int) -> Attribution | None:
        """'," Putin said': the speaker is read from the story before ``start``
        (names inside the quotation itself are no antecedents)."""
        text = self._clause_after(end)
        if not text:
            return None
        match = None
        if not text[0].isalnum():
            match = sp.SUBJECT_VERB.match(text)
            if match and sp.role_and_other_verb(match):
                match = None
            match = match or sp.VERB_SUBJECT.match(text) or sp.CITED.match(text)
        match = match or self._closing_attribution(text)
        return self._resolve(match.groupdict(), start, paragraph, after=True) if match else None

    def _fragment_after(self, start: int, end: int, paragraph: int) -> Attribution | None:
        """The next sentence's pronoun and verb ('He said'), or its closing
        attribution ('But ..., he said.'), for a fragment that ends a sentence."""
        text = self._clause_after(end)
        match = sp.SUBJECT_VERB.match(text)
        if not (match and match["pron"]):
            match = self._closing_attribution(text)
        return self._resolve(match.groupdict(), start, paragraph, after=True) if match else None

    @staticmethod
    def _closing_attribution(text: str) -> re.Match[str] | None:
        """'"..." of inequality, says John Pitney' or '"a tremendous step"
        toward better relations, Mr. Trump said.': the sentence the quoted
        words stand in closes with its speaker."""
        if '"' in text or "“" in text:  # another quotation speaks for itself
            return None
        comma = len(text)
        for _ in range(_CLOSING_COMMAS):
            comma = text.rfind(", ", 0, comma)
            if comma < 0:
                return None
            match = sp.CLOSING_SUBJECT_VERB.match(text, comma)
            match = match or sp.CLOSING_VERB_SUBJECT.match(text, comma)
            if match and len(text) - match.end() < _CLOSING_REST:
                return match
        return None

    def _before(self, start: int, end: int, paragraph: int) -> Attribution | None:
        return self._speech_in(self._clause_before(start, paragraph), start, paragraph)

    def _introduced(self, paragraph: int) -> Attribution | None:
        """A quotation opening its paragraph, introduced by the last sentence
        of the paragraph before: 'Hanson added that ...' or 'Moore said:'."""
        text = self.body[self._past_dateline(max(0, paragraph - _BEFORE)) : paragraph].rstrip()
        text = text[text.rfind("\n") + 1 :]
        if not text or '"' in text or "”" in text:
            return None
        ends = [end for end in sp.SENTENCE_END.finditer(text) if end.end() < len(text)]
        # Its subject and verb open the sentence ("Hanson added that ..."): a
        # name later in it ("activists who block Gorsuch say") is no speaker.
        match = sp.SUBJECT_VERB.match(text, ends[-1].end() if ends else 0)
        found = self._resolve(match.groupdict(), paragraph, paragraph) if match else None
        return Attribution(found.speaker, found.cue, False, paragraph) if found else None

    def _speech_in(self, text: str, at: int, paragraph: int) -> Attribution | None:
        """The speaker of the last speech verb in ``text`` (a sentence up to a
        quotation at ``at``)."""
        for backwards in sp.VERB_REVERSED.finditer(text[::-1]):
            verb_start, verb_end = len(text) - backwards.end(), len(text) - backwards.start()
            subject: dict[str, str] | None = None
            if text.startswith("according", verb_start):
                subject = _groups(sp.VERB_SUBJECT.match(text, verb_start))
            elif not sp.PARTICIPLE.match(text, verb_start, verb_end):
                before = text[max(0, verb_start - _SUBJECT_CHARS) : verb_start]
                subject = sp.subject_before(before)
                if text[verb_start:verb_end] in sp.NOUN_VERBS and sp.a_noun(subject, before):
                    continue  # "the three Baltic states": a noun; the verb is before
            if subject is None:  # "Shelby issued a statement saying ...": the sentence's
                subject = sp.sentence_subject(text, verb_start)
            return self._resolve(subject, at, paragraph) if subject else None
        return self._colon_subject(text, at, paragraph)

    def _colon_subject(self, text: str, at: int, paragraph: int) -> Attribution | None:
        """'Kasich also hedged: "..."': a sentence that opens with its subject
        and ends in a colon before the quotation introduces it, whatever the
        verb."""
        if not text.rstrip().endswith(":"):
            return None
        match = sp.COLON_SUBJECT.match(text)
        return self._resolve(match.groupdict(), at, paragraph) if match else None

    def _resolve(
        self, groups: dict[str, str], at: int, paragraph: int, after: bool = False
    ) -> Attribution | None:
        pronoun = (groups.get("pron") or "").lower()
        if pronoun in ("it", "they") and self.previous and self.previous.cue == "organisation":
            speaker, cue = self.previous.speaker, "pronoun"
        elif pronoun:
            last = self.previous.speaker if self.previous else None
            speaker, cue = self.referents.pronoun(pronoun, at, last)
        elif groups.get("name"):
            name = sp.person_of(groups["name"])
            particle = sp.LEADING_PARTICLE.match(name)
            # "de Hoop Scheffer" is read as "Hoop Scheffer"; one_name puts
            # the particle back with the full name
            speaker, cue = self.referents.name(name[particle.end() :] if particle else name, at)
        else:
            speaker, cue = self._described(groups["desc"], at)
        return Attribution(speaker, cue, True, paragraph, after)

    def _described(self, phrase: str, at: int) -> tuple[str | None, str]:
        """A description's speaker: a person named after an owner ("the
        Scottish Green Party's Robin Harper"); a member of a party or a
        people ("the Republican", "the German"), the person it stands for,
        as "the senator" does; else the referents' reading."""
        determiner, _, rest = phrase.partition(" ")
        words = rest.split()
        for i, word in enumerate(words[:-2]):  # a name of two words or more after it
            if sp.POSSESSIVE.search(word) and all(w[:1].isupper() for w in words[i:]):
                return self.referents.name(rest, at)
        if len(words) == 1 and sp.a_member(words[0]):
            return self.referents.description(f"{determiner} {words[0].lower()}", at)
        return self.referents.description(phrase, at)

    def _clause_after(self, end: int) -> str:
        """The sentence after a closing mark, to its end or the paragraph's."""
        text = self.body[end : end + _AFTER]
        stop = sp.PARAGRAPH_END.search(text)
        if stop:
            text = text[: stop.start()]
        stop = sp.SENTENCE_END.search(text, 1)
        return text[: stop.start() + 1] if stop else text

    def _clause_before(self, start: int, paragraph: int) -> str:
        """The sentence before an opening mark, from its start or the paragraph's."""
        low = max(paragraph, start - _BEFORE)
        if low == start - _BEFORE and low > paragraph:  # no piece of a word ("SCOW")
            low = self.body.find(" ", low, start) + 1 or low
        low = min(self._past_dateline(low), start)
        text = self.body[low:start]
        ends = list(sp.SENTENCE_END.finditer(text))
        return text[ends[-1].end() :] if ends else text

    def _continues(self, previous: Attribution, start: int, paragraph: int) -> bool:
        """True when a quotation with no speaker of its own goes on from the one
        before: in the same paragraph, or opening the next one."""
        if previous.paragraph == paragraph:
            return True
        return start == paragraph and self.referents.no_one_else_named(
            previous.speaker or "", self.referents.last_end, start
        )


def _titled(folded: str) -> bool:
    """'lord george robertson', 'sen john smith': a folded name that opens
    with a title is no fuller name of the person."""
    first = folded.split()[0]
    return first in TITLE_WORDS or first + "." in TITLE_WORDS


def _groups(match: re.Match[str] | None) -> dict[str, str] | None:
    return {k: v for k, v in match.groupdict().items() if v} if match else None
