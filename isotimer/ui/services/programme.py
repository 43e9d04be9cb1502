"""The programme in the app: the picker's line for today, the history's weeks, a run counted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from textual.app import App

from isotimer.storage.problems import ValidationError
from isotimer.storage.programmes.offer import TodayOffer, followed, todays_offer
from isotimer.ui.services.state import AppState

if TYPE_CHECKING:
    from isotimer.core.programme.schedule import WeekRecord


class ProgrammeToday:
    """What the programme followed means today, for the picker, the history and a run."""

    def __init__(self, app: App[Any], state: AppState) -> None:
        self.app = app
        self.state = state
        self.clock = state.clock
        self.paths = state.paths

    def todays_offer(self) -> TodayOffer | None:
        """What today holds in the programme followed, for the picker's top line."""
        return todays_offer(
            self.paths, self.state.catalog, self.state.history, self.clock.now().date()
        )

    def weeks(self) -> tuple[str, Sequence[WeekRecord]] | None:
        """The programme followed and its weeks so far, for the history's Weeks tab."""
        found = followed(
            self.paths, self.state.catalog, self.state.history, self.clock.now().date()
        )
        return (found.programme.name, found.status.weeks) if found else None

    def count_run(self, run_id: str) -> None:
        """Count ``run_id`` as today's programme run, or say why it cannot count.

        The run is counted as it starts: a run that records no hold never
        reaches the history, and the schedule skips ids it cannot find.
        """
        from isotimer.storage.programmes.follow import count_run

        try:
            count_run(self.paths.programme_state, run_id)
        except (OSError, ValidationError) as error:
            self.app.notify(
                f"This run will not count for the programme: {error}",
                title="Programme",
                severity="error",
                timeout=15,
            )
