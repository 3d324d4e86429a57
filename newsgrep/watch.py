"""Saved searches that report what is new (``newsgrep watch``).

A watch is a query and the search filters, saved with the index under a
name. Running it searches every matching story and reports those that entered
it since its last run: stories that match now and did not match then, whether
newly indexed or edited so that they now match. A story re-indexed unchanged
matched before, so it is not new. The first run reports every match.

What a watch matched is remembered as a short digest of each story's path, in
the index's state documents (``Engine.read_state``/``write_state``): this
module asks an engine for nothing else but searches, so any engine serves.
The caller prints a run's new stories first and then calls :meth:`remember`,
so a run that is interrupted before its stories were shown leaves them new.
Two runs at once: the last to write wins (a story may be reported twice).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from typing import Any

from newsgrep.engine import ClusterAddress, open_engine
from newsgrep.engine.base import Engine
from newsgrep.errors import NewsgrepError
from newsgrep.model import Hit, SearchOptions, SearchResult
from newsgrep.query.parser import filter_query, parse_query
from newsgrep.query.tree import Query

# The names `watch` takes as subcommands cannot name a watch.
SUBCOMMANDS = frozenset({"add", "list", "rm", "run"})
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_WATCHES_KEY = "watches"
_FORMAT = 1


class WatchError(NewsgrepError):
    """An unknown or badly named watch."""


@dataclass(frozen=True)
class Watch:
    """A saved search: a query and the filters of ``newsgrep search``."""

    name: str
    query: str
    since: str | None = None
    until: str | None = None
    sources: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()

    def options(self, limit: int, snippets: bool) -> SearchOptions:
        """Search options for every copy of every match, ranked (never folded)."""
        return SearchOptions(
            limit=limit,
            since=self.since,
            until=self.until,
            sources=self.sources,
            people=self.people,
            places=self.places,
            speakers=self.speakers,
            snippets=snippets,
            suggest=False,
        )

    def tree(self) -> Query:
        """The query parsed and the filters checked; raises QueryError."""
        tree = parse_query(self.query)
        filter_query(
            self.since, self.until, self.sources, self.people, self.places, speakers=self.speakers
        )
        return tree


@dataclass(frozen=True)
class LastRun:
    """When a watch last ran and how many stories it matched then."""

    when: datetime
    matched: int
    seen: frozenset[str]  # digests of the matched stories' paths


@dataclass
class WatchRun:
    """One run: the stories that entered the watch, ranked as in the whole
    search, and what to remember once they are shown."""

    watch: Watch
    hits: list[Hit]
    matched: int
    seconds: float
    words: frozenset[str]
    seen: frozenset[str]

    def result(self) -> SearchResult:
        """The new stories as a search result, for the search printers."""
        return SearchResult(self.hits, len(self.hits), self.seconds, self.words)


def digest(path: str) -> str:
    """A story's path as 16 hex digits: a million paths collide with odds
    of about 3 in 100 million, and a watch of every story stays small."""
    data = path.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def check_name(name: str) -> str:
    if name in SUBCOMMANDS:
        raise WatchError(f"{name!r} is a watch subcommand; choose another name")
    if not _NAME.fullmatch(name):
        raise WatchError(
            f"bad watch name {name!r}: letters, digits, '_', '.' and '-', "
            "at most 64, starting with a letter or digit"
        )
    return name


class Watches:
    """The watches saved with one index."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def at(cls, location: str | os.PathLike[str] | ClusterAddress | None) -> Watches:
        """The watches of the index at ``location`` (as :func:`newsgrep.search` takes it)."""
        return cls(open_engine(location))

    def all(self) -> list[Watch]:
        """Every watch, by name."""
        saved = self._load(_WATCHES_KEY) or {}
        return [_watch(name, fields) for name, fields in sorted(saved.get("watches", {}).items())]

    def named(self, names: Iterable[str]) -> list[Watch]:
        """The watches asked for, in that order; every watch for no name."""
        saved = {watch.name: watch for watch in self.all()}
        names = list(names)
        unknown = [name for name in names if name not in saved]
        if unknown:
            raise WatchError(f"no watch named {unknown[0]!r}; see: newsgrep watch list")
        return [saved[name] for name in names] if names else list(saved.values())

    def add(self, watch: Watch) -> None:
        """Save a new watch once its name, query and filters are checked (and the index is)."""
        check_name(watch.name)
        saved = {w.name: w for w in self.all()}
        if watch.name in saved:
            raise WatchError(
                f"a watch named {watch.name!r} exists; remove it first: newsgrep watch rm "
                f"{watch.name}"
            )
        self.engine.search(watch.tree(), watch.options(limit=1, snippets=False))
        # A watch of a name used before starts afresh: its first run reports every match.
        self.engine.write_state(_seen_key(watch.name), "")
        saved[watch.name] = watch
        self._save_watches(saved.values())

    def remove(self, name: str) -> None:
        self.named([name])  # raises for an unknown name
        self._save_watches(watch for watch in self.all() if watch.name != name)
        self.engine.write_state(_seen_key(name), "")  # the engine has no delete: empty it

    def last_run(self, name: str) -> LastRun | None:
        """None before the first run."""
        data = self._load(_seen_key(name))
        if not data:
            return None
        return LastRun(
            datetime.fromisoformat(data["ran"]), data["matched"], frozenset(data["seen"])
        )

    def run(self, watch: Watch, snippets: bool = True) -> WatchRun:
        """The stories that entered ``watch`` since its last run; nothing is remembered yet.

        Every match is listed without snippets, then, if anything is new and
        ``snippets`` asked for, the ranked hits down to the last new one with them.
        """
        started = time.perf_counter()
        tree = watch.tree()
        every = self.engine.search(tree, watch.options(limit=0, snippets=False))
        before = self.last_run(watch.name)
        new = [hit for hit in every.hits if before is None or digest(hit.path) not in before.seen]
        words = every.words
        if new and snippets:
            shown = self.engine.search(tree, watch.options(limit=new[-1].rank, snippets=True))
            with_snippets = {hit.path: hit for hit in shown.hits}
            # Ranks from the listing of every match; a story gone meanwhile keeps its bare hit.
            new = [replace(with_snippets.get(hit.path, hit), rank=hit.rank) for hit in new]
            words = shown.words
        return WatchRun(
            watch,
            new,
            every.total,
            time.perf_counter() - started,
            words,
            frozenset(digest(hit.path) for hit in every.hits),
        )

    def remember(self, run: WatchRun) -> None:
        """What the run matched, so that the next run reports only what entered since."""
        document = {
            "format": _FORMAT,
            "ran": datetime.now(UTC).isoformat(timespec="seconds"),
            "matched": run.matched,
            "seen": sorted(run.seen),
        }
        self.engine.write_state(_seen_key(run.watch.name), json.dumps(document))

    def _save_watches(self, watches: Iterable[Watch]) -> None:
        saved = {w.name: {k: v for k, v in asdict(w).items() if k != "name"} for w in watches}
        document = {"format": _FORMAT, "watches": saved}
        self.engine.write_state(_WATCHES_KEY, json.dumps(document, ensure_ascii=False, indent=1))

    def _load(self, key: str) -> Any:
        text = self.engine.read_state(key)
        if not text:
            return None
        try:
            return json.loads(text)
        except ValueError:
            raise WatchError(
                f"the saved searches' file {key!r} in {self.engine.location} is damaged"
            ) from None


def _seen_key(name: str) -> str:
    return f"watch-{name}"


def _watch(name: str, fields: dict[str, Any]) -> Watch:
    return Watch(
        name,
        fields["query"],
        fields.get("since"),
        fields.get("until"),
        tuple(fields.get("sources", ())),
        tuple(fields.get("people", ())),
        tuple(fields.get("places", ())),
        tuple(fields.get("speakers", ())),
    )
