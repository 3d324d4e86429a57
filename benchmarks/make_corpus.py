"""Build a large corpus of long stories from the AllSides paragraphs.

Each story takes the headline, date, outlet and authors of one AllSides
story and a body of 5 to 14 paragraphs drawn at random from stories on the
same AllSides topic (so a story reads as one subject and its words, names
and quotations are real news prose). Two stories share a paragraph only by
chance (a topic pools some 3,000 paragraphs), so the copies are distinct
stories for the index, with a vocabulary and a set of names as varied as
the source's, not near-duplicates. Deterministic for a given seed.

    python benchmarks/make_corpus.py 100000 /tmp/allsides-100k           # one file per story
    python benchmarks/make_corpus.py 100000 /tmp/as100k.jsonl.gz --jsonl  # one JSON Lines file

A file holds the headline, a blank line, the date as a line of its own
(none for the AllSides stories without one), a blank line, then the body.
The corpus goes to the path given (a temporary one in the benchmarks);
never into the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

ALLSIDES = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "allsides-news"
STORIES = ALLSIDES / "stories.jsonl.gz"
PARAGRAPHS = (5, 14)
# Paragraphs shorter than this are mostly chrome ("Advertisement", "Read more").
SHORTEST_PARAGRAPH = 80
STORIES_PER_FOLDER = 1000


def _load(source: Path) -> tuple[list[dict], dict[str, list[str]]]:
    """The AllSides records and the paragraphs of each topic."""
    records: list[dict] = []
    pools: dict[str, list[str]] = defaultdict(list)
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            records.append(record)
            pools[record["topic"]].extend(
                p.strip()
                for p in record["text"].split("\n")
                if len(p.strip()) >= SHORTEST_PARAGRAPH
            )
    return records, {topic: pool for topic, pool in pools.items() if pool}


def generate(count: int, seed: int = 7, source: Path = STORIES) -> Iterator[dict]:
    """``count`` story records (id, title, date, source, authors, url, text)."""
    records, pools = _load(source)
    rng = random.Random(seed)
    for number in range(count):
        base = records[number % len(records)]
        pool = pools.get(base["topic"]) or next(iter(pools.values()))
        body = rng.sample(pool, min(len(pool), rng.randint(*PARAGRAPHS)))
        yield {
            "id": f"s{number:06d}",
            "title": base["title"],
            "date": base["date"],
            "source": base["source"],
            "authors": base["authors"],
            "url": f"{base['url']}#s{number:06d}",
            "text": "\n\n".join(body),
        }


def story_file_text(record: dict) -> str:
    """A story as a plain text file: headline, the date line, body."""
    head = [record["title"], ""]
    day = _iso_day(record["date"])
    if day is not None:
        head += [f"{day:%B} {day.day}, {day.year}", ""]
    return "\n".join(head) + "\n" + record["text"] + "\n"


def _iso_day(text: str) -> date | None:
    """The record's date; None for none (and for the few written 7/23/17)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def build_corpus(target: Path, count: int, seed: int = 7, jsonl: bool = False) -> int:
    """Write ``count`` stories to ``target``; returns the count written."""
    written = 0
    if jsonl:
        target.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(target, "wt", encoding="utf-8", compresslevel=3) as out:
            for record in generate(count, seed):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
        return written
    for record in generate(count, seed):
        folder = target / f"part{written // STORIES_PER_FOLDER:03d}"
        if written % STORIES_PER_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{record['id']}.txt").write_text(story_file_text(record), encoding="utf-8")
        written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--jsonl", action="store_true", help="one .jsonl.gz file, not a folder")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    written = build_corpus(args.target, args.count, args.seed, jsonl=args.jsonl)
    print(written, "stories in", args.target)


if __name__ == "__main__":
    main()
