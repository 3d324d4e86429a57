"""The browser: a query box, the ranked list paged as it scrolls, a preview
of the story under the cursor, and keys to read, narrow and chart.

Every search is a library call of :mod:`newsgrep` (``search``, ``show``,
``count_by``) with the query language and filters of ``newsgrep search``;
a bad query shows its one line where the list's status is, never a
traceback. The calls run on threads, in Textual workers, so that the screen
keeps answering keys on a big index; a newer search drops the result of an
older one still running (exclusive workers, and the search's generation
checked before a result is shown).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Input, Static

import newsgrep
from newsgrep.browse.screens import ChoiceScreen, ReadingScreen
from newsgrep.browse.state import Narrowing, Search, values
from newsgrep.browse.texts import (
    PREVIEW_CHARS,
    error_text,
    filter_bar,
    row_cells,
    status_text,
    story_text,
    timeline_text,
)
from newsgrep.errors import NewsgrepError
from newsgrep.model import Hit, SearchOptions, Story
from newsgrep.output.render import META_STYLE
from newsgrep.safety import clean_line

PAGE_SIZE = 50  # hits fetched at a time
NEAR_END = 5  # the next page is fetched when the cursor comes this close to the end
DATE_WIDTH, SOURCE_WIDTH = 10, 12
T = TypeVar("T")


class BrowserApp(App[None]):
    """``newsgrep browse``: see the module."""

    TITLE = "newsgrep browse"
    ENABLE_COMMAND_PALETTE = False  # the keys below are all there is
    CSS = """
    #hits { height: 1fr; }
    #preview-pane { height: 1fr; border-top: solid $primary; padding: 0 1; }
    #filters, #status { height: 1; padding: 0 1; }
    """
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("slash", "focus_query", "Query"),
        Binding("escape", "focus_list", "List", show=False),
        Binding("p", "narrow('person')", "Person"),
        Binding("s", "narrow('source')", "Source"),
        Binding("l", "narrow('place')", "Place"),
        Binding("x", "widen", "Unfilter"),
        Binding("t", "timeline", "Timeline"),
    ]

    def __init__(
        self,
        index: newsgrep.Location,
        text: str = "",
        options: SearchOptions | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__()
        self.index = index
        # The list people read folds near-duplicates into the best-ranked copy;
        # it shows no snippets (the preview shows the story).
        base = replace(
            options or SearchOptions(), limit=page_size, page=1, fold_page=True, snippets=False
        )
        self.search = Search(text, base)
        self.hits: list[Hit] = []
        self.pages = 0  # pages of the current search in the list
        self.exhausted = True  # the last page fetched was the last one
        self.story: Story | None = None  # the story in the preview
        # Work runs in Textual workers, its result taken only if still wanted:
        # the search it belongs to (each new one counts up), the story asked for.
        self.generation = 0
        self.previewing: tuple[int, str] | None = None  # (generation, path)
        self.fetching = False  # a page is on its way
        self.to_list = False  # the query box's Enter: to the list once hits come
        self.listed = Text()  # the list's status line, back after "charting…"

    def compose(self) -> ComposeResult:
        yield Input(
            value=self.search.text,
            placeholder="query, as for newsgrep search (Enter searches, Escape to the list)",
            id="query",
        )
        yield Static(id="filters", markup=False)
        yield DataTable(id="hits", cursor_type="row")
        with VerticalScroll(id="preview-pane"):
            yield Static(id="preview", markup=False)
        yield Static(id="status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.table
        # Title and people share what date and source leave, 2 to 1.
        rest = max(50, self.size.width - DATE_WIDTH - SOURCE_WIDTH - 10)
        for name, width in (
            ("Title", rest * 2 // 3),
            ("Date", DATE_WIDTH),
            ("Source", SOURCE_WIDTH),
            ("People", rest - rest * 2 // 3),
        ):
            table.add_column(name, width=width)
        self.run_search()
        if self.search.text.strip():
            table.focus()
        else:
            self.query_one("#query", Input).focus()

    @property
    def table(self) -> DataTable:
        return self.query_one("#hits", DataTable)

    def run_search(self) -> None:
        """Search afresh: the list, its first page, the preview of its first story.
        A search still on its way is dropped: its result would be stale."""
        self.generation += 1
        self.table.clear()
        self.hits, self.pages, self.exhausted = [], 0, True
        self.story, self.previewing, self.fetching = None, None, False
        self.to_list = False
        self.query_one("#filters", Static).update(filter_bar(self.search.filter_labels()))
        self.query_one("#preview", Static).update(Text())
        self.load_page()

    def load_page(self) -> None:
        """Fetch the next page of hits, unless one is on its way already."""
        if self.fetching:
            return
        self.fetching = True
        self.show_status(Text("searching…", style=META_STYLE))
        self.fetch_page(self.generation, self.search.query(), self.search.page(self.pages + 1))

    @work(exclusive=True, group="search")
    async def fetch_page(self, generation: int, query: str, options: SearchOptions) -> None:
        """Search off the UI thread, then add the page to the list; a bad
        query's one line in the status instead."""
        result = await off_thread(newsgrep.search, self.index, query, options)
        if generation != self.generation:  # a newer search has started
            return
        self.fetching = False
        if isinstance(result, NewsgrepError):
            self.show_status(error_text(str(result)))
            return
        self.pages += 1
        self.exhausted = len(result.hits) < options.limit
        first = len(self.hits)
        self.hits.extend(result.hits)
        for row, hit in enumerate(result.hits, first):
            self.table.add_row(*row_cells(hit), key=str(row))
        if self.hits:
            self.show_status(status_text(len(self.hits), result.total, result.seconds))
        else:
            self.show_status(nothing_found(query, result.suggestion))
        if first == 0 and self.hits:
            self.show_preview(0)
            self.focus_list_after_query()

    def focus_list_after_query(self) -> None:
        """From the query box to the list once the query typed there found
        stories; not if the box is being edited again (a 'q' would quit)."""
        box = self.query_one("#query", Input)
        if self.to_list and self.focused is box and box.value == self.search.text:
            self.table.focus()
        self.to_list = False

    def set_status(self, text: Text) -> None:
        self.query_one("#status", Static).update(text)

    def show_status(self, text: Text) -> None:
        """The list's status, shown again once a timeline is charted."""
        self.listed = text
        self.set_status(text)

    def show_preview(self, row: int) -> None:
        """The story of ``row`` in the preview pane, the query's words marked."""
        path = self.hits[row].path
        self.previewing = (self.generation, path)
        self.load_preview(self.previewing, self.search.highlight())

    @work(exclusive=True, group="preview")
    async def load_preview(self, wanted: tuple[int, str], highlight: str | None) -> None:
        path = wanted[1]
        stories = await off_thread(newsgrep.show, self.index, path, highlight)
        if wanted != self.previewing:  # the cursor moved on, or a new search began
            return
        preview = self.query_one("#preview", Static)
        if isinstance(stories, NewsgrepError):  # gone from the index since the search
            self.story = None
            preview.update(error_text(str(stories)))
            return
        self.story = next((s for s in stories if s.hit.path == path), stories[0])
        preview.update(story_text(self.story, PREVIEW_CHARS))
        self.query_one("#preview-pane", VerticalScroll).scroll_home(animate=False)

    def current_hit(self) -> Hit | None:
        row = self.table.cursor_row
        return self.hits[row] if 0 <= row < len(self.hits) else None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.search.text = event.value
        self.run_search()
        self.to_list = True

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if not 0 <= event.cursor_row < len(self.hits):
            return
        if self.previewing != (self.generation, self.hits[event.cursor_row].path):
            self.show_preview(event.cursor_row)
        if not self.exhausted and event.cursor_row >= len(self.hits) - NEAR_END:
            self.load_page()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        story = self.story  # None, or an earlier row's, while the preview is on its way
        if story is not None and story.hit.path == self.hits[event.cursor_row].path:
            self.push_screen(ReadingScreen(story_text(story), name="story"))

    def action_focus_query(self) -> None:
        self.query_one("#query", Input).focus()

    def action_focus_list(self) -> None:
        self.table.focus()

    def action_narrow(self, kind: str) -> None:
        """Only the stories that share the cursor's person, source or place;
        of several people, the one chosen."""
        hit = self.current_hit()
        if hit is None:
            return
        choices = values(hit, kind)
        if not choices:
            self.set_status(Text(f"this story names no {kind} to narrow to", style=META_STYLE))
        elif len(choices) == 1:
            self.narrow(Narrowing(kind, choices[0]))
        else:
            shown = [Text(clean_line(choice)) for choice in choices]
            self.push_screen(
                ChoiceScreen(f"narrow to a {kind}", choices, shown),
                lambda chosen: self.narrow(Narrowing(kind, chosen)) if chosen else None,
            )

    def narrow(self, narrowing: Narrowing) -> None:
        if self.search.narrow(narrowing):
            self.run_search()

    def action_widen(self) -> None:
        if self.search.widen() is None:
            self.set_status(Text("no narrowing to remove", style=META_STYLE))
            return
        self.run_search()

    def action_timeline(self) -> None:
        """The stories of the list counted by month, as ``--by month`` charts them."""
        self.set_status(Text("charting…", style=META_STYLE))
        self.chart(self.generation, self.search.query(), self.search.filtered())

    @work(exclusive=True, group="timeline")
    async def chart(self, generation: int, query: str, options: SearchOptions) -> None:
        facets = await off_thread(newsgrep.count_by, self.index, query, "month", options)
        if generation != self.generation:  # the list shows another search now
            return
        self.set_status(self.listed)
        if isinstance(facets, NewsgrepError):
            self.set_status(error_text(str(facets)))
            return
        chart = timeline_text(self.search.described(), facets, max(20, self.size.width - 6))
        self.push_screen(ReadingScreen(chart, name="timeline"))


async def off_thread(call: Callable[..., T], *args: Any) -> T | NewsgrepError:
    """``call(*args)`` on a thread, so that the screen keeps answering keys
    while a big index is searched; a NewsgrepError is returned, not raised."""
    try:
        return await asyncio.to_thread(call, *args)
    except NewsgrepError as err:
        return err


def nothing_found(query: str, suggestion: str | None) -> Text:
    """'no story matches nato · did you mean: …?'"""
    text = Text(f"no story matches {clean_line(query)}", style=META_STYLE)
    if suggestion:
        text.append(f" · did you mean: {clean_line(suggestion)}?", style="bold")
    return text
