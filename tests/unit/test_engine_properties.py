"""Properties of plan and engine over generated sessions and schedules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from isotimer.core.run.engine import Engine
from isotimer.core.run.events import HoldFinished, SessionFinished, StepStarted
from isotimer.core.session.model import DEFAULT_LEAD_IN_S, Hold, Session, Sides
from isotimer.core.session.plan import build_plan

holds = st.builds(
    Hold,
    exercise=st.sampled_from(["wall-sit", "plank", "side-plank"]),
    name=st.just("Hold"),
    beginner_s=st.integers(1, 90).map(float),
    advanced_s=st.integers(1, 90).map(float),
    sets=st.integers(1, 3),
    rest=st.integers(0, 60).map(float),
    sides=st.sampled_from(Sides),
    switch=st.integers(0, 8).map(float),
)
sessions = st.builds(
    Session,
    id=st.just("s"),
    name=st.just("S"),
    holds=st.lists(holds, min_size=1, max_size=4).map(tuple),
    rounds=st.integers(1, 3),
    lead_in=st.one_of(st.none(), st.integers(0, 10).map(float)),
    rest_between_rounds=st.integers(0, 90).map(float),
)
frames = st.lists(st.floats(0.05, 7.0), min_size=1, max_size=50)


def record(engine: Engine) -> list:
    events: list = []
    engine.subscribe(events.append)
    return events


def expected_total(session: Session) -> float:
    """The session's length worked out from its fields alone, not from the plan's steps."""
    lead_in = DEFAULT_LEAD_IN_S if session.lead_in is None else session.lead_in
    level = session.level
    one_round = 0.0
    for index, hold in enumerate(session.holds):
        per_set = hold.seconds_for(level) * (2 if hold.sides is Sides.BOTH else 1)
        if hold.sides is Sides.BOTH:
            per_set += hold.switch
        rests = hold.sets - 1 + (1 if index + 1 < len(session.holds) else 0)
        one_round += hold.sets * per_set + rests * hold.rest
    return lead_in + session.rounds * one_round + (session.rounds - 1) * session.rest_between_rounds


@given(sessions)
def test_plan_total_follows_from_the_session_fields(session):
    plan = build_plan(session)
    assert plan.total_seconds == pytest.approx(expected_total(session))
    expected_holds = session.rounds * sum(
        h.sets * (2 if h.sides is Sides.BOTH else 1) for h in session.holds
    )
    assert len(plan.hold_steps) == expected_holds
    assert plan.time_under_tension_s == pytest.approx(
        session.rounds
        * sum(
            h.sets * h.seconds_for(session.level) * (2 if h.sides is Sides.BOTH else 1)
            for h in session.holds
        )
    )
    starts = [step.start_s for step in plan.steps]
    assert starts == pytest.approx([0.0, *[step.end_s for step in plan.steps[:-1]]])
    assert all(step.seconds > 0 for step in plan.steps)


@settings(max_examples=150, deadline=None)
@given(sessions, frames)
def test_without_pauses_held_times_sum_to_the_plan(session, gaps):
    plan = build_plan(session)
    engine = Engine(plan)
    events = record(engine)
    at = 50.0
    engine.start(at)
    while not engine.finished:
        for gap in gaps:
            at += gap
            engine.update(at)
    finished = [e for e in events if isinstance(e, HoldFinished)]
    assert [f.held_s for f in finished] == [round(s.seconds, 1) for s in plan.hold_steps]
    assert all(f.completed for f in finished)
    done = [e for e in events if isinstance(e, SessionFinished)]
    assert done[0].at == pytest.approx(50.0 + plan.total_seconds)


@settings(max_examples=150, deadline=None)
@given(sessions, st.lists(st.tuples(st.floats(0.01, 40), st.floats(0, 600)), max_size=20))
def test_pauses_never_shorten_or_lengthen_a_hold(session, pauses):
    plan = build_plan(session)
    engine = Engine(plan)
    events = record(engine)
    at = 0.0
    engine.start(at)
    paused_total = 0.0
    for run_for, pause_for in pauses:
        at += run_for
        engine.update(at)
        engine.pause(at)
        at += pause_for
        engine.update(at)
        if engine.paused:
            paused_total += pause_for
        engine.resume(at)
    engine.update(at + plan.total_seconds + 1)
    finished = [e for e in events if isinstance(e, HoldFinished)]
    assert [f.held_s for f in finished] == [round(s.seconds, 1) for s in plan.hold_steps]
    done = next(e for e in events if isinstance(e, SessionFinished))
    assert done.at == pytest.approx(plan.total_seconds + paused_total)


commands = st.lists(
    st.tuples(st.sampled_from(["skip", "back", "update", "end", "pause"]), st.floats(0, 30)),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(sessions, commands)
def test_skip_and_back_never_lose_or_duplicate_a_hold_event(session, script):
    plan = build_plan(session)
    engine = Engine(plan)
    events = record(engine)
    at = 0.0
    engine.start(at)
    for command, gap in script:
        at += gap
        if command == "skip":
            engine.skip(at)
        elif command == "back":
            engine.back(at)
        elif command == "end":
            engine.end_hold(at)
        elif command == "pause":
            engine.toggle_pause(at)
        else:
            engine.update(at)
    engine.stop(at + 1)
    open_hold = None
    for event in events:
        if isinstance(event, StepStarted):
            assert open_hold is None, "a new step began before the hold ended"
            if event.step.is_hold:
                open_hold = event.index
        elif isinstance(event, HoldFinished):
            assert event.index == open_hold, "a hold ended that was not running"
            assert 0 <= event.held_s <= event.target_s
            open_hold = None
    assert open_hold is None
