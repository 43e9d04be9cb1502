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

from isotimer.core.run.engine import Snapshot
from isotimer.core.session.plan import StepKind

# The bar moves in whole frames on a grid from the step's start, so every frame
# that falls on a whole second is drawn together with the countdown. Holds get
# three frames a second (a 3 s breath in nine steps); rests breathe slower (4 s
# in, 6 s out), so there the bar steps once a second, with the countdown. These
# rates are what keeps a hold within twice, and a rest within, the CPU of a
# plain terminal countdown (benchmarks/README.md).
PACER_FRAME_S = {StepKind.HOLD: 1 / 3, StepKind.REST: 1.0}
DEFAULT_PACER_FRAME_S = 1 / 3
# Wake a hair after a change rather than a hair before it, never spin, and
# look at least once a second whatever happens.
LATE_S = 0.002
MIN_WAIT_S = 0.01
MAX_WAIT_S = 1.0


def pacer_frame_s(kind: StepKind) -> float:
    """Seconds between redraws of the pacer during a step of ``kind``."""
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
        waits.append(_until_next_multiple(snapshot.elapsed_s, pacer_frame_s(step.kind)))
    if cue_every_s:
        waits.append(_until_next_multiple(snapshot.elapsed_s, cue_every_s))
    if snapshot.elapsed_s < flash_s:
        waits.append(flash_s - snapshot.elapsed_s)
    return min(MAX_WAIT_S, max(MIN_WAIT_S, min(waits) + LATE_S))


def _until_next_multiple(elapsed_s: float, every_s: float) -> float:
    """Seconds to the next multiple of ``every_s``, on the same grid as ``frame_elapsed``."""
    return frame_elapsed(elapsed_s, every_s) + every_s - elapsed_s
