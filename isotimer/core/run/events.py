"""What the engine tells its subscribers (the screen, the sound, the history)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from isotimer.core.session.plan import Step


class EndReason(StrEnum):
    """Why a hold ended."""

    TIME = "time"
    EARLY = "early"
    SKIP = "skip"
    BACK = "back"
    STOP = "stop"


@dataclass(frozen=True)
class StepStarted:
    """The engine entered step ``index`` at monotonic time ``at``."""

    index: int
    step: Step
    at: float


@dataclass(frozen=True)
class CountdownTick:
    """One of the last three whole seconds of a step has begun.

    ``at`` is when the engine noticed; ``due`` is when the second began (the
    step's deadline less ``seconds_left``), which the beep is timed against.
    """

    index: int
    step: Step
    seconds_left: int
    at: float
    due: float


@dataclass(frozen=True)
class Halfway:
    """Half of a hold's target time has been held."""

    index: int
    step: Step
    at: float


@dataclass(frozen=True)
class HoldFinished:
    """A hold ended; ``held_s`` excludes pauses and is rounded to 0.1 s."""

    index: int
    step: Step
    target_s: float
    held_s: float
    completed: bool
    reason: EndReason
    started_at: float
    ended_at: float


@dataclass(frozen=True)
class TimingChanged:
    """The current step's clock froze, restarted or moved: a pause, a resume, a rest changed.

    Nothing on the terminal needs it (the screen redraws after its own keys), but a
    second screen that counts down by itself must hear at once that its deadline moved.
    """

    index: int
    paused: bool
    at: float


@dataclass(frozen=True)
class SessionFinished:
    """The session ended at ``at``; ``completed`` is False when it was stopped early."""

    completed: bool
    at: float


Event = StepStarted | CountdownTick | Halfway | HoldFinished | TimingChanged | SessionFinished
