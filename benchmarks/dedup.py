"""Precision and recall of --dedup on a duplicate-rich set built from Reuters-21578.

The set: sampled Reuters stories ("originals"), for each two edited copies
of the kinds a news archive holds (an exact repost, another outlet's
dateline and headline, reworded sentences, a trimmed ending, house style
such as "million" for "mln", boilerplate around the text, all at once), plus
distinct stories on the same topic and templated earnings briefs as hard
negatives. Stories are folded in a shuffled order, as by search rank, with
newsgrep.rank.dedup.fold; two stories in one group are a predicted pair, two
copies of one original a true pair. Pairwise precision and recall are
reported over a grid of shingle sizes, texts and thresholds, then recall by
edit kind for the chosen setting, and the closest false positives.

    python benchmarks/dedup.py [--reuters DIR] [--originals 300] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgrep.rank import dedup  # noqa: E402

REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"])")
SYNONYMS = {
    "said": "told reporters",
    "rose": "climbed",
    "fell": "dropped",
    "company": "firm",
    "expected": "forecast",
    "government": "administration",
    "increase": "rise",
    "announced": "unveiled",
    "shares": "stock",
    "also": "further",
    "about": "around",
    "would": "will",
    "billion": "bln",
    "market": "markets",
    "officials": "sources",
}
HOUSE_STYLE = {
    "mln": "million",
    "dlrs": "dollars",
    "pct": "percent",
    "billion": "bln",
    "U.S.": "US",
    "vs": "versus",
    "cts": "cents",
}
OUTLETS = ("AFP", "AP", "UPI", "Dow Jones", "Xinhua")


@dataclass
class Doc:
    group: int  # same group = copies of one original; distractors have their own
    kind: str  # original, an edit kind, or "distinct"
    title: str
    text: str


def load(folder: Path) -> list[dict]:
    stories = []
    with open(folder / "reuters21578.jsonl", encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            if story.get("body") and story.get("topics"):
                story["title"] = story.get("title") or ""
                story["dateline"] = story.get("dateline") or ""
                stories.append(story)
    return stories


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(" ".join(text.split())) if s]


def reword(text: str, rng: random.Random, share: float = 0.3) -> str:
    """Change about ``share`` of the sentences: a synonym, a dropped or added word."""
    out = []
    for sentence in sentences(text):
        words = sentence.split()
        if len(words) > 4 and rng.random() < share:
            for _ in range(2):
                i = rng.randrange(1, len(words) - 1)
                choice = rng.random()
                if words[i].lower() in SYNONYMS:
                    words[i] = SYNONYMS[words[i].lower()]
                elif choice < 0.5:
                    del words[i]
                else:
                    words.insert(i, rng.choice(("also", "now", "further", "reportedly")))
        out.append(" ".join(words))
    return " ".join(out)


def trim(text: str, rng: random.Random) -> str:
    parts = sentences(text)
    keep = max(2, round(len(parts) * rng.uniform(0.6, 0.8)))
    return " ".join(parts[:keep])


def house_style(text: str) -> str:
    return " ".join(HOUSE_STYLE.get(w, w) for w in text.split())


def new_dateline(story: dict, rng: random.Random) -> str:
    place = (story.get("dateline") or "").split(",")[0].strip().title() or "London"
    return f"{place}, {story['date'][:10]} ({rng.choice(OUTLETS)}) --"


def new_headline(title: str) -> str:
    return "UPDATE 1-" + title.title()


def edit(kind: str, story: dict, rng: random.Random) -> tuple[str, str]:
    """(title, text) of an edited copy of ``story``."""
    title, body, dateline = story["title"], story["body"], story.get("dateline", "")
    if kind == "exact":
        return title, f"{dateline} {body}"
    if kind == "outlet":
        return new_headline(title), f"{new_dateline(story, rng)} {body}"
    if kind == "reword":
        return title, f"{dateline} {reword(body, rng)}"
    if kind == "trim":
        return title, f"{dateline} {trim(body, rng)}"
    if kind == "style":
        return title, f"{dateline} {house_style(body)}"
    if kind == "boilerplate":
        return title, (
            f"Copyright 1987 Reuters. All rights reserved. {dateline} {body} "
            "(Reporting by our correspondents; editing by the desk.) More to follow."
        )
    if kind == "all":
        text = house_style(trim(reword(body, rng), rng))
        return new_headline(title), f"{new_dateline(story, rng)} {text}"
    raise ValueError(kind)


EDITS = ("exact", "outlet", "reword", "trim", "style", "boilerplate", "all")


def build_set(stories: list[dict], originals: int, rng: random.Random) -> list[Doc]:
    """Originals with two edited copies each, same-topic distinct stories, earnings briefs."""
    seen_bodies: set[str] = set()
    unique = []
    for story in stories:  # Reuters repeats some stories verbatim: keep one of each
        key = " ".join(story["body"].split())
        if key not in seen_bodies:
            seen_bodies.add(key)
            unique.append(story)
    long_enough = [s for s in unique if len(s["body"].split()) >= 60]
    picked = rng.sample(long_enough, originals)
    picked_ids = {s["id"] for s in picked}
    by_topic = defaultdict(list)
    for story in unique:
        if story["id"] not in picked_ids:
            by_topic[story["topics"][0]].append(story)
    docs: list[Doc] = []
    group = 0
    for story in picked:
        docs.append(
            Doc(group, "original", story["title"], f"{story.get('dateline', '')} {story['body']}")
        )
        for kind in rng.sample(EDITS, 2):
            docs.append(Doc(group, kind, *edit(kind, story, rng)))
        group += 1
        others = by_topic.get(story["topics"][0]) or []
        if others:
            other = others.pop(rng.randrange(len(others)))
            docs.append(
                Doc(
                    group,
                    "distinct",
                    other["title"],
                    f"{other.get('dateline', '')} {other['body']}",
                )
            )
            group += 1
    briefs = [s for s in by_topic.get("earn", []) if len(s["body"].split()) < 60]
    for story in rng.sample(briefs, min(originals, len(briefs))):
        docs.append(
            Doc(group, "distinct", story["title"], f"{story.get('dateline', '')} {story['body']}")
        )
        group += 1
    rng.shuffle(docs)
    return docs


def true_pairs(docs: list[Doc]) -> set[tuple[int, int]]:
    members = defaultdict(list)
    for i, doc in enumerate(docs):
        members[doc.group].append(i)
    return {pair for group in members.values() for pair in combinations(sorted(group), 2)}


def predicted_pairs(groups: list[list[tuple[int, float]]]) -> set[tuple[int, int]]:
    return {pair for group in groups for pair in combinations(sorted(p for p, _ in group), 2)}


def score(predicted: set, truth: set) -> tuple[float, float, float]:
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def text_of(doc: Doc, mode: str) -> str:
    return dedup.story_text(doc.title, doc.text) if mode == "title+body" else doc.text


def sweep(docs: list[Doc], truth: set) -> list[tuple]:
    rows = []
    for words in (2, 3, 4, 5):
        for mode in ("body", "title+body"):
            sketches = [dedup.fingerprint(text_of(d, mode), words=words) for d in docs]
            for threshold in [t / 100 for t in range(30, 85, 5)]:
                groups = dedup.fold(sketches, threshold)
                rows.append((words, mode, threshold, *score(predicted_pairs(groups), truth)))
    return rows


def recall_by_kind(docs: list[Doc], groups) -> dict[str, tuple[int, int]]:
    """For each edit kind: copies found in their original's group, of all copies."""
    group_of = {p: g for g, members in enumerate(groups) for p, _ in members}
    original_at = {d.group: i for i, d in enumerate(docs) if d.kind == "original"}
    found = defaultdict(lambda: [0, 0])
    for i, doc in enumerate(docs):
        if doc.kind not in ("original", "distinct"):
            found[doc.kind][1] += 1
            found[doc.kind][0] += group_of[i] == group_of[original_at[doc.group]]
    return {kind: tuple(v) for kind, v in sorted(found.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=Path, default=REUTERS)
    parser.add_argument("--originals", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not (args.reuters / "reuters21578.jsonl").exists():
        sys.exit(f"no Reuters-21578 at {args.reuters}")
    rng = random.Random(args.seed)
    docs = build_set(load(args.reuters), args.originals, rng)
    truth = true_pairs(docs)
    print(
        f"{len(docs)} stories, {len(truth)} true duplicate pairs "
        f"({sum(d.kind == 'distinct' for d in docs)} distinct same-topic stories and briefs)\n"
    )
    rows = sweep(docs, truth)
    print("shingle  text        threshold  precision  recall     F1")
    for words, mode, threshold, p, r, f in rows:
        mark = (
            "  <- newsgrep's setting"
            if (
                words == dedup.SHINGLE_WORDS
                and mode == "title+body"
                and abs(threshold - dedup.THRESHOLD) < 1e-9
            )
            else ""
        )
        print(f"{words:>7}  {mode:<10}  {threshold:>9.2f}  {p:>9.3f}  {r:>6.3f}  {f:>6.3f}{mark}")
    best = max(rows, key=lambda row: row[5])
    print(
        f"\nbest F1: shingle {best[0]}, {best[1]}, threshold {best[2]:.2f}: "
        f"precision {best[3]:.3f}, recall {best[4]:.3f}"
    )
    report_setting(docs, truth)


def report_setting(docs: list[Doc], truth: set) -> None:
    """newsgrep's own setting: scores, recall per edit kind, speed, worst false pairs."""
    started = time.perf_counter()
    sketches = [dedup.fingerprint(text_of(d, "title+body")) for d in docs]
    groups = dedup.fold(sketches)
    seconds = time.perf_counter() - started
    predicted = predicted_pairs(groups)
    p, r, f = score(predicted, truth)
    print(
        f"\nnewsgrep (shingle {dedup.SHINGLE_WORDS}, sketch {dedup.SKETCH_SIZE}, threshold "
        f"{dedup.THRESHOLD}): precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}; "
        f"{len(docs) / seconds:,.0f} stories/s fingerprinted and folded"
    )
    for kind, (found, total) in recall_by_kind(docs, groups).items():
        print(f"  {kind:<12} {found}/{total} copies folded into their original")
    false = sorted(
        predicted - truth, key=lambda pair: -dedup.similarity(*(sketches[i] for i in pair))
    )
    for a, b in false[:5]:
        print(
            f"  false pair {dedup.similarity(sketches[a], sketches[b]):.2f}: "
            f"{docs[a].title[:40]!r} / {docs[b].title[:40]!r}"
        )


if __name__ == "__main__":
    main()
