"""What the app does as it opens: problems said, an unusable history offered aside, then the
run asked for on the command line, or the offers waiting (a cut-off run, the morning question)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from textual.app import App

from isotimer.ui.services.history import HistoryKeeper
from isotimer.ui.services.morning import MorningCheckin
from isotimer.ui.services.probes import mark_ready
from isotimer.ui.services.runs import RunRequest, Runs
from isotimer.ui.services.state import AppState

if TYPE_CHECKING:
    from isotimer.ui.screens.picker import PickerScreen


class Asked(AppState, Protocol):
    """What the command line and the files read before the app asked of its start."""

    start: RunRequest | None
    history_problem: str | None
    history_blocked: Path | None
    settings_problems: list[str]


class Startup:
    """Runs once the picker is up: ``opened`` at mount, ``ready`` after the first frame."""

    def __init__(
        self,
        app: App[Any],
        asked: Asked,
        *,
        runs: Runs,
        morning: MorningCheckin,
        histories: HistoryKeeper,
    ) -> None:
        self.app = app
        self.asked = asked
        self.runs = runs
        self.morning = morning
        self.histories = histories

    def opened(self) -> None:
        """Say what went wrong reading the settings or history, then start what was asked."""
        asked = self.asked
        for problem in asked.settings_problems:
            self.app.notify(problem, title="Settings", severity="warning", timeout=10)
        if asked.history_blocked is not None:
            self.histories.offer_fresh(asked.history_blocked, asked.history_problem, self.begin)
            return
        if asked.history_problem:
            self.app.notify(asked.history_problem, title="History", severity="error", timeout=15)
        if asked.start is not None:
            self.begin()

    def ready(self, picker: PickerScreen) -> None:
        """The first frame is on screen: what start-up did not wait for comes now."""
        self.app.call_after_refresh(mark_ready, self.asked.clock)
        self.app.call_after_refresh(picker.first_frame_drawn)
        self.app.call_after_refresh(self.asked.announcer.prepare)  # the tones, before a run
        if self.asked.start is None and self.asked.history_blocked is None:
            self.app.call_after_refresh(self.begin)

    def begin(self) -> None:
        """Run the session asked for; else offer a cut-off run, then, on top, the morning question.

        Both offers read the history.
        """
        start = self.asked.start
        if start is not None:
            self.runs.start(start.session, start.level, from_picker=False)
        else:
            self.runs.offer_resume()
            self.morning.offer()
