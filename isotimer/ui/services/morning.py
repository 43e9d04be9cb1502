"""The once-only morning check-in: offered at start-up, the answer saved to the history."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import App

from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.mornings import DueCheckin, answers, due_checkin
from isotimer.ui.services.state import AppState

if TYPE_CHECKING:
    from isotimer.ui.screens.checkin import Answers


class MorningCheckin:
    """Asks how the sore spot is, the first time the app opens on a later day.

    A history that cannot be read or written costs the question, never the
    start-up.
    """

    def __init__(self, app: App[Any], state: AppState) -> None:
        self.app = app
        self.state = state
        self.clock = state.clock

    def offer(self) -> None:
        """Ask the morning-after question if a check-in is due; quietly skip if history fails."""
        history = self.state.history
        if history is None:
            return
        try:
            due = due_checkin(history, self.state.catalog.sessions, self.clock.now().date())
        except HistoryError:
            return
        if due is not None:
            # Imported only when asked: most start-ups have no question to ask.
            from isotimer.ui.screens.checkin import CheckinScreen

            self.app.push_screen(CheckinScreen(due), partial(self._answered, due))

    def _answered(self, due: DueCheckin, given: Answers | None) -> None:
        """Save the answer, or that it was skipped, so the question comes only once."""
        history = self.state.history
        if history is None:
            return
        checkins = answers(due.run.id, self.clock.now(), given or {})
        try:
            history.add_checkins(checkins)
        except HistoryError as error:
            self.app.notify(error.message, title="History", severity="error", timeout=15)
            return
        if any(checkin.compared == "worse" for checkin in checkins):
            message = f"Noted: {due.run.session_name} eases off where it was worse."
            self.app.notify(message, timeout=6)
