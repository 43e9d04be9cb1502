"""Asks once where "Save as FIT" should put its files."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class FitFolderScreen(ModalScreen[Path | None]):
    """A folder, typed or accepted as suggested; dismisses with it, or None on Escape.

    The app remembers the answer in the settings, so this is asked only the
    first time a run is saved as FIT.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, suggested: Path) -> None:
        super().__init__()
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Save FIT files in which folder?", id="question")
            yield Static(
                "Asked once: later runs go to the same folder (fit_folder in settings.toml). "
                "Enter saves, Escape cancels.",
                id="detail",
            )
            yield Input(str(self.suggested), id="folder")

    def on_mount(self) -> None:
        self.query_one("#folder", Input).focus()

    @on(Input.Submitted)
    def _chosen(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.notify("Type a folder, or Escape to cancel.", severity="warning")
            return
        self.dismiss(Path(text).expanduser())

    def action_cancel(self) -> None:
        self.dismiss(None)
