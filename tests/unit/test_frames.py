"""When the run screen wakes: only when something on it changes, and on every deadline."""

from __future__ import annotations

import math

import pytest

from isotimer.core.run.engine import Engine
from isotimer.core.run.frames import (
    LATE_S,
    MAX_WAIT_S,
    frame_elapsed,
    next_redraw_in,
    pacer_frame_s,
    until_next_second,
)
from isotimer.core.run.pacer import breathing_for, cue_at
from isotimer.core.session.model import Breathing, Hold, Session
from isotimer.core.session.plan import StepKind, build_plan

HOLD = Hold(
    exercise="wall-sit", name="Wall sit", beginner_s=12, advanced_s=12, sets=2, rest=10,
    cues=("Knees over ankles", "Back flat"),
)  # fmt: skip
SESSION = Session(
    id="s", name="S", holds=(HOLD,), lead_in=3, breathing=Breathing(inhale=3, exhale=3)
)
CUE_EVERY_S = 4.0


@pytest.mark.parametrize(
    ("remaining", "wait"),
    [(5.0, 1.0), (4.5, 0.5), (0.3, 0.3), (1.0, 1.0), (59.25, 0.25)],
)
def test_the_countdown_changes_when_its_whole_second_does(remaining, wait):
    assert until_next_second(remaining) == pytest.approx(wait)


@pytest.mark.parametrize(
    ("elapsed", "frame", "grid"),
    [(0.0, 0.5, 0.0), (0.74, 0.25, 0.5), (1.0, 1 / 3, 1.0), (0.9999999999, 1 / 3, 1.0)],
)
def test_the_pacer_moves_in_whole_frames(elapsed, frame, grid):
    assert frame_elapsed(elapsed, frame) == pytest.approx(grid)


def engine_at(seconds: float) -> tuple[Engine, float]:
    engine = Engine(build_plan(SESSION))
    engine.start(0.0)
    engine.update(seconds)
    return engine, seconds


def wait_at(engine: Engine, at: float) -> float | None:
    snapshot = engine.snapshot(at)
    step = snapshot.step
    pacer = breathing_for(step, SESSION.breathing) is not None
    return next_redraw_in(snapshot, pacer, CUE_EVERY_S if step.is_hold else None)


def test_nothing_is_scheduled_while_paused():
    engine, at = engine_at(5.2)
    engine.pause(at)
    assert wait_at(engine, at + 30) is None


def test_the_step_change_is_woken_for_right_after_its_deadline():
    engine, at = engine_at(2.6)  # 0.4 s left of the lead-in, which has no pacer
    assert wait_at(engine, at) == pytest.approx(0.4 + LATE_S)


def test_never_sleeps_longer_than_a_second():
    engine, at = engine_at(0.0)
    assert wait_at(engine, at) <= MAX_WAIT_S + LATE_S


def visible(engine: Engine, at: float) -> tuple:
    """Everything on the run screen that depends on time."""
    snapshot = engine.snapshot(at)
    step = snapshot.step
    frame = frame_elapsed(snapshot.elapsed_s, pacer_frame_s(step.kind))
    return (
        snapshot.index,
        math.ceil(snapshot.remaining_s - 1e-9),
        math.ceil(snapshot.session_remaining_s - 1e-9),
        round(frame, 6) if breathing_for(step, SESSION.breathing) else None,
        cue_at(step.hold.cues, snapshot.elapsed_s, CUE_EVERY_S) if step.is_hold else None,
    )


def wakes(kind: StepKind) -> tuple[int, int, float]:
    """Follow the schedule through the first step of ``kind``: wakes, changes, its length."""
    engine = Engine(build_plan(SESSION))
    engine.start(0.0)
    index = next(i for i, step in enumerate(engine.plan.steps) if step.kind is kind)
    at, count, changes, shown = 0.0, 0, 0, None
    while True:
        snapshot = engine.update(at)
        if snapshot.finished or snapshot.index > index:
            return count, changes, engine.plan.steps[index].seconds
        now = visible(engine, at)
        if snapshot.index == index:
            count += 1
            changes += now != shown
        shown = now
        at += wait_at(engine, at)


@pytest.mark.parametrize(("kind", "per_second"), [(StepKind.HOLD, 3), (StepKind.REST, 1)])
def test_each_wake_draws_something_new_at_the_pacer_rate(kind, per_second):
    count, changes, seconds = wakes(kind)
    assert changes == count
    assert count == pytest.approx(seconds * per_second, abs=1)
