"""Synthetic wire stories for indexing tests: many small files, no shared data."""

from __future__ import annotations

import json
import os
import random
import shutil
import time
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


def wire_corpus(tmp_path: Path, sample: Path) -> Path:
    """The sample corpus plus one three-story JSON Lines file, in a folder a test may edit."""
    folder = tmp_path / "corpus"
    shutil.copytree(sample, folder)
    write_stories(folder / "wire.jsonl", ["alpha", "bravo", "charlie"])
    return folder


def write_stories(file: Path, words: list[str]) -> None:
    """A JSON Lines file of one story per word, dated a minute back (so that
    the manifest trusts its time on the next run: not "racy")."""
    lines = [
        json.dumps({"title": f"Story {word}", "maintext": f"A story about {word} and markets."})
        for word in words
    ]
    file.write_text("\n".join(lines) + "\n")
    past = time.time() - 60
    os.utime(file, (past, past))
