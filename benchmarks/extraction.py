"""How well newsgrep finds the people a news story names, measured.

Every figure is over stories read exactly as `newsgrep index` reads them
(newsgrep.readers.read_file, then newsgrep.extract.article.build_article):

1. Reuters label recall: Reuters-21578's editors tagged 1,156 stories with the
   people they are about (<PEOPLE>: "james-baker", "volcker", "de-larosiere").
   A label counts as found when its surname (the label's last part) is one
   of the words of an extracted name.
2. Two hand-labelled gold sets, precision and recall of people (and of
   reporters where labelled) at the level of "same person": an extracted name
   and a gold name are one person when they share the surname and, when both
   have a given name, its first letter ("Reagan" = "Ronald Reagan"; "George
   Bush" = "George W. Bush" = "G. Bush"; "Sergei Ivanov" != "Igor Ivanov").
   - held in, Reuters-21578 (tests/data/people_gold.jsonl): 73 stories,
     labelled while the person finder was written;
   - held out, AllSides (tests/data/people_gold_allsides.jsonl): 110 stories
     of 66 outlets, labelled by two sessions that had not read the extractor;
     people and reporters apart, and the lookalikes of people (firms, works,
     groups, places, page chrome) named with their kind. The story texts are
     read from the shared corpus, never copied.
   Each error is put in one kind: a name taken for a person is a reporter,
   a labelled lookalike's kind (firm, work, group, place, chrome, other), an
   opener (one word found only where sentences start), a fragment (it shares
   a word with a person or a reporter, or has a word in small letters), or
   "unlabelled"; a person missed is a surname-only (one word after a title,
   "Mr. Rahami", or the surname of a full name elsewhere in the gold set:
   "Obama"), a mononym (any other one word: "Madonna"), a particle
   (a word in small letters, an initial or three words and more) or other.

Usage: python benchmarks/extraction.py [CORPORA] [--errors N] [--gold FILE]
CORPORA is the shared corpora folder (../shared/corpora by default). Skips
what needs a corpus that is absent. Takes ~30 s.
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from golden_extract import raw_stories  # noqa: E402

from newsgrep.extract.article import build_article  # noqa: E402
from newsgrep.model import Article, RawStory  # noqa: E402
from newsgrep.readers import read_file  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
GOLD = ROOT / "tests" / "data" / "people_gold.jsonl"
GOLD_ALLSIDES = ROOT / "tests" / "data" / "people_gold_allsides.jsonl"
TARGETS = {"reuters_recall": 0.95, "gold_precision": 0.95, "gold_recall": 0.90}
_TITLE_BEFORE = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President|Senator|Judge|Justice)\.?\s+"
_SENTENCE_START = re.compile(r"(?:^|[.!?\"“”:]\s+|\n\s*)$")


def words(name: str) -> list[str]:
    """'Jacques de Larosière' -> ['jacques', 'de', 'larosiere']; 'Herb Mee Jr.'
    -> ['herb', 'mee'] (a suffix is no surname)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    parts = plain.lower().replace("-", " ").replace(".", " ").split()
    while len(parts) > 1 and parts[-1] in ("jr", "sr", "ii", "iii", "iv"):
        parts.pop()
    return parts


def label_found(label: str, extracted: list[str]) -> bool:
    surname = label.split("-")[-1]
    return any(surname in words(name) for name in extracted)


def same_person(a: str, b: str) -> bool:
    wa, wb = words(a), words(b)
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    if len(wa) == 1 or len(wb) == 1:
        return True
    return wa[0][0] == wb[0][0]


@dataclass
class Score:
    """Hits and errors of one list (people or reporters) over a gold set."""

    right: int = 0
    wrong: int = 0
    found: int = 0
    missed: int = 0
    errors: Counter = field(default_factory=Counter)  # "wrong X" / "missed X"
    kinds: Counter = field(default_factory=Counter)  # ("wrong", kind) / ("missed", kind)

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0

    @property
    def recall(self) -> float:
        return self.found / (self.found + self.missed) if self.found + self.missed else 1.0


def score(extracted: list[str], truth: list[str], total: Score) -> tuple[list[str], list[str]]:
    """Count one story's names into ``total``; the wrong and the missed ones."""
    wrong = [n for n in extracted if not any(same_person(n, t) for t in truth)]
    missed = [t for t in truth if not any(same_person(t, n) for n in extracted)]
    total.right += len(extracted) - len(wrong)
    total.wrong += len(wrong)
    total.found += len(truth) - len(missed)
    total.missed += len(missed)
    total.errors.update([f"wrong {n}" for n in wrong] + [f"missed {n}" for n in missed])
    return wrong, missed


def wrong_kind(name: str, record: dict, text: str) -> str:
    """Why a name is no person (see the module's docstring)."""
    if any(same_person(name, r) for r in record.get("reporters", [])):
        return "reporter"
    folded = " ".join(words(name))
    for lookalike in record.get("lookalikes", []):
        other = " ".join(words(lookalike["name"]))
        if other and (folded in other or other in folded):
            return lookalike["kind"]
    own = set(words(name))
    named = {w for n in record["people"] + record.get("reporters", []) for w in words(n)}
    if own & named or any(w[:1].islower() for w in name.split()):
        return "fragment"
    if len(own) == 1 and _only_opening(name, text):
        return "opener"
    return "unlabelled"


def _only_opening(word: str, text: str) -> bool:
    places = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
    return bool(places) and all(_SENTENCE_START.search(text[max(0, p - 3) : p]) for p in places)


def missed_kind(name: str, text: str, surnames: set[str]) -> str:
    """``surnames``: the last words of the gold set's full names."""
    parts = name.split()
    if len(parts) == 1:
        titled = re.search(_TITLE_BEFORE + re.escape(name) + r"\b", text)
        return "surname-only" if titled or words(name)[-1] in surnames else "mononym"
    if len(parts) > 2 or any(p[:1].islower() or p.endswith(".") for p in parts):
        return "particle"
    return "other"


def reuters_articles(reuters: Path, story_id: str) -> list[Article]:
    path = reuters / "articles" / f"{int(story_id):05d}.txt"
    stories = [s for s in read_file(path) if isinstance(s, RawStory)]
    return [build_article(str(path), s) for s in stories]


def reuters_recall(reuters: Path) -> tuple[float, Counter]:
    found = total = 0
    missed: Counter = Counter()
    with open(reuters / "reuters21578.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if not record["people"]:
                continue
            extracted = [p for a in reuters_articles(reuters, record["id"]) for p in a.people]
            for label in record["people"]:
                total += 1
                if label_found(label, extracted):
                    found += 1
                else:
                    missed[f"missed label {label}"] += 1
    return found / total, missed


def load_gold(gold: Path) -> list[dict]:
    return [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]


def gold_scores(articles: dict[str, Article], gold: list[dict]) -> tuple[Score, Score]:
    """People and reporters of ``articles`` (by story id) against ``gold``."""
    people, reporters = Score(), Score()
    surnames = {words(n)[-1] for r in gold for n in r["people"] if len(words(n)) > 1}
    for record in gold:
        article = articles[record["id"]]
        text = f"{article.title}\n\n{article.body}"
        wrong, missed = score(article.people, record["people"], people)
        people.kinds.update(("wrong", wrong_kind(n, record, text)) for n in wrong)
        people.kinds.update(("missed", missed_kind(n, text, surnames)) for n in missed)
        if "reporters" in record:
            score(article.author, record["reporters"], reporters)
    return people, reporters


def reuters_gold(reuters: Path, gold: list[dict]) -> dict[str, Article]:
    return {r["id"]: a for r in gold for a in reuters_articles(reuters, r["id"])[:1]}


def allsides_gold(corpora: Path, gold: list[dict]) -> dict[str, Article]:
    """The gold set's stories from the shared AllSides file, as indexing reads them."""
    wanted = {r["id"] for r in gold}
    return {
        raw.record_id: build_article(path, raw)
        for path, raw in raw_stories("allsides", corpora=corpora)
        if raw.record_id in wanted
    }


def report(name: str, people: Score, reporters: Score, stories: int) -> None:
    shown = (
        f"{reporters.precision:.3f}  {reporters.recall:.3f}"
        if reporters.found + reporters.missed
        else "   -      -"
    )
    print(f"{name:<22} {stories:>4}   {people.precision:.3f}  {people.recall:.3f}      {shown}")


def kinds_line(people: Score, side: str, order: tuple[str, ...]) -> str:
    counts = Counter({k: n for (s, k), n in people.kinds.items() if s == side})
    kinds = [*order, *sorted(set(counts) - set(order))]
    return "  ".join(f"{k} {counts[k]}" for k in kinds)


def main(argv: list[str]) -> int:
    top, golds = 10, [("held in: Reuters", GOLD), ("held out: AllSides", GOLD_ALLSIDES)]
    if "--errors" in argv:
        at = argv.index("--errors")
        top, argv = int(argv[at + 1]), argv[:at] + argv[at + 2 :]
    if "--gold" in argv:
        at = argv.index("--gold")
        golds, argv = [("gold", Path(argv[at + 1]))], argv[:at] + argv[at + 2 :]
    corpora = Path(argv[0]) if argv else CORPORA
    reuters = corpora / "reuters21578"
    if not (reuters / "reuters21578.jsonl").is_file():
        print(f"skipped: no Reuters-21578 corpus at {reuters}")
        return 0
    started = time.perf_counter()
    recall, errors = reuters_recall(reuters)
    print(f"Reuters PEOPLE-label recall  {recall:.3f}  (target {TARGETS['reuters_recall']:.2f})\n")
    print(f"{'gold set':<22} {'stories':>4}  people P / R     reporters P / R")
    scored = []
    for name, path in golds:
        gold = load_gold(path)
        on_reuters = gold and gold[0]["id"].isdigit()
        articles = reuters_gold(reuters, gold) if on_reuters else allsides_gold(corpora, gold)
        people, reporters = gold_scores(articles, gold)
        report(name, people, reporters, len(gold))
        scored.append((name, people))
    target = (
        f"(targets: precision {TARGETS['gold_precision']:.2f}, recall {TARGETS['gold_recall']:.2f})"
    )
    print(target)
    for name, people in scored:
        print(f"\n{name}, errors by kind")
        order = (
            "reporter",
            "firm",
            "work",
            "group",
            "place",
            "chrome",
            "other",
            "opener",
            "fragment",
        )
        print("  taken for people: " + kinds_line(people, "wrong", order))
        print(
            "  missed:           "
            + kinds_line(people, "missed", ("mononym", "particle", "surname-only", "other"))
        )
        errors += people.errors
    print(f"\n{top} most common errors:")
    for error, count in errors.most_common(top):
        print(f"  {count:4d}  {error}")
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
