"""The wall clock stepping back and forward mid-session changes no hold and no order."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from isotimer.core.clock import FakeClock
from isotimer.core.run.engine import Engine
from isotimer.core.session.model import Level
from isotimer.core.session.plan import build_plan
from isotimer.storage.history.recorder import SessionRecorder
from isotimer.storage.history.store import HistoryStore
from tests.ui.builders import TEST_SESSION

# (monotonic second of the run, wall-clock jump in seconds): in the lead-in, mid-hold, in rests.
JUMPS = {
    "back then forward": {3: -3600, 50: 7200},
    "forward then back mid-hold": {20: 7200, 80: -3600, 81: -3600},
    "back by a day in every hold": {12: -86400, 70: -86400, 130: -86400},
}


@pytest.mark.parametrize("jumps", JUMPS.values(), ids=JUMPS.keys())
@pytest.mark.parametrize("level", [Level.BEGINNER, Level.ADVANCED])
def test_wall_clock_jumps_change_no_hold_length_or_order(tmp_path, jumps, level):
    clock = FakeClock()
    plan = build_plan(TEST_SESSION, level, lead_in=5)
    with HistoryStore.open(tmp_path / "history.sqlite3") as store:
        engine = Engine(plan)
        recorder = SessionRecorder(store, clock, plan, level)
        engine.subscribe(recorder.on_event)
        engine.start(clock.monotonic())
        second = 0
        while not engine.finished:
            second += 1
            clock.advance(1)
            if second in jumps:
                clock.jump_wall(jumps[second])
            engine.update(clock.monotonic())
        stored = store.run_holds(recorder.run_id)
        [run] = store.runs()

    records = recorder.records
    assert [h.id for h in stored] == [h.id for h in records]
    assert len(records) == sum(1 for step in plan.steps if step.is_hold)
    for hold in stored:
        assert hold.completed and hold.held_s == hold.target_s
        assert hold.ended_at - hold.started_at == timedelta(seconds=hold.held_s)
    starts = [hold.started_at for hold in stored]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert all(a.ended_at <= b.started_at for a, b in itertools.pairwise(stored))
    assert run.started_at <= starts[0] and run.ended_at >= stored[-1].ended_at


def test_a_jump_while_paused_keeps_the_hold_its_time(tmp_path):
    clock = FakeClock()
    plan = build_plan(TEST_SESSION, Level.BEGINNER, lead_in=5)
    with HistoryStore.open(tmp_path / "history.sqlite3") as store:
        engine = Engine(plan)
        recorder = SessionRecorder(store, clock, plan, Level.BEGINNER)
        engine.subscribe(recorder.on_event)
        engine.start(clock.monotonic())
        clock.advance(15)  # 10 s into the first 30 s hold
        engine.pause(clock.monotonic())
        clock.jump_wall(-3600)
        clock.advance(120)
        clock.jump_wall(7200)
        engine.resume(clock.monotonic())
        clock.advance(10)
        engine.end_hold(clock.monotonic())  # "form broke" after 20 s held
        stored = store.run_holds(recorder.run_id)
    [hold] = stored
    assert hold.held_s == 20.0 and not hold.completed
    assert hold.ended_at >= hold.started_at
