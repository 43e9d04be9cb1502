"""The form reminder shown during a hold, one cue at a time."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from isotimer.ui.style.literal import literal


class CueRotator(Static):
    """Shows one form cue; the screen picks which from the time held.

    Setting ``cue`` to the same text again does nothing, so the screen can set
    it every tick and the widget redraws only when the cue changes.
    """

    cue: reactive[str] = reactive("", init=False)

    def watch_cue(self, cue: str) -> None:
        self.update(literal(cue))
        self.set_class(not cue, "-empty")
