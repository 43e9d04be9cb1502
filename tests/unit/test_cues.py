"""What each engine event sounds like: words for the voice and whether the bell rings."""

from __future__ import annotations

import pytest

from isotimer.core.run.cues import Cue, cue_for
from isotimer.core.run.engine import Engine
from isotimer.core.run.events import (
    CountdownTick,
    EndReason,
    Halfway,
    HoldFinished,
    SessionFinished,
    StepStarted,
)
from isotimer.core.session.model import Side, Sides
from isotimer.core.session.plan import Step, StepKind, build_plan
from tests.unit.factories import hold, session

WALL_SIT = hold("Wall sit", seconds=45)
BRIDGE = hold("Glute bridge hold", seconds=30)


def step(kind: StepKind, seconds: float = 45, side: Side = Side.NONE, of=WALL_SIT) -> Step:
    return Step(kind, seconds, 0.0, of, 0, side)


def tick(kind: StepKind, left: int) -> CountdownTick:
    return CountdownTick(0, step(kind), left, 0.0, 0.0)


@pytest.mark.parametrize(
    ("event", "cue"),
    [
        (StepStarted(0, step(StepKind.HOLD), 0.0), Cue("Wall sit, 45 seconds")),
        (
            StepStarted(0, step(StepKind.HOLD, side=Side.LEFT), 0.0),
            Cue("Wall sit, left side, 45 seconds"),
        ),
        (
            StepStarted(0, step(StepKind.HOLD, side=Side.RIGHT), 0.0),
            Cue("Wall sit, right side, 45 seconds"),
        ),
        (StepStarted(0, step(StepKind.HOLD, seconds=44.6), 0.0), Cue("Wall sit, 45 seconds")),
        (StepStarted(0, step(StepKind.HOLD, seconds=1), 0.0), Cue("Wall sit, 1 second")),
        (StepStarted(0, step(StepKind.HOLD, seconds=90), 0.0), Cue("Wall sit, 90 seconds")),
        (StepStarted(0, step(StepKind.SWITCH, 5, Side.RIGHT), 0.0), Cue("Switch sides")),
        (
            StepStarted(0, step(StepKind.REST, 30, of=BRIDGE), 0.0),
            Cue("Rest. Next: Glute bridge hold"),
        ),
        (StepStarted(0, step(StepKind.LEAD_IN, 5), 0.0), Cue("Get ready: Wall sit")),
        (tick(StepKind.HOLD, 3), Cue("three")),
        (tick(StepKind.HOLD, 2), Cue("two")),
        (tick(StepKind.HOLD, 1), Cue("one")),
        (tick(StepKind.REST, 3), Cue("three")),
        (tick(StepKind.LEAD_IN, 1), Cue("one")),
        (tick(StepKind.SWITCH, 2), None),
        (tick(StepKind.HOLD, 4), None),
        (Halfway(0, step(StepKind.HOLD), 0.0), Cue("Halfway", bell=False)),
        (SessionFinished(completed=True, at=0.0), Cue("End of the session.")),
        (SessionFinished(completed=False, at=0.0), Cue("Session stopped")),
        (
            HoldFinished(0, step(StepKind.HOLD), 45, 45, True, EndReason.TIME, 0.0, 45.0),
            None,
        ),
    ],
    ids=lambda value: repr(value.words) if isinstance(value, Cue) else None,
)
def test_each_event_maps_to_its_cue(event, cue):
    assert cue_for(event) == cue


def test_a_cue_rings_the_bell_by_default():
    assert Cue("x").bell is True
    assert Cue().words == ""


def test_a_per_side_session_sounds_in_order():
    """The cues of a real run, end to end: announce, count, switch, count, finish."""
    engine = Engine(build_plan(session(hold("Side plank", 10, sides=Sides.BOTH, switch=5))))
    cues: list[Cue] = []
    engine.subscribe(lambda event: cues.append(cue_for(event)))
    engine.start(0.0)
    for now in range(31):
        engine.update(float(now))
    words = [cue.words for cue in cues if cue is not None]
    assert words == [
        "Get ready: Side plank",
        "three",
        "two",
        "one",
        "Side plank, left side, 10 seconds",
        "Halfway",
        "three",
        "two",
        "one",
        "Switch sides",
        "Side plank, right side, 10 seconds",
        "Halfway",
        "three",
        "two",
        "one",
        "End of the session.",
    ]
