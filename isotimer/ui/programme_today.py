"""The programme in the app: the picker's line for today, and a run counted as the programme's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from isotimer.storage.problems import ValidationError
from isotimer.storage.programmes.offer import TodayOffer, followed, todays_offer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from isotimer.core.clock import Clock
    from isotimer.core.programme.schedule import WeekRecord
    from isotimer.paths import Paths
    from isotimer.storage.history.store import HistoryStore
    from isotimer.storage.sessions.catalog import Catalog
    from isotimer.ui.screens.picker import PickerScreen


class ProgrammeToday:
    """Mixed into the app: relies on its ``paths``, ``catalog``, ``history``, ``clock``,
    ``notify`` and ``start_session`` (which returns the new run's id)."""

    paths: Paths
    catalog: Catalog
    history: HistoryStore | None
    clock: Clock
    notify: Any
    start_session: Any

    def todays_offer(self) -> TodayOffer | None:
        """What today holds in the programme followed, for the picker's top line."""
        return todays_offer(self.paths, self.catalog, self.history, self.clock.now().date())

    def programme_weeks(self) -> tuple[str, Sequence[WeekRecord]] | None:
        """The programme followed and its weeks so far, for the history's Weeks tab."""
        found = followed(self.paths, self.catalog, self.history, self.clock.now().date())
        return (found.programme.name, found.status.weeks) if found else None

    def on_picker_screen_programme_chosen(self, message: PickerScreen.ProgrammeChosen) -> None:
        """Run today's session at the phase's settings and count the run for the programme.

        The run is counted before it starts: a run that records no hold never
        reaches the history, and the schedule skips ids it cannot find.
        """
        from isotimer.storage.programmes.follow import count_run

        run_id = self.start_session(message.session, message.level)
        try:
            count_run(self.paths.programme_state, run_id)
        except (OSError, ValidationError) as error:
            self.notify(
                f"This run will not count for the programme: {error}",
                title="Programme",
                severity="error",
                timeout=15,
            )
