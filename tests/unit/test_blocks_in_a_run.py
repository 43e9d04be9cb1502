"""Blocks in a live run: skipped with ``n``, never saved, never counted, never resumed into."""

from __future__ import annotations

import pytest

from isotimer.core.history.stats import weekly
from isotimer.core.run.engine import Engine
from isotimer.core.run.events import HoldFinished, StepStarted
from isotimer.core.run.resume import resume_point
from isotimer.core.session.model import Level
from isotimer.core.session.plan import StepKind, build_plan
from tests.unit.factories import block, hold, session
from tests.unit.history_factories import T0, hold_record
from tests.unit.test_recorder import Run

BLOCKS = {
    "warm_up": (block("Easy bike", 300, "Easy pace"), block("Leg swings", 60)),
    "cool_down": (block("Belly breathing", 120),),
}
SESSION = session(hold("Wall sit", seconds=30, sets=2, rest=10), lead_in=5, **BLOCKS)


def started(engine: Engine) -> list:
    """The list the engine's events land in."""
    events: list = []
    engine.subscribe(events.append)
    return events


@pytest.mark.parametrize(
    ("after_s", "presses", "kind", "name"),
    [
        (0.0, 1, StepKind.WARM_UP, "Leg swings"),
        (120.0, 1, StepKind.WARM_UP, "Leg swings"),
        (0.0, 2, StepKind.LEAD_IN, None),
        (300.0 + 30.0, 1, StepKind.LEAD_IN, None),
    ],
)
def test_n_leaves_a_block_at_once_for_the_next_step(after_s, presses, kind, name):
    engine = Engine(build_plan(SESSION))
    events = started(engine)
    engine.start(0.0)
    engine.update(after_s)
    for _ in range(presses):
        engine.skip(after_s)
    step = engine.current
    assert step.kind is kind
    assert (step.block.name if step.block else None) == name
    # The next step starts on the key press, with its full time ahead of it.
    assert engine.snapshot(after_s).remaining_s == step.seconds
    assert not [e for e in events if isinstance(e, HoldFinished)]


def test_back_from_the_lead_in_returns_to_the_last_warm_up_block():
    engine = Engine(build_plan(SESSION))
    engine.start(0.0)
    engine.skip(1.0)
    engine.skip(2.0)
    engine.back(3.0)
    assert engine.current.block.name == "Leg swings"


def test_skipping_the_cool_down_ends_the_session():
    engine = Engine(build_plan(SESSION))
    events = started(engine)
    engine.start(0.0)
    engine.update(360 + 5 + 30 + 10 + 30)
    assert engine.current.kind is StepKind.COOL_DOWN
    engine.skip(500.0)
    assert engine.finished
    assert [e.step.kind for e in events if isinstance(e, StepStarted)][-1] is StepKind.COOL_DOWN


@pytest.mark.parametrize("skip_blocks", [False, True], ids=["blocks_run_out", "blocks_skipped"])
def test_the_recorder_saves_the_holds_and_never_a_block(store, skip_blocks):
    run = Run(store, SESSION)
    if skip_blocks:
        run.do("skip")
        run.wait(30)
        run.do("skip")
    run.wait(10_000)
    saved = store.run_holds(run.recorder.run_id)
    assert [(h.exercise, h.set, h.held_s) for h in saved] == [
        ("wall-sit", 1, 30),
        ("wall-sit", 2, 30),
    ]
    assert run.recorder.records == saved


def test_stopping_during_a_block_saves_nothing_as_a_hold(store):
    run = Run(store, SESSION)
    run.wait(200)
    run.do("stop")
    assert store.count() == 0


def test_a_week_counts_only_hold_time_under_tension(store):
    run = Run(store, SESSION)
    run.wait(10_000)
    today = store.holds()[0].started_at.date()
    assert weekly(store.holds(), today)[-1].time_under_tension_s == 60
    assert run.plan.time_under_tension_s == 60


@pytest.mark.parametrize(
    ("recorded", "index", "kind"),
    [
        ((), 0, StepKind.WARM_UP),  # nothing held yet: the run starts again, warm-up and all
        ((1,), 4, StepKind.REST),  # after a hold: on from there, the warm-up is behind it
    ],
)
def test_resuming_lines_up_with_the_blocks_around_the_holds(recorded, index, kind):
    plan = build_plan(SESSION, Level.BEGINNER)
    records = [hold_record(exercise="wall-sit", side="none", set=n, at=T0) for n in recorded]
    point = resume_point(plan, records)
    assert (point.index, plan.steps[point.index].kind) == (index, kind)


def test_a_run_whose_holds_are_all_done_is_not_resumed_for_its_cool_down():
    plan = build_plan(SESSION)
    records = [hold_record(exercise="wall-sit", side="none", set=n, at=T0) for n in (1, 2)]
    assert resume_point(plan, records) is None
