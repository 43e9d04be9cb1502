"""The plan: step order and arithmetic exactly as the session-file contract states."""

from __future__ import annotations

import pytest

from isotimer.core.session.model import Level, Side, Sides
from isotimer.core.session.plan import StepKind, build_plan
from tests.unit.factories import hold, session


def kinds(plan) -> list[str]:
    return [step.kind.value for step in plan.steps]


def test_single_hold_is_lead_in_then_hold_with_no_trailing_rest():
    plan = build_plan(session(hold(seconds=30)))
    assert kinds(plan) == ["lead_in", "hold"]
    assert plan.total_seconds == 35


def test_sets_are_separated_by_the_hold_rest_but_not_followed_by_one():
    plan = build_plan(session(hold(seconds=20, sets=3, rest=10)))
    assert kinds(plan) == ["lead_in", "hold", "rest", "hold", "rest", "hold"]
    assert plan.total_seconds == 5 + 3 * 20 + 2 * 10


def test_per_side_hold_is_left_switch_right():
    plan = build_plan(session(hold(seconds=20, sides=Sides.BOTH, switch=4)))
    steps = plan.steps[1:]
    assert [(s.kind, s.side) for s in steps] == [
        (StepKind.HOLD, Side.LEFT),
        (StepKind.SWITCH, Side.RIGHT),
        (StepKind.HOLD, Side.RIGHT),
    ]
    assert plan.total_seconds == 5 + 20 + 4 + 20


def test_rest_after_last_set_of_a_round_is_the_rest_between_rounds():
    plan = build_plan(session(hold("A", 10, rest=15), hold("B", 10, rest=20), rounds=2, between=90))
    rests = [s.seconds for s in plan.steps if s.kind is StepKind.REST]
    assert rests == [15, 90, 15]
    assert plan.steps[-1].kind is StepKind.HOLD


@pytest.mark.parametrize(
    ("holds", "rounds", "expected"),
    [
        ((hold(seconds=30),), 1, 35),
        ((hold(seconds=30, sets=2, rest=30),), 1, 95),
        ((hold(seconds=30), hold("B", 20, rest=10)), 2, 5 + (30 + 30 + 20) + 60 + (30 + 30 + 20)),
        ((hold(seconds=20, sides=Sides.BOTH, switch=5, sets=2, rest=10),), 1, 5 + 45 + 10 + 45),
    ],
)
def test_total_duration_matches_the_contract(holds, rounds, expected):
    assert build_plan(session(*holds, rounds=rounds)).total_seconds == expected


def test_steps_are_contiguous_from_zero():
    plan = build_plan(session(hold(sides=Sides.BOTH, sets=2), hold("B"), rounds=3))
    offset = 0.0
    for step in plan.steps:
        assert step.start_s == offset
        offset = step.end_s


def test_level_picks_the_hold_time():
    s = session(hold(seconds=30, advanced=60))
    assert build_plan(s, Level.BEGINNER).hold_steps[0].seconds == 30
    assert build_plan(s, Level.ADVANCED).hold_steps[0].seconds == 60


def test_zero_second_lead_in_and_rest_are_left_out():
    plan = build_plan(session(hold(sets=2, rest=0), lead_in=0))
    assert kinds(plan) == ["hold", "hold"]


def test_settings_lead_in_applies_only_when_the_session_sets_none():
    unset = session(hold(seconds=10), lead_in=5)
    assert build_plan(unset, lead_in=12).steps[0].seconds == 5
    from dataclasses import replace

    assert build_plan(replace(unset, lead_in=None), lead_in=12).steps[0].seconds == 12


def test_rest_describes_the_set_that_comes_next():
    plan = build_plan(session(hold("A", 10, sets=2), hold("B", 10), rounds=2))
    rests = [s for s in plan.steps if s.kind is StepKind.REST]
    assert [(r.hold.name, r.set, r.round) for r in rests] == [
        ("A", 2, 1),
        ("B", 1, 1),
        ("A", 1, 2),
        ("A", 2, 2),
        ("B", 1, 2),
    ]


def test_targets_override_per_exercise_and_side():
    s = session(hold("Side plank", 20, sides=Sides.BOTH))
    plan = build_plan(s, targets={"side-plank:left": 25, "side-plank": 30})
    assert [h.seconds for h in plan.hold_steps] == [25, 30]


def test_json_shape_has_steps_and_total_seconds():
    data = build_plan(session(hold(seconds=30))).to_dict()
    assert data["total_seconds"] == 35
    assert data["steps"][1] == {
        "kind": "hold",
        "seconds": 30,
        "start_s": 5.0,
        "exercise": "wall-sit",
        "name": "Wall sit",
        "side": "none",
        "set": 1,
        "round": 1,
        "hold_index": 0,
    }


@pytest.mark.parametrize(
    ("sides", "expected"),
    [
        (Sides.BOTH, [("lead_in", "left"), ("hold", "left"), ("switch", "right"),
                      ("hold", "right"), ("rest", "left"), ("hold", "left"), ("switch", "right"),
                      ("hold", "right")]),
        (Sides.NONE, [("lead_in", "none"), ("hold", "none"), ("rest", "none"), ("hold", "none")]),
    ],
)  # fmt: skip
def test_the_lead_in_and_each_rest_name_the_side_the_next_hold_starts_on(sides, expected):
    """Mutation (issue 27): ``_first_side`` naming the wrong first side (right, or none)
    on the lead-in and the rests, while the switch names the side it switches to."""
    plan = build_plan(session(hold("Side plank", seconds=20, sets=2, rest=10, sides=sides)))
    assert [(step.kind.value, step.side.value) for step in plan.steps] == expected
