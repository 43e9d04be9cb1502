"""What a second screen shows of a running session, as plain data for a web page.

The page counts down by itself between updates, so a state carries what it
needs for that: the time left when it was made, whether the clock is frozen,
and the step's breathing pattern and cues with their rotation, which the page
advances on its own from the elapsed time.
"""

from __future__ import annotations

from typing import Any

from isotimer.core.run.engine import Snapshot
from isotimer.core.run.pacer import breathing_for, reminders_for
from isotimer.core.session.model import Breathing, Side
from isotimer.core.session.plan import Plan, Step, StepKind
from isotimer.core.text.durations import short

WORDS = {
    StepKind.WARM_UP: "WARM-UP",
    StepKind.LEAD_IN: "GET READY",
    StepKind.HOLD: "HOLD",
    StepKind.SWITCH: "SWITCH SIDES",
    StepKind.REST: "REST",
    StepKind.COOL_DOWN: "COOL-DOWN",
}


def live_state(
    snapshot: Snapshot,
    plan: Plan,
    *,
    at: float = 0.0,
    muted: bool = False,
    cue_every_s: float = 8.0,
) -> dict[str, Any]:
    """The page's whole state at ``snapshot``, taken at monotonic time ``at``.

    ``at`` lets the page tell how late a state reached it: its own clock is
    another machine's, but the differences between arrivals still show which
    state was held up (a busy phone, a slow network) and by how much.
    """
    step = snapshot.step
    state: dict[str, Any] = {
        "at_s": round(at, 3),
        "session": plan.session.name,
        "index": snapshot.index,
        "phase": "done" if snapshot.finished else (step.kind.value if step else "ready"),
        "words": _words(snapshot),
        "paused": snapshot.paused,
        "muted": muted,
        "finished": snapshot.finished,
        "remaining_s": round(snapshot.remaining_s, 3),
        "elapsed_s": round(snapshot.elapsed_s, 3),
        "step_s": step.seconds if step else 0,
        "session_remaining_s": round(snapshot.session_remaining_s, 3),
        "session_total_s": plan.total_seconds,
        "title": "",
        "details": "",
        "cues": [],
        "cue_every_s": cue_every_s,
        "breathing": None,
        "next": None,
    }
    if step is None or snapshot.finished:
        return state
    state["title"] = step_title(step, ahead=step.kind is not StepKind.HOLD)
    state["details"] = _details(step, plan)
    # The same reminders as the run screen: a hold's cues and breathing advice, a block's cues.
    state["cues"] = list(reminders_for(step))
    pattern = breathing_for(step, plan.session.breathing)
    state["breathing"] = _pattern(pattern) if pattern else None
    coming = next((s for s in plan.steps[snapshot.index + 1 :] if s.is_hold), None)
    if coming is not None and step.kind is not StepKind.HOLD:
        state["next"] = f"Coming up: {step_title(coming)}, {short(coming.seconds)}"
    elif coming is not None:
        state["next"] = f"Then: {step_title(coming)}"
    return state


def _words(snapshot: Snapshot) -> str:
    if snapshot.finished:
        return "DONE"
    if snapshot.paused:
        return "PAUSED"
    return WORDS[snapshot.step.kind] if snapshot.step else "READY"


def step_title(step: Step, *, ahead: bool = False) -> str:
    """``Wall sit · left side``, after ``Next:`` when ``ahead``; a block by its own name.

    One wording for the run screen's heading and the live page.
    """
    if step.block is not None:
        return step.block.name
    side = f" · {step.side.value} side" if step.side is not Side.NONE else ""
    return f"{'Next: ' if ahead else ''}{step.hold.name}{side}"


def _details(step: Step, plan: Plan) -> str:
    if step.block is not None:
        label = "Warm-up" if step.kind is StepKind.WARM_UP else "Cool-down"
        return f"{label} · {short(step.seconds)} · n skips it"
    parts = [f"Set {step.set} of {step.hold.sets}"]
    if plan.session.rounds > 1:
        parts.append(f"Round {step.round} of {plan.session.rounds}")
    if step.hold.effort:
        parts.append(f"effort {step.hold.effort}%")
    return " · ".join(parts)


def _pattern(pattern: Breathing) -> dict[str, float]:
    return {"inhale": pattern.inhale, "hold": pattern.hold, "exhale": pattern.exhale}
