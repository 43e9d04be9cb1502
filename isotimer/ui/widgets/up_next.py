"""During a rest or the lead-in: how to set up for the hold that comes next."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from isotimer.core.session.plan import Plan, Step
from isotimer.core.text.durations import short


def next_hold(plan: Plan, index: int) -> Step | None:
    """The first hold step after step ``index``, or None at the end of the session."""
    return next((step for step in plan.steps[index + 1 :] if step.is_hold), None)


def up_next_text(hold_step: Step) -> Text:
    """The set-up description of the coming hold, with its target time and equipment."""
    hold = hold_step.hold
    text = Text()
    text.append(f"Coming up: {short(hold_step.seconds)}", style="bold")
    if hold.equipment:
        text.append(f" · needs {', '.join(hold.equipment)}")
    if hold.setup:
        text.append(f"\n{hold.setup}")
    return text


class UpNext(Static):
    """The set-up text for the next hold; the screen shows it outside holds only."""

    def show(self, hold_step: Step | None) -> None:
        """Show the next hold's set-up, or clear the panel when there is none."""
        self.update(up_next_text(hold_step) if hold_step else "")
