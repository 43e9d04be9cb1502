"""When the run screen next has something new to show, so that it wakes only then.

Everything on the run screen is a step function of time: the step countdown
and the session clock change on whole seconds, the form cue every few
seconds, the breathing bar once per pacer frame. Waking at the next of those
instants, rather than polling ten times a second, draws only frames that
differ (a few a second, which is what keeps the CPU near a plain countdown's)
and lands each step change, and its bell, on its deadline instead of up to a
poll late.
"""

from __future__ import annotations

import math

from isotimer.core.engine import Snapshot
from isotimer.core.plan import StepKind

# The bar moves in whole frames on a grid from the step's start, so a frame that
# falls on a whole second is drawn together with the countdown. Rests breathe
# slower (4 s in, 6 s out), so half the frames look just as smooth there.
PACER_FRAME_S = {StepKind.HOLD: 0.25, StepKind.REST: 1.0}
DEFAULT_PACER_FRAME_S = 0.25
# Wake a hair after a change rather than a hair before it, never spin, and
# look at least once a second whatever happens.
LATE_S = 0.002
MIN_WAIT_S = 0.01
MAX_WAIT_S = 1.0


def pacer_frame_s(kind: StepKind) -> float:
    return PACER_FRAME_S.get(kind, DEFAULT_PACER_FRAME_S)


def frame_elapsed(elapsed_s: float, frame_s: float) -> float:
    """``elapsed_s`` rounded down to the pacer's frame grid."""
    return math.floor(elapsed_s / frame_s + 1e-9) * frame_s


def until_next_second(remaining_s: float) -> float:
    """Seconds until a countdown of ``remaining_s`` shows a different whole second."""
    shown = math.ceil(remaining_s - 1e-9)
    return remaining_s - (shown - 1)


def next_redraw_in(
    snapshot: Snapshot, pacer: bool, cue_every_s: float | None = None, flash_s: float = 0.0
) -> float | None:
    """Seconds until the screen shows something else; None when nothing moves (paused).

    Args:
        snapshot: the engine's state now.
        pacer: whether the breathing bar is on screen.
        cue_every_s: how often the form cue changes, when more than one is shown.
        flash_s: how long the step's opening flash lasts, 0 when it has none.
    """
    step = snapshot.step
    if step is None or snapshot.paused:
        return None
    waits = [
        until_next_second(snapshot.remaining_s),
        until_next_second(snapshot.session_remaining_s),
    ]
    if pacer:
        frame = pacer_frame_s(step.kind)
        waits.append(frame - snapshot.elapsed_s % frame)
    if cue_every_s:
        waits.append(cue_every_s - snapshot.elapsed_s % cue_every_s)
    if snapshot.elapsed_s < flash_s:
        waits.append(flash_s - snapshot.elapsed_s)
    return min(MAX_WAIT_S, max(MIN_WAIT_S, min(waits) + LATE_S))
