"""The browser: a query box, the ranked list paged as it scrolls, a preview
of the story under the cursor, and keys to read, narrow and chart.

Every search is a library call of :mod:`newsgrep` (``search``, ``show``,
``count_by``) with the query language and filters of ``newsgrep search``;
a bad query shows its one line where the list's status is, never a
traceback.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
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
        """Search afresh: the list, its first page, the preview of its first story."""
        self.table.clear()
        self.hits, self.pages, self.exhausted, self.story = [], 0, True, None
        self.query_one("#filters", Static).update(filter_bar(self.search.filter_labels()))
        self.query_one("#preview", Static).update(Text())
        if self.load_page() and self.hits:
            self.show_preview(0)

    def load_page(self) -> bool:
        """Add the next page of hits to the list; False (the error shown) on a bad query."""
        options = self.search.page(self.pages + 1)
        try:
            result = newsgrep.search(self.index, self.search.query(), options)
        except NewsgrepError as err:
            self.set_status(error_text(str(err)))
            return False
        self.pages += 1
        self.exhausted = len(result.hits) < options.limit
        first = len(self.hits)
        self.hits.extend(result.hits)
        for row, hit in enumerate(result.hits, first):
            self.table.add_row(*row_cells(hit), key=str(row))
        if self.hits:
            self.set_status(status_text(len(self.hits), result.total, result.seconds))
        else:
            self.set_status(nothing_found(self.search.query(), result.suggestion))
        return True

    def set_status(self, text: Text) -> None:
        self.query_one("#status", Static).update(text)

    def show_preview(self, row: int) -> None:
        """The story of ``row`` in the preview pane, the query's words marked."""
        hit = self.hits[row]
        try:
            stories = newsgrep.show(self.index, hit.path, self.search.highlight())
        except NewsgrepError as err:  # gone from the index since the search
            self.story = None
            self.query_one("#preview", Static).update(error_text(str(err)))
            return
        self.story = next((s for s in stories if s.hit.path == hit.path), stories[0])
        self.query_one("#preview", Static).update(story_text(self.story, PREVIEW_CHARS))
        self.query_one("#preview-pane", VerticalScroll).scroll_home(animate=False)

    def current_hit(self) -> Hit | None:
        row = self.table.cursor_row
        return self.hits[row] if 0 <= row < len(self.hits) else None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.search.text = event.value
        self.run_search()
        if self.hits:
            self.table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if not 0 <= event.cursor_row < len(self.hits):
            return
        if self.story is None or self.story.hit.path != self.hits[event.cursor_row].path:
            self.show_preview(event.cursor_row)
        if not self.exhausted and event.cursor_row >= len(self.hits) - NEAR_END:
            self.load_page()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if self.story is not None:
            self.push_screen(ReadingScreen(story_text(self.story), name="story"))

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
        query = self.search.query()
        try:
            facets = newsgrep.count_by(self.index, query, "month", self.search.options)
        except NewsgrepError as err:
            self.set_status(error_text(str(err)))
            return
        chart = timeline_text(query, facets, max(20, self.size.width - 6))
        self.push_screen(ReadingScreen(chart, name="timeline"))


def nothing_found(query: str, suggestion: str | None) -> Text:
    """'no story matches nato · did you mean: …?'"""
    text = Text(f"no story matches {clean_line(query)}", style=META_STYLE)
    if suggestion:
        text.append(f" · did you mean: {clean_line(suggestion)}?", style="bold")
    return text
