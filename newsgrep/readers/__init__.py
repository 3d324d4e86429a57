"""Read files into raw stories: one reader module per format, chosen by
extension and by sniffing the content.

A reader turns a file's bytes into :class:`RawStory` records (text plus any
metadata the format itself carries) and :class:`BadRecord` notes for records
it had to skip. Metadata extraction from text happens later, in
:mod:`newsgrep.extract`, for every format alike.

A new format is one module here with a class that has ``name``,
``extensions``, ``sniff(head)`` and ``read(data, path)``, listed in
:func:`_registry`. ``read`` is a generator; a multi-story format sets
``record_id`` on every story (its own id, else the record number: see
:class:`newsgrep.readers.records.RecordIds`) and yields a :class:`BadRecord`
for a record it cannot read, keeping the others.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from newsgrep.errors import Unreadable
from newsgrep.model import BadRecord, RawStory
from newsgrep.readers.decoding import NotText


class Reader(Protocol):
    name: str
    extensions: tuple[str, ...]
    many_stories: bool  # a file may hold many stories (JSON Lines, CSV, WARC, SGML)

    def sniff(self, head: bytes) -> bool:
        """True when the first bytes look like this format."""

    def read(self, data: bytes, path: Path) -> Iterator[RawStory | BadRecord]:
        """Yield the file's stories; raise Unreadable to skip the whole file."""


MAX_FILE_BYTES = 256 * 1024 * 1024


def _registry() -> list[Reader]:
    """Every reader, in the order their sniffers are tried; plain text, the
    fallback, comes last."""
    # Imported here so that a search, which never reads files, pays nothing.
    from newsgrep.readers import delimited, html, jsonl, sgml, text, warc

    return [
        sgml.SgmlReader(),
        warc.WarcReader(),
        html.HtmlReader(),
        jsonl.JsonReader(),
        delimited.DelimitedReader(),
        text.TextReader(),
    ]


def candidate(path: Path) -> bool:
    """Is this file worth opening? Known extensions, .gz of them, or none."""
    name = path.name.lower()
    if name.startswith("."):
        return False
    if name.endswith(".gz"):
        name = name[:-3]
    suffix = os.path.splitext(name)[1]
    return suffix == "" or any(suffix in r.extensions for r in _readers())


def may_hold_many_stories(path: str) -> bool:
    """Does the file's name say it is of a multi-story format (``.gz`` or not)?"""
    suffix = os.path.splitext(path.lower().removesuffix(".gz"))[1]
    return any(r.many_stories and suffix in r.extensions for r in _readers())


_cached: list[Reader] = []


def _readers() -> list[Reader]:
    if not _cached:
        _cached.extend(_registry())
    return _cached


def read_file(path: Path) -> Iterator[RawStory | BadRecord]:
    """Yield the stories in one file; raise Unreadable with a reason to skip it."""
    data = _read_bytes(path)
    name = path.name.lower()
    if name.endswith(".gz"):
        data = _gunzip(data)
        name = name[:-3]
    reader = choose_reader(name, data[:4096])
    try:
        yield from reader.read(data, path)
    except NotText as err:
        raise Unreadable(str(err)) from None


def _read_bytes(path: Path) -> bytes:
    """A regular file's bytes, at most MAX_FILE_BYTES of them.

    Opened without blocking and checked on the open descriptor, so that a
    named pipe or device with a text name is refused instead of hanging the
    run, and a file swapped or grown meanwhile is judged by what is read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise Unreadable("not a regular file (a folder, pipe, device or socket)")
            if info.st_size > MAX_FILE_BYTES:
                raise Unreadable(f"file too large ({info.st_size} bytes)")
            with open(fd, "rb", closefd=False) as file:
                data = file.read(MAX_FILE_BYTES + 1)
        finally:
            os.close(fd)
    except OSError as err:
        raise Unreadable(err.strerror or str(err)) from None
    if len(data) > MAX_FILE_BYTES:
        raise Unreadable("file too large (it grew while being read)")
    return data


def choose_reader(name: str, head: bytes) -> Reader:
    """The reader for a file: by a format's own extension, else by sniffing
    the content, else plain text. A ``.txt`` or extension-less file is
    sniffed too, since TREC files and scraper dumps often come named so."""
    suffix = os.path.splitext(name)[1]
    *formats, fallback = _readers()
    for reader in formats:
        if suffix and suffix in reader.extensions:
            return reader
    for reader in formats:
        if reader.sniff(head):
            return reader
    return fallback


def _gunzip(data: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            out = gz.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise Unreadable(f"broken gzip data: {err}") from None
    if len(out) > MAX_FILE_BYTES:
        raise Unreadable("gzip expands beyond the size limit")
    return out
