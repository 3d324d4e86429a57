"""One name per person across an archive (issue 24).

A story names a person in its own fullest form (``extract/people.py``
merges the mentions of one story); across stories the same person is still
written several ways: "Donald Trump", "Donald J. Trump", "Trump", "Gerhard
Schröder" and "Gerhard Schroeder". The archive's table maps each such form
to the one the archive names most often:

- names that agree once accents are folded ("Schröder" = "Schroeder" =
  "Schroder"), and a given name and surname with or without middle names or
  initials ("Donald J. Trump" = "Donald John Trump" = "Donald Trump"), are
  one person, under the form with the most stories; an initial for the given
  name ("J. Smith") joins the one given name of that surname it can stand for;
- a surname alone ("Trump") is the person of that surname the archive names
  far most often (``DOMINANT`` of the stories naming someone of that surname
  in full); an ambiguous surname ("Clinton": Bill and Hillary) stays as
  written.

The table is built from the people counts every engine gives (``count_by``
over every story), at the end of an index run, and kept with the index as
a small document (``STATE_KEY``); ``stats``, ``--by person`` and the hits'
people read it through the library calls, so both engines give the same
answers. The archive is taken as one period: the same surname in distant
years ("Bush" in 1990 and in 2006) counts as one surname.
"""

from __future__ import annotations

import bisect
import heapq
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from newsgrep.extract.same_person import name_key
from newsgrep.model import Bucket
from newsgrep.query.tree import (
    And,
    AndMaybe,
    AndNot,
    Or,
    Phrase,
    Query,
    Said,
    SideBySide,
    Term,
    leaves,
)

STATE_KEY = "people-names"
# The most named people kept with the table, for ``stats``.
KEPT = 500
# The --by choices whose values are people's names.
NAMED = ("person", "speaker")
# A surname alone is credited to the person named in full in at least this
# share of the stories that name someone of that surname in full.
DOMINANT = 0.75

Table = dict[str, str]


def build_table(counts: Mapping[str, int]) -> Table:
    """Each name (as the archive writes it) that has another name, mapped to
    it; ``counts`` are stories per name."""
    alone: dict[str, list[str]] = {}
    full: dict[str, dict[str, dict[str, int]]] = {}  # surname: given name: form: stories
    for name, stories in counts.items():
        words = name_key(name)
        if len(words) == 1:
            alone.setdefault(words[0], []).append(name)
        elif words:
            full.setdefault(words[-1], {}).setdefault(words[0], {})[name] = stories
    table: Table = {}
    for surname, given in full.items():
        people = _people_of(_initials_joined(given), table)
        _credit_surname(alone.pop(surname, []), people, table)
    for forms in alone.values():  # "Schröder" and "Schroeder" alone
        _one_form({f: counts[f] for f in forms}, table)
    return table


def _initials_joined(given: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """'J. Smith' joins 'John Smith' when John is the one given name of
    Smith that starts with J."""
    if len(given) < 2:
        return given
    for initial in [g for g in given if len(g) == 1 and g.isalpha()]:
        matches = [g for g in given if len(g) > 1 and g[0] == initial]
        if len(matches) == 1:
            given[matches[0]].update(given.pop(initial))
    return given


def _people_of(given: dict[str, dict[str, int]], table: Table) -> list[tuple[str, int]]:
    """The people of one surname: each given name's forms mapped to its most
    named form; (that form, stories) per person."""
    return [(_one_form(forms, table), sum(forms.values())) for forms in given.values()]


def _one_form(forms: dict[str, int], table: Table) -> str:
    """The most named of ``forms`` (ties: the one of fewest words, "Donald
    Trump" before "Donald J. Trump", then the first in order), and every
    other form mapped to it."""
    if len(forms) == 1:  # most names: written one way only
        return next(iter(forms))
    best = max(sorted(forms), key=lambda f: (forms[f], -len(f.split())))
    table.update({form: best for form in forms if form != best})
    return best


def _credit_surname(forms: list[str], people: list[tuple[str, int]], table: Table) -> None:
    """A surname alone goes to the person who holds it in full far most often."""
    if not forms or not people:
        return
    best, stories = max(people, key=lambda p: p[1])
    if stories >= DOMINANT * sum(n for _, n in people):
        table.update(dict.fromkeys(forms, best))


def one_names(names: Iterable[str], table: Table) -> list[str]:
    """Each name's one name, each person once, in order."""
    return list(dict.fromkeys(table.get(n, n) for n in names))


def folded_buckets(buckets: list[Bucket], table: Table) -> list[Bucket]:
    """Counts per name (ranked: most stories first, ties in alphabetical
    order, no value last) as counts per person, ranked the same way; a
    share is the merged count over the merged total. Only the people with
    other names move: ``--by person`` over every story must not pay for a
    second sort of every name."""
    if not table:
        return buckets
    people = set(table.values())
    moved: list[tuple[Bucket, str]] = []
    targets: dict[str, Bucket] = {}
    ranked = []  # one pass: a person with other names moves, with them
    for bucket in buckets:
        value = bucket.value
        if value is None or (value not in table and value not in people):
            ranked.append(bucket)
        elif value in people:
            targets[value] = bucket
        else:
            moved.append((bucket, table[value]))
    for bucket, name in moved:
        new = Bucket(name, 0, 0.0 if bucket.share is not None else None)
        targets[name] = _merged(targets.get(name) or new, bucket)
    # The moved people, in order, each where it ranks among the others.
    merged, done = [], 0
    for target in sorted(targets.values(), key=_rank):
        at = bisect.bisect_left(ranked, _rank(target), lo=done, key=_rank)
        merged += ranked[done:at]
        merged.append(target)
        done = at
    return merged + ranked[done:]


def _merged(target: Bucket, bucket: Bucket) -> Bucket:
    """``target`` with ``bucket``'s stories added (and its share kept right)."""
    if target.share is not None and bucket.share:
        total = _total(target) + round(bucket.count / bucket.share)
        target.count += bucket.count
        target.share = target.count / total if total else 0.0
    else:
        target.count += bucket.count
    return target


def _total(bucket: Bucket) -> int:
    return round(bucket.count / bucket.share) if bucket.share else 0


def _rank(bucket: Bucket) -> tuple[int, int, str]:
    """Where a bucket ranks: by stories, then alphabetically; no value last."""
    if bucket.value is None:
        return (1, 0, "")
    return (0, -bucket.count, bucket.value.casefold())


@dataclass
class Names:
    """What is kept with an index: the table, and the people the archive
    names most, each under their one name (``stats`` reads them here: the
    engine's own top names, counted before folding, would miss the stories
    of a person's other names)."""

    table: Table = field(default_factory=dict)
    top: list[Bucket] = field(default_factory=list)


def made_from(counts: Mapping[str, int], people: Mapping[str, int]) -> Names:
    """The table from ``counts`` (people and speakers), and the top of ``people``."""
    table = build_table(counts)
    folded: Counter[str] = Counter()
    for name, stories in people.items():
        folded[table.get(name, name)] += stories
    top = heapq.nsmallest(KEPT, folded.items(), key=lambda item: (-item[1], item[0].casefold()))
    return Names(table, [Bucket(name, stories) for name, stories in top])


def dumps(names: Names) -> str:
    top = [[b.value, b.count] for b in names.top]
    return json.dumps({"table": names.table, "top": top}, ensure_ascii=False, sort_keys=True)


def loads(document: str | None) -> Names:
    """What is kept with an index; empty when there is none or it is not one."""
    try:
        kept = json.loads(document) if document else {}
    except ValueError:
        return Names()
    if not isinstance(kept, dict) or not isinstance(kept.get("table"), dict):
        return Names()
    table = {k: v for k, v in kept["table"].items() if isinstance(k, str) and isinstance(v, str)}
    top = [
        Bucket(pair[0], pair[1])
        for pair in kept.get("top") or []
        if isinstance(pair, list)
        and len(pair) == 2
        and isinstance(pair[0], str)
        and isinstance(pair[1], int)
    ]
    return Names(table, top)


def names_people(tree: Query) -> bool:
    """Does the query name people (``people:``) or speakers (``said:``)?"""
    return any(
        isinstance(leaf, Said) or getattr(leaf, "field", None) == "people" for leaf in leaves(tree)
    )


def widened(tree: Query, table: Table) -> Query:
    """``people:`` and ``said:`` as the person's every name: a name the
    query names is also sought in the other full forms the table joins to
    it ("people:schroeder" finds "Gerhard Schröder", "people:\\"donald
    trump\\"" finds "Donald J. Trump"). A surname alone is not added: as a
    word of the field it would also find every other person of that name."""
    if not table:
        return tree
    if isinstance(tree, (And, Or, SideBySide)):
        return replace(tree, parts=tuple(widened(p, table) for p in tree.parts))
    if isinstance(tree, AndNot):
        return replace(tree, kept=widened(tree.kept, table), left_out=widened(tree.left_out, table))
    if isinstance(tree, AndMaybe):
        return replace(
            tree, required=widened(tree.required, table), optional=widened(tree.optional, table)
        )
    if not isinstance(tree, (Said, Term, Phrase)) or not (typed := _typed_words(tree)):
        return tree
    forms = _other_forms(typed, table)
    if not forms:
        return tree
    if isinstance(tree, Said):
        return Or((tree, *(replace(tree, speaker=form) for form in forms)))
    return Or((tree, *(Phrase(form, "people", boost=tree.boost) for form in forms)))


def _typed_words(leaf: Query) -> tuple[str, ...]:
    if isinstance(leaf, Said):
        return leaf.speaker
    if isinstance(leaf, Term) and leaf.field == "people":
        return (leaf.text,)
    if isinstance(leaf, Phrase) and leaf.field == "people":
        return leaf.words
    return ()


def _other_forms(typed: tuple[str, ...], table: Table) -> list[tuple[str, ...]]:
    """The full forms, other than what was typed, of the people whose
    names hold the typed words side by side (accents folded)."""
    wanted = name_key(" ".join(typed))
    people = {
        person
        for form, person in table.items()
        for name in (form, person)
        if _holds(name_key(name), wanted)
    }
    forms = {
        tuple(form.lower().split())
        for form, person in table.items()
        if person in people and " " in form
    } | {tuple(p.lower().split()) for p in people if " " in p}
    return sorted(forms - {tuple(w.lower() for w in typed)})


def _holds(words: list[str], wanted: list[str]) -> bool:
    n = len(wanted)
    return n > 0 and any(words[i : i + n] == wanted for i in range(len(words) - n + 1))
