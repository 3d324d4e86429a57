"""SGML collections with many stories a file: TREC and Reuters-21578.

TREC::

    <DOC><DOCNO> LA010189-0001 </DOCNO><HEADLINE>...</HEADLINE>
    <DATE>...</DATE><TEXT>...</TEXT></DOC>

Reuters-21578::

    <REUTERS NEWID="1"><DATE>26-FEB-1987 15:01:01.79</DATE>
    <PEOPLE><D>reagan</D></PEOPLE> ...
    <TEXT><TITLE>...</TITLE><DATELINE>...</DATELINE><BODY>...</BODY></TEXT></REUTERS>

Records are found in the raw bytes and decoded one at a time (UTF-8, else
Latin-1), so a big collection file is never held twice. SGML is not XML:
tags may be left open, and ``&#1;``-style control entities are common, so
records are read with forgiving patterns, not an XML parser.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator
from pathlib import Path

from newsgrep.extract.dates import parse_date
from newsgrep.model import BadRecord, RawStory
from newsgrep.readers.decoding import decode_piece
from newsgrep.readers.records import RecordIds, author_names, dateline_place, with_dateline

_RECORD_START = re.compile(rb"<(REUTERS|DOC)\b[^>]*>", re.IGNORECASE)
_COLLECTION_START = re.compile(rb"^\s*(?:<!DOCTYPE[^>]*>\s*)?<(?:REUTERS|DOC)[\s>]")
_TAG = re.compile(r"<[^<>]*>")
_PARAGRAPH_TAG = re.compile(r"</?P\b[^>]*>", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INDENTED_LINE = re.compile(r"\n[ \t]{2,}(?=\S)")
_SIGN_OFF = re.compile(r"\s*\bReuters?\s*\Z")
_WIRE_DATE = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:\s+(\d{1,2}):(\d{2}):(\d{2}))?")

TREC_TITLE = ("HEADLINE", "HL", "HEAD", "TI", "TITLE")
TREC_DATE = ("DATE", "DD", "DATE1")
TREC_AUTHOR = ("BYLINE", "AU", "AUTHOR")
TREC_SOURCE = ("SO", "SOURCE", "PUB")


class SgmlReader:
    name = "sgml"
    many_stories = True
    extensions: tuple[str, ...] = (".sgm", ".sgml")

    def sniff(self, head: bytes) -> bool:
        return bool(_COLLECTION_START.match(head.removeprefix(b"\xef\xbb\xbf")))

    def read(self, data: bytes, path: Path) -> Iterator[RawStory | BadRecord]:
        ids = RecordIds()
        for number, (kind, record) in enumerate(_records(data), start=1):
            story = _reuters(record) if kind == "REUTERS" else _trec(record)
            story.record_id = ids(number, story.record_id)
            if not story.text and not story.title:
                yield BadRecord(story.record_id, "record has no text or title")
            else:
                yield story


def _records(data: bytes) -> Iterator[tuple[str, str]]:
    """(kind, decoded record) for each record, from its start tag to the next."""
    starts = list(_RECORD_START.finditer(data))
    for i, start in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(data)
        yield start.group(1).decode("ascii").upper(), decode_piece(data[start.start() : end])


def _reuters(record: str) -> RawStory:
    """A Reuters-21578 record. <PEOPLE> and <PLACES> are editors' topic labels,
    not names found in the text: they are kept aside, never as people."""
    text_element = _element(record, "TEXT") or ""
    title = _clean(_element(text_element, "TITLE") or "")
    unprocessed = re.search(r'<TEXT[^>]*TYPE="UNPROC"', record, re.IGNORECASE)
    if unprocessed:
        body = _decoded(_TAG.sub(" ", text_element)).strip()  # never split into parts
    else:
        body = _body(_element(text_element, "BODY") or "")
    dateline = _clean(_element(text_element, "DATELINE") or "")
    return RawStory(
        text=with_dateline(dateline, _without_sign_off(body)),
        record_id=_attribute(record, "NEWID"),
        title=title or None,
        date=_wire_date(_element(record, "DATE") or ""),
        source="Reuters",
        place=dateline_place(dateline),
        author=author_names(_clean(_element(record, "AUTHOR") or "")),
        extra={name: _labels(record, name.upper()) for name in ("people", "places", "topics")},
    )


def _trec(record: str) -> RawStory:
    """A TREC record: DOCNO, a headline, a date, byline and TEXT parts."""
    texts = _element_pattern("TEXT").findall(record)
    body = "\n\n".join(part for part in map(_body, texts) if part)
    dateline = _clean(_element(record, "DATELINE") or "")
    return RawStory(
        text=with_dateline(dateline, body),
        place=dateline_place(dateline),
        record_id=_clean(_element(record, "DOCNO") or "") or None,
        title=_first_field(record, TREC_TITLE),
        date=_date_text(_first_field(record, TREC_DATE)),
        source=_first_field(record, TREC_SOURCE),
        author=author_names(_first_field(record, TREC_AUTHOR) or ""),
    )


def _without_sign_off(body: str) -> str:
    """The wire's closing "Reuter" is not part of the story."""
    end = max(0, len(body) - 40)
    return body[:end] + _SIGN_OFF.sub("", body[end:])


def _element(record: str, name: str) -> str | None:
    """The raw content of the first <NAME> element (closed, or open to the end)."""
    match = _element_pattern(name).search(record)
    return match.group(1) if match else None


@functools.cache
def _element_pattern(name: str) -> re.Pattern:
    return re.compile(rf"<{name}\b[^>]*>(.*?)(?:</{name}\s*>|$)", re.IGNORECASE | re.DOTALL)


def _first_field(record: str, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = _clean(_element(record, name) or "")
        if value:
            return value
    return None


def _attribute(record: str, name: str) -> str | None:
    match = re.search(rf'\b{name}="([^"]*)"', record[:300])
    return match.group(1) if match else None


def _labels(record: str, name: str) -> list[str]:
    return [_clean(d) for d in re.findall(r"<D>(.*?)</D>", _element(record, name) or "")]


def _body(raw: str) -> str:
    """Body text with paragraphs: <P> tags and indented lines start one."""
    text = _PARAGRAPH_TAG.sub("\n\n", raw)
    text = _INDENTED_LINE.sub("\n\n", _decoded(_TAG.sub(" ", text)))
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _clean(raw: str) -> str:
    """One line of text: tags dropped, entities decoded, control codes gone."""
    return " ".join(_decoded(_TAG.sub(" ", raw)).split())


def _decoded(text: str) -> str:
    # Tags are dropped before entities are decoded, so "&lt;Comissaria Smith>"
    # stays text instead of turning into a tag.
    return _CONTROL.sub(" ", html.unescape(text))


def _date_text(value: str | None) -> str | None:
    """The leading part of a date field that parses as a date:
    'January 1, 1989, Sunday, Home Edition' -> 'January 1, 1989'."""
    parts = (value or "").split(",")
    for end in range(len(parts), 0, -1):
        candidate = ",".join(parts[:end])
        if parse_date(candidate):
            return candidate
    return value


def _wire_date(raw: str) -> str | None:
    """'26-FEB-1987 15:01:01.79' as '26 FEB 1987 15:01:01'; an impossible time
    ('605:12:19') is dropped and the day kept."""
    match = _WIRE_DATE.search(_clean(raw))
    if not match:
        return _clean(raw) or None
    day, month, year, hour, minute, second = match.groups()
    date = f"{day} {month} {year}"
    if hour is not None and int(hour) < 24 and int(minute) < 60 and int(second) < 60:
        date += f" {hour}:{minute}:{second}"
    return date
