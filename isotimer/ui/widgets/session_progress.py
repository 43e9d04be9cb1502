"""A bar over the whole session with the time left in it."""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label, ProgressBar

from isotimer.core.timefmt import clock


class SessionProgress(Widget):
    """Progress through the session's planned time, and what is left of it.

    The bar counts whole seconds done, so it redraws at most once a second.
    """

    DEFAULT_CSS = """
    SessionProgress {
        height: 1;
        layout: horizontal;
    }
    SessionProgress ProgressBar {
        width: 1fr;
    }
    SessionProgress ProgressBar Bar {
        width: 1fr;
    }
    SessionProgress Label {
        width: auto;
        padding: 0 0 0 1;
    }
    """

    remaining_s: reactive[int] = reactive(0, init=False)

    def compose(self) -> ComposeResult:
        yield ProgressBar(show_percentage=False, show_eta=False)
        yield Label("", id="left")

    def show(self, total_s: float, remaining_s: float) -> None:
        """Set the bar from planned total and remaining seconds."""
        self.remaining_s = math.ceil(remaining_s - 1e-9)
        bar = self.query_one(ProgressBar)
        total = max(1, round(total_s))
        bar.update(total=total, progress=max(0, total - self.remaining_s))

    def watch_remaining_s(self, remaining_s: int) -> None:
        self.query_one("#left", Label).update(f"{clock(remaining_s)} left")
