"""Warm-up and cool-down blocks in the plan: where they go, what they add up to."""

from __future__ import annotations

import pytest

from isotimer.core.session.model import Sides
from isotimer.core.session.plan import StepKind, build_plan
from tests.unit.factories import block, hold, session

BIKE = block("Easy bike", 300, "Easy pace")
SWINGS = block("Leg swings", 60)
BREATHE = block("Belly breathing", 120, "Hand on the belly")


def kinds(plan) -> list[str]:
    return [step.kind.value for step in plan.steps]


@pytest.mark.parametrize(
    ("warm_up", "cool_down", "expected"),
    [
        ((), (), ["lead_in", "hold", "rest", "hold"]),
        ((BIKE,), (), ["warm_up", "lead_in", "hold", "rest", "hold"]),
        ((BIKE, SWINGS), (), ["warm_up", "warm_up", "lead_in", "hold", "rest", "hold"]),
        ((), (BREATHE,), ["lead_in", "hold", "rest", "hold", "cool_down"]),
        ((BIKE,), (BREATHE,), ["warm_up", "lead_in", "hold", "rest", "hold", "cool_down"]),
    ],
)
def test_warm_up_comes_before_the_lead_in_and_cool_down_after_the_last_hold(
    warm_up, cool_down, expected
):
    plan = build_plan(session(hold(sets=2, rest=10), warm_up=warm_up, cool_down=cool_down))
    assert kinds(plan) == expected


@pytest.mark.parametrize(
    ("warm_up", "cool_down", "total", "warm_s", "cool_s"),
    [
        ((), (), 5 + 30, 0, 0),
        ((BIKE,), (), 300 + 5 + 30, 300, 0),
        ((BIKE, SWINGS), (BREATHE,), 360 + 5 + 30 + 120, 360, 120),
    ],
)
def test_blocks_add_to_the_total_but_never_to_time_under_tension(
    warm_up, cool_down, total, warm_s, cool_s
):
    plan = build_plan(session(hold(seconds=30), warm_up=warm_up, cool_down=cool_down))
    assert plan.total_seconds == total
    assert plan.seconds_of(StepKind.WARM_UP) == warm_s
    assert plan.seconds_of(StepKind.COOL_DOWN) == cool_s
    assert plan.time_under_tension_s == 30
    assert len(plan.hold_steps) == 1


@pytest.mark.parametrize(("warm_up", "expected"), [(True, 300 + 5 + 30 + 120), (False, 155)])
def test_the_warm_up_setting_leaves_the_warm_up_out_but_keeps_the_cool_down(warm_up, expected):
    plan = build_plan(session(warm_up=(BIKE,), cool_down=(BREATHE,)), warm_up=warm_up)
    assert plan.total_seconds == expected
    assert (StepKind.WARM_UP in {s.kind for s in plan.steps}) is warm_up
    assert plan.steps[-1].kind is StepKind.COOL_DOWN


def test_block_steps_carry_their_block_and_are_not_holds():
    plan = build_plan(session(warm_up=(BIKE,), cool_down=(BREATHE,)))
    first, last = plan.steps[0], plan.steps[-1]
    assert (first.block, last.block) == (BIKE, BREATHE)
    assert first.is_block and last.is_block
    assert not first.is_hold and not last.is_hold
    assert [s.block for s in plan.steps[1:-1]] == [None, None]


def test_steps_stay_contiguous_from_zero_with_blocks():
    holds = (hold(sides=Sides.BOTH, sets=2), hold("B"))
    plan = build_plan(session(*holds, rounds=2, warm_up=(BIKE, SWINGS), cool_down=(BREATHE,)))
    offset = 0.0
    for step in plan.steps:
        assert step.start_s == offset
        offset = step.end_s
    assert offset == plan.total_seconds


def test_the_json_shape_keeps_its_keys_and_adds_the_totals():
    plan = build_plan(session(warm_up=(BIKE,), cool_down=(BREATHE,)))
    data = plan.to_dict()
    assert {"session", "name", "level", "steps", "total_seconds"} <= data.keys()
    assert data["warm_up_seconds"] == 300
    assert data["cool_down_seconds"] == 120
    warm, hold_step = data["steps"][0], data["steps"][2]
    assert warm.keys() - {"cues"} == hold_step.keys()
    assert warm["kind"] == "warm_up"
    assert (warm["name"], warm["cues"], warm["exercise"]) == ("Easy bike", ["Easy pace"], None)
