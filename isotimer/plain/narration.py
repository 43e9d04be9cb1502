"""What plain mode says, as lines of text: pure functions of the plan, events and snapshots.

A line per step as it starts, the time left every ten seconds and then 3, 2,
1 (in a hold test, the time held every ten seconds, and the result), and a
summary at the end. Nothing here writes or reads a clock, so the
wording is tested as tables and the loop only decides when to ask.
"""

from __future__ import annotations

from collections.abc import Sequence

from isotimer.core.history.checkins import checkin_sides
from isotimer.core.history.records import HoldKind, HoldOutcome, HoldRecord
from isotimer.core.run.engine import Snapshot
from isotimer.core.run.events import (
    CountdownTick,
    Event,
    HoldFinished,
    SessionFinished,
    StepStarted,
)
from isotimer.core.run.outcomes import counted, outcome_counts, session_result
from isotimer.core.session.model import Side
from isotimer.core.session.plan import Plan, Step, StepKind
from isotimer.core.text.durations import clock, countdown_seconds, held, short, whole_seconds

MARK_EVERY_S = 10
COUNTED = frozenset({StepKind.HOLD, StepKind.REST, StepKind.LEAD_IN})
KEYS_LINE = "Keys: space pause, d end hold (form broke), n next, b back, m mute, q stop"
PAIN_QUESTION = "Any pain?"
# How a hold ended, in the words the app's summary and history use.
OUTCOME_WORDS = {
    HoldOutcome.COMPLETED: "held to the end",
    HoldOutcome.ENDED_EARLY: "ended early",
    HoldOutcome.SKIPPED: "skipped",
    HoldOutcome.STOPPED: "stopped",
}
TEST_KEYS = "d or Enter when form goes"


def hold_words(step: Step) -> str:
    """``Wall sit, left side``: the hold's name and, when it has one, its side."""
    side = "" if step.side is Side.NONE else f", {step.side.value} side"
    return f"{step.hold.name}{side}"


def step_line(plan: Plan, index: int) -> str:
    """The line said as step ``index`` starts: ``Wall sit, left side: 30 s``."""
    step = plan.steps[index]
    seconds = short(step.seconds)
    if step.is_test:
        return f"{hold_words(step)}: hold test, count up to failure (cap {seconds}); {TEST_KEYS}"
    if step.kind is StepKind.HOLD:
        effort = f" at {step.effort}% effort" if step.effort else ""
        return f"{hold_words(step)}: {seconds}{effort}"
    if step.kind is StepKind.SWITCH:
        return f"Switch sides: {seconds}"
    if step.block is not None:
        label = "Warm-up" if step.kind is StepKind.WARM_UP else "Cool-down"
        cues = f" ({'; '.join(step.block.cues)})" if step.block.cues else ""
        return f"{label}, {step.block.name}: {seconds}{cues}"
    coming = next((s for s in plan.steps[index + 1 :] if s.is_hold), None)
    after = f", then {hold_words(coming)}{_set_words(coming, plan)}" if coming else ""
    if step.kind is StepKind.REST:
        return f"Rest: {seconds}{after}"
    return f"Get ready: {seconds}{after}"


def _set_words(step: Step, plan: Plan) -> str:
    parts = [f"set {step.set} of {step.hold.sets}"] if step.hold.sets > 1 else []
    rounds = plan.session.rounds
    parts += [f"round {step.round} of {rounds}"] if rounds > 1 else []
    return f" ({', '.join(parts)})" if parts else ""


def event_line(plan: Plan, event: Event) -> str | None:
    """The line an engine event gives, or None for the events plain mode keeps quiet."""
    if isinstance(event, StepStarted):
        return step_line(plan, event.index)
    if isinstance(event, CountdownTick) and event.step.kind in COUNTED:
        return str(event.seconds_left)
    if isinstance(event, SessionFinished):
        # Reaching the end is not completing: the summary says how the run went.
        return "End of the session." if event.completed else "Session stopped."
    if isinstance(event, HoldFinished) and event.step.is_test and event.completed:
        return f"{hold_words(event.step)}: held {whole_seconds(event.held_s)} s."
    return None


def time_left_mark(snapshot: Snapshot) -> int | None:
    """The seconds left when they are a ten-second mark worth saying, else None.

    A mark is a multiple of ten below the step's own length (its first line
    already says that) and above the 3, 2, 1 that the engine counts.
    """
    step = snapshot.step
    if step is None or snapshot.paused or step.kind not in COUNTED or step.is_test:
        return None
    shown = countdown_seconds(snapshot.remaining_s)
    if shown % MARK_EVERY_S or shown >= countdown_seconds(step.seconds) or shown <= 3:
        return None
    return shown


def time_held_mark(snapshot: Snapshot) -> int | None:
    """In a hold test, the whole seconds held when they are a ten-second mark, else None."""
    if not snapshot.counting_up or snapshot.paused:
        return None
    shown = whole_seconds(snapshot.elapsed_s)
    return shown if shown and not shown % MARK_EVERY_S else None


def summary_lines(plan: Plan, holds: Sequence[HoldRecord], stopped: bool = False) -> list[str]:
    """The end of the run: what was held, hold by hold, the total under tension, and the
    session as the history calls it (complete, partial or stopped)."""
    mine = counted(holds)
    tally = outcome_counts(mine)
    done = tally.get(HoldOutcome.COMPLETED, 0)
    others = "".join(
        f", {count} {OUTCOME_WORDS[outcome]}"
        for outcome, count in tally.items()
        if outcome is not HoldOutcome.COMPLETED
    )
    if HoldOutcome.ENDED_EARLY not in tally:
        others = f", 0 ended early{others}"
    under = sum(hold.held_s for hold in holds)
    count = f"{len(mine)} hold{'s' if len(mine) != 1 else ''}"
    lines = [
        f"{plan.session.name}: {count}, {done} held to the end{others}; "
        f"{clock(under)} under tension of {clock(plan.time_under_tension_s)} planned."
    ]
    result = session_result(holds, len(plan.hold_steps), stopped)
    lines.append(f"Session: {result.value}")
    for hold in mine:
        side = "" if hold.side == "none" else f", {hold.side} side"
        if hold.kind is HoldKind.TEST:
            lines.append(f"  {hold.exercise_name}{side}: {whole_seconds(hold.held_s)} s, hold test")
            continue
        state = OUTCOME_WORDS[hold.outcome]
        lines.append(f"  {hold.exercise_name}{side}: {held(hold.held_s, hold.target_s)}, {state}")
    return lines


def pain_questions(holds: Sequence[HoldRecord]) -> list[tuple[str, str]]:
    """The pain questions after a run, as (side, question): one a side when the sides were
    worked apart, as the app's summary asks, else one for the whole session."""
    sides = checkin_sides(holds)
    if sides == ("none",):
        return [("none", PAIN_QUESTION)]
    return [(side, f"Any pain on the {side} side?") for side in sides]
