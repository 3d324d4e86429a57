"""How well newsgrep finds quotations and their speakers, measured (issue 18).

Scores newsgrep.extract.quotes.find_quotes against the hand-labelled gold set
tests/data/quotes_gold.jsonl (see tests/data/quotes_gold.md). Each story is
read exactly as `newsgrep index` reads it (newsgrep.readers.read_file, then
newsgrep.extract.article.build_article), so the people and reporters the
extractor is given are newsgrep's own.

- A found quotation matches a gold one when their normalised texts (lower
  case, letters and digits only) overlap strongly: one contains the other,
  or their word sets have Jaccard >= 0.6. Each gold quotation is matched at
  most once. Recall and precision count these matches.
- Speaker accuracy over matched quotations, at surname level: the last words
  of the two names agree, or one name holds the other ("Pentagon" and "the
  Pentagon"); both None agree. Also for the gold quotations attributed by a
  pronoun or a title (the cues the issue singles out).
- Reporters named as speakers: found quotations whose speaker is one of the
  story's reporters (gold `reporters`).
- The set is split in two halves by line, so both hold every corpus: even
  lines, the half the rules were first tuned on; odd lines, held out at
  first (later rounds read errors of both, so it is not a clean test).
- Speed: microseconds per story of find_quotes alone, and of the whole
  build_article, on the first N AllSides stories (process CPU time, best of
  three): run it on a quiet machine.

Usage: python benchmarks/quotes.py [--gold FILE] [--errors N] [--speed N] [--corpora DIR]
Skips with a message when the shared corpora are absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgrep.extract.article import build_article  # noqa: E402
from newsgrep.extract.quotes import find_quotes  # noqa: E402
from newsgrep.model import Article, Quote, RawStory  # noqa: E402
from newsgrep.readers import read_file  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
GOLD = ROOT / "tests" / "data" / "quotes_gold.jsonl"
TARGETS = {
    "recall": 0.90,
    "precision": 0.95,
    "speaker": 0.90,
    "speaker (pronoun/title)": 0.75,
}  # issue 24
_NOT_WORD = re.compile(r"[^a-z0-9]+")


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    matched: int = 0
    speaker_right: int = 0
    cue_matched: int = 0  # matched gold quotations cued by a pronoun or title
    cue_right: int = 0
    reporters: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("gold", "found", "matched", "speaker_right", "cue_matched", "cue_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.reporters += other.reporters
        self.errors += other.errors

    def figures(self) -> dict[str, float]:
        return {
            "recall": self.matched / self.gold if self.gold else 1.0,
            "precision": self.matched / self.found if self.found else 1.0,
            "speaker": self.speaker_right / self.matched if self.matched else 1.0,
            "speaker (pronoun/title)": _share(self.cue_right, self.cue_matched),
        }


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def normal(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(_NOT_WORD.sub(" ", plain).split())


def same_text(a: str, b: str) -> bool:
    na, nb = normal(a), normal(b)
    if not na or not nb:
        return na == nb
    if na in nb or nb in na:
        return True
    wa, wb = set(na.split()), set(nb.split())
    return len(wa & wb) / len(wa | wb) >= 0.6


def without_suffix(name: str) -> str:
    """'james r clapper jr' -> 'james r clapper': a suffix is no surname."""
    words = name.split()
    while len(words) > 1 and words[-1] in ("jr", "sr", "ii", "iii", "iv"):
        words.pop()
    return " ".join(words)


def same_speaker(found: str | None, gold: str | None) -> bool:
    if found is None or gold is None:
        return found is gold
    nf, ng = without_suffix(normal(found)), without_suffix(normal(gold))
    if not nf or not ng:
        return nf == ng
    return nf.split()[-1] == ng.split()[-1] or nf in ng or ng in nf


def load_stories(
    entries: list[dict], corpora: Path = CORPORA
) -> dict[tuple[str, str, str | None], Article]:
    """Each gold story as newsgrep reads it, keyed by (corpus, file, id)."""
    wanted = defaultdict(set)
    for entry in entries:
        wanted[(entry["corpus"], entry["file"])].add(entry["id"])
    stories = {}
    for (corpus, name), ids in wanted.items():
        path = ROOT / name if corpus == "sample" else corpora / corpus / name
        for raw in read_file(path):
            if isinstance(raw, RawStory) and (raw.record_id in ids or (None in ids)):
                shown = f"{path}#{raw.record_id}" if raw.record_id else str(path)
                stories[(corpus, name, raw.record_id)] = build_article(shown, raw)
    return stories


def score_story(entry: dict, quotes: list[Quote]) -> Score:
    score = Score(gold=len(entry["quotes"]), found=len(quotes))
    unmatched = list(entry["quotes"])
    reporters = entry["reporters"]
    where = f"{entry['outlet']} {entry['id']}"
    for quote in quotes:
        gold = next((g for g in unmatched if same_text(quote.text, g["text"])), None)
        if quote.speaker and any(same_speaker(quote.speaker, r) for r in reporters):
            score.reporters += 1
        if gold is None:
            score.errors.append(f"extra   {where}: [{quote.speaker}] {quote.text[:90]}")
            continue
        unmatched.remove(gold)
        score.matched += 1
        right = same_speaker(quote.speaker, gold["speaker"])
        score.speaker_right += right
        if gold["cue"] in ("pronoun", "title"):
            score.cue_matched += 1
            score.cue_right += right
        if not right:
            score.errors.append(
                f"speaker {where}: [{quote.speaker}] gold [{gold['speaker']}] ({gold['cue']}) "
                f"{gold['text'][:70]}"
            )
    for gold in unmatched:
        score.errors.append(f"missed  {where}: [{gold['speaker']}] {gold['text'][:90]}")
    return score


def show(label: str, score: Score, targets: bool = False) -> None:
    figures = score.figures()
    cells = "  ".join(f"{name} {value:.3f}" for name, value in figures.items())
    counts = f"gold {score.gold:>3}  found {score.found:>3}"
    print(f"{label:<34} {counts}  {cells}  reporters {score.reporters}")
    if targets:
        for name, goal in TARGETS.items():
            mark = "ok" if figures[name] >= goal else "BELOW"
            print(f"    {name:<24} {figures[name]:.3f}  goal >= {goal:.2f}  {mark}")


def speed(count: int, corpora: Path = CORPORA) -> None:
    path = corpora / "allsides-news" / "stories.jsonl.gz"
    raws = []
    for raw in read_file(path):
        if isinstance(raw, RawStory):
            raws.append(raw)
            if len(raws) == count:
                break
    articles = [build_article(f"{path}#{raw.record_id}", raw) for raw in raws]

    def best(work) -> float:
        times = []
        for _ in range(3):
            start = time.process_time()
            work()
            times.append(time.process_time() - start)
        return min(times) / len(raws) * 1e6

    quotes = best(lambda: [find_quotes(a.body, a.people, a.author) for a in articles])
    pairs = list(zip(articles, raws, strict=True))
    whole = best(lambda: [build_article(a.path, raw) for a, raw in pairs])
    print(f"\nspeed on {len(raws)} AllSides stories (CPU, best of 3):")
    print(f"    find_quotes     {quotes:8.0f} us/story")
    print(f"    build_article   {whole:8.0f} us/story (all extraction, quotes included)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors")
    parser.add_argument("--speed", type=int, default=2000, help="stories to time (0: none)")
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="the shared corpora")
    args = parser.parse_args(argv)
    if not args.corpora.is_dir():
        print(f"skipped: {args.corpora} is not here")
        return 0
    entries = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]
    stories = load_stories(entries, args.corpora)
    total, halves, outlets = Score(), [Score(), Score()], defaultdict(Score)
    for number, entry in enumerate(entries):
        article = stories[(entry["corpus"], entry["file"], entry["id"])]
        score = score_story(entry, find_quotes(article.body, article.people, article.author))
        total.add(score)
        halves[number % 2].add(score)
        outlets[entry["outlet"]].add(score)
    print(f"{len(entries)} stories, {total.gold} gold quotations\n")
    show("all", total, targets=True)
    show("even lines (tuned on)", halves[0])
    show("odd lines (held out at first)", halves[1])
    print("\nper outlet:")
    for outlet, score in sorted(outlets.items(), key=lambda item: -item[1].gold):
        show(f"  {outlet[:32]}", score)
    for error in total.errors[: args.errors]:
        print(error)
    if args.speed:
        speed(args.speed, args.corpora)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
