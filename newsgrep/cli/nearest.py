"""What to say when a filter empties a search: the nearest values the index holds.

``--source "CNN Politics"`` finding nothing is no proof that CNN never
covered the story: the index may call it "CNN (Web News)". For each filter
value that matches no story on its own, the values the index holds that
share a word with it (or, failing that, are spelled alike) are named with
their counts, from the counts ``--by`` gives, so no engine needs a call of
its own for this.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence

import newsgrep
from newsgrep.cli.options import Filters
from newsgrep.engine import IndexLocation
from newsgrep.query.parser import stored_source
from newsgrep.safety import clean_line

# (option's values in Filters, --by kind, one value, values): the filters named.
KINDS = (
    ("sources", "source", "source", "sources"),
    ("people", "person", "person", "people"),
    ("places", "place", "place", "places"),
    ("speakers", "speaker", "speaker", "speakers"),
)
SHOWN = 5


def filter_hints(index_dir: IndexLocation, filters: Filters) -> list[str]:
    """One line for each filter value that matches no story of the index."""
    lines = []
    for option, by, one, many in KINDS:
        typed = [value for value in filters[option] if value.strip()]  # type: ignore[literal-required]
        if not typed:
            continue
        facets = newsgrep.count_by(index_dir, "*", by)
        held = {b.value: b.count for b in facets.buckets if b.value}
        for value in typed:
            wanted = stored_source(value) if by == "source" else value
            if not any(_holds(name, wanted) for name in held):
                lines.append(_nearest(value, wanted, held, one, many))
    return lines


def _nearest(typed: str, wanted: str, held: dict[str, int], one: str, many: str) -> str:
    """'no source 'CNN Politics'; sources with 'cnn': CNN (Web News) 2,905, …'."""
    said = f"no {one} {clean_line(typed)!r}"
    words = _words(wanted)
    for word in sorted(words, key=len, reverse=True):
        sharing = [name for name in held if word in _words(name)]
        if sharing:
            return f"{said}; {many} with {word!r}: {_listed(sharing, held)}"
    folded = {" ".join(_words(name)): name for name in held}
    alike = difflib.get_close_matches(" ".join(words), list(folded), n=SHOWN, cutoff=0.6)
    if alike:
        return f"{said}; {many} like it: {_listed([folded[a] for a in alike], held)}"
    return f"{said} among the index's {len(held):,} {many}"


def _listed(names: Iterable[str], held: dict[str, int]) -> str:
    ranked = sorted(names, key=lambda name: (-held[name], name))
    shown = ", ".join(f"{clean_line(name)} {held[name]:,}" for name in ranked[:SHOWN])
    return shown + (", …" if len(ranked) > SHOWN else "")


def _holds(name: str, wanted: str) -> bool:
    """Whether ``name`` holds the words of ``wanted`` side by side, as an
    engine's phrase on a name field matches (case and accents folded)."""
    words, inside = _words(wanted), _words(name)
    return bool(words) and any(
        inside[i : i + len(words)] == words for i in range(len(inside) - len(words) + 1)
    )


def _words(text: str) -> Sequence[str]:
    """A name's words as a name field indexes them: lower case, accents folded."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return re.findall(r"\w+", "".join(c for c in decomposed if not unicodedata.combining(c)))
