"""What the current step is about: the exercise, its side, set, round and effort."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

from isotimer.core.session.model import Side
from isotimer.core.session.plan import Plan, Step, StepKind
from isotimer.core.text.cut import ellipsize
from isotimer.core.text.durations import short, whole_seconds
from isotimer.web.state import step_title


def title_for(step: Step) -> str:
    """``Wall sit · left side``, with ``Next:`` in front when the hold is still to come.

    A warm-up or cool-down block is named for itself: it is not a hold.
    """
    return step_title(step, ahead=step.kind is not StepKind.HOLD)


def fitted_title(step: Step, width: int) -> str:
    """``title_for`` in one line of ``width``: the side is kept whole, the name gives way.

    A title that wrapped would move the countdown down a row for that step only;
    cut from its end, it would hide which side comes next. So the word "side"
    goes first, then the end of the name.
    """
    full = title_for(step)
    if len(full) <= width or step.block is not None or step.side is Side.NONE:
        return full if len(full) <= width else ellipsize(full, width)
    head = "Next: " if step.kind is not StepKind.HOLD else ""
    side = f" · {step.side.value}"
    short_title = f"{head}{step.hold.name}{side}"
    if len(short_title) <= width:
        return short_title
    return head + ellipsize(step.hold.name, max(1, width - len(head) - len(side))) + side


def details_for(step: Step, plan: Plan, to_beat: float | None = None) -> str:
    """``Set 1 of 2 · Round 1 of 2 · 30 s · effort 70%``: where the step sits in the session.

    A hold test has no target: it says so, and names the last test's time to beat.
    """
    if step.block is not None:
        return block_details(step, plan)
    hold = step.hold
    parts = [f"Set {step.set} of {hold.sets}"]
    if plan.session.rounds > 1:
        parts.append(f"Round {step.round} of {plan.session.rounds}")
    if step.is_test:
        parts.append("hold test")
        if to_beat is not None:
            parts.append(f"last test {whole_seconds(to_beat)} s to beat")
        parts.append("Enter or d when done")
    elif step.kind is StepKind.HOLD:
        change = step.seconds - hold.seconds_for(plan.level)
        if change:
            parts.append(f"today's target {short(step.seconds)} ({change:+g} s)")
        else:
            parts.append(f"target {short(step.seconds)}")
    base = hold.effort_for(plan.level)
    effort = step.effort if step.is_hold else base
    if effort:
        moved = f" ({effort - base:+d})" if base and effort != base else ""
        parts.append(f"effort {effort}%{moved}")
    return " · ".join(parts)


def block_details(step: Step, plan: Plan) -> str:
    """``Warm-up 1 of 2 · 5 min · n skips it``: blocks are optional, so say how to skip."""
    same = [other for other in plan.steps if other.kind is step.kind]
    label = "Warm-up" if step.kind is StepKind.WARM_UP else "Cool-down"
    place = f" {same.index(step) + 1} of {len(same)}" if len(same) > 1 else ""
    return f"{label}{place} · {short(step.seconds)} · n skips it"


class StepHeading(Widget):
    """Two lines, one row each: the exercise in bold, then where it sits in the session."""

    DEFAULT_CSS = """
    StepHeading {
        height: auto;
    }
    StepHeading Static {
        width: 1fr;
        height: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._step: Step | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        yield Static(id="details")

    def show(self, step: Step, plan: Plan, to_beat: float | None = None) -> None:
        """Describe ``step``; called once per step, not every tick."""
        self._step = step
        self._show_title()
        details = Text(details_for(step, plan, to_beat), no_wrap=True, overflow="ellipsis")
        self.query_one("#details", Static).update(details)

    def on_resize(self) -> None:
        self._show_title()

    def _show_title(self) -> None:
        if self._step is not None:
            title = fitted_title(self._step, self.size.width or len(title_for(self._step)))
            self.query_one("#title", Static).update(Text(title))
