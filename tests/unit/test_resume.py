"""Resuming an interrupted run: where it picks up, which run is offered, and the live-run lock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from isotimer.core.history.records import Outcome
from isotimer.core.run.resume import RESUME_WITHIN, resume_point, worth_resuming
from isotimer.core.session.model import Level, Sides
from isotimer.core.session.plan import StepKind, build_plan
from isotimer.storage.history.interrupted import close_interrupted, find_resumable
from isotimer.storage.history.run_lock import RunLock, is_live, lock_path
from isotimer.storage.history.store import HistoryStore
from tests.unit.factories import hold, session
from tests.unit.history_factories import T0, hold_record, run_record

# lead-in, wall sit 1, rest, wall sit 2, rest, plank left, switch, plank right
SESSION = session(hold("Wall sit", sets=2, rest=20), hold("Plank", sides=Sides.BOTH, rest=15))
PLAN = build_plan(SESSION)


def done(*holds: tuple[str, str, int]) -> list:
    """Records for (exercise, side, set), a minute apart."""
    return [
        hold_record(exercise=exercise, side=side, set=set_no, at=T0 + timedelta(minutes=n))
        for n, (exercise, side, set_no) in enumerate(holds)
    ]


@pytest.mark.parametrize(
    ("recorded", "index", "kind", "next_hold"),
    [
        ((), 0, StepKind.LEAD_IN, ("wall-sit", 1)),
        ((("wall-sit", "none", 1),), 2, StepKind.REST, ("wall-sit", 2)),
        ((("wall-sit", "none", 1), ("wall-sit", "none", 2)), 4, StepKind.REST, ("plank", 1)),
        (
            (("wall-sit", "none", 1), ("wall-sit", "none", 2), ("plank", "left", 1)),
            6,
            StepKind.SWITCH,
            ("plank", 1),
        ),
        # "back" redid the first set: the record repeats, the place does not move back twice
        ((("wall-sit", "none", 1), ("wall-sit", "none", 1)), 2, StepKind.REST, ("wall-sit", 2)),
    ],
)
def test_resume_starts_at_the_step_after_the_last_recorded_hold(recorded, index, kind, next_hold):
    point = resume_point(PLAN, done(*recorded))
    assert point is not None
    assert (point.index, PLAN.steps[point.index].kind) == (index, kind)
    assert (point.next_hold.hold.exercise, point.next_hold.set) == next_hold
    assert point.done == len(recorded)


def test_a_run_with_every_hold_recorded_has_nothing_to_resume():
    recorded = done(("wall-sit", "none", 1), ("wall-sit", "none", 2))
    recorded += done(("plank", "left", 1), ("plank", "right", 1))
    assert resume_point(PLAN, recorded) is None


def test_a_record_the_plan_no_longer_has_is_not_guessed_at():
    assert resume_point(PLAN, done(("side-plank", "left", 1))) is None


def test_a_session_using_one_exercise_twice_lines_up_in_order():
    twice = session(hold("Wall sit", rest=10), hold("Plank", rest=10), hold("Wall sit", rest=10))
    plan = build_plan(twice)
    point = resume_point(plan, done(("wall-sit", "none", 1), ("plank", "none", 1)))
    assert point is not None
    assert point.next_hold is plan.hold_steps[2]


@pytest.mark.parametrize(
    ("ago", "offered"),
    [(timedelta(0), True), (RESUME_WITHIN, True), (RESUME_WITHIN + timedelta(minutes=1), False)],
)
def test_only_a_recent_interruption_is_offered(ago, offered):
    assert worth_resuming(T0, T0 + ago) is offered


# -- the store side ----------------------------------------------------------------
def plan_for(session_, level):
    return build_plan(session_, level)


def interrupt(store: HistoryStore, run_id: str, *recorded, at=T0) -> None:
    store.begin_run(run_record(run_id, at=at, session="test"))
    for n, (exercise, side, set_no) in enumerate(recorded):
        started = at + timedelta(minutes=n + 1)
        store.add_hold(
            hold_record(
                run_id=run_id, exercise=exercise, side=side, set=set_no, at=started, session="test"
            )
        )


def test_the_newest_interrupted_run_is_offered_and_older_ones_closed(store):
    interrupt(store, "old", ("wall-sit", "none", 1), at=T0 - timedelta(hours=1))
    interrupt(store, "new", ("wall-sit", "none", 1), ("wall-sit", "none", 2))
    found = find_resumable(store, {"test": SESSION}, plan_for, T0 + timedelta(minutes=5))
    assert found is not None
    assert (found.run.id, found.point.index, len(found.holds)) == ("new", 4, 2)
    assert found.plan.level is Level.BEGINNER
    assert [run.id for run in store.interrupted_runs()] == ["new"]
    old = next(run for run in store.runs() if run.id == "old")
    assert old.outcome is Outcome.INTERRUPTED
    assert len(store.run_holds("old")) == 1


@pytest.mark.parametrize(
    ("sessions", "now"),
    [({}, T0), ({"test": SESSION}, T0 + RESUME_WITHIN + timedelta(hours=1))],
    ids=["session gone", "too long ago"],
)
def test_a_run_that_cannot_go_on_is_closed_not_offered(store, sessions, now):
    interrupt(store, "run", ("wall-sit", "none", 1))
    assert find_resumable(store, sessions, plan_for, now) is None
    [run] = store.runs()
    assert run.outcome is Outcome.INTERRUPTED
    assert run.ended_at == store.run_holds("run")[0].ended_at


def test_a_run_live_in_another_isotimer_is_left_alone(store):
    interrupt(store, "live", ("wall-sit", "none", 1))
    lock = RunLock(store.path, "live")
    assert lock.acquire()
    try:
        assert is_live(store.path, "live")
        assert find_resumable(store, {"test": SESSION}, plan_for, T0) is None
        assert [run.id for run in store.interrupted_runs()] == ["live"]
    finally:
        lock.release()
    assert not is_live(store.path, "live")
    assert not lock_path(store.path, "live").exists()


def test_declining_closes_the_run_and_keeps_its_holds(store):
    interrupt(store, "run", ("wall-sit", "none", 1))
    found = find_resumable(store, {"test": SESSION}, plan_for, T0)
    close_interrupted(store, found.run, found.holds)
    assert store.interrupted_runs() == []
    assert len(store.run_holds("run")) == 1
