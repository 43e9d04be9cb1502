"""One past session from the history: when, its holds, how it felt, the morning after."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from isotimer.core.history.checkins import mornings_text
from isotimer.core.history.records import CheckIn, HoldRecord, Outcome, RunRecord
from isotimer.core.run.outcomes import counted, describe_holds, session_result
from isotimer.core.text.dates import moment_text
from isotimer.core.text.durations import clock
from isotimer.ui.style.literal import literal
from isotimer.ui.widgets.holds_table import holds_table

ENDINGS = {
    Outcome.COMPLETED: "complete",
    Outcome.STOPPED: "stopped",
    Outcome.INTERRUPTED: "cut off",
    Outcome.IN_PROGRESS: "cut off",
}
CUT_OFF_WHY = " (isotimer closed mid-session)"


def when_text(run: RunRecord) -> str:
    """``Mon 5 Jan 2026 07:00 to 07:24`` in the time zone the run was done in."""
    text = moment_text(run.started_at)
    return text + (f" to {run.ended_at:%H:%M}" if run.ended_at else "")


def rating_text(run: RunRecord) -> str:
    """The run's effort and pain ratings out of 10, or "Not rated."."""
    if run.effort is None and run.pain is None:
        return "Not rated."
    parts = []
    if run.effort is not None:
        parts.append(f"Effort {run.effort}/10")
    if run.pain is not None:
        parts.append(f"Pain {run.pain}/10")
    return " · ".join(parts)


def totals_text(holds: list[HoldRecord]) -> str:
    """Time held across the run's holds, then how many there were and how they went."""
    held = sum(hold.held_s for hold in holds)
    return f"{clock(held)} under tension · {describe_holds(holds)}"


def ending_word(run: RunRecord, holds: list[HoldRecord]) -> str:
    """``complete`` or ``partial`` for a run that ran to its end, else how it ended.

    The one word the history's session list and this screen both use.
    """
    if Outcome(run.outcome) is not Outcome.COMPLETED:
        return ENDINGS[Outcome(run.outcome)]
    return session_result(holds, len(counted(holds)), stopped=False).value


def ending_text(run: RunRecord, holds: list[HoldRecord]) -> str:
    """``ending_word``, with why a run was cut off."""
    word = ending_word(run, holds)
    return word + (CUT_OFF_WHY if word == "cut off" else "")


def morning_text(checkins: list[CheckIn]) -> str:
    """How the morning-after check-ins went, or that there were none."""
    return f"Morning after: {mornings_text(checkins)}" if checkins else "No morning check-in."


class RunDetailScreen(Screen[None]):
    """Shows one run as the summary screen showed it, read back from the history."""

    CSS_PATH = "../history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("q", "back", "Back", show=False),
        Binding("f", "save_fit", "Save as FIT"),
    ]

    def __init__(
        self, run: RunRecord, holds: list[HoldRecord], checkins: list[CheckIn] | None = None
    ) -> None:
        super().__init__()
        self.run = run
        self.holds = holds
        self.checkins = checkins or []

    def compose(self) -> ComposeResult:
        run = self.run
        with VerticalScroll(id="run-detail"):
            yield Static(
                literal(f"{run.session_name} · {run.level} · {ending_text(run, self.holds)}"),
                id="run-title",
            )
            yield Static(when_text(run), id="run-when")
            yield Static(totals_text(self.holds) if self.holds else "No holds recorded.")
            yield Static(rating_text(run), id="run-rating")
            yield Static(morning_text(self.checkins), id="run-morning")
            note_text = literal(f"Note: {run.note}" if run.note else "No note.", multiline=True)
            note = Static(note_text, id="run-note")
            note.set_class(not run.note, "-none")
            yield note
            if self.holds:
                # A set redone after ``b`` is listed once, as the totals count it.
                yield Static(holds_table(counted(self.holds)), id="run-holds")
        yield Footer()

    class SaveFitRequested(Message):
        """The runner pressed ``f``: write this run as a FIT file."""

        def __init__(self, run_id: str) -> None:
            super().__init__()
            self.run_id = run_id

    def action_save_fit(self) -> None:
        self.post_message(self.SaveFitRequested(self.run.id))

    def action_back(self) -> None:
        self.dismiss(None)
