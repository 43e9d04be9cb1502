"""Asked on leaving a summary whose holds are not all in the history: retry, export or discard."""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class UnsavedChoice(Enum):
    """What the runner chose to do with holds the history refused."""

    RETRY = "retry"
    EXPORT = "export"
    DISCARD = "discard"


class UnsavedScreen(ModalScreen[UnsavedChoice | None]):
    """Never lets unsaved holds go silently; Escape goes back to the summary.

    Discarding is asked for once more by the summary, since it cannot be undone.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('retry')", "Retry saving"),
        Binding("e", "choose('export')", "Export to a file"),
        Binding("d", "choose('discard')", "Discard"),
        Binding("escape", "choose('')", "Back"),
    ]

    def __init__(self, count: int, reason: str) -> None:
        super().__init__()
        self.count = count
        self.reason = reason

    def compose(self) -> ComposeResult:
        holds = f"{self.count} hold{'s are' if self.count != 1 else ' is'}"
        with Vertical(id="dialog"):
            yield Static(f"{holds} not saved", id="question")
            yield Static(
                f"{self.reason}\n\nRetry once the disk has room, or export them to a file "
                "that `isotimer import` takes back later.",
                id="detail",
                markup=False,
            )
            with Horizontal(id="buttons"):
                yield Button("Retry (r)", variant="primary", id="retry")
                yield Button("Export (e)", variant="primary", id="export")
                yield Button("Discard (d)", variant="error", id="discard")

    def on_mount(self) -> None:
        self.query_one("#retry", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id or "")

    def action_choose(self, choice: str) -> None:
        self.dismiss(UnsavedChoice(choice) if choice else None)
