"""Saved searches' logic over a fake engine: only searches and state
documents are asked of an engine, so any engine serves."""

from __future__ import annotations

import pytest

from newsgrep.errors import QueryError
from newsgrep.model import Hit, SearchOptions, SearchResult
from newsgrep.query.tree import Query
from newsgrep.watch import Watch, WatchError, Watches, digest


class FakeEngine:
    """An index whose matches the test sets: ``matching`` paths, best first."""

    location = "/fake"

    def __init__(self) -> None:
        self.matching: list[str] = []
        self.state: dict[str, str] = {}
        self.searches: list[SearchOptions] = []

    def search(self, query: Query, options: SearchOptions, text: str = "") -> SearchResult:
        self.searches.append(options)
        shown = self.matching[: options.limit] if options.limit else self.matching
        hits = [
            Hit(rank, 1.0 / rank, path, path.upper(), None, "", [], "", snippets=_snippets(options))
            for rank, path in enumerate(shown, 1)
        ]
        return SearchResult(hits, len(self.matching), 0.0)

    def read_state(self, key: str) -> str | None:
        return self.state.get(key)

    def write_state(self, key: str, value: str) -> None:
        self.state[key] = value


def _snippets(options: SearchOptions) -> list:
    return [[("text", False)]] if options.snippets else []


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def watches(engine) -> Watches:
    return Watches(engine)  # type: ignore[arg-type]


def run_and_remember(watches: Watches, name: str) -> list[str]:
    [watch] = watches.named([name])
    run = watches.run(watch)
    watches.remember(run)
    return [hit.path for hit in run.hits]


def test_first_run_reports_every_match_then_only_what_entered(engine, watches):
    engine.matching = ["/a", "/b"]
    watches.add(Watch("w", "nato"))
    assert run_and_remember(watches, "w") == ["/a", "/b"]
    assert run_and_remember(watches, "w") == []
    engine.matching = ["/c", "/a", "/b", "/d"]  # /c and /d entered
    assert run_and_remember(watches, "w") == ["/c", "/d"]


def test_new_stories_keep_their_rank_in_the_whole_search_and_get_snippets(engine, watches):
    engine.matching = ["/a", "/b"]
    watches.add(Watch("w", "nato"))
    run_and_remember(watches, "w")
    engine.matching = ["/a", "/b", "/new"]
    [watch] = watches.named(["w"])
    run = watches.run(watch)
    assert [(hit.rank, hit.path) for hit in run.hits] == [(3, "/new")]
    assert run.hits[0].snippets and run.matched == 3
    # Every match listed without snippets, then hits with them down to the last new one.
    assert [(o.limit, o.snippets) for o in engine.searches[-2:]] == [(0, False), (3, True)]


def test_a_story_that_left_and_came_back_is_new_again(engine, watches):
    engine.matching = ["/a"]
    watches.add(Watch("w", "nato"))
    run_and_remember(watches, "w")
    engine.matching = []
    assert run_and_remember(watches, "w") == []
    engine.matching = ["/a"]
    assert run_and_remember(watches, "w") == ["/a"]


def test_nothing_is_remembered_until_asked(engine, watches):
    engine.matching = ["/a"]
    watches.add(Watch("w", "nato"))
    [watch] = watches.named(["w"])
    assert [h.path for h in watches.run(watch).hits] == ["/a"]
    assert [h.path for h in watches.run(watch).hits] == ["/a"]  # not remembered: still new
    assert watches.last_run("w") is None


def test_last_run_says_when_and_how_many_and_keeps_digests_only(engine, watches):
    engine.matching = ["/secret/story.txt", "/b"]
    watches.add(Watch("w", "nato"))
    run_and_remember(watches, "w")
    last = watches.last_run("w")
    assert last is not None and last.matched == 2
    assert last.seen == {digest("/secret/story.txt"), digest("/b")}
    assert "/secret" not in engine.state["watch-w"]


def test_watches_round_trip_with_their_filters(watches):
    saved = Watch(
        "w", "putin", "2001-11", "2001-12", ("AP", "Reuters"), ("Igor Ivanov",), ("Moscow",)
    )
    watches.add(saved)
    watches.add(Watch("a", "nato"))
    assert watches.all() == [Watch("a", "nato"), saved]
    assert watches.named(["w", "a"]) == [saved, Watch("a", "nato")]


@pytest.mark.parametrize(
    "watch, error",
    [
        (Watch("w", "title:("), QueryError),
        (Watch("w", "nato", since="not a date"), QueryError),
        (Watch("w", "nato", people=("--",)), QueryError),
        (Watch("add", "nato"), WatchError),
        (Watch("has space", "nato"), WatchError),
        (Watch("../up", "nato"), WatchError),
        (Watch("x" * 65, "nato"), WatchError),
    ],
)
def test_a_bad_watch_is_refused_and_nothing_is_saved(engine, watches, watch, error):
    with pytest.raises(error):
        watches.add(watch)
    assert engine.state == {}


def test_names_are_unique_and_unknown_names_are_errors(watches):
    watches.add(Watch("w", "nato"))
    with pytest.raises(WatchError, match="exists"):
        watches.add(Watch("w", "putin"))
    with pytest.raises(WatchError, match="no watch named 'nope'"):
        watches.named(["nope"])
    with pytest.raises(WatchError, match="no watch named 'nope'"):
        watches.remove("nope")


def test_a_watch_removed_and_added_again_starts_afresh(engine, watches):
    engine.matching = ["/a"]
    watches.add(Watch("w", "nato"))
    run_and_remember(watches, "w")
    watches.remove("w")
    assert watches.all() == [] and watches.last_run("w") is None
    watches.add(Watch("w", "nato"))
    assert run_and_remember(watches, "w") == ["/a"]


def test_a_damaged_state_document_is_one_error(engine, watches):
    engine.state["watches"] = "{not json"
    with pytest.raises(WatchError, match="damaged"):
        watches.all()
