"""One line on the run screen that says when holds are not yet in the history."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static


class SaveStatus(Static):
    """Empty while every hold is saved; otherwise how many wait, and whether the disk refused.

    The history is written on a thread of its own, so a locked or slow disk
    never stops the countdown: this line is how the runner learns saves are
    behind. The screen sets ``waiting`` and ``refused`` from the recorder.
    """

    DEFAULT_CSS = """
    SaveStatus { height: auto; width: 1fr; text-align: center; }
    SaveStatus.-hidden { display: none; }
    """

    waiting: reactive[int] = reactive(0)
    refused: reactive[bool] = reactive(False)

    def on_mount(self) -> None:
        self._redraw()

    def watch_waiting(self) -> None:
        self._redraw()

    def watch_refused(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        self.set_class(self.waiting == 0, "-hidden")
        self.set_class(self.refused, "-refused")
        holds = f"{self.waiting} hold{'s' if self.waiting != 1 else ''}"
        if self.refused:
            self.update(f"⚠ {holds} not saved yet: kept in memory, retried at the next hold")
        else:
            self.update(f"Saving… {holds} waiting for the disk")
