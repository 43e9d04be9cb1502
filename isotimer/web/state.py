"""What a second screen shows of a running session, as plain data for a web page.

The page counts down by itself between updates, so a state carries what it
needs for that: the time left when it was made, whether the clock is frozen,
and the step's breathing pattern and cues with their rotation, which the page
advances on its own from the elapsed time. A finished run carries its end
card: the result, the holds held and the time under tension.
"""

from __future__ import annotations

from typing import Any

from isotimer.core.history.records import MIN_SESSION_HOLD_S, HoldOutcome
from isotimer.core.run.engine import Snapshot
from isotimer.core.run.events import Event, HoldFinished, SessionFinished
from isotimer.core.run.outcomes import SessionResult, hold_outcome
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
    held: str | None = None,
    tally: RunTally | None = None,
) -> dict[str, Any]:
    """The page's whole state at ``snapshot``, taken at monotonic time ``at``.

    ``at`` is on the server's clock, which the stream stamps on every message
    as it is sent (``now_s``): the page counts from ``at`` by that clock, so a
    state made seconds ago still shows the right second. ``held`` says why the
    app keeps the run paused (a dialog open), so the page cannot resume it;
    ``tally`` gives a finished run its end card.
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
        # A hold test: the page counts up from elapsed_s (step_s is only its cap).
        "counting_up": snapshot.counting_up,
        "session_remaining_s": round(snapshot.session_remaining_s, 3),
        "session_total_s": plan.total_seconds,
        "title": "",
        "details": "",
        "cues": [],
        "cue_every_s": cue_every_s,
        "breathing": None,
        "next": None,
        "next_name": None,
        "side": None,
        "effort": None,
        "hold_number": None,
        "holds": sum(1 for s in plan.steps if s.is_hold),
        "held": held if snapshot.paused else None,
        "end": None,
    }
    if snapshot.finished:
        state["end"] = (tally or RunTally()).end_card(state["holds"])
        return state
    if step is None:
        return state
    state["title"] = step_title(step, ahead=step.kind is not StepKind.HOLD)
    state["details"] = _details(step, plan)
    # The same reminders as the run screen: a hold's cues and breathing advice, a block's cues.
    state["cues"] = list(reminders_for(step))
    pattern = breathing_for(step, plan.session.breathing)
    state["breathing"] = _pattern(pattern) if pattern else None
    state["effort"] = step.effort if step.is_hold else None
    if step.kind in (StepKind.HOLD, StepKind.SWITCH) and step.side is not Side.NONE:
        state["side"] = step.side.value
    # The hold this step is about: itself, or for a rest, a switch or a lead-in the one coming.
    done = sum(1 for s in plan.steps[: snapshot.index + (1 if step.is_hold else 0)] if s.is_hold)
    number = done if step.is_hold else done + 1
    state["hold_number"] = number if number <= state["holds"] and not step.is_block else None
    coming = next((s for s in plan.steps[snapshot.index + 1 :] if s.is_hold), None)
    if coming is not None:
        state["next_name"] = step_title(coming)
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
    if step.effort:  # today's effort, which progression may have moved from the file's
        parts.append(f"effort {step.effort}%")
    return " · ".join(parts)


def _pattern(pattern: Breathing) -> dict[str, float]:
    return {"inhale": pattern.inhale, "hold": pattern.hold, "exhale": pattern.exhale}


class RunTally:
    """What a run added up to, for the page's end card: subscribe ``on_event`` to its engine.

    A set counts once, as in the history: a redo after going back replaces the
    earlier attempt, a skip after a real attempt does not.
    """

    def __init__(self) -> None:
        self._sets: dict[int, tuple[HoldOutcome, float]] = {}
        self.under_tension_s = 0.0
        self.stopped = False

    def on_event(self, event: Event) -> None:
        """Count a finished hold; note how the session ended."""
        if isinstance(event, HoldFinished):
            outcome = hold_outcome(event.reason, event.held_s, event.target_s)
            self.under_tension_s += event.held_s
            kept = self._sets.get(event.index)
            skipped = outcome is HoldOutcome.SKIPPED
            if kept is None or not skipped or kept[0] is HoldOutcome.SKIPPED:
                self._sets[event.index] = (outcome, event.held_s)
        elif isinstance(event, SessionFinished):
            self.stopped = not event.completed

    def result(self, planned: int) -> SessionResult:
        """``complete``, ``partial``, ``stopped`` or ``not a session``, as the summary says."""
        if not any(held >= MIN_SESSION_HOLD_S for _, held in self._sets.values()):
            return SessionResult.NOT_A_SESSION
        if self.stopped:
            return SessionResult.STOPPED
        done = sum(1 for outcome, _ in self._sets.values() if outcome is HoldOutcome.COMPLETED)
        return SessionResult.COMPLETE if done >= planned else SessionResult.PARTIAL

    def end_card(self, planned: int) -> dict[str, Any]:
        """The end card's facts: result, holds held to the end of those planned, time held."""
        done = sum(1 for outcome, _ in self._sets.values() if outcome is HoldOutcome.COMPLETED)
        return {
            "result": self.result(planned).value,
            "held": done,
            "planned": planned,
            "under_tension_s": round(self.under_tension_s),
        }
