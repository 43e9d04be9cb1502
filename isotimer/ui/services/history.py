"""The history file as the app keeps it: moved aside when unusable, reopened, reviewed."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App

from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.file import move_aside
from isotimer.storage.history.store import HistoryStore
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.services.programme import ProgrammeToday
from isotimer.ui.services.state import AppState


class HistoryKeeper:
    """Sets the app's history store when it is started afresh or reopened; opens the review."""

    def __init__(self, app: App[Any], state: AppState, programme: ProgrammeToday) -> None:
        self.app = app
        self.state = state
        self.clock = state.clock
        self.paths = state.paths
        self.programme = programme

    def offer_fresh(self, path: Path, problem: str | None, then: Callable[[], None]) -> None:
        """Never overwrite what sits at ``path``: offer to move it aside, then carry on."""
        detail = (
            f"{problem}\n\nMove it aside (renamed, nothing deleted) and start a "
            "new history? If you keep it, nothing you do now is saved."
        )
        question = "Your history file cannot be used"
        screen = ConfirmScreen(detail, question=question, yes="Move it aside", no="Keep it")
        self.app.push_screen(screen, partial(self._fresh_answered, path, then))

    def _fresh_answered(self, path: Path, then: Callable[[], None], move: bool | None) -> None:
        if move:
            try:
                moved = move_aside(path)
                self.state.history = HistoryStore.open(path)
            except HistoryError as error:
                self.app.notify(error.message, title="History", severity="error", timeout=15)
            else:
                message = f"The old file is now {moved.name}; a new history has started."
                self.app.notify(message)
        then()

    def reopen(self) -> HistoryStore:
        """A fresh connection to the history (the summary's retry), or the error saying why.

        Raises:
            HistoryError: the history still cannot be opened.
        """
        if self.state.history is None:
            self.state.history = HistoryStore.open(self.paths.history_file)
        else:
            self.state.history.reopen()
        return self.state.history

    def show(self) -> None:
        """Open the history review as of today, with the programme's weeks if one is followed."""
        from isotimer.ui.screens.history import HistoryScreen

        today = self.clock.now().date()
        self.app.push_screen(HistoryScreen(self.state.history, today, self.programme.weeks()))
