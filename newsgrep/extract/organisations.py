"""What is not a person: organisations, places and common words that
read like names.

A story gives its companies away ("Texaco Inc", "<Champion Products>",
"the Bundesbank", "at Merrill Lynch", "merchant bank Pierson", "Adsteam said
its ..."); what is learnt of a name is kept in the story's
``organisation_words`` so that a later "Texaco said" is no person either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsgrep.extract import lexicon as lx
from newsgrep.extract.capitals import Story
from newsgrep.extract.tokens import Token

# "Bureau of Statistics", "University of Chicago": part of a longer proper name.
_PROPER_OF_BEFORE = re.compile(r"[A-Z][\w.'’-]*\s+of\s+(?:the\s+)?$")

# What a story says of a company, never of a person: "Adsteam said its
# profit ...", "Amro's shares", "<Welsh, Carson, Anderson>", "Freddie Mac, the
# No. 2 U.S. mortgage finance company," (an apposition that ends in a business
# noun; not "Jane Doe, a bank analyst" nor "Jane Doe, the head of the bank").
_COMPANY_CONTEXT = (
    r"(?:\s+(?:also\s+)?(?:said|says|reported|announced|added)\s+(?:that\s+)?its\b"
    r"|['’]s\s+(?:shares|stock|board|subsidiary|unit|net|profit|sales|earnings|"
    r"shareholders|directors|management|plant|products)\b"
    r"|,\s+(?:the|a|an)\s+(?:(?!(?:of|at|for|in|with|from|to|and|by)\b)[\w.'’-]+\s+){0,5}?"
    rf"(?:{'|'.join(sorted(lx.COMPANY_NOUNS))})(?=\s*[,.;:)]|\s+(?:that|which|based|whose)\b))"
)
_COMPANY_AFTER = re.compile(_COMPANY_CONTEXT)

# "Texaco Inc", "Smith & Co", "Article 5", "Bear, Stearns and Co", "Kleinwort and Benson Ltd"
_ORGANISATION_AFTER = re.compile(
    r"\s*(?:<|&|\+|\d|(?:(?:,|\s+and|\s+en)\s+[A-Z][\w'’-]+)*\s*,?\s*"
    r"(?:and\s+|&\s*)?(?:Inc|Corp|Co|Ltd|Plc|LLC|AG|SA|NV|GmbH|SpA|BV)\b)"
)
_COMPANY_WORD = re.compile(r"(?:bank|banken|corp)$")
# Endings of contractions, adverbs and abstract nouns, never of surnames.
_NOT_A_SURNAME = re.compile(
    r"(?:['’](?:ve|d|ll|re|m|t)|ally|arly|ily|ously|ively|ently|antly|tion|sion|ism|ness|ated|ized|ised|istic)$"
)
_PLURAL = re.compile(r"(?:ers|ors|eurs|ists|ants|ents|ians|als|ures|ies|men)$")
_BRACKETED = re.compile(r"<([^<>\n]{1,80})>")
_LETTERS = re.compile(r"[^\W\d_]+")
_CLOSING_PARENTHESIS = re.compile(r"\.?\)")


def bracketed_words(text: str) -> set[str]:
    """Words inside wire markup for companies: "<Texscan Corp>"."""
    return {w.lower() for inner in _BRACKETED.findall(text) for w in _LETTERS.findall(inner)}


def is_place_word(token: Token) -> bool:
    return is_place(token.low) and token.low not in lx.given_names()


def is_place(word: str) -> bool:
    """'Moscow', 'Afghan', 'Afghans', 'Soviet-American'."""
    if "-" in word and all(is_place(part) for part in word.split("-")):
        return True
    return word in lx.places() or (word.endswith("s") and word[:-1] in lx.places())


def is_organisation_word(word: str) -> bool:
    """'Bank', 'Banks', 'Inc.', 'Citibank', 'Citicorp'."""
    return (
        word in lx.ORGANISATION_WORDS
        or word.rstrip(".") in lx.ORGANISATION_WORDS
        or (word.endswith("s") and word[:-1] in lx.ORGANISATION_WORDS)
        or bool(_COMPANY_WORD.search(word))
    )


def not_a_person(run: list[Token], name: list[Token], role: str, story: Story) -> bool:
    """An organisation, a place or a thing; remembers organisations' words."""
    lows = [t.low for t in name]
    # "Volkswagen U.S. Inc"; in a headline the words after a name are the news
    tail = [] if run[0].shouted else [t.low for t in run[run.index(name[-1]) + 1 :]]
    after = story.text[name[-1].end : name[-1].end + 40]
    if (
        any(is_organisation_word(w) for w in lows + tail)
        or _ORGANISATION_AFTER.match(after)
        or " ".join(lows) in lx.FIRMS
    ):
        # "Champion Products <CH>", "Article 5", "General Cinema Corp"
        story.remember_organisation(run)
        return True
    if role == "title":
        return False
    at = run[0].index
    before = story.tokens[at - 1].text if at else ""
    if before == "<" or _after_company_noun(story.tokens, at):
        # "<Nature's Blend Products Inc>", "merchant bank Pierson"
        story.remember_organisation(name)
        return True
    if before == "(" and _CLOSING_PARENTHESIS.match(story.text[name[-1].end : name[-1].end + 2]):
        # "British Aerospace Plc (BAe)", "the development council (Conade)"
        # gloss a name just given; "I told (Reagan)" is a quote's aside.
        glossed = story.tokens[at - 2] if at > 1 else None
        if glossed and not (
            glossed.text.islower()
            and glossed.low not in lx.COMPANY_NOUNS
            and not is_organisation_word(glossed.low)
        ):
            story.remember_organisation(name)
        return True
    preceding = story.text[max(0, run[0].start - 40) : run[0].start]
    if name[-1].possessive and before in ("at", "in"):
        return False  # "in Reagan's view", "at Greenspan's nomination"
    if before in ("at", "in", "near", "outside") or _PROPER_OF_BEFORE.search(preceding):
        # "analyst at Merrill Lynch", "in Santa Fe", "Bureau of Statistics"
        story.remember_organisation(name)
        return True
    if before.lower() in ("the", "a", "an", "his", "her", "its", "their", "our", "my", "your"):
        # People take no article: "the Commons said", "the Reagan
        # administration", "his U.S. Counterpart".
        following = (
            story.tokens[name[-1].index + 1] if name[-1].index + 1 < len(story.tokens) else None
        )
        if not (following and following.text.islower() and following.low not in lx.VERBS):
            story.remember_organisation(name)
        return True
    return False


def _after_company_noun(tokens: list[Token], at: int) -> bool:
    """'food retailer Tesco', 'the EC statistics office, Eurostat,'."""
    at -= 1
    if at >= 0 and tokens[at].text == ",":
        at -= 1
    return at >= 0 and tokens[at].low in lx.COMPANY_NOUNS and tokens[at].text.islower()


def modifies_a_noun(token: Token, story: Story) -> bool:
    """'Refco analyst', 'Amro bank', 'Euroyen notes': a name before a
    lower-case job or business noun is an employer or a brand."""
    following = story.tokens[token.index + 1] if token.index + 1 < len(story.tokens) else None
    if not following or not following.text.islower():
        return False
    return (
        following.low in lx.ROLE_NOUNS
        or is_organisation_word(following.low)
        or following.low in lx.COMPANY_NOUNS
    )


def common_word(token: Token, story: Story) -> bool:
    """A common word that starts a sentence ("Officials said", "I've"), not
    a surname: seen in lower case elsewhere, a contraction, or a plural
    noun at the start of a sentence ("Speculators said")."""
    low = token.low
    if low in story.lowercase or _NOT_A_SURNAME.search(low):
        return True
    return starts_sentence(token, story) and bool(_PLURAL.search(low))


def starts_sentence(token: Token, story: Story) -> bool:
    """The first word of a sentence, capitalised whatever it is."""
    at = token.index
    return at == 0 or story.tokens[at - 1].text in '.!?"“”'


# "Texscan, which ...": after a one-word name only. After a full name the
# clause as often belongs to the phrase the name ends ("a deal with Jane
# Doe, which ...").
_WHICH_AFTER = re.compile(r",\s+which\b")


def company_words(names: set[str], text: str) -> set[str]:
    """The names the story treats as companies ("Adsteam said its ...").

    The patterns are compiled once and tried where a name ends: a pattern
    per name cost more than the rest of the person finder."""
    found = set()
    for name in names:
        contexts = (_COMPANY_AFTER,) if " " in name else (_COMPANY_AFTER, _WHICH_AFTER)
        if any(c.match(text, end) for end in _name_ends(name, text) for c in contexts):
            found.add(name.lower())
    return found


def _name_ends(name: str, text: str) -> Iterator[int]:
    """Where each mention of ``name`` that starts a word ends in ``text``."""
    at = text.find(name)
    while at != -1:
        if at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_"):
            yield at + len(name)
        at = text.find(name, at + 1)
