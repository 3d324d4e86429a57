"""Build a large test corpus from the Reuters stories, with altered words.

Each copy of a story keeps its layout (headline, dateline, paragraphs) but
has about one word in ten replaced by another word of the collection, and
one in a hundred by a new word, so copies are different stories for the
index (their own postings, a vocabulary that keeps growing) rather than
duplicates. Deterministic for a given seed.

    python benchmarks/make_corpus.py 100000 /tmp/reuters-100k

The corpus goes to the folder given (a temporary one in the benchmark);
never into the repository.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

WORD = re.compile(r"[A-Za-z]{3,}")
REPLACE_SHARE = 0.10
NEW_WORD_SHARE = 0.01


def build_corpus(source: Path, target: Path, count: int, seed: int = 7) -> int:
    """Write ``count`` stories under ``target`` (copyN/ folders); returns the count."""
    stories = sorted(source.glob("*.txt"))
    vocabulary = _vocabulary(stories[:2000])
    rng = random.Random(seed)
    written = 0
    copy = 0
    while written < count:
        folder = target / f"copy{copy:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        for story in stories:
            if written >= count:
                break
            text = story.read_text(encoding="utf-8", errors="replace")
            if copy:
                text = _alter(text, vocabulary, rng)
            (folder / story.name).write_text(text, encoding="utf-8")
            written += 1
        copy += 1
    return written


def _vocabulary(stories: list[Path]) -> list[str]:
    words = set()
    for story in stories:
        words.update(w.lower() for w in WORD.findall(story.read_text(errors="replace")))
    return sorted(words)


def _alter(text: str, vocabulary: list[str], rng: random.Random) -> str:
    def swap(match: re.Match) -> str:
        roll = rng.random()
        if roll < NEW_WORD_SHARE:
            return match.group(0) + rng.choice("aeiou") + rng.choice("nrstlk")
        if roll < NEW_WORD_SHARE + REPLACE_SHARE:
            word = rng.choice(vocabulary)
            return (
                word.upper()
                if match.group(0).isupper()
                else (word.capitalize() if match.group(0)[0].isupper() else word)
            )
        return match.group(0)

    return WORD.sub(swap, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument(
        "--source",
        type=Path,
        default=Path(__file__).resolve().parents[2]
        / "shared"
        / "corpora"
        / "reuters21578"
        / "articles",
    )
    args = parser.parse_args()
    print(build_corpus(args.source, args.target, args.count), "stories in", args.target)


if __name__ == "__main__":
    main()
