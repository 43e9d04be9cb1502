"""Breathing pacer and form-cue rotation as pure functions of time in a step.

The screen asks "where in the breath are we at t?" rather than counting
frames, so a late redraw, a pause or a skipped tick can never drift the pacer
away from the countdown beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from isotimer.core.session.model import REST_BREATHING, Breathing
from isotimer.core.session.plan import Step, StepKind


class Breath(StrEnum):
    """The part of a breath the runner should be doing."""

    INHALE = "inhale"
    HOLD = "hold"
    EXHALE = "exhale"

    @property
    def words(self) -> str:
        """What the pacer says, in the runner's words."""
        return {"inhale": "breathe in", "hold": "hold", "exhale": "breathe out"}[self.value]


@dataclass(frozen=True)
class PacerState:
    """Where the breath is at one moment.

    ``fullness`` is how full the lungs should be, 0.0 to 1.0: it rises while
    breathing in, stays at 1.0 during the pause and falls while breathing out,
    so a bar drawn at that width grows and shrinks with the breath.
    """

    breath: Breath
    fullness: float
    seconds_left: float


def pacer_at(pattern: Breathing, elapsed_s: float) -> PacerState:
    """The breath at ``elapsed_s`` seconds into a step that began with an in-breath."""
    cycle = pattern.cycle_s
    into = max(0.0, elapsed_s) % cycle if cycle > 0 else 0.0
    if into < pattern.inhale:
        return PacerState(Breath.INHALE, into / pattern.inhale, pattern.inhale - into)
    into -= pattern.inhale
    if into < pattern.hold:
        return PacerState(Breath.HOLD, 1.0, pattern.hold - into)
    into -= pattern.hold
    return PacerState(Breath.EXHALE, 1.0 - into / pattern.exhale, pattern.exhale - into)


def breathing_for(step: Step, session_breathing: Breathing) -> Breathing | None:
    """The pattern to pace during ``step``, or None when no pacer should show.

    Holds use their own pattern or the session's; rests use the slower
    recovery pattern. Lead-ins and side switches are for getting into
    position, so they get no pacer.
    """
    if step.kind is StepKind.HOLD:
        return step.hold.breathing or session_breathing
    if step.kind is StepKind.REST:
        return REST_BREATHING
    return None


def reminders_for(step: Step) -> tuple[str, ...]:
    """What the cue line rotates through during ``step``.

    A hold shows its form cues with the exercise's breathing advice in turn,
    since the first thing to go under strain is the breath. The advice comes
    second, straight after the first cue, so that even a short hold shows it
    (five cues at 8 s each would outlast a 30 s hold). A warm-up or cool-down
    block shows its own cues. Other steps show none.
    """
    if step.is_hold:
        cues, advice = step.hold.cues, step.hold.breathing_advice
        return (*cues[:1], advice, *cues[1:]) if advice else cues
    if step.block is not None:
        return step.block.cues
    return ()


def cue_at(cues: tuple[str, ...], elapsed_s: float, every_s: float) -> str | None:
    """The form cue to show ``elapsed_s`` into a hold: the first at once, then every ``every_s``."""
    if not cues:
        return None
    if every_s <= 0:
        return cues[0]
    return cues[int(max(0.0, elapsed_s) // every_s) % len(cues)]
