"""Near-duplicate stories: one wire copy filed by several outlets, reposts,
identical files.

A story's fingerprint is a bottom-k MinHash sketch: the ``SKETCH_SIZE``
smallest 64-bit BLAKE2b hashes of its word shingles (runs of
``SHINGLE_WORDS`` words), each cut to its first 32 bits. The indexer stores
it with the story (``pack``), so folding reads sketches instead of texts.
Two sketches estimate the Jaccard similarity of the stories' shingle sets.
BLAKE2b, not Python's ``hash()``: that one is salted per process (Whoosh's
simhash uses it), so its fingerprints differ run to run.

``benchmarks/dedup.py`` measures precision and recall of the threshold.
"""

from __future__ import annotations

import heapq
import re
import struct
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from hashlib import blake2b
from itertools import chain, repeat
from typing import TypeVar

SHINGLE_WORDS = 3
SKETCH_SIZE = 64
# Bytes kept of each hash: 32 bits tell the 64 smallest of a story's
# shingles apart as well as 64 did, and a stored sketch takes 256 bytes.
HASH_BYTES = 4
THRESHOLD = 0.4
# A hash shared by this many group heads is boilerplate ("mln dlrs vs"), too
# common to find copies by; the others a copy shares with its head still do.
COMMON_HASH = 32
# Folding one page: ranked hits fetched per distinct story it shows, doubled
# until enough are distinct. Copies rarely outnumber the stories they copy,
# so one batch mostly does, and a page costs a page, not every match.
CANDIDATES_PER_STORY = 2

_WORD = re.compile(r"\w+")

Sketch = frozenset[int]
# One story and its copies: (position in rank order, similarity to the first).
Group = list[tuple[int, float]]
T = TypeVar("T")


def story_text(title: str, body: str) -> str:
    """What a fingerprint covers: headline and body. The headline tells apart
    templated briefs whose bodies match (dividend notices of two companies);
    in a full story its few shingles barely move the similarity."""
    return f"{title}\n{body}"


def fingerprint(text: str, size: int = SKETCH_SIZE, words: int = SHINGLE_WORDS) -> Sketch:
    """The bottom-``size`` hashes of the text's ``words``-word shingles, each
    kept as its first ``HASH_BYTES`` bytes (a stored sketch's size halved;
    the same shingles are chosen either way)."""
    tokens = _WORD.findall(text.casefold())
    if not tokens:
        return frozenset()
    if len(tokens) < words:
        shingles = {" ".join(tokens)}
    else:
        shingles = set(map(" ".join, zip(*(tokens[i:] for i in range(words)), strict=False)))
    # Big-endian digests of one length sort as their numbers do: only the
    # smallest few are turned into numbers.
    digests = [blake2b(s.encode("utf-8"), digest_size=8).digest() for s in shingles]
    return frozenset(
        int.from_bytes(digest[:HASH_BYTES], "big") for digest in heapq.nsmallest(size, digests)
    )


def pack(sketch: Sketch) -> bytes:
    """A sketch as stored with its story: its hashes in order, little-endian."""
    return struct.pack(f"<{len(sketch)}I", *sorted(sketch))


def unpack(data: bytes) -> Sketch:
    return frozenset(struct.unpack(f"<{len(data) // HASH_BYTES}I", data))


def similarity(a: Sketch, b: Sketch, size: int = SKETCH_SIZE) -> float:
    """Estimated Jaccard similarity: of the ``size`` smallest hashes of both
    sketches together, the share found in both (exact for short texts)."""
    if not a or not b:
        return 0.0
    union = heapq.nsmallest(size, a | b)
    return sum(1 for h in union if h in a and h in b) / len(union)


def fold(sketches: Sequence[Sketch], threshold: float = THRESHOLD) -> list[Group]:
    """Group stories given in rank order. Each group lists (position,
    similarity) pairs: first the best-ranked story (similarity 1.0), then the
    later ones at least ``threshold`` alike to it.

    Candidates come from shared hashes, so the work grows with the number of
    stories, not its square: a story is compared only with group heads that
    share enough of its sketch to possibly reach the threshold. A hash held
    by ``COMMON_HASH`` heads gathers no more of them.
    """
    groups: list[list[tuple[int, float]]] = []
    heads_by_hash: dict[int, list[int]] = defaultdict(list)
    heads_of = heads_by_hash.get
    # Jaccard >= t needs at least t * min(sizes) shared sketch hashes.
    needs: list[float] = []
    for position, sketch in enumerate(sketches):
        need = threshold * len(sketch)
        # Counted in C (a generator here was half of folding every match).
        shared = Counter(chain.from_iterable(map(heads_of, sketch, repeat((), len(sketch)))))
        best, best_similarity = None, 0.0
        for group, count in shared.items():
            if count < need and count < needs[group]:
                continue
            alike = similarity(sketch, sketches[groups[group][0][0]])
            if alike >= threshold and (best is None or alike > best_similarity):
                best, best_similarity = group, alike
        if best is not None:
            groups[best].append((position, best_similarity))
            continue
        for h in sketch:
            heads = heads_by_hash[h]
            if len(heads) < COMMON_HASH:
                heads.append(len(groups))
        groups.append([(position, 1.0)])
        needs.append(need)
    return groups


def fold_ranked(
    run: Callable[[int], tuple[Sequence[T], bool]],
    sketch_of: Callable[[T], Sketch],
    wanted: int,
    every: bool,
) -> tuple[Sequence[T], list[Group], bool]:
    """Ranked hits folded into groups of near-duplicates, whatever engine ranked them.

    ``run(n)`` gives the ``n`` best-ranked hits (0: every match) and whether
    they are every match. With ``every`` (or nothing ``wanted``) every match
    is fingerprinted; otherwise hits are fetched in growing batches until
    they hold ``wanted`` distinct stories, the cost of a page, not of every
    match of a common word. The page's heads are then exact: a later hit only
    joins a group or starts a later one. Returns (hits, groups, complete).
    """
    fetch = 0 if every or not wanted else wanted * CANDIDATES_PER_STORY
    while True:
        results, complete = run(fetch)
        groups = fold([sketch_of(result) for result in results])
        if not fetch or len(groups) >= wanted or complete:
            return results, groups, complete
        fetch *= 2
