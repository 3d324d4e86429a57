"""The metadata newsgrep extracts from every story, written down to compare
two versions of the extractor story by story (issue 22).

Reads every story of Reuters-21578 (one .txt a story) and of AllSides (one
.jsonl.gz) exactly as `newsgrep index` does (newsgrep.readers.read_file, the
story's FILE#ID path, then newsgrep.extract.article.build_article) and writes
one JSON line per story: path, title, date, source, place, people, author
the quotations with their speakers, the URL and a hash of the body.

    python benchmarks/golden_extract.py reuters OUT.jsonl [--limit N] [--corpora DIR]
    python benchmarks/golden_extract.py allsides OUT.jsonl [--limit N] [--corpora DIR]
    python benchmarks/golden_extract.py --compare OLD.jsonl NEW.jsonl [--show N]

``--compare`` lists every story whose title, date, source, place, people,
authors, quotations, body or URL changed (and stories only one side has), with counts
per field; it exits 1 when anything changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgrep.errors import Unreadable  # noqa: E402
from newsgrep.extract.article import build_article  # noqa: E402
from newsgrep.model import Article, RawStory  # noqa: E402
from newsgrep.readers import read_file  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
# The body and URL are checked too: layout decides them, and a rewrite of it
# must leave the text that is indexed alone.
FIELDS = ("title", "date", "source", "place", "people", "author", "quotes", "body", "url")


def corpus_files(corpus: str, corpora: Path = CORPORA) -> list[Path]:
    """The files `newsgrep index` would read for ``corpus``."""
    if corpus == "reuters":
        return sorted((corpora / "reuters21578" / "articles").glob("*.txt"))
    return [corpora / "allsides-news" / "stories.jsonl.gz"]


def raw_stories(
    corpus: str, limit: int | None = None, corpora: Path = CORPORA
) -> Iterator[tuple[str, RawStory]]:
    """(path, raw story) of every story of ``corpus``, the path as indexing
    gives it (FILE#ID inside a multi-story file); records a reader skipped
    are left out, as indexing leaves them out."""
    count = 0
    for path in corpus_files(corpus, corpora):
        at = path.resolve()
        try:
            for number, raw in enumerate(read_file(at), start=1):
                if not isinstance(raw, RawStory):
                    continue
                yield (
                    f"{at}#{raw.record_id or number}" if raw.record_id is not None else str(at),
                    raw,
                )
                count += 1
                if limit is not None and count >= limit:
                    return
        except Unreadable:
            continue  # indexing skips the file too ("empty or whitespace-only file")


def record(article: Article) -> dict:
    return {
        "path": article.path,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "place": article.place,
        "people": article.people,
        "author": article.author,
        "quotes": [[q.text, q.speaker] for q in article.quotes],
        "body": hashlib.blake2b(article.body.encode(), digest_size=8).hexdigest(),
        "url": article.url,
    }


def write(corpus: str, out: Path, limit: int | None, corpora: Path) -> None:
    count = 0
    with out.open("w", encoding="utf-8") as lines:
        for path, raw in raw_stories(corpus, limit, corpora):
            article = build_article(path, raw)
            lines.write(json.dumps(record(article), ensure_ascii=False) + "\n")
            count += 1
    print(f"{count} stories of {corpus} -> {out}")


def load(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as lines:
        return {(r := json.loads(line))["path"]: r for line in lines}


def compare(old_file: Path, new_file: Path, show: int) -> int:
    old, new = load(old_file), load(new_file)
    changed: Counter[str] = Counter()
    stories = 0
    for path in sorted(old.keys() | new.keys()):
        if path not in old or path not in new:
            print(f"{path}: only in {'new' if path in new else 'old'}")
            changed["missing"] += 1
            stories += 1
            continue
        fields = [f for f in FIELDS if old[path][f] != new[path][f]]
        if not fields:
            continue
        stories += 1
        changed.update(fields)
        if stories <= show:
            print(f"{path}:")
            for name in fields:
                print(f"  {name}: {_shown(old[path][name])}")
                print(f"  {'':{len(name)}}> {_shown(new[path][name])}")
    print(f"\n{len(old)} stories before, {len(new)} after; {stories} changed")
    for name in (*FIELDS, "missing"):
        print(f"  {name:<8} {changed[name]:>6}")
    return 1 if stories else 0


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) < 600 else text[:600] + "…"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", choices=("reuters", "allsides"))
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="the shared corpora")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    parser.add_argument("--show", type=int, default=10**9, help="stories listed in full")
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare, args.show)
    if not args.corpus or not args.out:
        parser.error("give a corpus and an output file, or --compare OLD NEW")
    if not args.corpora.is_dir():
        print(f"skipped: {args.corpora} is not here")
        return 0
    write(args.corpus, args.out, args.limit, args.corpora)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
