"""Write articles into the Whoosh index: walk paths, read, extract, store."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgrep.article import Article
from newsgrep.store import open_or_create

SkipHandler = Callable[[str, str], None]


@dataclass
class IndexReport:
    """What one indexing run did."""

    indexed: int = 0
    files: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0


def iter_files(paths: Iterable[str | os.PathLike],
               on_skip: SkipHandler | None = None) -> Iterator[Path]:
    """Every candidate article file under the given files and folders.

    Symbolic links inside folders are not followed: they can loop or lead
    outside the folders the user named. A file named on the command line is
    read whatever its name. Links passed over and folders that cannot be
    read go to ``on_skip`` with the reason.
    """
    from newsgrep.readers import candidate

    def skip(path: Path, reason: str) -> None:
        if on_skip:
            on_skip(path_text(path), reason)

    def unreadable(err: OSError) -> None:
        skip(Path(err.filename), err.strerror or str(err))

    for root in paths:
        root = Path(root).absolute()
        if root.is_file():
            yield root
            continue
        for folder, dirs, files in os.walk(root, followlinks=False, onerror=unreadable):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in [d for d in dirs if Path(folder, d).is_symlink()]:
                skip(Path(folder, name), "symbolic link to a folder, not followed")
                dirs.remove(name)
            for name in sorted(files):
                path = Path(folder, name)
                if not candidate(path):
                    continue
                if path.is_symlink():
                    skip(path, "symbolic link, not followed")
                else:
                    yield path


def read_articles(path: Path, default_source: str = "",
                  on_skip: SkipHandler | None = None) -> list[Article]:
    """The articles in one file; skipped files and records go to on_skip."""
    from newsgrep.extract import build_article
    from newsgrep.readers import BadRecord, Unreadable, read_file

    name = path_text(path)
    articles = []
    try:
        for number, raw in enumerate(read_file(path), start=1):
            if isinstance(raw, BadRecord):
                if on_skip:
                    on_skip(f"{name}#{raw.record}", raw.reason)
                continue
            story_path = f"{name}#{raw.record_id or number}" if raw.record_id is not None else name
            articles.append(build_article(story_path, raw, default_source))
    except Unreadable as err:
        if on_skip:
            on_skip(name, str(err))
        return []
    return articles


def path_text(path: Path) -> str:
    """A file's path as the index keeps it: a name's bytes that are not UTF-8
    become \\xNN (Whoosh stores terms as UTF-8, which lone surrogates are not)."""
    from newsgrep.safety import escape_undecodable

    return escape_undecodable(str(path))


def article_fields(article: Article, file: str) -> dict:
    """The Whoosh document for an article."""
    doc = {
        "path": article.path,
        "file": file,
        "title": article.title,
        "body": article.body,
        "source": article.source,
        "people": ", ".join(article.people),
        "_stored_people": article.people,
        "place": article.place,
        "author": ", ".join(article.author),
        "_stored_author": article.author,
        "url": article.url,
    }
    if article.date is not None:
        doc["date"] = article.date
    return doc


def index_paths(
    paths: Iterable[str | os.PathLike],
    index_dir: str | os.PathLike,
    *,
    default_source: str = "",
    rebuild: bool = False,
    on_skip: SkipHandler | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> IndexReport:
    """Index files and folders; a file indexed again replaces its stories."""
    started = time.perf_counter()
    report = IndexReport()

    def skip(path: str, reason: str) -> None:
        report.skipped.append((path, reason))
        if on_skip:
            on_skip(path, reason)

    index = open_or_create(index_dir, rebuild=rebuild)
    writer = index.writer(limitmb=256)
    try:
        for path in iter_files(paths, skip):
            articles = read_articles(path, default_source, skip)
            writer.delete_by_term("file", path_text(path))
            for article in articles:
                writer.add_document(**article_fields(article, path_text(path)))
            report.indexed += len(articles)
            report.files += 1
            if on_file:
                on_file(path)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    report.seconds = time.perf_counter() - started
    return report
