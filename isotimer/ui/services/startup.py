"""What the app does as it opens: problems said, an unusable history offered aside, then the
run asked for on the command line, or the offers waiting (a cut-off run, the morning question)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from textual.app import App

from isotimer.ui.services.history import HistoryKeeper
from isotimer.ui.services.morning import MorningCheckin
from isotimer.ui.services.runs import RunRequest, Runs


class Startup:
    """Runs once the picker is up: ``opened`` at mount, ``offers`` after the first frame."""

    def __init__(
        self,
        app: App[Any],
        *,
        start: RunRequest | None,
        history_problem: str | None,
        history_blocked: Path | None,
        settings_problems: Sequence[str],
        runs: Runs,
        morning: MorningCheckin,
        histories: HistoryKeeper,
    ) -> None:
        self.app = app
        self.start = start
        self.history_problem = history_problem
        self.history_blocked = history_blocked
        self.settings_problems = settings_problems
        self.runs = runs
        self.morning = morning
        self.histories = histories

    @property
    def waits_for_first_frame(self) -> bool:
        """True when nothing was asked for: the offers come after the first frame."""
        return self.start is None and self.history_blocked is None

    def opened(self) -> None:
        """Say what went wrong reading the settings or history, then start what was asked."""
        for problem in self.settings_problems:
            self.app.notify(problem, title="Settings", severity="warning", timeout=10)
        if self.history_blocked is not None:
            self.histories.offer_fresh(self.history_blocked, self.history_problem, self.begin)
            return
        if self.history_problem:
            self.app.notify(self.history_problem, title="History", severity="error", timeout=15)
        if self.start is not None:
            self.begin()

    def begin(self) -> None:
        """Run the session asked for; else offer a cut-off run, then, on top, the morning question.

        Both offers read the history.
        """
        if self.start is not None:
            self.runs.start(self.start.session, self.start.level, from_picker=False)
        else:
            self.runs.offer_resume()
            self.morning.offer()
