"""Progression: one rule per row, each history built to trigger exactly that rule."""

from __future__ import annotations

import random

import pytest

from isotimer.core.model import Level, Sides
from isotimer.core.plan import build_plan
from isotimer.core.progression import Suggestion, suggest, targets_for
from tests.unit.factories import hold, session
from tests.unit.history_factories import hold_record, sessions

FULL = [45.0, 45.0, 45.0]
EARLY = [45.0, 30.0, 45.0]

CASES = [
    pytest.param(
        [],
        Suggestion(45, 0, "Keep 45 s: no history yet"),
        id="no_history_keeps_the_base_target",
    ),
    pytest.param(
        sessions((45, FULL, None)),
        Suggestion(45, 0, "Keep 45 s: hold every set in two sessions in a row to add time"),
        id="one_good_session_is_not_enough",
    ),
    pytest.param(
        sessions((45, FULL, None), (45, FULL, None)),
        Suggestion(50, 5, "+5 s: you held 45 s on every set in your last two sessions"),
        id="two_full_sessions_add_five_seconds",
    ),
    pytest.param(
        sessions((45, FULL, 3), (45, FULL, 2)),
        Suggestion(50, 5, "+5 s: you held 45 s on every set in your last two sessions"),
        id="pain_of_three_still_progresses",
    ),
    pytest.param(
        sessions((45, FULL, 1), (45, FULL, 4)),
        Suggestion(45, 0, "Keep 45 s: pain was 4/10; time goes up when it stays at 3 or less"),
        id="pain_of_four_holds_the_target",
    ),
    pytest.param(
        sessions((45, FULL, None), (45, FULL, 6)),
        Suggestion(40, -5, "-5 s: pain was 6/10 last time"),
        id="pain_of_six_last_time_takes_five_off",
    ),
    pytest.param(
        sessions((45, FULL, None), (45, FULL, 5)),
        Suggestion(40, -5, "-5 s: pain was 5/10 last time"),
        id="pain_of_five_is_enough_to_ease",
    ),
    pytest.param(
        sessions((45, FULL, 7), (45, FULL, None), (45, FULL, 1)),
        Suggestion(50, 5, "+5 s: you held 45 s on every set in your last two sessions"),
        id="old_pain_does_not_ease_once_it_settled",
    ),
    pytest.param(
        sessions((45, EARLY, None), (45, EARLY, None)),
        Suggestion(40, -5, "-5 s: you ended sets early in your last two sessions"),
        id="sets_ended_early_twice_take_five_off",
    ),
    pytest.param(
        sessions((45, FULL, None), (45, EARLY, None)),
        Suggestion(45, 0, "Keep 45 s: hold every set in two sessions in a row to add time"),
        id="one_early_session_keeps_the_target",
    ),
    pytest.param(
        sessions((45, FULL, None), (50, [50.0, 50.0], None)),
        Suggestion(50, 0, "Keep 50 s: hold 50 s on every set once more to add time"),
        id="a_new_target_needs_two_sessions_of_its_own",
    ),
    pytest.param(
        sessions((90, [90.0], None), (90, [90.0], None)),
        Suggestion(90, 0, "At the cap (90 s): try Single-leg wall sit instead of more time"),
        id="at_the_cap_suggests_the_harder_variation",
    ),
    pytest.param(
        sessions((88, [88.0], None), (88, [88.0], None)),
        Suggestion(90, 2, "+2 s: you held 88 s on every set in your last two sessions"),
        id="progress_stops_at_the_cap",
    ),
    pytest.param(
        sessions((8, [4.0], None), (8, [3.0], None)),
        Suggestion(5, -3, "-3 s: you ended sets early in your last two sessions"),
        id="easing_stops_at_five_seconds",
    ),
    pytest.param(
        sessions((5, [5.0], None), (5, [5.0], 8)),
        Suggestion(5, 0, "Keep 5 s: pain was 8/10 last time; 5 s is the least"),
        id="at_five_seconds_easing_keeps_the_target",
    ),
]


@pytest.mark.parametrize(("history", "expected"), CASES)
def test_suggestion(history, expected):
    result = suggest(history, "wall-sit", "none", 45, 90, "Single-leg wall sit")
    assert result == expected


def test_progresses_from_the_last_target_used_not_the_base():
    history = sessions((60, [60.0], None), (60, [60.0], None))
    assert suggest(history, "wall-sit", "none", 45, 90).target_s == 65


def test_at_the_cap_without_a_harder_variation_says_make_it_harder():
    history = sessions((90, [90.0], None), (90, [90.0], None))
    assert suggest(history, "wall-sit", "none", 45, 90).reason == (
        "At the cap (90 s): make the hold harder instead of more time"
    )


def test_other_exercises_and_sides_are_ignored():
    history = sessions((45, FULL, None), (45, FULL, None), side="left")
    history += sessions((45, EARLY, None), (45, EARLY, None), side="right")
    assert suggest(history, "wall-sit", "left", 45, 90).delta_s == 5
    assert suggest(history, "wall-sit", "right", 45, 90).delta_s == -5
    assert suggest(history, "plank", "none", 60, 120).reason == "Keep 60 s: no history yet"


def test_sessions_are_ordered_by_time_not_by_list_order():
    history = sessions((45, EARLY, None), (45, FULL, None), (45, FULL, None))
    random.Random(4).shuffle(history)
    assert suggest(history, "wall-sit", "none", 45, 90).delta_s == 5


def per_side_session():
    return session(
        hold("Wall sit", seconds=45, advanced=60),
        hold("Side plank", seconds=30, advanced=45, sides=Sides.BOTH),
    )


def test_targets_for_keys_holds_like_build_plan_and_only_where_there_is_history():
    history = sessions((45, FULL, None), (45, FULL, None))
    history += sessions((30, [30.0], None), (30, [30.0], None), exercise="side-plank", side="left")
    history += sessions((30, [20.0], None), (30, [25.0], None), exercise="side-plank", side="right")
    targets = targets_for(history, per_side_session(), Level.BEGINNER)
    assert targets == {"wall-sit": 50, "side-plank:left": 35, "side-plank:right": 25}


def test_targets_for_ignores_history_at_another_level():
    history = sessions((45, FULL, None), (45, FULL, None))
    assert targets_for(history, per_side_session(), Level.ADVANCED) == {}


def test_targets_for_feeds_build_plan():
    history = sessions((30, [30.0], None), (30, [30.0], None), exercise="side-plank", side="left")
    plan_session = per_side_session()
    plan = build_plan(
        plan_session, Level.BEGINNER, targets_for(history, plan_session, Level.BEGINNER)
    )
    seconds = {(step.hold.exercise, step.side.value): step.seconds for step in plan.hold_steps}
    assert seconds == {
        ("wall-sit", "none"): 45,
        ("side-plank", "left"): 35,
        ("side-plank", "right"): 30,
    }


def test_caps_at_twice_the_advanced_time():
    history = sessions((120, [120.0], None), (120, [120.0], None))
    assert targets_for(history, per_side_session(), Level.BEGINNER) == {"wall-sit": 120}


def test_a_single_rated_hold_counts_for_its_whole_run():
    records = sessions((45, FULL, None), (45, FULL, None))
    records[-1] = hold_record(run_id=records[-1].run_id, at=records[-1].started_at, pain=6)
    assert suggest(records, "wall-sit", "none", 45, 90).delta_s == -5
