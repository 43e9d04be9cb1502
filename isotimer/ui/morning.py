"""The once-only morning check-in, as the app offers it at start-up and saves the answer."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.mornings import DueCheckin, answers, due_checkin

if TYPE_CHECKING:
    from isotimer.core.clock import Clock
    from isotimer.storage.history.store import HistoryStore
    from isotimer.storage.sessions.catalog import Catalog
    from isotimer.ui.screens.checkin import Answers


class MorningCheckin:
    """Mixed into the app: asks how the sore spot is, the first time it opens on a later day.

    Relies on the app's ``history``, ``catalog``, ``clock``, ``notify`` and
    ``push_screen``. A history that cannot be read or written costs the
    question, never the start-up.
    """

    history: HistoryStore | None
    catalog: Catalog
    clock: Clock
    notify: Any
    push_screen: Any

    def offer_checkin(self) -> None:
        """Ask the morning-after question if a check-in is due; quietly skip if history fails."""
        if self.history is None:
            return
        try:
            due = due_checkin(self.history, self.catalog.sessions, self.clock.now().date())
        except HistoryError:
            return
        if due is not None:
            # Imported only when asked: most start-ups have no question to ask.
            from isotimer.ui.screens.checkin import CheckinScreen

            self.push_screen(CheckinScreen(due), partial(self._checkin_answered, due))

    def _checkin_answered(self, due: DueCheckin, given: Answers | None) -> None:
        """Save the answer, or that it was skipped, so the question comes only once."""
        if self.history is None:
            return
        checkins = answers(due.run.id, self.clock.now(), given or {})
        try:
            self.history.add_checkins(checkins)
        except HistoryError as error:
            self.notify(error.message, title="History", severity="error", timeout=15)
            return
        if any(checkin.compared == "worse" for checkin in checkins):
            self.notify(f"Noted: {due.run.session_name} eases off where it was worse.", timeout=6)
