"""The patterns of reported speech: speech verbs, their subjects, sentence
and paragraph ends. Plain compiled patterns; :mod:`newsgrep.extract.speakers`
applies them.

A subject is one of three groups: ``pron`` ("he"), ``desc`` ("the NATO
secretary-general", "a Clinton spokesperson") or ``name`` ("Putin", "Rep.
Tom Latham (R-Iowa)", "Thomas E. Mann of the Brookings Institution").
"""

from __future__ import annotations

import re

from newsgrep.extract import lexicon as lx
from newsgrep.extract.same_person import folded
from newsgrep.extract.speaker_names import organisation_like

# Verbs that report speech or writing, as finite forms ("said"), base forms
# after "did" or "will" ("did note") and participles ("saying", "adding":
# their subject is the sentence's, read by the caller).
_FINITE = (
    "said|says|told|tells|added|adds|asked|asks|stated|states|declared|declares|"
    "noted|notes|explained|explains|wrote|writes|insisted|insists|warned|warns|"
    "argued|argues|continued|continues|recalled|recalls|acknowledged|acknowledges|"
    "replied|replies|responded|responds|remarked|observed|admitted|admits|conceded|"
    "concedes|confirmed|announced|announces|tweeted|tweets|posted|shouted|yelled|"
    "joked|quipped|stressed|stresses|emphasized|emphasised|predicted|testified|"
    "complained|complains|cautioned|suggested|suggests|commented|maintained|"
    "contended|reiterated|pledged|promised|vowed|urged|concluded|boasted|lamented|"
    "mused|wondered|countered|charged|claimed|claims|scoffed|whispered|agreed|"
    "agrees|called|calls|described|describes|panned|retorted|texted|emailed|read|"
    "reads|went on|chimed in|shot back|pointed out|points out|asserted|asserts|put it|"
    "puts it|bragged|fumed|snapped|mocked|marveled|marvelled|accused|accuses|branded"
)
_BASE = "say|tell|add|note|ask|write|explain|warn|argue|insist|call|describe"
_PARTICIPLES = (
    "saying|telling|adding|noting|writing|tweeting|asking|explaining|warning|"
    "arguing|insisting|calling|describing|urging|declaring|pointing out|stating|"
    "acknowledging|posting|claiming|accusing"
)
_ALL_VERBS = f"{_FINITE}|{_BASE}|{_PARTICIPLES}".split("|")
# Verbs that are nouns as often: "the three Baltic states", "phone calls",
# "his claims", "a call by the agency". One counts only after a name or a
# pronoun.
NOUN_VERBS = frozenset("states calls claims notes reads tweets call note read".split())


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` grouped by their first letters, so that the
    regex engine tries one branch per letter instead of every word (Python's
    re does not do this itself; it makes the verb scans several times faster).
    A space in a word matches any run of white space."""
    if "" in words:
        rest = [w for w in words if w]
        return f"(?:{_trie(rest)})?" if rest else ""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    branches = [
        (r"\s+" if first == " " else re.escape(first)) + _trie(tails)
        for first, tails in sorted(groups.items())
    ]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


VERBS = _trie(_ALL_VERBS)
PARTICIPLE = re.compile(rf"{_trie(_PARTICIPLES.split('|'))}$")
_ADVERBS = (
    "also later then earlier again once further previously recently simply has had have "
    "was were is are did does will would quoted as reportedly publicly privately "
    "repeatedly often frequently bluntly flatly sharply angrily quickly never not"
).split()
_ADVERB = f"(?:{'|'.join(_ADVERBS)})"
# A capitalised word; a full stop only on initials and short abbreviations
# ("J.", "U.S.", "Gov."), so "... Coalition. Their" is no name.
_NAME_WORD = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][a-z]{0,3}\.|[A-Z][\w'’\-]*(?:\.(?:org|com|net)\b)?)"
_PARTICLE = r"(?:de|da|di|du|van|von|der|den|le|la|bin|ibn|al|el|abu|y)"
NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,5}}"
# "(R-Iowa)", "(R., S.C.)", "of the Brookings Institution": kept off the name.
_NAME_TAIL = rf"(?:\s*\([^()\n]{{1,30}}\))?(?:\s+(?:of|at|from)\s+(?:the\s+)?{NAME})?"
# Where a name stops: "Ford O'Connell." or "Maria Zakharova told".
# Not "the University of Virginia's Larry Sabato", whose name is the last.
_NAME_END = (
    r"(?:\s*[,.;:!?(]|\s*$|\s+(?:and|at|from|in|on|who|told|added)\b"
    r"|\s+of\b(?!(?:\s+[A-Z][\w\-]*)+['’]s\b))"
)
# "Kremlin spokesman Dmitry Peskov", "campaign manager Kellyanne Conway".
# The body before the role may join its words: "Qualifications and
# Curriculum Authority chief executive Ken Boston".
_BODY = rf"{NAME}(?:\s+(?:and|of|for|&)\s+(?:the\s+)?{NAME}){{0,2}}"
_ROLE_NAME = rf"(?:{_BODY}\s+)?(?:[a-z][\w'’\-]*\s+){{0,4}}{NAME}"
# A word of a description: "U.S." keeps its stops, "Coalition." does not.
_WORD = r"(?:(?:[A-Z]\.)+|[\w'’\-]+)"
DESCRIPTION = rf"(?i:the|a|an|one|another|his|her|its|their)\s+(?:{_WORD}\s+){{0,4}}?{_WORD}"
_PRONOUN = r"(?i:he|she|they|we|it)"
_PUNCTUATION = re.compile(r"[,;:.!?\"“”]")
# ", the NATO chief," or ", who ... ," between a subject and its verb.
_APPOSITION = r"(?:\s*,\s*[^,;\"“”]{1,120}?,)?"


# A particle that opens a name after its first mention: "de Hoop Scheffer",
# "al-Saadi" (the speaker's resolver reads the name past it).
LEADING_PARTICLE = re.compile(rf"{_PARTICLE}(?:\s+|-(?=[A-Z]))")


def _subject(name: str) -> str:
    return (
        rf"(?:(?P<pron>\b{_PRONOUN})|(?P<desc>\b{DESCRIPTION})"
        rf"|(?P<name>(?:\b{LEADING_PARTICLE.pattern})?{name}){_NAME_TAIL})"
        rf"{_APPOSITION}"
    )


# After a mark the subject is matched where it starts, and may carry role
# words ("Kremlin spokesman Dmitry Peskov"); before a verb see subject_before.
SUBJECT = _subject(_ROLE_NAME)
# A sentence's opening subject: a name alone ("Hanson had a few examples
# Americans have seen, pointing out" is Hanson's, not the Americans').
_OPENING_SUBJECT = _subject(NAME)

# After a closing mark: '," Putin said', '," he added', '," the minister
# told reporters', '?" panned Scott Huffman' (any "-ed" verb right after
# the quotation, the way a story turns one into speech).
SUBJECT_VERB = re.compile(
    rf"[\s,—–-]*{SUBJECT}(?:\s+{_ADVERB}){{0,3}}\s+(?:{VERBS}|(?P<other>[a-z]{{3,}}ed))\b"
)


def role_and_other_verb(match: re.Match[str]) -> bool:
    """True when SUBJECT_VERB read lower-case words before a name and a verb
    of no list: '," replaces the Permanent Joint Council created' is prose,
    where '," a spokesman for the New York Shipping Association said' and
    '," Putin quipped' are attributions."""
    name = match["name"] or ""
    return bool(match["other"]) and any(w[:1].islower() for w in name.split())


def _verb_subject(verbs: str) -> re.Pattern[str]:
    """'," said Putin', '," according to Ivanov', '," says center co-director
    Marron', '," said the firm's chairman, Arthur Miller'."""
    return re.compile(
        rf"[\s,—–-]*(?:{verbs}|according\s+to)\s+"
        rf"(?:{DESCRIPTION}(?=,\s+[A-Z])\s*,\s*|(?:[\w'’\-]+\s+){{0,7}}?(?={NAME}{_NAME_END}))?"
        rf"(?:(?P<name>{NAME})(?={_NAME_END})|(?P<desc>{DESCRIPTION}(?=[,.;:!?\s]*(?:$|[,.;:!?]))))"
    )


VERB_SUBJECT = _verb_subject(rf"{VERBS}|[a-z]{{3,}}ed")
# A sentence that closes with its speaker after the quoted words ('"a
# tremendous step" toward better relations, Mr. Trump said'): a comma, then
# a subject and a verb of the list (not any "-ed" verb: ', in part because
# Mueller mentioned' is no attribution).
CLOSING_SUBJECT_VERB = re.compile(rf",\s+{_OPENING_SUBJECT}(?:\s+{_ADVERB}){{0,3}}\s+(?:{VERBS})\b")
CLOSING_VERB_SUBJECT = _verb_subject(VERBS)
# '” Andrew O’Hehir, Salon' at the end of a paragraph: a cited author.
CITED = re.compile(rf"\s*[—–-]?\s*(?P<name>{NAME})(?:,\s+[^.\n]{{1,60}})?\s*$")
# The last speech verb before a quotation, found by reading the sentence
# backwards: Python's re tries a long alternation at every position, so
# reversed, the search stops at the verb nearest the mark instead of
# reading the whole sentence.
# (not "closed-door": a hyphen after a verb makes it part of another word)
VERB_REVERSED = re.compile(
    rf"(?<!-)\b{_trie([v[::-1] for v in [*_ALL_VERBS, 'according to']])}\b(?!-)"
)
# A sentence's own subject, for a participle's quotation ("Shelby issued a
# statement saying ..."): the first subject after any opening phrase.
SENTENCE_SUBJECT = re.compile(
    rf"(?:(?:But|And|Yet|Still|So|Then|Later|Meanwhile|However|Instead|Earlier),?\s+|"
    rf"(?:On|In|At|During|After|Before|According\s+to)\s+[^,]{{1,80}},\s+)?{_OPENING_SUBJECT}"
)
# 'Kasich also hedged:' - a subject, adverbs and one verb, then the colon.
COLON_SUBJECT = re.compile(rf"\s*{_OPENING_SUBJECT}(?:\s+{_ADVERB}){{0,3}}\s+[a-z]+\s*:\s*$")
# A full stop ends a sentence unless it ends an initial ("J.", "U.S.") or a
# title ("Mr.", "Gov.", "Sen.").
SENTENCE_END = re.compile(
    r"[.!?](?<!\b[A-Z]\.)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|No|Mt|Ft|Fr)\.)"
    r"(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Sgt|Maj|Adm|Rev)\.)(?<!\b(?:Capt|Prof|Supt)\.)"
    r"[\"”’)]*(?:\s+(?=[\"“A-Z])|\s*$)"
)
PARAGRAPH_END = re.compile(r"\n[^\S\n]*\n|\n[ \t]{2,}(?=\S)")


# Read back from a verb: a name ending the text, a parenthesis after it
# ("(R-Iowa)"), a body or a place it belongs to ("Mann of the Brookings
# Institution", "the banker in Sao Paulo").
# A pattern that starts with a capital is only tried at capitals: cheap.
_NAME_AT_END = re.compile(rf"{NAME}$")
# A name alone between commas, or with the body it belongs to.
# ("R-Fla." between commas is a lawmaker's party and state, no name.)
_LEADING_NAME = re.compile(rf"(?![DRI]-)({NAME})(?:\s+(?:of|at|from)\s+.*)?$")
_PARENTHESIS_AT_END = re.compile(r"\s*\([^()\n]{1,30}\)$")
POSSESSIVE = re.compile(r"['’]s$")
_OWNER_NAME = re.compile(r"(?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w.'’\-]*$")
# What speaks for its owner: "Chirac's statement said", "Trump's lawyer said".
_SPEAKING_FOR = frozenset(
    "statement letter release memo paper report study spokesman spokeswoman spokesperson "
    "lawyer lawyers attorney attorneys counsel office".split()
)
_PLACE_OF = re.compile(r"\s+(?:of|at|from|in|for|with|near)(?:\s+the)?\s*$")
_PRONOUNS = frozenset("he she they we it".split())
_DETERMINERS = frozenset("the a an one another his her its their".split())
_APPOSITION_CHARS = 120


def subject_before(text: str) -> dict[str, str] | None:
    """The subject that ends ``text`` (the words before a speech verb), as
    {"pron" | "name" | "desc": words}: "Putin", "he", "the NATO chief",
    "Smith, the chief negotiator,", "Rep. Tom Latham (R-Iowa)", each with
    adverbs after it ("also", "has"). Read back with string methods and
    patterns anchored at capitals: a search for a whole subject pattern
    ending the text would try every position."""
    words = text.rstrip().rsplit(None, 4)
    while words and words[-1].lower() in _ADVERBS:
        words.pop()
    if words and words[-1].lower() in ("who", "which"):  # "Warren of Massachusetts, who said"
        words.pop()
        text = text[: text.rstrip().rfind(" ")].rstrip().rstrip(",")
        words.append(text.rsplit(None, 1)[-1] if text.strip() else "")
    head = text[: text.rstrip().rfind(words[-1]) + len(words[-1])] if words else ""
    if head.endswith(","):  # "Smith, the chief negotiator, said"
        comma = head.rfind(",", max(0, len(head) - _APPOSITION_CHARS), len(head) - 1)
        between = head[comma + 1 : -1].strip() if comma > 0 else ""
        named = _LEADING_NAME.match(between)
        if named:  # "his wife, Melania, put it"; "Their lawyer, Dror Ladin of the ACLU, said"
            return {"name": named.group(1)}
        head = head[:comma] if comma > 0 else head[:-1]
    head = _PARENTHESIS_AT_END.sub("", head.rstrip())
    last = head.rsplit(None, 1)[-1] if head.strip() else ""
    if last.lower() in _PRONOUNS:
        return {"pron": last}
    name = _NAME_AT_END.search(head, max(0, len(head) - 80))
    if name:
        place = _PLACE_OF.search(head, max(0, name.start() - 10), name.start())
        if not place:
            return {"name": name.group()}
        # "Mann of the Brookings Institution", "the banker in Sao Paulo"
        person = _NAME_AT_END.search(head, max(0, place.start() - 60), place.start())
        if person:
            return {"name": person.group()}
        head = head[: place.start()]
    tail = head.rsplit(None, 5)
    for i in range(len(tail) - 1, -1, -1):
        if tail[i].lower() in _DETERMINERS:
            phrase = " ".join(tail[i:])
            return {"desc": phrase} if not _PUNCTUATION.search(phrase) else None
        if (
            len(tail) - 4 < i < len(tail) - 1
            and POSSESSIVE.search(tail[i])
            and tail[i][:1].isupper()
        ):
            # "Lithuania's foreign minister": a role of the owner's, read as
            # "a ..." (no one); "Chirac's statement", "Trump's lawyer": the
            # owner speaks
            phrase = " ".join(tail[i:])
            if tail[-1].lower() in _SPEAKING_FOR:  # the owner's whole name: "Trump Jr.'s"
                owner = _OWNER_NAME.search(" ".join(tail[: i + 1]))
                return {"name": owner.group() if owner else tail[i]}
            return {"desc": "a " + phrase} if not _PUNCTUATION.search(phrase) else None
    return None


_NUMBER_BEFORE = re.compile(r"\d\S*\s*$")


def a_noun(subject: dict[str, str] | None, before: str) -> bool:
    """True when a word of NOUN_VERBS is a noun, by what stands before it
    (``before``, whose subject is ``subject``): a number, a place's adjective
    or a determiner alone ("50 states", "the Baltic states", "his claims",
    "a call"), not a name, a pronoun or a noun ("Smith claims", "he notes",
    "The document calls")."""
    if subject is None:
        return bool(_NUMBER_BEFORE.search(before))
    if "desc" in subject:  # "a call", "his claims"; not "The document calls"
        return " " not in subject["desc"].strip()
    return subject.get("name", "").lower() in lx.places()


def fold(name: str) -> str:
    """A speaker's name as compared within a story: ``same_person.folded``
    ("Gerhard Schröder" and "Gerhard Schroeder" -> "gerhard schroder"),
    full stops and commas off its words."""
    return " ".join(w.strip(".,") for w in folded(name).split())


# Plural nouns between a sentence's first name and its verb: the name is a
# modifier ("Human rights groups say", "Kremlin aides said"), no subject.
_CAPITALISED = re.compile(r"(?:\s+[A-Z][\w.'’\-]*)+")
_MODIFIED = re.compile(r"(?:\s+[a-z][\w\-]*){0,2}\s+[a-z][\w\-]*s\s*")


def sentence_subject(text: str, verb_start: int) -> dict[str, str] | None:
    """The subject opening the sentence ``text`` whose verb starts at
    ``verb_start``: "The Gabbard campaign counsel's letter went on to say",
    "Shelby issued a statement saying"."""
    match = SENTENCE_SUBJECT.match(text, 0, verb_start)
    if match is None:
        return None
    if match["name"] and _MODIFIED.fullmatch(text, match.end(), verb_start):
        # "Human rights groups say": unnamed, read as "a ..." (no one)
        return {"desc": "a " + text[match.start("name") : verb_start].strip()}
    groups = {k: v for k, v in match.groupdict().items() if v}
    if "desc" in groups:  # "The U.N. Security Council voted", not "The U.N."
        more = _CAPITALISED.match(text, match.end("desc"), verb_start)
        groups["desc"] += more.group() if more else ""
    return groups


# A member of a party, or of a people ("the Republican", "the German",
# "the Briton"): a person, where "the Pentagon" is a body.
_PARTY_MEMBERS = frozenset(
    "republican democrat tory conservative liberal socialist communist nationalist unionist "
    "libertarian independent".split()
)
_MEMBER_ENDINGS = ("an", "ese", "ish", "ian", "i", "ch", "on", "man")


def a_member(word: str) -> bool:
    """True for a capitalised word naming a member of a party or a people."""
    lower = word.lower()
    if not word[:1].isupper():
        return False
    return lower in _PARTY_MEMBERS or (lower.endswith(_MEMBER_ENDINGS) and lower in lx.places())


_OF = re.compile(r"\s+of\s+")


def person_of(name: str) -> str:
    """The person in "Chris Honnor of London-based brokers Grieveson Grant":
    a name of two words or more before "of" that names no body ("Federal
    Reserve Bank of New York President Gerald Corrigan" is Corrigan)."""
    if " of" not in name and "\nof" not in name:
        return name
    head = _OF.split(name, maxsplit=1)[0]
    words = head.split()
    if head == name or len(words) < 2 or not all(w[:1].isupper() for w in words):
        return name
    return name if organisation_like(words) else head
