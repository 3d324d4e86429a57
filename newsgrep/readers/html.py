"""Saved web pages (.html, .htm): the article's main text and its metadata.

trafilatura (imported only when a page is read) finds the main text, leaving
out navigation, scripts, styles, footers and cookie banners, and reads title,
date, site name and author from the page's metadata (Open Graph, JSON-LD
``NewsArticle``, ``<meta name="author">``). What a page does not say is left
to the plain-text rules. WARC crawls use :func:`page_story` too.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgrep.errors import Unreadable
from newsgrep.extract.layout import is_chrome
from newsgrep.model import RawStory
from newsgrep.readers.records import author_names

_PAGE_START = re.compile(
    rb"^(?:\s|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL
)
# The published time as the page states it, time of day and all; trafilatura
# reports the day only.
_PUBLISHED_META = (
    '//meta[@property="article:published_time" or @name="article:published_time"'
    ' or @itemprop="datePublished" or @name="pubdate" or @name="publish-date"]/@content'
)

# Menus are short; a long line with a few " / " in it is prose.
_MENU_LENGTH = 120
_JSON_LD = '//script[@type="application/ld+json"]/text()'


class HtmlReader:
    name = "html"
    many_stories = False
    extensions: tuple[str, ...] = (".html", ".htm", ".xhtml", ".shtml")

    def sniff(self, head: bytes) -> bool:
        return bool(_PAGE_START.match(head.removeprefix(b"\xef\xbb\xbf")))

    def read(self, data: bytes, path: Path) -> Iterator[RawStory]:
        story = page_story(data)
        if story is None:
            raise Unreadable("no article text found in the page")
        yield story


def page_story(html: bytes, url: str | None = None) -> RawStory | None:
    """The story on a web page, or None when the page has no article text."""
    trafilatura = _trafilatura()
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        if tree is None:
            return None
        published = _published_time(tree)  # before extraction, which prunes the tree
        page = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - any parser failure on untrusted markup
        return None  # means "no story here", reported by the caller, never a traceback
    if page is None:
        return None
    title = " ".join((page.title or "").split()) or None
    text = _paragraphs(page.text or "", title)
    if not text:
        return None
    return RawStory(
        text=text,
        title=title,
        date=published or page.date,
        source=page.sitename or None,
        author=author_names(page.author),
        url=page.url or url,
    )


def _trafilatura():
    import trafilatura

    # Its warnings about thin pages would reach stderr through logging's
    # last-resort handler; newsgrep reports such pages itself.
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).addHandler(logging.NullHandler())
    return trafilatura


def _paragraphs(text: str, title: str | None) -> str:
    """trafilatura's lines as paragraphs, without the headline repeated or the
    menu words its fallback keeps from pages with no article ("Home")."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line and not (len(line) < _MENU_LENGTH and is_chrome(line))]
    if title and lines and lines[0].lower() == title.lower():
        lines = lines[1:]
    return "\n\n".join(lines)


def _published_time(tree: Any) -> str | None:
    values: list[str] = tree.xpath(_PUBLISHED_META)  # attribute values are strings
    for value in values:
        if value.strip():
            return value.strip()
    for script in tree.xpath(_JSON_LD):
        try:
            found = _date_published(json.loads(script))
        except (ValueError, RecursionError):
            continue
        if found:
            return found
    return None


def _date_published(item: object) -> str | None:
    """datePublished of the first article-like object in JSON-LD (@graph too)."""
    if isinstance(item, list):
        return next((d for d in map(_date_published, item) if d), None)
    if not isinstance(item, dict):
        return None
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if any(isinstance(k, str) and k.endswith("Article") for k in kinds):
        published = item.get("datePublished")
        if isinstance(published, str):
            return published
    return _date_published(item.get("@graph"))
