"""Build a small WARC.gz crawl for the format tests, with warcio: an HTML
news page, its request, a stylesheet, a 404 page and a second story."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

PAGE = b"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Ferry service to the islands resumes | Harbour Gazette</title>
<meta property="og:title" content="Ferry service to the islands resumes">
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2020-03-02T07:45:00+00:00">
<meta name="author" content="Ewan Mackay">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>Ferry service to the islands resumes</h1>
<p>OBAN - Ferries to the western islands sailed again on Monday after storms kept them in
port for five days, the operator said.</p>
<p>Islanders had run short of fresh food, said councillor Morag Campbell, who welcomed the
first boat at the pier.</p></article>
<footer>Harbour Gazette, all rights reserved. Privacy | Terms | Contact</footer>
</body></html>"""

SECOND = b"""<html><head><title>Pier repairs to start in April</title>
<meta property="og:title" content="Pier repairs to start in April">
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2020-03-03">
</head><body><article><h1>Pier repairs to start in April</h1>
<p>Repairs to the storm-damaged pier at Oban will start in April and last three months,
the council said on Tuesday, after engineers finished their survey of the structure.</p>
</article></body></html>"""


def write_warc(path: Path) -> Path:
    """Write the crawl to path (gzip-compressed records when it ends in .gz)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        url = "https://gazette.example.com/2020/03/02/ferries"
        request = StatusAndHeaders(
            "GET /2020/03/02/ferries HTTP/1.1",
            [("Host", "gazette.example.com")],
            is_http_request=True,
        )
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        _response(writer, url, PAGE, "text/html; charset=utf-8")
        _response(
            writer, "https://gazette.example.com/site.css", b"body { color: black }", "text/css"
        )
        _response(
            writer,
            "https://gazette.example.com/missing",
            b"<html><body><p>Not found</p></body></html>",
            "text/html",
            status="404 Not Found",
        )
        _response(writer, "https://gazette.example.com/2020/03/03/pier", SECOND, "text/html")
    return path


def _response(writer, url: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
    from warcio.statusandheaders import StatusAndHeaders

    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)
    )
