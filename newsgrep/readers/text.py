"""Plain-text articles: .txt, .text, .md and extension-less text files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgrep.errors import Unreadable
from newsgrep.model import RawStory
from newsgrep.readers.decoding import story_text


class TextReader:
    name = "text"
    many_stories = False
    extensions: tuple[str, ...] = (".txt", ".text", ".md")

    def sniff(self, head: bytes) -> bool:
        return False  # the fallback reader: chosen when nothing else claims a file

    def read(self, data: bytes, path: Path) -> Iterator[RawStory]:
        text = story_text(data)
        if not text.strip():
            raise Unreadable("empty or whitespace-only file")
        yield RawStory(text=text)
