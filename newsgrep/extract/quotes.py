"""Direct quotations in a story, and who said them.

One compiled pattern finds every quotation mark and paragraph break in the
body; a small loop pairs the marks into quotations:

- curly marks (“ ”) pair as written; straight ones (") open before a word and
  close after one, a curly quotation too (pages mix them); an opening curly
  mark typed where the closing one belongs (',“ Graham said') closes;
- a quotation running over paragraphs opens each paragraph with a mark and
  closes only the last ("“One.\\n\\n“Two.”" is one quotation, "One. Two."),
  whether a blank line, an indent or a lone new line after a sentence's end
  parts them;
- a quotation left open at a paragraph's end with no mark opening the next is
  a stray mark, not a quotation;
- marks inside a quotation (‘ ’, or a straight " nested in curly ones) are its
  words.

Scare quotes and titles of works are dropped: a short span (three words or
fewer) or a title-case one that nothing attributes, a short one owned by
what stands before it that the sentence goes on from ('its "churn rate"
fell', 'the company's "core function" would') unless a verb after it says
who spoke, and any span after words that name a
thing rather than quote a speech ("so-called", "the book", "a song titled").
Who said each quotation is :mod:`newsgrep.extract.speakers`' work.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsgrep.extract.speakers import Attribution, Speakers
from newsgrep.model import Quote

# A quotation mark, or a paragraph break: a blank line or a new line that
# opens with an indent (wire copy wraps its lines and indents paragraphs). A
# lone new line matches too, to be passed over: a pattern that opens with one
# character class is scanned for fast, twice as fast as an alternation.
_MARK = re.compile(r"[“”\"\n](?:(?<=\n)(?:[^\S\n]*\n\s*|[ \t]{2,}(?=\S)))?")
_OPENS_AFTER = frozenset(" \t\n\r([{—–-/\u00a0") | {""}
_CLOSES_BEFORE = frozenset(" \t\n\r)]},.;:!?—–-…\u00a0") | {""}
# Words that name the next quoted span instead of quoting someone: "the
# so-called", "a song titled", "the book", "known as", "the word".
_NAMING = frozenset(
    """
so-called dubbed nicknamed named titled entitled headlined termed branded labeled
labelled word words term terms phrase phrases slogan slogans motto label hashtag
headline banner book novel memoir film movie documentary song album single show
series sitcom play musical opera poem essay article op-ed column editorial podcast
episode exhibit exhibition painting
""".split()
)
_NAMING_AS = frozenset("known to dubbed labeled labelled branded billed".split())
_ARTICLES = frozenset(("a", "an", "the"))
_POSSESSIVES = frozenset(("its", "their"))
# Words ending on an adjective are a judgement someone made ('its
# "irrational" price system', 'the president's "so insensitive" remarks'),
# not a term.
_ADJECTIVE_ENDINGS = ("al", "ous", "ive", "ful", "less", "able", "ible", "ic", "ant", "ent")
_TIMES = frozenset(
    """day week month year quarter decade century today yesterday tomorrow tonight night
weekend morning evening season monday tuesday wednesday thursday friday saturday sunday""".split()
)
# A whole sentence: a capital first, a full stop, question or exclamation last.
_SENTENCE = re.compile(r"[\"'‘(\[]?[A-Z].*[.?!][\"'’)\]]?$", re.DOTALL)
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_SHORT = 3  # words: "fake news" quoted without a speaker is a scare quote
# A sentence's last character before a new line that another paragraph of
# the same quotation follows.
_PARAGRAPH_CLOSES = frozenset(".?!…:")
_MINOR = frozenset("a an and as at but by for from in into of on or the to with vs".split())


@dataclass
class Span:
    """One quotation: where its marks are and the words between them."""

    start: int  # the opening mark
    end: int  # just past the closing mark
    text: str  # whitespace collapsed, paragraphs joined by one space
    paragraph: int  # where the quotation's first paragraph starts


def find_quotes(body: str, people: Sequence[str], authors: Sequence[str]) -> list[Quote]:
    """Every direct quotation in ``body`` with its speaker: the fullest name
    of ``people`` the story gives, an organisation's name, or None; never one
    of the story's ``authors``."""
    if '"' not in body and "“" not in body:
        return []
    speakers = Speakers(body, people, authors)
    found: list[tuple[Span, Attribution | None]] = []
    previous: Attribution | None = None
    for span in spans(body):
        attribution = speakers.attribute(span.start, span.end, span.paragraph, previous)
        if _is_quotation(body, span, attribution):
            found.append((span, attribution))
            speakers.quoted(span.start, span.end)
            previous = attribution
    _share_forward(body, found)
    return [
        Quote(
            span.text.rstrip(",").rstrip(),
            speakers.one_name(attribution) if attribution else None,
        )
        for span, attribution in found
    ]


def _share_forward(body: str, found: list[tuple[Span, Attribution | None]]) -> None:
    """'..., "as much as ...," but "must take ...," Putin said': a partial
    quotation with no verb of its own shares the next one's speaker when both
    stand in one sentence."""
    for i in range(len(found) - 2, -1, -1):
        span, attribution = found[i]
        after, next_attribution = found[i + 1]
        if attribution is None and next_attribution and next_attribution.adjacent:
            between = body[span.end : after.start]
            if len(between) < 200 and not _SENTENCE_BREAK.search(between):
                found[i] = (span, next_attribution)


def spans(body: str) -> Iterator[Span]:
    """The quotations in ``body``, marks paired as the module docstring says."""
    opened = -1  # the open quotation's first mark, or -1
    curly = False  # whether it opened with “
    piece = 0  # where the open paragraph's words begin
    pieces: list[str] = []
    paragraph = 0
    skip_to = -1  # a mark already read as a paragraph's opening
    for mark in _MARK.finditer(body):
        at = mark.start()
        if at < skip_to:
            continue
        char = mark.group()
        if char == "\n":
            if opened >= 0 and body[at - 1 : at] in _PARAGRAPH_CLOSES and _opens_here(body, at + 1):
                # paragraphs a lone new line apart: '“One.\n“Two.”' is one
                # quotation as much as with a blank line between
                pieces.append(body[piece:at])
                piece = skip_to = at + 2
            continue
        if char[0] == "\n":
            if opened >= 0 and _opens_here(body, mark.end()):
                pieces.append(body[piece:at])
                piece = skip_to = mark.end() + 1
            else:
                opened, pieces = -1, []
            paragraph = mark.end()
            continue
        before = body[at - 1 : at]
        after = body[at + 1 : at + 2]
        if opened < 0:
            if char == "“" or (char == '"' and before in _OPENS_AFTER and not after.isspace()):
                opened, curly, piece, pieces = at, char == "“", at + 1, []
                start_paragraph = paragraph
            continue
        if _closes(char, before, after, curly):
            pieces.append(body[piece:at])
            text = " ".join(" ".join(pieces).split())
            if text:
                yield Span(opened, at + 1, text, start_paragraph)
            opened, pieces = -1, []
        elif char == "“" or (char == '"' and not curly and before in _OPENS_AFTER):
            # An opening mark inside an open quotation: the last one never
            # closed; start again here.
            opened, curly, piece, pieces = at, char == "“", at + 1, []
            start_paragraph = paragraph


def _closes(char: str, before: str, after: str, curly: bool) -> bool:
    """True when a mark closes the open quotation: ”; a straight mark after
    a word (pages mix them: '“So this is a great time."', but "no" inside a
    curly quotation is its words); an opening mark typed for a closing one
    ('...,“ Graham said')."""
    if char == '"':
        return after in _CLOSES_BEFORE and not (curly and before.isspace())
    return char == "”" or (before in ",.?!" and after.isspace())


def _opens_here(body: str, at: int) -> bool:
    """True when the paragraph starting at ``at`` opens with a quotation mark."""
    return body[at : at + 1] in ("“", '"')


def _is_quotation(body: str, span: Span, found: Attribution | None) -> bool:
    """False for scare quotes and titles of works (see the module docstring)."""
    if _named(body, span):
        return bool(found and found.after and len(span.text) > 40)
    words = span.text.split()
    if (
        len(words) <= _SHORT
        and not (found and found.after)
        and span.text[-1:].isalnum()
        and not words[-1].lower().endswith(_ADJECTIVE_ENDINGS)
        and _owned(body, span.start)
    ):
        # 'its "churn rate" fell', 'the company's "core function" would':
        # a term the sentence goes on from (not 'offered its "unlimited
        # solidarity."', words a sentence of speech ends on)
        return False
    if len(words) > 1 and _title_case(words):
        return bool(found and found.after)
    if found and (found.adjacent or _SENTENCE.match(span.text)):
        # a short span a verb governs, or a whole sentence going on from
        # the quotation before ('... ," Obama said. "That happens often."')
        return True
    return len(words) > _SHORT


def _named(body: str, span: Span) -> bool:
    """True when the word before the opening mark, past an article, names a
    thing: 'the book "...', 'known as a "backdoor"'."""
    words = [
        w.strip(",:")
        for w in body[max(span.paragraph, span.start - 40) : span.start].lower().split()[-3:]
    ]
    if words and words[-1] in _ARTICLES:
        words.pop()
    if not words:
        return False
    if words[-1] == "as":  # "known as", "referred to as"; not "described as"
        return any(word in _NAMING_AS for word in words[:-1])
    return words[-1] in _NAMING


def _owned(body: str, start: int) -> bool:
    """True when a possessive stands right before the opening mark: "its",
    "their", "the company's"."""
    before = body[max(0, start - 20) : start].split()[-1:]
    word = before[0] if before else ""
    if word.lower() in _POSSESSIVES:
        return True
    # a body's, lower-case ("the company's"), not a time's ('last week's
    # "hiccup"'); a person's or a name's are left out: 'his "extensive
    # business experience"', 'Reagan's "intense compassion"', 'Argentina's
    # "disciplined effort"' are someone's words, reported
    return word.endswith(("'s", "’s")) and word[:1].islower() and word[:-2] not in _TIMES


def _title_case(words: list[str]) -> bool:
    """'The Art of the Deal', 'Profits Soar as Economy Advances.': every word
    capitalised but the small ones."""
    for word in words:
        first = word.lstrip("\"'‘’“”([")[:1]
        if first.islower() and word.lower() not in _MINOR:
            return False
    return True
