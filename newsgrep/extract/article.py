"""Turn a raw story into an :class:`Article`.

Metadata a format carries (JSON fields, HTML meta tags, SGML elements) wins;
whatever is missing is read from the text: header block, headline, dateline,
bylines, people.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from newsgrep.extract.credits import credited_names
from newsgrep.extract.dateline import Dateline, parse_dateline
from newsgrep.extract.dates import is_story_date, parse_date, year_from_path
from newsgrep.extract.layout import CREDIT_LINE, lead_text, split_article, split_names
from newsgrep.extract.people import extract_people
from newsgrep.extract.quotes import find_quotes
from newsgrep.extract.sources import normal_source
from newsgrep.model import Article, RawStory


def build_article(path: str, raw: RawStory, default_source: str = "") -> Article:
    """Fill an Article from a raw story; ``path`` is its absolute (FILE#ID) path."""
    if raw.title is not None:
        title, body, headers, authors = raw.title, raw.text, {}, []
    else:
        layout = split_article(raw.text)
        title, body, headers, authors = layout.title, layout.body, layout.headers, layout.authors
    named_source = raw.source or headers.get("source")
    dateline = parse_dateline(lead_text(body, (named_source or "", title))[:300])
    date = _story_date(raw.date, headers.get("date"), dateline, path)
    source = named_source or (dateline.source if dateline else "")
    if raw.author:
        authors = raw.author
    elif raw.author is None and headers.get("author") and not authors:
        authors = split_names(headers["author"])
    if raw.people is None:
        # Photographers and contributors the story credits are its authors.
        credited = [n for n in credited_names(body) if n.lower() not in _lowered(authors)]
        authors = [*authors, *credited]
    people = raw.people if raw.people is not None else _people(title, body, authors)
    return Article(
        path=path,
        body=body,
        title=" ".join(title.split()),
        date=date,
        source=normal_source(source or default_source),
        people=people,
        place=raw.place or (dateline.place if dateline else ""),
        author=authors,
        url=raw.url or headers.get("url", ""),
        quotes=find_quotes(body, people, authors),
    )


def _story_date(
    known: datetime | str | None, header: str | None, dateline: Dateline | None, path: str
) -> datetime | None:
    """The story's date: the first that a story can carry (see
    :func:`is_story_date`) of format metadata, header, dateline and path."""
    dates = _candidate_dates(known, header, dateline, path)
    return next((date for date in dates if date and is_story_date(date)), None)


def _candidate_dates(
    known: datetime | str | None, header: str | None, dateline: Dateline | None, path: str
) -> Iterator[datetime | None]:
    """Every date the story gives, most trusted first, each parsed only when
    the ones before it failed.

    A dateline without a year ("SALVADOR, Feb 26 -") takes the year from the
    path; never from today's date.
    """
    if isinstance(known, datetime):
        yield known.replace(tzinfo=None)
    for text in (known, header):
        if isinstance(text, str):
            yield parse_date(text)
    path_year, path_date = year_from_path(path)
    if dateline and dateline.date:
        yield dateline.date.complete(path_year, near=path_date)
    yield path_date


def _lowered(names: list[str]) -> set[str]:
    return {n.lower() for n in names}


def _people(title: str, body: str, authors: list[str]) -> list[str]:
    """People named in the story, never its reporters."""
    text = CREDIT_LINE.sub(" ", f"{title}\n\n{body}")
    reporters = _lowered(authors)
    return [p for p in extract_people(text) if p.lower() not in reporters]
