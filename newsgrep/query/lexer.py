"""Query text to tokens: the words, phrases, brackets, operators, signs,
fields and dates of docs/query.md's query language.

The lexer decides what the characters are, the parser (parser.py) how the
tokens combine. Spacing matters here and nowhere else:

* ``AND`` and ``OR`` are operators between spaces, ``NOT`` before a space at
  the start of a clause; elsewhere (``AND(``, a last ``NOT``) they are words;
* ``+`` and ``-`` count at the start of a word only: ``ITAR-TASS`` and
  ``Vike-Freiberga`` are one word each;
* a field prefix starts a word and needs a value right after its colon:
  ``Putin: NATO``, ``10:30`` and ``http://x`` are text, ``dateline:x`` a typo;
* a ``?`` ending a word of a longer query is a question mark, not a
  wildcard, and a lone ``*`` beside other words is dropped;
* 'single quotes' are not syntax: they would swallow apostrophes.

A word becomes a leaf of the tree here (Term, Pattern or Fuzzy, with its
boost); ``date:`` clauses become DateSpans, exact to the day (dates.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from newsgrep.errors import QueryError
from newsgrep.query.dates import DATE_FORMS, DateError, date_range
from newsgrep.query.tree import FIELD_NAMES, WILDCARDS, DateSpan, Fuzzy, Pattern, Phrase, Term

# Token kinds.
OPEN, CLOSE, AND, OR, NOT, SIGN, FIELD, LEAF = (
    "(",
    ")",
    "AND",
    "OR",
    "NOT",
    "sign",
    "field",
    "leaf",
)
MAX_FUZZY = 2

# What a LEAF token carries: a word, a phrase or a date.
Leaf = Term | Phrase | Pattern | Fuzzy | DateSpan

_PAIRS = {"(": ")", "[": "]", "{": "}"}
_QUOTED = re.compile(r'"[^"]*"')
_RUN = re.compile(r'[^ ()"]+')
_FIELD = re.compile(r"([A-Za-z_]+):")
_BOOST = r"\^([0-9]+(?:\.[0-9]+)?|\.[0-9]+)"
_WORD_BOOST = re.compile(rf"(?<=.){_BOOST}$", re.DOTALL)
_GROUP_BOOST = re.compile(rf"{_BOOST}(?=\s|\)|$)")
_PHRASE_END = re.compile(rf"(?:~([1-9][0-9]*))?(?:{_BOOST}(?=\s|\)|$))?")
_FUZZY = re.compile(r"(.+?)~([0-9]?)", re.DOTALL)
_QUESTION_MARK = re.compile(r"(?<=\w)\?+(?=$|[\]}])")
_DATE_VALUE = re.compile(
    r"(?P<op>[<>]=?)?(?P<value>\[[^\]]*\]?|\{[^}]*\}?|\"[^\"]*\"|'[^']*'|[^\s()\"]+)"
)
UNBALANCED_QUOTE = 'unbalanced quote: a phrase needs a closing "'
_DATE_FORMS = f"date: takes a date ({DATE_FORMS}) or a range [FROM TO UNTIL]"


@dataclass(frozen=True)
class Token:
    """One piece of a query: ``text`` is a sign (+, -) or a field's name,
    ``leaf`` a word, phrase or date as a leaf of the tree."""

    kind: str
    text: str = ""
    leaf: Leaf | None = None


def tokenize(text: str, now: datetime | None = None) -> list[Token]:
    """The tokens of a query whose spaces are single (as parse_query leaves
    them), relative dates read against ``now`` (None: the clock); raises
    QueryError for what cannot be read."""
    check_balance(text)
    return _Lexer(text, now).tokens()


def check_balance(text: str) -> None:
    """Unbalanced quotes and brackets are reported, not silently dropped."""
    if text.count('"') % 2:
        raise QueryError(UNBALANCED_QUOTE)
    stack: list[str] = []
    for ch in _QUOTED.sub(" ", text):
        if ch in _PAIRS:
            stack.append(_PAIRS[ch])
        elif ch in _PAIRS.values():
            if not stack or stack.pop() != ch:
                raise QueryError(f"unbalanced {ch!r}: nothing opens it")
    if stack:
        raise QueryError(f"unbalanced brackets: {''.join(reversed(stack))!r} missing")


class _Lexer:
    def __init__(self, text: str, now: datetime | None) -> None:
        self.text = text
        self.now = now
        self.pos = 0
        self.out: list[Token] = []
        # Question marks and lone stars are punctuation only beside other words.
        self.many = len(_QUOTED.sub(" ", text).split()) > 1

    def tokens(self) -> list[Token]:
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char == " ":
                self.pos += 1
            elif char in "()":
                self._bracket(char)
            elif char == '"':
                self._phrase()
            else:
                run = _RUN.match(self.text, self.pos)
                assert run is not None  # the character is none of ' ()"', so a run starts here
                self._chunk(run.group())
        return self.out

    def _at(self, offset: int) -> str:
        """The character ``offset`` away from the current one; "" beyond either end."""
        at = self.pos + offset
        return self.text[at] if 0 <= at < len(self.text) else ""

    def _bracket(self, char: str) -> None:
        self.out.append(Token(char))
        self.pos += 1
        if char == ")":  # a group's boost: read, so that it is no word, and ignored as ever
            boost = _GROUP_BOOST.match(self.text, self.pos)
            self.pos = boost.end() if boost else self.pos

    def _phrase(self) -> None:
        end = self.text.find('"', self.pos + 1)
        if end < 0:  # its partner was inside a date: date:'2001"' "nato
            raise QueryError(UNBALANCED_QUOTE)
        words = tuple(self.text[self.pos + 1 : end].split())
        suffix = _PHRASE_END.match(self.text, end + 1)
        assert suffix is not None  # every part of it is optional: it matches, if empty
        slop, boost = suffix.groups()
        self.out.append(
            Token(LEAF, leaf=Phrase(words, slop=int(slop or 1), boost=float(boost or 1)))
        )
        self.pos = suffix.end()

    def _chunk(self, run: str) -> None:
        """A run of text up to a space, bracket or quote."""
        if self._operator(run):
            return
        if run[0] in "+-" and self._at(-1) in ("", " ", "(") and self._at(1) not in ("", " "):
            self.out.append(Token(SIGN, run[0]))
            self.pos += 1
            run = run[1:]
            if not run:  # a bracket or quote follows: -(a b), -"a b"
                return
        if not self._field(run):
            self._word(run)

    def _operator(self, run: str) -> bool:
        """AND and OR between spaces; NOT before a space, starting a clause."""
        before, after = self._at(-1), self._at(len(run))
        if after == " " and (
            run in (AND, OR) and before == " " or run == NOT and before in ("", " ", "(", ")")
        ):
            self.out.append(Token(run))
            self.pos += len(run)
            return True
        return False

    def _field(self, run: str) -> bool:
        """A field prefix, with its value; False when the colon is text."""
        match = _FIELD.match(run)
        if not match:
            return False
        typed = match.group(1)
        name = FIELD_NAMES.get(typed.lower(), typed.lower())
        after = self.text[self.pos + match.end() :][:1]
        if name == "date":
            self.pos += match.end()
            self._date()
            return True
        if after in ("", " ", ")"):
            if name in FIELD_NAMES.values():
                raise QueryError(
                    f"{typed}: needs a value right after the colon, as in {typed}:word"
                )
            return False
        if after in ":/":
            return False
        if name not in FIELD_NAMES.values():
            raise QueryError(f"unknown field {typed!r}: use one of {', '.join(FIELD_NAMES)}")
        self.out.append(Token(FIELD, name))
        self.pos += match.end()
        if run[match.end() :]:  # else a bracket or quote follows: title:(a b), title:"a b"
            self._word(run[match.end() :])
        return True

    def _date(self) -> None:
        match = _DATE_VALUE.match(self.text, self.pos)
        if not match:
            raise QueryError(_DATE_FORMS)
        try:
            span = date_range(match.group("value"), match.group("op") or "", self.now)
        except DateError as err:
            raise QueryError(str(err)) from None
        self.out.append(Token(LEAF, leaf=span))
        self.pos = match.end()

    def _word(self, run: str) -> None:
        lone = self._at(-1) in ("", " ") and self._at(len(run)) in ("", " ")
        self.pos += len(run)
        if self.many:
            if run == "*" and lone:
                return
            run = _QUESTION_MARK.sub("", run)
        self.out.append(Token(LEAF, leaf=word_leaf(run)))


def word_leaf(run: str) -> Term | Pattern | Fuzzy:
    """A typed word as a leaf: ``word^2``, ``wor*``, ``w?rd``, ``word~``, ``word~2``."""
    boost = _WORD_BOOST.search(run)
    weight = float(boost.group(1)) if boost else 1.0
    run = run[: boost.start()] if boost else run
    if any(char in WILDCARDS for char in run):
        return Pattern(run, boost=weight)
    fuzzy = _FUZZY.fullmatch(run)
    if fuzzy:
        distance = int(fuzzy.group(2) or 1)
        if distance > MAX_FUZZY:
            raise QueryError(f"fuzzy distance {distance} is too far: use ~1 or ~2")
        return Fuzzy(fuzzy.group(1), distance, boost=weight)
    return Term(run, boost=weight)
