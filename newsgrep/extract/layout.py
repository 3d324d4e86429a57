"""Where things are in a plain-text article: header block, site chrome,
headline, bylines and credit lines, body.

A headline is a paragraph of its own: a short line followed by a blank line,
not running prose. Site chrome saved with a page ("Accessibility links",
"Skip to main content", menus, share buttons) is skipped on the way to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgrep.extract.dateline import parse_dateline
from newsgrep.extract.dates import parse_date, parse_partial
from newsgrep.extract.sources import is_agency
from newsgrep.extract.wire_lead import wire_lead

HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "date": "date",
    "published": "date",
    "publication date": "date",
    "pubdate": "date",
    "updated": "date",
    "dateline": "dateline",
    "source": "source",
    "publication": "source",
    "publisher": "source",
    "agency": "source",
    "author": "author",
    "authors": "author",
    "byline": "author",
    "by": "author",
    "url": "url",
    "link": "url",
}
# Values are taken greedily and stripped after: a lazy value before "\s*$"
# backtracks quadratically through a megabyte line of spaces.
_HEADER_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(\S.*)$")
_DASH_LINE = re.compile(r"^\s*--\s+(\S.*)$")
# "-- " alone: the wire layout's byline line when the story has no byline.
_EMPTY_DASH_LINE = re.compile(r"^\s*--\s*$")
# "By Jane Doe", "BY JANE DOE", "-- By Jane Doe and John Roe"; the names
# capitalised ("by central banks" on a wrapped line is prose).
_BYLINE = re.compile(
    r"^\s*(?:--\s*)?(?i:by)\s+([A-Z][\w.'’\-]+(?:[ ,]+(?:and\s+)?[A-Z][\w.'’\-]+){0,7}"
    r"(?:\s+in\s+[A-Z][\w.'’\- ]*)?)\s*$"
)
_DASH_BYLINE = re.compile(r"^(?i:by)\s+(\S.*)$")
# Parts of a byline that are the reporter's job or employer, not a name.
_STAFF_WORDS = {
    "writer",
    "correspondent",
    "reporter",
    "editor",
    "staff",
    "press",
    "news",
    "bureau",
    "service",
    "wire",
    "wires",
    "agency",
    "times",
    "post",
    "journal",
}
# The keyword is looked for in a lookahead, which does not backtrack once it
# matched: scanning on from each "... by" to the ")" made this quadratic.
CREDIT_LINE = re.compile(
    r"\((?=[^()]*?\b(?:reporting|writing|editing|additional reporting|compiled)"
    r"\s+by\b)[^()]*\)",
    re.IGNORECASE,
)
_CREDIT_NAMES = re.compile(
    r"\b(?:reporting|writing|editing|compiled|additional reporting)\s+by\s+"
    r"([^;()]+)",
    re.IGNORECASE,
)


CHROME = {
    "accessibility links",
    "breaking news",
    "skip to main content",
    "skip to content",
    "skip to navigation",
    "jump to navigation",
    "menu",
    "main menu",
    "home",
    "search",
    "sign in",
    "log in",
    "login",
    "register",
    "subscribe",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "advertisement",
    "related stories",
    "related articles",
    "top stories",
    "most read",
    "more stories",
    "latest news",
    "news",
    "close",
    "toggle navigation",
    "cookie policy",
    "accept cookies",
    "we use cookies",
    "follow us",
    "sign up for our newsletter",
    "read more",
    "comments",
    "back to top",
}
_MENU_SEPARATORS = re.compile(r"\s[|•·»>/]\s")
MAX_HEADLINE_WORDS = 25
MAX_HEADLINE_CHARS = 250
# Photo captions saved above a story: labelled ("FILE - In this 2019 file
# photo", "FILE PHOTO: ...") or signed with the photographer's credit
# ("(AP Photo/Jane Doe, File)", "REUTERS/Jane Doe/File Photo", "(Photo: Jane
# Doe, USA TODAY)").
_CAPTION = re.compile(r"^\s*FILE(?: PHOTO)?\s*[-–—:]|Photo\s*[/:][^\n]{0,60}$|/File Photo\s*$")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
MAX_ABOVE_LEAD = 4
MAX_CAPTION_CHARS = 1500
_NAME_SEPARATOR = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w .'’-]*$")  # "Jane Doe in London"
_WORD_OR_YEAR = re.compile(r"[A-Za-z]{3,}|\d{4}")
_URL = re.compile(r"https?://")
_TWO_SENTENCES = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")


@dataclass
class Layout:
    """The parts of a plain-text article."""

    title: str = ""
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    authors: list[str] = field(default_factory=list)


def split_article(text: str) -> Layout:
    """Split a plain-text article into header fields, headline and body."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headers, start = _header_block(lines)
    paragraphs = _paragraphs(lines[start:])
    layout = Layout(headers=headers)
    if headers.get("author"):
        layout.authors.extend(split_names(headers["author"]))
    kept: list[str] = []
    for para in _split_top_block(paragraphs):
        byline = _BYLINE.match(para.split("\n")[0])
        if byline and _is_byline_block(para):
            layout.authors.extend(split_names(byline.group(1)))
        elif _on_top(kept) and is_date_line(para):
            headers.setdefault("date", para.strip())  # "Tuesday, 20 November 2001"
        elif not is_chrome(para):
            kept.append(para)
    kept = _past_notes(kept, layout.authors)
    title_index = _headline_index(kept) if not headers.get("title") else None
    if title_index is not None:
        layout.title = " ".join(kept[title_index].split())
        kept = kept[title_index + 1 :]
    layout.title = headers.get("title", layout.title)
    layout.body = "\n\n".join(kept)
    for credit in CREDIT_LINE.findall(layout.body):
        for names in _CREDIT_NAMES.findall(credit):
            layout.authors.extend(split_names(names))
    layout.authors = list(dict.fromkeys(a for a in layout.authors if a))
    return layout


def _past_notes(kept: list[str], authors: list[str]) -> list[str]:
    """The paragraphs with the editor's notes and byline above a wire
    dateline gone (:mod:`newsgrep.extract.wire_lead`), the byline's names
    added to ``authors``. The lead is looked for below a headline too, never
    below the story's first paragraph of prose."""
    if not kept:
        return kept
    for i in range(min(2 if _is_headline_shaped(kept[0]) else 1, len(kept))):
        lead = wire_lead(kept[i:])
        if lead:
            authors.extend(split_names(lead.byline))
            return kept[:i] + lead.paragraphs + kept[i + lead.taken :]
    return kept


def lead_text(body: str, mastheads: tuple[str, ...] = ()) -> str:
    """The text from the paragraph the story opens with, where its dateline is.

    Photo captions and a masthead (the outlet's name or the headline repeated
    above the story, given in ``mastheads``) are passed over: "FILE - In this
    photo" is no dateline, and "USA TODAY" over "WASHINGTON –" is no place.
    Only short pieces are copied: a story may be one 20 MB paragraph.
    """
    names = {" ".join(name.split()).lower() for name in mastheads if name}
    start = 0
    for _ in range(MAX_ABOVE_LEAD):
        gap = _BLANK_LINE.search(body, start)
        end = gap.start() if gap else len(body)
        para = body[start : min(end, start + MAX_CAPTION_CHARS)].strip()
        if end - start > MAX_CAPTION_CHARS or not _above_the_story(para, names):
            return body[start : start + MAX_CAPTION_CHARS].lstrip()
        if not gap:
            break
        start = gap.end()
    return ""


def _above_the_story(paragraph: str, mastheads: set[str]) -> bool:
    """A photo caption, or the outlet's name or headline over the story."""
    return bool(_CAPTION.search(paragraph)) or " ".join(paragraph.split()).lower() in mastheads


def split_names(names: str) -> list[str]:
    """'Jane Doe and John Roe, Ann Lee in London' -> three names."""
    parts = _NAME_SEPARATOR.split(names.strip().rstrip("."))
    parts = [_IN_PLACE.sub("", p) for p in parts]
    found = [" ".join(p.split()) for p in parts if p.strip() and p[:1].isupper() and _is_a_name(p)]
    return [n.title() if n.isupper() else n for n in found]  # "JANE DOE" -> "Jane Doe"


def _is_a_name(part: str) -> bool:
    """'Jane Doe', not 'Associated Press Writer' or 'Reuters'."""
    words = {w.lower() for w in part.split()}
    return not (words & _STAFF_WORDS) and not is_agency(part)


def is_date_line(paragraph: str) -> bool:
    """A line that is only a date: 'Tuesday, 20 November 2001',
    'November 20, 2001 10:13 a.m. EST', '2001-11-22' (not '9/11')."""
    line = paragraph.strip()
    if "\n" in line or len(line.split()) > 8 or not _WORD_OR_YEAR.search(line):
        return False
    return parse_partial(line) is not None


def _split_top_block(paragraphs: list[str]) -> list[str]:
    """A headline, byline and date written as one block of lines ("Title /
    By Jane Doe / November 20, 2001") become a paragraph a line."""
    out: list[str] = []
    for i, para in enumerate(paragraphs):
        lines = para.split("\n")
        short = 1 < len(lines) <= 4 and all(len(line.split()) <= 15 for line in lines)
        if i < 3 and short and any(_BYLINE.match(line) or is_date_line(line) for line in lines[1:]):
            out.extend(lines)
        else:
            out.append(para)
    return out


def _is_byline_block(paragraph: str) -> bool:
    """'By Jane Doe' alone, or over the reporter's job and place ("By Laura
    Kuenssberg / Political editor")."""
    lines = paragraph.split("\n")
    return len(lines) == 1 or (
        len(lines) <= 3 and all(len(line.split()) <= 5 for line in lines[1:])
    )


def _on_top(kept: list[str]) -> bool:
    """Still above the story: nothing kept yet but headline-shaped lines."""
    return all(_is_headline_shaped(p) for p in kept) and len(kept) < 4


def is_chrome(paragraph: str) -> bool:
    """Site furniture saved along with a page, not part of the story."""
    line = " ".join(paragraph.split()).strip(" :|-").lower()
    if line in CHROME:
        return True
    return "\n" not in paragraph.strip() and len(_MENU_SEPARATORS.findall(line)) >= 2


def _header_block(lines: list[str]) -> tuple[dict[str, str], int]:
    """Read 'Key: value' and '-- value' lines at the top of a file."""
    headers: dict[str, str] = {}
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    dashed = False
    while i < len(lines):
        line = lines[i]
        match = _HEADER_LINE.match(line)
        dash = _DASH_LINE.match(line)
        if match and match.group(1).lower() in HEADER_KEYS:
            headers.setdefault(HEADER_KEYS[match.group(1).lower()], match.group(2).rstrip())
        elif dash:
            _dash_header(dash.group(1).rstrip(), headers)
            dashed = True
        elif not (dashed and _EMPTY_DASH_LINE.match(line)):
            # An empty "-- " only counts below a "-- Title" line: alone on
            # top of a file it is a separator, not a header.
            break
        i += 1
    return headers, i


def _dash_header(value: str, headers: dict[str, str]) -> None:
    """'-- Title', '-- By Jane Doe', '-- Sun Apr 1, 2007 10:13pm EDT', '-- http://…'.

    Under the title, any '-- By …' line is the byline, whatever its case
    ("-- By  Lisa van der Berg"): the layout says so, not the capitals.
    """
    byline = _BYLINE.match(value)
    if "title" in headers and not byline:
        byline = _DASH_BYLINE.match(value)
    if _URL.match(value):
        headers.setdefault("url", value)
    elif byline:
        headers.setdefault("author", byline.group(1))
    elif "date" not in headers and parse_date(value) is not None:
        headers["date"] = value
    else:
        headers.setdefault("title", value)


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def _headline_index(paragraphs: list[str]) -> int | None:
    """Index of the headline among the leading short paragraphs, if any.

    Chrome that no list knows ("World", "Europe") sits above a headline as
    one- or two-word lines, so the first short line of three words or more
    wins, else the last short line before the prose starts.
    """
    short = []
    for i, para in enumerate(paragraphs):
        if not _is_headline_shaped(para) or parse_dateline(para):
            break
        short.append(i)
    for i in short:
        if len(paragraphs[i].split()) >= 3:
            return i
    return short[-1] if short else None


def _is_headline_shaped(paragraph: str) -> bool:
    text = " ".join(paragraph.split())
    if "\n" in paragraph.strip() or not text:
        return False
    if len(text) > MAX_HEADLINE_CHARS or len(text.split()) > MAX_HEADLINE_WORDS:
        return False
    # Running prose: two sentences on one line, or a long line ending in a
    # full stop, is the start of the story, not a headline.
    if _TWO_SENTENCES.search(text):
        return False
    return not (text.endswith(".") and len(text.split()) > 8)
