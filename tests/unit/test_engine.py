"""The timing engine against a hand-moved clock: deadlines, pauses, commands, events."""

from __future__ import annotations

import pytest

from isotimer.core.run.engine import Engine
from isotimer.core.run.events import (
    CountdownTick,
    EndReason,
    Halfway,
    HoldFinished,
    SessionFinished,
    StepStarted,
)
from isotimer.core.session.model import Sides
from isotimer.core.session.plan import StepKind, build_plan
from tests.unit.factories import hold, session

T0 = 100.0


def run(*holds, **kwargs):
    """An engine started at T0 plus the list its events land in."""
    engine = Engine(build_plan(session(*holds, **kwargs)))
    events: list = []
    engine.subscribe(events.append)
    engine.start(T0)
    return engine, events


def of(events, kind):
    return [e for e in events if isinstance(e, kind)]


def test_start_enters_the_first_step():
    engine, events = run(hold(seconds=30))
    assert engine.current.kind is StepKind.LEAD_IN
    assert of(events, StepStarted)[0].at == T0


def test_remaining_time_comes_from_the_deadline_not_from_ticks():
    engine, _ = run(hold(seconds=30), lead_in=5)
    assert engine.update(T0 + 2.5).remaining_s == pytest.approx(2.5)
    assert engine.update(T0 + 20).remaining_s == pytest.approx(15)


def test_a_late_update_ends_every_passed_step_at_its_own_deadline():
    engine, events = run(hold(seconds=10, sets=2, rest=5), lead_in=5)
    engine.update(T0 + 26)  # one frame, 26 s late: lead-in, hold, rest, and 1 s of set 2
    starts = [e.at for e in of(events, StepStarted)]
    assert starts == [T0, T0 + 5, T0 + 15, T0 + 20]
    finished = of(events, HoldFinished)
    assert [(f.held_s, f.completed, f.ended_at) for f in finished] == [(10, True, T0 + 15)]
    assert engine.snapshot(T0 + 26).remaining_s == pytest.approx(4)


def test_session_finishes_at_the_planned_total():
    engine, events = run(hold(seconds=10, sides=Sides.BOTH, switch=3), lead_in=5)
    engine.update(T0 + 27.999)
    assert not engine.finished
    engine.update(T0 + 28)
    assert engine.finished
    assert of(events, SessionFinished) == [SessionFinished(completed=True, at=T0 + 28)]


def test_pause_freezes_the_countdown_exactly():
    engine, _ = run(hold(seconds=30), lead_in=0)
    engine.update(T0 + 10)
    engine.pause(T0 + 10)
    assert engine.snapshot(T0 + 500).remaining_s == pytest.approx(20)
    engine.resume(T0 + 500)
    assert engine.update(T0 + 505).remaining_s == pytest.approx(15)


def test_pause_does_not_change_the_held_time():
    engine, events = run(hold(seconds=30), lead_in=0)
    engine.pause(T0 + 10)
    engine.resume(T0 + 70)
    engine.update(T0 + 90)
    assert of(events, HoldFinished)[0].held_s == 30
    assert of(events, HoldFinished)[0].ended_at == T0 + 90


def test_end_hold_keeps_the_held_time_and_marks_it_not_completed():
    engine, events = run(hold(seconds=45, sets=2, rest=30), lead_in=5)
    assert engine.end_hold(T0 + 5 + 23.44)
    done = of(events, HoldFinished)[0]
    assert (done.held_s, done.completed, done.reason) == (23.4, False, EndReason.EARLY)
    assert engine.current.kind is StepKind.REST


def test_end_hold_outside_a_hold_does_nothing():
    engine, events = run(hold(seconds=45), lead_in=5)
    assert not engine.end_hold(T0 + 1)
    assert engine.current.kind is StepKind.LEAD_IN
    assert not of(events, HoldFinished)


def test_end_hold_while_paused_counts_only_unpaused_time():
    engine, events = run(hold(seconds=45), lead_in=0)
    engine.pause(T0 + 10)
    engine.end_hold(T0 + 400)
    assert of(events, HoldFinished)[0].held_s == 10


def test_skip_from_rest_starts_the_next_hold_now():
    engine, events = run(hold(seconds=10, sets=2, rest=60), lead_in=0)
    engine.update(T0 + 12)
    engine.skip(T0 + 12)
    assert engine.current.kind is StepKind.HOLD
    assert of(events, StepStarted)[-1].at == T0 + 12
    assert engine.snapshot(T0 + 12).remaining_s == 10


def test_skip_during_a_hold_reports_it_as_skipped():
    engine, events = run(hold(seconds=10, sets=2, rest=60), lead_in=0)
    engine.skip(T0 + 4)
    assert of(events, HoldFinished)[0].reason is EndReason.SKIP
    assert of(events, HoldFinished)[0].held_s == 4


def test_back_restarts_the_previous_step():
    engine, events = run(hold(seconds=10, sets=2, rest=60), lead_in=0)
    engine.update(T0 + 15)
    engine.back(T0 + 15)
    assert engine.current.kind is StepKind.HOLD
    assert engine.snapshot(T0 + 15).remaining_s == 10
    assert [e.index for e in of(events, StepStarted)] == [0, 1, 0]


def test_back_on_the_first_step_restarts_it():
    engine, _ = run(hold(seconds=10), lead_in=5)
    engine.back(T0 + 3)
    assert engine.snapshot(T0 + 3).remaining_s == 5


@pytest.mark.parametrize(("delta", "expected"), [(5, 35), (-5, 25), (-100, 0)])
def test_adjust_rest_moves_its_deadline(delta, expected):
    engine, _ = run(hold(seconds=10, sets=2, rest=30), lead_in=0)
    engine.update(T0 + 10)
    assert engine.adjust_rest(delta, T0 + 10)
    snap = engine.snapshot(T0 + 10)
    if expected:
        assert snap.remaining_s == expected
    else:
        assert snap.step.kind is StepKind.HOLD


def test_adjust_rest_outside_a_rest_does_nothing():
    engine, _ = run(hold(seconds=10), lead_in=0)
    assert not engine.adjust_rest(5, T0 + 1)
    assert engine.snapshot(T0 + 1).remaining_s == 9


def test_stop_keeps_the_hold_in_progress_as_stopped():
    engine, events = run(hold(seconds=30), lead_in=0)
    engine.stop(T0 + 12)
    done = of(events, HoldFinished)[0]
    assert (done.held_s, done.completed, done.reason) == (12, False, EndReason.STOP)
    assert of(events, SessionFinished) == [SessionFinished(completed=False, at=T0 + 12)]
    assert engine.finished


def test_stop_twice_reports_once():
    engine, events = run(hold(seconds=30), lead_in=0)
    engine.stop(T0 + 1)
    engine.stop(T0 + 2)
    assert len(of(events, SessionFinished)) == 1


def test_countdown_ticks_each_of_the_last_three_seconds_once():
    engine, events = run(hold(seconds=10), lead_in=0)
    for tenth in range(0, 101):
        engine.update(T0 + tenth / 10)
    ticks = [(e.seconds_left, e.at) for e in of(events, CountdownTick)]
    assert ticks == [(3, T0 + 7), (2, T0 + 8), (1, T0 + 9)]


def test_a_late_update_still_dates_each_countdown_second_from_the_deadline():
    engine, events = run(hold(seconds=10), lead_in=0)
    for at in (T0 + 7.04, T0 + 8.3, T0 + 9.01):
        engine.update(at)
    ticks = [(e.seconds_left, e.due, e.at) for e in of(events, CountdownTick)]
    assert ticks == [(3, T0 + 7, T0 + 7.04), (2, T0 + 8, T0 + 8.3), (1, T0 + 9, T0 + 9.01)]


def test_countdown_is_silent_while_paused():
    engine, events = run(hold(seconds=10), lead_in=0)
    engine.pause(T0 + 6)
    engine.update(T0 + 60)
    assert not of(events, CountdownTick)


def test_halfway_is_told_once_per_hold():
    engine, events = run(hold(seconds=10), lead_in=0)
    for second in range(11):
        engine.update(T0 + second)
    assert [e.at for e in of(events, Halfway)] == [T0 + 5]


def test_snapshot_reports_session_progress():
    engine, _ = run(hold(seconds=10), lead_in=10)
    snap = engine.update(T0 + 5)
    assert snap.session_remaining_s == 15
    assert snap.session_progress == pytest.approx(0.25)


def test_start_at_a_later_step_resumes_the_plan_there():
    engine = Engine(build_plan(session(hold(seconds=10, sets=2, rest=5), lead_in=5)))
    events: list = []
    engine.subscribe(events.append)
    engine.start(T0, index=3)  # lead-in, hold, rest, then the second set
    assert [(e.index, e.step.kind) for e in of(events, StepStarted)] == [(3, StepKind.HOLD)]
    snapshot = engine.update(T0 + 4)
    assert snapshot.remaining_s == pytest.approx(6)
    assert snapshot.session_remaining_s == pytest.approx(6)
    engine.update(T0 + 10)
    assert [f.index for f in of(events, HoldFinished)] == [3]
    assert of(events, SessionFinished) == [SessionFinished(completed=True, at=T0 + 10)]


@pytest.mark.parametrize("index", [-1, 4])
def test_start_outside_the_plan_is_refused(index):
    engine = Engine(build_plan(session(hold(seconds=10, sets=2, rest=5), lead_in=5)))
    with pytest.raises(ValueError):
        engine.start(T0, index=index)
