"""The band across the top of the run screen naming what to do now."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from isotimer.core.session.plan import StepKind
from isotimer.web.state import WORDS  # one wording for the terminal and the live page

PAUSED = "PAUSED"


def phase_words(kind: StepKind | None, paused: bool) -> str:
    """The banner text: pausing outranks the step, since nothing moves while paused."""
    if paused:
        return PAUSED
    return WORDS.get(kind, "DONE") if kind else "DONE"


class PhaseBanner(Static):
    """The phase in words; its colour comes from the screen's state class."""

    words: reactive[str] = reactive("", init=False)

    def watch_words(self, words: str) -> None:
        self.update(words)
