"""What to say and ring for each engine event, decided without touching any device.

The mapping lives in the core so that it can be tested as a table and so that
the screen, the bell and the voice all agree on what a moment sounds like.

Choices worth knowing:

* The count "three, two, one" is spoken at the end of holds, rests and the
  lead-in: the last two end with a hold starting, which is the moment a runner
  needs to be in position for. Switches get no count: they are short (5 s by
  default) and already carry "Switch sides" followed at once by the next
  side's announcement, so a count there would talk over it.
* "Halfway" is spoken but does not ring: a bell mid-hold reads as "stop".
* A hold ending says nothing; the next step's announcement (a rest, a switch
  or the end of the session) follows in the same instant.
"""

from __future__ import annotations

from dataclasses import dataclass

from isotimer.core.run.events import (
    CountdownTick,
    Event,
    Halfway,
    SessionFinished,
    StepStarted,
)
from isotimer.core.session.model import Side
from isotimer.core.session.plan import Step, StepKind

COUNT_WORDS = {1: "one", 2: "two", 3: "three"}
COUNTED_KINDS = frozenset({StepKind.HOLD, StepKind.REST, StepKind.LEAD_IN})


@dataclass(frozen=True)
class Cue:
    """One moment's sound: words for a voice and whether the terminal bell rings.

    ``words`` is empty for a bell-only cue.
    """

    words: str = ""
    bell: bool = True


def cue_for(event: Event) -> Cue | None:
    """The cue for ``event``, or None when the moment should stay quiet."""
    if isinstance(event, StepStarted):
        return Cue(_announce(event.step))
    if isinstance(event, CountdownTick):
        if event.step.kind not in COUNTED_KINDS:
            return None
        words = COUNT_WORDS.get(event.seconds_left)
        return Cue(words) if words else None
    if isinstance(event, Halfway):
        return Cue("Halfway", bell=False)
    if isinstance(event, SessionFinished):
        return Cue("End of the session." if event.completed else "Session stopped")
    return None


def _announce(step: Step) -> str:
    """The sentence said as ``step`` begins."""
    name = step.hold.name
    if step.is_test:
        return f"{name}{_side(step.side)}, hold test: as long as you can"
    if step.kind is StepKind.HOLD:
        return f"{name}{_side(step.side)}, {_seconds(step.seconds)}"
    if step.kind is StepKind.SWITCH:
        return "Switch sides"
    if step.kind is StepKind.REST:
        return f"Rest. Next: {name}"
    if step.block is not None:
        label = "Warm-up" if step.kind is StepKind.WARM_UP else "Cool-down"
        return f"{label}: {step.block.name}, {_minutes_or_seconds(step.seconds)}"
    return f"Get ready: {name}"


def _side(side: Side) -> str:
    return "" if side is Side.NONE else f", {side.value} side"


def _seconds(seconds: float) -> str:
    """Whole seconds as spoken: a voice reading "45.0" sounds like a glitch."""
    whole = max(0, round(seconds))
    return f"{whole} second" if whole == 1 else f"{whole} seconds"


def _minutes_or_seconds(seconds: float) -> str:
    """Blocks run for minutes: "5 minutes" is easier to hear than "300 seconds"."""
    whole = max(0, round(seconds))
    if whole < 60 or whole % 60:
        return _seconds(whole)
    minutes = whole // 60
    return "1 minute" if minutes == 1 else f"{minutes} minutes"
