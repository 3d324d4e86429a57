"""The screens the browser opens over its list: a whole story, the timeline
of the query, and the choice of a person to narrow to. Escape goes back."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, Static

BACK = Binding("escape", "app.pop_screen", "Back")


class ReadingScreen(Screen[None]):
    """A text to read, scrolled with the arrows and page keys: the whole
    story (Enter on the list) or the timeline (t)."""

    BINDINGS = [BACK]
    DEFAULT_CSS = """
    ReadingScreen #reading { padding: 1 2; }
    """

    def __init__(self, text: Text, name: str) -> None:
        super().__init__(name=name)
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            # markup=False: the text is built from styled pieces, never parsed.
            yield Static(self.text, id="reading", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()


class ChoiceScreen(ModalScreen[str | None]):
    """Pick one of a story's people: Enter chooses, Escape gives up."""

    BINDINGS = [Binding("escape", "give_up", "Back")]
    DEFAULT_CSS = """
    ChoiceScreen { align: center middle; }
    ChoiceScreen OptionList { width: 60; max-height: 20; border: round $accent; }
    """

    def __init__(self, title: str, choices: list[str], shown: list[Text]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.shown = shown

    def compose(self) -> ComposeResult:
        options = OptionList(*self.shown)
        options.border_title = self.title_text
        yield options

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index])

    def action_give_up(self) -> None:
        self.dismiss(None)
