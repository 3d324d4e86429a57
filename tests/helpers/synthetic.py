"""Synthetic wire stories for indexing tests: many small files, no shared data."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    "alliance talks ministers summit treaty membership security council vote "
    "grain wheat prices market exports harvest central bank interest rates "
    "inflation currency election premier parliament coalition storm coast "
    "flood rescue army border ceasefire oil pipeline tanker refinery"
).split()
PEOPLE = ("Sergei Ivanov", "Maria Lopez", "John Smith", "Anna Berg", "Kofi Mensah")
PLACES = ("LONDON", "MOSCOW", "NAIROBI", "LIMA", "OSLO")


def write_corpus(folder: Path, count: int, seed: int = 1, per_folder: int = 500) -> Path:
    """``count`` stories, one per file, spread over sub-folders."""
    rng = random.Random(seed)
    for number in range(count):
        sub = folder / f"part{number // per_folder:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"story{number:06d}.txt").write_text(_story(rng, number))
    return folder


def _story(rng: random.Random, number: int) -> str:
    headline = " ".join(rng.choice(WORDS) for _ in range(5)).capitalize()
    person = rng.choice(PEOPLE)
    sentences = [" ".join(rng.choice(WORDS) for _ in range(12)) + "." for _ in range(12)]
    return (
        f"{headline} {number}\n\n{rng.choice(PLACES)} (Reuters) - "
        f"{person} said {' '.join(sentences)}\n"
    )
