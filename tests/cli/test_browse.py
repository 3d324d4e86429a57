"""`newsgrep browse`, run headless with Textual's pilot on the sample corpus:
what the list, the preview, the filter bar, the status line and the opened
screens hold after each key."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner
from rich.text import Text
from textual.widgets import DataTable, Input, Static

import newsgrep
from newsgrep.browse.app import BrowserApp
from newsgrep.browse.screens import ChoiceScreen, ReadingScreen
from newsgrep.browse.state import Narrowing, Search
from newsgrep.browse.texts import row_cells
from newsgrep.cli.app import cli
from newsgrep.model import SearchOptions
from newsgrep.output.render import MATCH_STYLE, MAX_QUOTES

SIZE = (140, 45)
FIRST = "Russia: Putin Says Not Interested In NATO Membership"


def rows(app: BrowserApp) -> list[list[str]]:
    """The list as the screen holds it: each row's cells as plain text."""
    table = app.query_one("#hits", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def shown(app: BrowserApp, selector: str) -> Text:
    """What a Static of the main screen (or of the screen on top) shows."""
    content = app.screen.query_one(selector, Static).content
    assert isinstance(content, Text)  # built from styled pieces, never a markup string
    return content


def marked(text: Text) -> list[str]:
    """The stretches of ``text`` styled as the query's matches."""
    return [text.plain[s.start : s.end] for s in text.spans if str(s.style) == MATCH_STYLE]


async def settle(pilot) -> None:
    """Until the work the keys started (searches, previews, the timeline, in
    Textual workers) is done and on the screen, the work it started too."""
    app = pilot.app
    await pilot.pause()
    while busy := [worker for worker in app.workers if not worker.is_finished]:
        await asyncio.gather(*(worker.wait() for worker in busy), return_exceptions=True)
        await pilot.pause()


async def search_for(pilot, text: str, typed: bool = True) -> None:
    """Put a query into the query box, typed key by key or pasted, and press Enter."""
    await pilot.press("slash")
    box = pilot.app.query_one("#query", Input)
    assert pilot.app.focused is box
    box.value = "" if typed else text
    await pilot.press(*(text if typed else ""), "enter")
    await settle(pilot)


@pytest.mark.asyncio
async def test_search_move_read_narrow_chart_and_quit(corpus_index):
    app = BrowserApp(corpus_index)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "NATO membership")
        listed = rows(app)
        assert listed[0][0] == FIRST
        assert app.focused is app.query_one("#hits", DataTable)

        await pilot.press("down")
        await settle(pilot)
        second = listed[1][0]
        preview = shown(app, "#preview")
        assert preview.plain.startswith(second)
        assert "NATO" in marked(preview)  # the query's word highlighted in the story

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        story = shown(app, "#reading")
        assert story.plain.startswith(second)
        assert len(story.plain) >= len(preview.plain) - len("… Enter shows the whole story")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ReadingScreen)

        person = app.hits[1].people[0]
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)  # the story names several people
        await pilot.press("enter")  # the first, highlighted
        await settle(pilot)
        narrowed = rows(app)
        assert 0 < len(narrowed) < len(listed)
        assert all(person in row[3] for row in narrowed)
        assert f"person: {person}" in shown(app, "#filters").plain
        # the same list as --person gives: one person, so no OR to tell apart
        alone = SearchOptions(people=(person,), fold_page=True, limit=50)
        hits = newsgrep.search(corpus_index, "NATO membership", alone).hits
        assert [row[0] for row in narrowed] == [str(row_cells(hit)[0]) for hit in hits]

        await pilot.press("t")
        await settle(pilot)
        chart = shown(app, "#reading").plain
        months = newsgrep.count_by(corpus_index, "NATO membership", "month", alone).buckets
        assert sum(m.count for m in months) < len(listed)  # the narrowed stories only
        assert months and all(f"{m.value}  {m.count}" in chart for m in months)
        assert "█" in chart
        await pilot.press("escape", "x")
        await settle(pilot)
        assert len(rows(app)) == len(listed)
        assert "person:" not in shown(app, "#filters").plain

        await pilot.press("q")
        await settle(pilot)
    assert app.return_code == 0


@pytest.mark.asyncio
async def test_the_preview_shows_the_first_quotations_and_the_whole_story_all(corpus_index):
    [hit] = newsgrep.search(corpus_index, '"coordinate its position"').hits
    quotes = newsgrep.show(corpus_index, hit.path)[0].hit.quotes
    lines = [f"{quote.speaker}: “{quote.text}”" for quote in quotes]
    assert len(lines) > MAX_QUOTES
    app = BrowserApp(corpus_index, '"coordinate its position"')
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        preview = shown(app, "#preview").plain
        assert lines[0] in preview and lines[MAX_QUOTES] not in preview
        assert f"+{len(lines) - MAX_QUOTES} more" in preview
        await pilot.press("enter")
        await settle(pilot)
        story = shown(app, "#reading").plain
        assert all(line in story for line in lines)


@pytest.mark.asyncio
async def test_the_list_fetches_the_next_page_as_the_cursor_nears_its_end(corpus_index):
    # the whole list in one page, as the browser folds it
    every = newsgrep.search(corpus_index, "*", SearchOptions(limit=100, fold_page=True))
    assert len(every.hits) > 20
    app = BrowserApp(corpus_index, "*", page_size=10)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(rows(app)) == 10
        await pilot.press(*["down"] * 4)
        await settle(pilot)
        assert len(rows(app)) == 10  # not yet near the end
        await pilot.press("down", "down")
        await settle(pilot)
        assert len(rows(app)) == 20
        for _ in range(len(every.hits) // 10):
            await pilot.press("ctrl+end")  # to the last row: the next page comes
            await settle(pilot)
        assert [row[0] for row in rows(app)] == [str(row_cells(hit)[0]) for hit in every.hits]
        assert shown(app, "#status").plain.startswith(f"{len(every.hits)} of {every.total}")


@pytest.mark.asyncio
async def test_letters_typed_in_the_query_box_are_the_query_not_keys(corpus_index):
    app = BrowserApp(corpus_index)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "Iraq/plxts")  # q quits, / p l x s t act on the list
        assert app.query_one("#query", Input).value == "Iraq/plxts"
        assert app.is_running and not isinstance(app.screen, ReadingScreen)
        assert "no story matches" in shown(app, "#status").plain
        await search_for(pilot, "Iraq")
        assert any("Iraq" in row[0] for row in rows(app))


@pytest.mark.asyncio
async def test_a_bad_query_shows_its_one_line_error_and_the_next_one_works(corpus_index):
    app = BrowserApp(corpus_index)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, '"coordinate its', typed=False)
        status = shown(app, "#status").plain
        assert status.startswith("newsgrep: unbalanced quote") and "\n" not in status
        assert rows(app) == []
        await search_for(pilot, "dateline:Moscow", typed=False)
        assert "unknown field 'dateline'" in shown(app, "#status").plain
        await search_for(pilot, '"coordinate its position"', typed=False)
        assert [row[0] for row in rows(app)] == [FIRST]
        await search_for(pilot, "Robertsn", typed=False)
        assert rows(app) == []
        assert "no story matches Robertsn · did you mean: Robertson?" in shown(app, "#status").plain


@pytest.mark.asyncio
async def test_a_search_runs_off_the_screen_and_a_newer_one_wins_over_it(corpus_index, monkeypatch):
    search, release, returned = newsgrep.search, threading.Event(), threading.Event()

    def stuck_on_iraq(index, text, options=None):
        if text != "Iraq":
            return search(index, text, options)
        release.wait(10)
        try:
            return search(index, text, options)
        finally:
            returned.set()

    monkeypatch.setattr(newsgrep, "search", stuck_on_iraq)
    app = BrowserApp(corpus_index)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        box = app.query_one("#query", Input)
        box.focus()
        box.value = "Iraq"
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app, "#status").plain == "searching…" and rows(app) == []
        # the screen still answers while Iraq is searched: the next query is typed
        await search_for(pilot, "NATO membership")
        nato = search(corpus_index, "NATO membership", SearchOptions(limit=50, fold_page=True))
        listed = [str(row_cells(hit)[0]) for hit in nato.hits]
        assert [row[0] for row in rows(app)] == listed
        release.set()  # the older search ends now: its result must not show
        assert await asyncio.to_thread(returned.wait, 10)
        await settle(pilot)
        assert [row[0] for row in rows(app)] == listed
        assert shown(app, "#status").plain.startswith(f"{len(listed)} of {nato.total} stories")
        assert shown(app, "#preview").plain.startswith(FIRST)


@pytest.mark.asyncio
async def test_narrowing_to_source_and_place_adds_up_and_keeps_the_command_line_filters(
    corpus_index,
):
    options = SearchOptions(since="2001-11")
    app = BrowserApp(corpus_index, "NATO", options)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "--since 2001-11" in shown(app, "#filters").plain
        hit = app.hits[0]
        await pilot.press("s")
        await settle(pilot)
        assert {row[2] for row in rows(app)} == {hit.source}
        await pilot.press("l")
        await settle(pilot)
        both = SearchOptions(
            since="2001-11", sources=(hit.source,), places=(hit.place,), fold_page=True
        )
        expected = newsgrep.search(corpus_index, "NATO", both)
        assert [row[0] for row in rows(app)] == [str(row_cells(h)[0]) for h in expected.hits]
        assert f"of {expected.total} stories" in shown(app, "#status").plain
        bar = shown(app, "#filters").plain
        assert f"source: {hit.source}" in bar and f"place: {hit.place}" in bar
        await pilot.press("x", "x", "x")
        await settle(pilot)
        assert "no narrowing to remove" in shown(app, "#status").plain
        assert "--since 2001-11" in shown(app, "#filters").plain


@pytest.mark.asyncio
async def test_article_text_stays_inert_in_the_list_and_the_preview(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    title = "[bold red]Alarm[/bold red] over [link=file:///etc/passwd]pipeline[/link]"
    body = "Moscow (Reuters) - The \x1b]0;pwned\x07pipeline \x1b[2J[blink]closed[/blink] today.\n"
    (folder / "hostile.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    newsgrep.index_paths([folder], tmp_path / "ix")
    app = BrowserApp(tmp_path / "ix", "pipeline")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        [[cell, *_]] = rows(app)
        assert cell == title  # printed as written, not taken for markup
        preview = shown(app, "#preview").plain
        assert "[blink]closed[/blink]" in preview
        assert "\x1b" not in preview and "\x07" not in preview and "pwned" not in preview


STORIES = {
    "a.txt": ("Mayor speaks on budget", "New York Times", "NEW YORK", "Mayor Eric Adams"),
    "b.txt": ("Budget fight goes on", "Washington Post", "WASHINGTON", "Senator Mitch McConnell"),
    "c.txt": ("Another budget story", "New York Times", "BOSTON", "Governor Maura Healey"),
    "d.txt": ("Budget in Ottawa", 'The "Hill" Times', "OTTAWA", "Mayor Jim Watson"),
    "e.txt": ("Budget on the Hill", "The Hill Times", "TORONTO", "Premier Doug Ford"),
}


@pytest.fixture(scope="module")
def names_index(tmp_path_factory):
    """Stories whose source, place and people are several words long; two
    sources told apart only by quotation marks."""
    folder = tmp_path_factory.mktemp("names")
    for name, (title, source, place, person) in STORIES.items():
        text = f"Title: {title}\nSource: {source}\n\n{place} -- {person} said the budget held.\n"
        (folder / name).write_text(text, encoding="utf-8")
    newsgrep.index_paths([folder], folder / "ix")
    return folder / "ix"


@pytest.mark.parametrize(
    "kind, option, value",
    [
        ("source", "sources", "New York Times"),
        ("place", "places", "New York"),
        ("person", "people", "Eric Adams"),
        ("source", "sources", 'The "Hill" Times'),
    ],
)
def test_a_narrowing_finds_what_its_option_finds_in_the_same_order(
    names_index, kind, option, value
):
    search = Search("budget", SearchOptions())
    search.narrow(Narrowing(kind, value))
    narrowed = newsgrep.search(names_index, search.query(), search.filtered())
    filtered = newsgrep.search(names_index, "budget", SearchOptions(**{option: (value,)}))
    assert narrowed.total >= 1
    assert [(h.path, h.score) for h in narrowed.hits] == [(h.path, h.score) for h in filtered.hits]


@pytest.mark.asyncio
async def test_narrowing_to_a_source_with_quotation_marks_keeps_the_sources_of_its_words(
    names_index,
):
    """A source matches word by word, as --source does: quotation marks are
    no words, so both Hill Times stay, and no other source."""
    app = BrowserApp(names_index, "budget")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sources = [row[2] for row in rows(app)]
        assert {'The "Hill" Times', "The Hill Times"} <= set(sources)
        await pilot.press(*["down"] * sources.index('The "Hill" Times'), "s")
        await settle(pilot)
        assert sorted(row[0] for row in rows(app)) == ["Budget in Ottawa", "Budget on the Hill"]
        assert 'source: The "Hill" Times' in shown(app, "#filters").plain


def test_the_command_passes_query_and_filters_to_the_browser(monkeypatch, corpus_index):
    started = []
    monkeypatch.setattr(BrowserApp, "run", lambda self: started.append(self))
    monkeypatch.setattr("newsgrep.cli.browse.is_terminal", lambda stream: True)
    result = CliRunner().invoke(
        cli,
        ["browse", "NATO", "--index", str(corpus_index), "--person", "Putin", "--sort", "newest"],
    )
    assert result.exit_code == 0, result.output
    [app] = started
    assert app.search.text == "NATO" and str(app.index) == str(corpus_index)
    assert app.search.options.people == ("Putin",) and app.search.options.sort == "newest"


def test_browse_refuses_a_stdout_that_is_no_terminal(corpus_index):
    """Redirected to a file, the full-screen interface would fill it with
    escape sequences: one line and exit 2 instead, as for a clashing flag."""
    result = CliRunner().invoke(cli, ["browse", "nato", "--index", str(corpus_index)])
    assert result.exit_code == 2
    assert result.stderr.startswith("newsgrep: browse draws on a terminal")
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_search_does_not_import_textual(corpus_index):
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from newsgrep.cli.app import cli\n"
        f"result = CliRunner().invoke(cli, ['search', 'nato', '--index', {str(corpus_index)!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
