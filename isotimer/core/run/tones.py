"""Which tone marks which moment, and what each tone is: pure data, no sound device.

* A short beep on each of the last three seconds of every step, so the runner
  hears the count whatever the step (switches included: five seconds to get
  onto the other side are when the count helps most).
* A higher tone when a hold starts and a lower one when it ends, however it
  ends: the pitch alone says "go" or "stop" without looking.
* A rising three-note chime when a session is completed.

The moments come from engine events, so every tone is timed by the engine's
deadlines, never by a redraw.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from isotimer.core.run.events import (
    CountdownTick,
    Event,
    HoldFinished,
    SessionFinished,
    StepStarted,
)
from isotimer.core.session.plan import StepKind

COUNT_FROM = 3


class Sound(StrEnum):
    """What isotimer plays: nothing, the terminal bell, or tones (the bell where they fail)."""

    OFF = "off"
    BELL = "bell"
    TONES = "tones"


class Tone(StrEnum):
    """The sounds isotimer makes."""

    COUNT = "count"
    HOLD_START = "hold-start"
    HOLD_END = "hold-end"
    FINISH = "finish"


@dataclass(frozen=True)
class Note:
    """One sine note: its pitch, how long it sounds, and how fast it fades (0: it does not)."""

    frequency_hz: float
    seconds: float
    decay: float = 0.0


NOTES: dict[Tone, tuple[Note, ...]] = {
    Tone.COUNT: (Note(880.0, 0.12),),
    Tone.HOLD_START: (Note(1320.0, 0.4),),
    Tone.HOLD_END: (Note(440.0, 0.4),),
    Tone.FINISH: (Note(660.0, 0.18, 3.0), Note(880.0, 0.18, 3.0), Note(1320.0, 0.6, 4.0)),
}


def tone_seconds(tone: Tone) -> float:
    """How long ``tone`` lasts."""
    return sum(note.seconds for note in NOTES[tone])


def tone_for(event: Event) -> Tone | None:
    """The tone that marks ``event``, or None when it passes without one."""
    if isinstance(event, CountdownTick):
        return Tone.COUNT if 1 <= event.seconds_left <= COUNT_FROM else None
    if isinstance(event, StepStarted) and event.step.kind is StepKind.HOLD:
        return Tone.HOLD_START
    if isinstance(event, HoldFinished):
        return Tone.HOLD_END
    if isinstance(event, SessionFinished) and event.completed:
        return Tone.FINISH
    return None


def due_of(event: Event) -> float:
    """The moment ``event`` marks, on the engine's clock: what a tone is timed against."""
    if isinstance(event, CountdownTick):
        return event.due
    if isinstance(event, HoldFinished):
        return event.ended_at
    return event.at
