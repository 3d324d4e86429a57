"""How well newsgrep finds the people a news story names, measured.

Three figures, each over stories read exactly as `newsgrep index` reads them
(newsgrep.readers.read_file, then newsgrep.extract.article.build_article):

1. Reuters label recall: Reuters-21578's editors tagged 1,156 stories with the
   people they are about (<PEOPLE>: "james-baker", "volcker", "de-larosiere").
   A label counts as found when its surname (the label's last part) is one
   of the words of an extracted name.
2. and 3. Gold precision and recall: hand-labelled full lists of the people
   named in Reuters-21578 stories (tests/data/people_gold.jsonl, lines of
   {"id": "00042", "people": [...]}). An extracted name and a gold name are
   the same person when they share the surname and, when both have a given
   name, agree on it ("Reagan" = "Ronald Reagan"; "George Bush" = "George W.
   Bush"; "Sergei Ivanov" != "Igor Ivanov").

Given names, one of the person finder's cues, come from the gender-guesser
package's name dictionary (about 45,000 first names from 50+ countries;
chosen because it covers Slavic, Arabic and East Asian names as well as
Western ones, installs offline from PyPI and is read lazily at index time).

Usage: python benchmarks/extraction.py [REUTERS_DIR] [--errors N] [--gold FILE]
Skips with a message when the shared corpus is absent. Takes ~20 s.
"""

from __future__ import annotations

import json
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgrep.extract.article import build_article  # noqa: E402
from newsgrep.model import RawStory  # noqa: E402
from newsgrep.readers import read_file  # noqa: E402

REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578"
GOLD = ROOT / "tests" / "data" / "people_gold.jsonl"
TARGETS = {"reuters_recall": 0.90, "gold_precision": 0.90, "gold_recall": 0.85}


def words(name: str) -> list[str]:
    """'Jacques de Larosière' -> ['jacques', 'de', 'larosiere']; 'Herb Mee Jr.'
    -> ['herb', 'mee'] (a suffix is no surname)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    parts = plain.lower().replace("-", " ").replace(".", " ").split()
    while len(parts) > 1 and parts[-1] in ("jr", "sr", "ii", "iii", "iv"):
        parts.pop()
    return parts


def people_in(reuters: Path, story_id: str) -> list[str]:
    """The people newsgrep extracts from one Reuters article file."""
    path = reuters / "articles" / f"{int(story_id):05d}.txt"
    stories = [s for s in read_file(path) if isinstance(s, RawStory)]
    return [p for s in stories for p in build_article(str(path), s).people]


def label_found(label: str, extracted: list[str]) -> bool:
    surname = label.split("-")[-1]
    return any(surname in words(name) for name in extracted)


def same_person(a: str, b: str) -> bool:
    wa, wb = words(a), words(b)
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    if len(wa) == 1 or len(wb) == 1:
        return True
    first_a, first_b = wa[0], wb[0]
    return first_a == first_b or (min(len(first_a), len(first_b)) == 1 and first_a[0] == first_b[0])


def reuters_recall(reuters: Path) -> tuple[float, Counter]:
    found = total = 0
    missed: Counter = Counter()
    with open(reuters / "reuters21578.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if not record["people"]:
                continue
            extracted = people_in(reuters, record["id"])
            for label in record["people"]:
                total += 1
                if label_found(label, extracted):
                    found += 1
                else:
                    missed[f"missed label {label}"] += 1
    return found / total, missed


def gold_scores(reuters: Path, gold: Path = GOLD) -> tuple[float, float, Counter]:
    """Precision and recall against the hand-labelled gold set, and the errors."""
    right, wrong, found, missed = Counter(), Counter(), Counter(), Counter()
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            truth, extracted = record["people"], people_in(reuters, record["id"])
            _match(extracted, truth, right, wrong)
            _match(truth, extracted, found, missed)
    errors = Counter({f"wrong {n}": c for n, c in wrong.items()})
    errors.update({f"missed {n}": c for n, c in missed.items()})
    return _share(right, wrong), _share(found, missed), errors


def _match(names: list[str], others: list[str], hits: Counter, misses: Counter) -> None:
    """Count each of ``names`` as a hit when it is one of ``others``."""
    for name in names:
        (hits if any(same_person(name, o) for o in others) else misses)[name] += 1


def _share(hits: Counter, misses: Counter) -> float:
    total = hits.total() + misses.total()
    return hits.total() / total if total else 1.0


def main(argv: list[str]) -> int:
    top, gold = 10, GOLD
    if "--errors" in argv:
        at = argv.index("--errors")
        top, argv = int(argv[at + 1]), argv[:at] + argv[at + 2 :]
    if "--gold" in argv:
        at = argv.index("--gold")
        gold, argv = Path(argv[at + 1]), argv[:at] + argv[at + 2 :]
    reuters = Path(argv[0]) if argv else REUTERS
    if not (reuters / "reuters21578.jsonl").is_file():
        print(f"skipped: no Reuters-21578 corpus at {reuters}")
        return 0
    started = time.perf_counter()
    recall, errors = reuters_recall(reuters)
    print(f"Reuters PEOPLE-label recall  {recall:.3f}  (target {TARGETS['reuters_recall']:.2f})")
    if gold.is_file():
        precision, gold_recall, gold_errors = gold_scores(reuters, gold)
        target = TARGETS["gold_precision"]
        print(f"gold-set precision           {precision:.3f}  (target {target:.2f})")
        target = TARGETS["gold_recall"]
        print(f"gold-set recall              {gold_recall:.3f}  (target {target:.2f})")
        errors += gold_errors
    else:
        print(f"gold set not found at {gold}")
    print(f"\n{top} most common errors:")
    for error, count in errors.most_common(top):
        print(f"  {count:4d}  {error}")
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
