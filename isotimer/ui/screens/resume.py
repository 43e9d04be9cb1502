"""The offer, at start-up, to finish a session that was cut off (killed, crashed, power cut)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.events import Mount
from textual.widgets import Button

from isotimer.core.run.outcomes import describe_holds
from isotimer.core.session.model import Side
from isotimer.core.text.dates import moment_text
from isotimer.core.text.durations import short
from isotimer.storage.history.interrupted import Resumable
from isotimer.ui.screens.confirm import ConfirmScreen


def resume_message(found: Resumable) -> str:
    """What was done, what comes next, and that declining keeps the holds already saved."""
    run, point, plan = found.run, found.point, found.plan
    hold = point.next_hold
    side = f", {hold.side.value} side" if hold.side is not Side.NONE else ""
    where = f"set {hold.set}" + (f", round {hold.round}" if plan.session.rounds > 1 else "")
    first = plan.steps[point.index]
    ready = "" if first.is_hold else f", after {short(first.seconds)} to get into position"
    if first.is_block:
        ready = ", after the warm-up"
    done = describe_holds(found.holds)
    them = "it" if len(found.holds) == 1 else "them"
    when = moment_text(run.started_at)
    return (
        f"{run.session_name} ({run.level}), started {when}, stopped unexpectedly after {done}.\n"
        f"Resume at {hold.hold.name}{side} ({where}){ready}? "
        f"Starting fresh keeps {them} in your history."
    )


class ResumeScreen(ConfirmScreen, inherit_bindings=False):
    """Dismisses with True to resume the interrupted run, False to close it and start fresh.

    A ``ConfirmScreen`` (same look) whose keys suit the question: Enter or ``y``
    resumes, ``n`` or Escape declines; ``q`` means nothing here.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,r", "answer(True)", "Resume"),
        Binding("n,escape", "answer(False)", "Start fresh"),
    ]

    def __init__(self, found: Resumable) -> None:
        super().__init__(
            resume_message(found),
            question="Resume your interrupted session?",
            yes="Resume",
            no="Start fresh",
        )
        self.found = found

    def on_mount(self, event: Mount) -> None:
        event.prevent_default()  # ConfirmScreen's handler would focus "Start fresh"
        resume = self.query_one("#yes", Button)
        resume.variant = "success"  # going on is the safe answer here, not a warning
        self.query_one("#no", Button).variant = "default"
        resume.focus()
