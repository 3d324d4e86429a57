"""`newsgrep browse` on every engine, run headless by Textual's pilot: a
narrowing by person, then source, then place keeps what the options
--person, --source and --place keep, on the engine the browser runs on
(narrowings were once left out on a cluster: issue 26)."""

from __future__ import annotations

import pytest

import newsgrep
from newsgrep.browse.app import BrowserApp
from newsgrep.browse.screens import ChoiceScreen
from newsgrep.browse.texts import row_cells
from newsgrep.model import SearchOptions
from tests.cli.test_browse import SIZE, rows, settle, shown


def listed(location: str, query: str, **filters: tuple[str, ...]) -> list[str]:
    hits = newsgrep.search(location, query, SearchOptions(fold_page=True, limit=50, **filters))
    return [str(row_cells(hit)[0]) for hit in hits.hits]


@pytest.mark.asyncio
async def test_narrowing_by_person_source_and_place_keeps_what_the_options_keep(corpus_index_on):
    location = corpus_index_on
    app = BrowserApp(location, "NATO")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        everything = rows(app)
        hit = next(h for h in app.hits if len(h.people) > 1 and h.source and h.place)
        await pilot.press(*["down"] * app.hits.index(hit))
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)  # the story names several people
        await pilot.press("enter")  # the first, highlighted
        await settle(pilot)
        person = hit.people[0]
        expected = listed(location, "NATO", people=(person,))
        assert [row[0] for row in rows(app)] == expected
        assert 0 < len(expected) < len(everything)
        assert f"person: {person}" in shown(app, "#filters").plain

        await pilot.press("s")
        await settle(pilot)
        both = {"people": (person,), "sources": (hit.source,)}
        assert [row[0] for row in rows(app)] == listed(location, "NATO", **both)
        assert {row[2] for row in rows(app)} == {hit.source}

        await pilot.press("l")
        await settle(pilot)
        every = {**both, "places": (hit.place,)}
        assert [row[0] for row in rows(app)] == listed(location, "NATO", **every)
        assert f"place: {hit.place}" in shown(app, "#filters").plain

        await pilot.press("x", "x", "x")
        await settle(pilot)
        assert rows(app) == everything
        await pilot.press("q")
        await settle(pilot)
    assert app.return_code == 0
