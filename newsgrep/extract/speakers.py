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

from newsgrep.extract.referents import Referents

_VERBS = (
    r"said|says|say|saying|told|tells|added|adds|asked|asks|stated|states|declared|"
    r"declares|noted|notes|explained|explains|wrote|writes|insisted|insists|warned|"
    r"warns|argued|argues|continued|continues|recalled|recalls|acknowledged|"
    r"acknowledges|replied|replies|responded|responds|remarked|observed|admitted|"
    r"admits|conceded|concedes|confirmed|announced|announces|tweeted|tweets|posted|"
    r"shouted|yelled|joked|quipped|stressed|stresses|emphasized|emphasised|predicted|"
    r"testified|complained|complains|cautioned|suggested|suggests|commented|"
    r"maintained|contended|reiterated|pledged|promised|vowed|urged|concluded|"
    r"boasted|lamented|mused|wondered|countered|charged|claimed|claims|scoffed|"
    r"whispered|told|added|explained|agreed|agrees|went on|chimed in"
).replace(" ", r"\s+")
_ADVERB = (
    r"(?:also|later|then|earlier|again|once|further|previously|recently|simply|"
    r"has|had|have|was|were|is|are|quoted|as|reportedly|publicly|privately|"
    r"repeatedly|often|frequently|bluntly|flatly|sharply|angrily|quickly)"
)
_NAME_WORD = r"[A-Z][\w'’.\-]*"
_PARTICLE = r"(?:de|da|di|du|van|von|der|den|le|la|bin|ibn|al|el|abu|y)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,5}}"
_DESCRIPTION = r"(?i:the|a|an|one|another|his|her|its|their)\s+[^,;:.!?\"“”\n]{1,60}?"
_PRONOUN = r"(?i:he|she|they|we)"
# ", the NATO chief," or ", who ... ," between a subject and its verb.
_APPOSITION = r"(?:\s*,\s*[^,;\"“”\n]{1,120}?,)?"
_SUBJECT = rf"(?:(?P<pron>\b{_PRONOUN})|(?P<desc>\b{_DESCRIPTION})|(?P<name>{_NAME}))"

# '," Putin said', '," he added', '," the minister told reporters'
_SUBJECT_VERB = re.compile(
    rf"[\s,—–-]*{_SUBJECT}{_APPOSITION}(?:\s+{_ADVERB}){{0,3}}\s+(?:{_VERBS})\b"
)
# '," said Putin', '," according to Ivanov', 'said Arthur Miller, BankAmerica's ...'
_VERB_SUBJECT = re.compile(
    rf"[\s,—–-]*(?:(?:{_VERBS})|according\s+to)\s+(?:{_DESCRIPTION}(?=,\s+[A-Z])\s*,\s*)?"
    rf"(?:(?P<name>{_NAME})|(?P<desc>{_DESCRIPTION}(?=[,.;:!?\s]*(?:$|[,.;:!?]))))"
)
# '” Andrew O’Hehir, Salon' at the end of a paragraph: a cited author.
_CITED = re.compile(rf"\s*[—–-]?\s*(?P<name>{_NAME})(?:,\s+[^.\n]{{1,60}})?\s*$")
# The last speech verb before a quotation, found by reading the sentence
# backwards: Python's re tries a long alternation at every position, so
# reversed, the search stops at the verb nearest the mark instead of
# reading the whole sentence.
_VERB_REVERSED = re.compile(
    r"\b(?:%s|ot\s+gnidrocca)\b"
    % "|".join(v.replace(r"\s+", " ")[::-1].replace(" ", r"\s+") for v in _VERBS.split("|"))
)
_SUBJECT_BEFORE = re.compile(rf"{_SUBJECT}{_APPOSITION}(?:\s+{_ADVERB}){{0,3}}\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“A-Z])|\n")
_PARAGRAPH_END = re.compile(r"\n[^\S\n]*\n|\n[ \t]{2,}(?=\S)")
_AFTER = 160  # characters read after a quotation for its attribution
_BEFORE = 300  # characters read back before it
_SUBJECT_CHARS = 90  # characters read back before a verb for its subject


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    cue: str  # "name", "pronoun", "title", "organisation", "continuation", "none"
    adjacent: bool  # a speech verb right beside the quotation (not inherited)
    paragraph: int  # where the attributed quotation's paragraph starts


class Speakers:
    """Attributes the quotations of one story, in the order they come."""

    def __init__(self, body: str, people: Sequence[str], authors: Sequence[str]) -> None:
        self.body = body
        self.referents = Referents(body, people, authors)

    def quoted(self, start: int, end: int) -> None:
        """Note a quotation, whose words name no speaker of later ones."""
        self.referents.quoted(start, end)

    def attribute(
        self, start: int, end: int, paragraph: int, previous: Attribution | None
    ) -> Attribution | None:
        """Who said the quotation between ``start`` and ``end``, or None when
        no verb or earlier quotation says."""
        found = self._after(end, paragraph) or self._before(start, paragraph)
        if found:
            return found
        if previous and previous.speaker and self._continues(previous, start, paragraph):
            return Attribution(previous.speaker, "continuation", False, paragraph)
        return None

    def _after(self, end: int, paragraph: int) -> Attribution | None:
        text = self._clause_after(end)
        if not text or text[0].isalnum():
            return None
        match = _SUBJECT_VERB.match(text) or _VERB_SUBJECT.match(text) or _CITED.match(text)
        return self._resolve(match, end, paragraph) if match else None

    def _before(self, start: int, paragraph: int) -> Attribution | None:
        text = self._clause_before(start, paragraph)
        backwards = _VERB_REVERSED.search(text[::-1])
        if backwards is None:
            return None
        verb_start = len(text) - backwards.end()
        if text.startswith("according", verb_start):
            match = _VERB_SUBJECT.match(text, verb_start)
        else:
            match = _SUBJECT_BEFORE.search(text, max(0, verb_start - _SUBJECT_CHARS), verb_start)
        return self._resolve(match, start, paragraph) if match else None

    def _resolve(self, match: re.Match[str], at: int, paragraph: int) -> Attribution | None:
        groups = match.groupdict()
        if groups.get("pron"):
            speaker, cue = self.referents.pronoun(groups["pron"].lower(), at)
        elif groups.get("name"):
            speaker, cue = self.referents.name(groups["name"], at)
        else:
            speaker, cue = self.referents.description(groups["desc"], at)
        return Attribution(speaker, cue, True, paragraph)

    def _clause_after(self, end: int) -> str:
        """The sentence after a closing mark, to its end or the paragraph's."""
        text = self.body[end : end + _AFTER]
        stop = _PARAGRAPH_END.search(text)
        if stop:
            text = text[: stop.start()]
        stop = _SENTENCE_END.search(text, 1)
        return text[: stop.start() + 1] if stop else text

    def _clause_before(self, start: int, paragraph: int) -> str:
        """The sentence before an opening mark, from its start or the paragraph's."""
        text = self.body[max(paragraph, start - _BEFORE) : start]
        ends = list(_SENTENCE_END.finditer(text))
        return text[ends[-1].end() :] if ends else text

    def _continues(self, previous: Attribution, start: int, paragraph: int) -> bool:
        """True when a quotation with no speaker of its own goes on from the one
        before: in the same paragraph, or opening the next one."""
        if previous.paragraph == paragraph:
            return True
        return start == paragraph and self.referents.no_one_named(self.referents.last_end, start)
