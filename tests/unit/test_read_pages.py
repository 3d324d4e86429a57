"""Saved web pages and WARC crawls: main text only, metadata from the page."""

from __future__ import annotations

import gzip
from datetime import datetime
from pathlib import Path

import pytest

from newsgrep.indexing.stories import read_articles
from tests.helpers.paths import FORMATS
from tests.helpers.warc_fixture import write_warc

PAGE = FORMATS / "news-page.html"


def read(path: Path):
    skipped = []
    return read_articles(path.absolute(), on_skip=lambda p, r: skipped.append((p, r))), skipped


def test_page_metadata_gives_title_date_source_author():
    [story], _ = read(PAGE)
    assert story.path == str(PAGE.absolute())
    assert story.title == "Putin hints at softer line on NATO expansion"
    assert story.date == datetime(2001, 11, 22, 14, 5)  # the page's own local time
    assert story.source == "The Daily Ledger"
    assert story.author == ["Maria Kowalski"]
    assert story.url == "https://ledger.example.com/world/2001/11/22/putin-nato"
    assert story.place == "Moscow"


def test_page_text_is_the_article_without_site_furniture():
    [story], _ = read(PAGE)
    assert story.body.startswith("MOSCOW, Nov. 22")
    assert "George Robertson" in story.body
    for furniture in (
        "cookies",
        "Business",
        "All rights reserved",
        "trackPageView",
        "font-family",
        "Baltic leaders meet",
        "loadComments",
    ):
        assert furniture not in story.body
    assert "Vladimir Putin" in story.people and "Maria Kowalski" not in story.people


def test_page_without_metadata_falls_back_to_the_text_rules(tmp_path):
    path = tmp_path / "bare.htm"
    path.write_text(
        "<html><body><div><p>By Ann Lee</p><p>OSLO, March 3, 2004 (AP) - Norway's "
        "government said on Wednesday it would raise fishing quotas for the coming "
        "season after a survey found cod stocks recovering in the Barents Sea.</p>"
        "</div></body></html>"
    )
    [story], _ = read(path)
    assert story.date == datetime(2004, 3, 3)
    assert story.source == "AP"
    assert story.place == "Oslo"


def test_page_without_text_is_skipped_with_a_reason(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    stories, skipped = read(path)
    assert stories == [] and "no article text" in skipped[0][1]


def test_html_named_txt_is_sniffed_as_a_page(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes(PAGE.read_bytes())
    [story], _ = read(path)
    assert story.title == "Putin hints at softer line on NATO expansion"
    assert "<p" not in story.body


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc", "crawl.gz", "crawl"])
def test_warc_html_responses_become_stories_and_the_rest_is_skipped(tmp_path, name):
    crawl = write_warc(tmp_path / name)
    stories, skipped = read(crawl)
    assert skipped == []  # request, stylesheet and 404 page are not stories, nor errors
    ferries, pier = stories
    assert ferries.path == f"{crawl}#3" and pier.path == f"{crawl}#6"
    assert ferries.title == "Ferry service to the islands resumes"
    assert ferries.date == datetime(2020, 3, 2, 7, 45)
    assert ferries.source == "Harbour Gazette"
    assert ferries.url == "https://gazette.example.com/2020/03/02/ferries"
    assert "Privacy" not in ferries.body and "Islanders" in ferries.body
    assert pier.date == datetime(2020, 3, 3)


def test_truncated_warc_keeps_the_stories_before_the_break(tmp_path):
    crawl = write_warc(tmp_path / "crawl.warc")
    data = crawl.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(gzip.compress(data[: data.rindex(b"WARC/1") + 40]))
    stories, skipped = read(cut)
    assert [s.title for s in stories] == ["Ferry service to the islands resumes"]
    assert skipped and "#6" in skipped[0][0]
