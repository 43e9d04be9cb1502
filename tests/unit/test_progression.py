"""Today's target: per session, per progress kind, the cap and its harder swap, check-ins."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from isotimer.core.coach.progression import plan_at_targets, suggest, suggestions_for
from isotimer.core.coach.swaps import offered_swaps, swapped
from isotimer.core.history.records import CheckIn, HoldOutcome
from isotimer.core.session.model import Exercise, Level, Progress, Side, Sides
from tests.unit.factories import hold, session
from tests.unit.history_factories import T0, hold_record

DONE, EARLY, SKIP, STOP = (
    HoldOutcome.COMPLETED,
    HoldOutcome.ENDED_EARLY,
    HoldOutcome.SKIPPED,
    HoldOutcome.STOPPED,
)
WALL_SIT = hold("Wall sit", seconds=30, sets=2)


def runs(*specs, session_id="test", side="none", exercise="wall-sit", level="beginner"):
    """Records of one run per spec: ``(target_s, [outcome per set], pain, effort)``."""
    records = []
    for day, spec in enumerate(specs):
        target, outcomes, pain, effort = (*spec, None, None)[:4]
        for number, outcome in enumerate(outcomes, start=1):
            held = target if outcome is DONE else target / 3
            records.append(
                hold_record(
                    run_id=f"{session_id}-{day}", at=T0 + timedelta(days=day, minutes=number),
                    exercise=exercise, side=side, target_s=target, held_s=held, outcome=outcome,
                    pain=pain, session=session_id, set=number, level=level, target_effort=effort,
                )
            )  # fmt: skip
    return records


def target(history, hold_=WALL_SIT, progress=Progress.TIME, checkins=(), side=Side.NONE, **kw):
    return suggest(hold_, side, Level.BEGINNER, progress, history, checkins, **kw)


# -- progress = "time" ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("specs", "expected", "reason"),
    [
        pytest.param((), 30, "Keep 30 s: no runs of this session yet", id="no_history"),
        pytest.param(((30, [DONE, DONE]),), 30, "Keep 30 s: hold every set", id="one_clean_run"),
        pytest.param(((30, [DONE, DONE]),) * 2, 35, "+5 s: you held 30 s", id="two_clean_runs"),
        pytest.param(
            ((30, [DONE, DONE]), (30, [DONE, DONE], 6)), 25, "-5 s: pain was 6/10",
            id="pain_above_5_eases",
        ),
        pytest.param(
            ((30, [DONE, DONE]), (30, [DONE, DONE], 5)), 30, "Keep 30 s: pain was 5/10",
            id="pain_of_5_keeps",
        ),
        pytest.param(
            ((30, [DONE, DONE], 4),) * 2, 30, "Keep 30 s: pain was 4/10", id="pain_of_4_keeps",
        ),
        pytest.param(
            ((30, [DONE, EARLY]), (30, [EARLY, DONE])), 10,
            "Down to 10 s, what you held: you ended sets early in both",
            id="early_in_both_runs_goes_to_what_was_held",
        ),
        pytest.param(
            ((30, [DONE, DONE]), (30, [DONE, EARLY])), 30, "Keep 30 s", id="early_once_keeps",
        ),
        pytest.param(
            ((30, [DONE, SKIP]), (30, [SKIP, DONE])), 35, "+5 s", id="skipped_sets_do_not_count",
        ),
        pytest.param(
            ((30, [DONE, DONE]), (30, [DONE, DONE]), (30, [SKIP, SKIP])), 35, "+5 s",
            id="an_all_skipped_run_is_no_run",
        ),
        pytest.param(
            ((30, [EARLY]), (30, [STOP])), 30, "Keep 30 s", id="a_stopped_hold_is_not_a_failed_set",
        ),
        pytest.param(((5, [EARLY]),) * 2, 5, "Keep 5 s: you ended sets early", id="floor_of_5_s"),
        pytest.param(
            ((30, [DONE, DONE]), (35, [DONE, DONE])), 35, "Keep 35 s",
            id="a_raise_needs_two_runs_at_the_new_target",
        ),
        pytest.param(((55, [DONE, DONE]),) * 2, 60, "+5 s", id="up_to_the_cap"),
    ],
)  # fmt: skip
def test_time_progression(specs, expected, reason):
    found = target(runs(*specs))
    assert found.target_s == expected
    assert found.reason.startswith(reason)
    assert found.harder is None


def test_at_the_cap_the_next_step_is_the_harder_variation_never_more_time():
    capped = replace(WALL_SIT, max_s=40, harder="Lift one foot off the floor.")
    found = target(runs((40, [DONE, DONE]), (40, [DONE, DONE])), capped)
    assert found.target_s == 40 and found.harder == "Lift one foot off the floor."
    assert found.reason == "At the 40 s cap: next step is lift one foot off the floor."
    assert "longer" not in found.reason and found.swap is None


def test_a_harder_library_exercise_is_named_and_offered_as_todays_swap():
    capped = replace(WALL_SIT, max_s=40, harder_id="single-leg-wall-sit")
    harder = Exercise("single-leg-wall-sit", "Single-leg wall sit", 15, 30)
    found = target(runs((40, [DONE, DONE]), (40, [DONE, DONE])), capped, harder=harder)
    assert (found.target_s, found.swap) == (40, "single-leg-wall-sit")
    assert found.harder == "Single-leg wall sit at 15 s"
    assert found.reason == (
        "At the 40 s cap: next step is Single-leg wall sit at 15 s, offered as today's swap"
    )


def test_the_cap_defaults_to_60_s_and_a_longer_base_time_is_its_own_cap():
    assert target(runs(*[(60, [DONE, DONE])] * 2)).reason.startswith("At the 60 s cap")
    long_hold = hold("Plank", seconds=90)
    found = target(runs(*[(90, [DONE])] * 2, exercise="plank"), long_hold)
    assert found.target_s == 90 and found.reason.startswith("At the 90 s cap")


# -- progress = "effort" and "none" --------------------------------------------------------

TENDON = replace(hold("Spanish squat", seconds=45, sets=5), effort=70)


@pytest.mark.parametrize(
    ("specs", "effort", "reason"),
    [
        pytest.param((), 70, "Keep 45 s: no runs", id="no_history_keeps_the_file_effort"),
        pytest.param(((45, [DONE] * 5, 2, 70),) * 2, 80, "+10 points of effort", id="two_clean"),
        pytest.param(((45, [DONE] * 5, 2, 90),) * 2, 90, "Keep 90% effort: 90%", id="up_to_90"),
        pytest.param(
            ((45, [DONE] * 5, 2, 80), (45, [DONE] * 5, 6, 80)), 70, "-10 points of effort: pain",
            id="pain_above_5_eases",
        ),
        pytest.param(
            ((45, [DONE] * 5, 2, 70), (45, [DONE, EARLY], 2, 70)), 70, "Keep 70% effort",
            id="an_early_set_keeps",
        ),
    ],
)  # fmt: skip
def test_effort_progression_keeps_the_time_and_moves_the_effort(specs, effort, reason):
    mornings = [checkin(f"test-{n}", "none", "same", 1) for n in range(len(specs))]
    found = target(runs(*specs, exercise="spanish-squat"), TENDON, Progress.EFFORT, mornings)
    assert (found.target_s, found.base_effort, found.effort) == (45, 70, effort)
    assert found.reason.startswith(reason)


def test_effort_by_level_reads_the_level_being_run():
    press = replace(hold("Wall press", seconds=20), effort=50, advanced_effort=90)
    assert press.effort_for(Level.BEGINNER) == 50 and press.effort_for(Level.ADVANCED) == 90
    plan = plan_at_targets(session(press), Level.ADVANCED, {})
    assert [step.effort for step in plan.hold_steps] == [90]


def test_a_none_session_never_moves():
    history = runs(*[(30, [DONE, DONE])] * 3)
    found = target(history, progress=Progress.NONE)
    assert (found.target_s, found.reason) == (30, "Keep 30 s: this session stays as written")


# -- the morning after, per side ------------------------------------------------------------

PLANK = hold("Side plank", seconds=30, sides=Sides.BOTH)


def checkin(run_id, side, compared="worse", pain=3):
    return CheckIn(f"c-{run_id}-{side}", run_id, T0 + timedelta(days=5), side, compared, pain)


@pytest.mark.parametrize(
    ("said", "left", "right"),
    [
        pytest.param("left", "-5 s: your left side was worse the morning after", "+5 s", id="l"),
        pytest.param("none", "-5 s: your left", "-5 s: your right side", id="both_sides"),
    ],
)
def test_a_worse_morning_eases_only_the_side_it_was_about(said, left, right):
    history = [
        *runs(*[(30, [DONE])] * 2, exercise="side-plank", side="left"),
        *runs(*[(30, [DONE])] * 2, exercise="side-plank", side="right"),
    ]
    mornings = [checkin("test-1", said)]
    found = suggestions_for(history, session(PLANK), Level.BEGINNER, mornings)
    assert found["side-plank:left"].reason.startswith(left)
    assert found["side-plank:right"].reason.startswith(right)


def test_a_worse_morning_on_the_run_before_blocks_a_raise():
    history = runs((30, [DONE, DONE]), (30, [DONE, DONE]))
    found = target(history, checkins=[checkin("test-0", "none")])
    assert found.target_s == 30 and found.reason.startswith("Keep 30 s")


def test_a_better_morning_changes_nothing():
    history = runs((30, [DONE, DONE]), (30, [DONE, DONE]))
    assert target(history, checkins=[checkin("test-1", "none", "better")]).target_s == 35


# -- targets belong to a session ------------------------------------------------------------


def test_another_sessions_history_never_moves_this_sessions_targets():
    finisher = runs(*[(45, [DONE, DONE])] * 2, session_id="finisher")
    recovery = runs((30, [EARLY, EARLY]), session_id="test")
    found = suggestions_for([*finisher, *recovery], session(WALL_SIT), Level.BEGINNER)
    assert found["wall-sit"].target_s == 30
    assert found["wall-sit"].reason.startswith("Keep 30 s")


def test_targets_cover_every_hold_and_side_in_plan_order_at_that_level():
    history = runs(*[(30, [DONE, DONE])] * 2, level="advanced")
    found = suggestions_for(history, session(WALL_SIT, PLANK), Level.BEGINNER)
    assert list(found) == ["wall-sit", "side-plank:left", "side-plank:right"]
    assert found["wall-sit"].target_s == 30 and found["wall-sit"].runs == 0
    assert found["side-plank:left"].to_dict() == {
        "exercise": "side-plank", "side": "left", "base_s": 30, "target_s": 30,
        "base_effort": None, "effort": None, "harder": None,
        "reason": "Keep 30 s: no runs of this session yet", "rule": "base",
    }  # fmt: skip


def test_the_plan_at_targets_runs_at_the_suggested_times():
    history = runs(*[(30, [DONE, DONE])] * 2)
    found = suggestions_for(history, session(WALL_SIT), Level.BEGINNER)
    plan = plan_at_targets(session(WALL_SIT), Level.BEGINNER, found)
    assert [step.seconds for step in plan.hold_steps] == [35, 35]


# -- properties ------------------------------------------------------------------------------

OUTCOMES = st.sampled_from([DONE, EARLY, STOP])
RUN = st.tuples(
    st.sampled_from([20, 25, 30, 35]),
    st.lists(OUTCOMES, min_size=1, max_size=3),
    st.one_of(st.none(), st.integers(0, 10)),
)


@given(
    specs=st.lists(RUN, max_size=4),
    skips=st.lists(st.tuples(st.integers(0, 5), st.integers(1, 3)), max_size=4),
    progress=st.sampled_from([Progress.TIME, Progress.EFFORT]),
)
def test_skips_never_lower_a_target(specs, skips, progress):
    """Skipped holds added anywhere (a new run, or a set of an existing one) lower nothing."""
    history = runs(*[(t, o, p, 70) for t, o, p in specs], exercise="spanish-squat")
    skipped = [
        hold_record(
            run_id=f"test-{day}", at=T0 + timedelta(days=day, minutes=10 + number),
            exercise="spanish-squat", target_s=30, held_s=3, outcome=SKIP, set=number,
            session="test", target_effort=70,
        )
        for day, number in skips
    ]  # fmt: skip
    before = target(history, TENDON, progress)
    after = target([*history, *skipped], TENDON, progress)
    assert after.target_s >= before.target_s
    assert (after.effort or 0) >= (before.effort or 0)


@given(specs=st.lists(RUN, max_size=4), level=st.sampled_from(list(Level)))
def test_a_none_session_never_moves_whatever_its_history(specs, level):
    history = runs(*specs, level=level.value)
    found = suggest(WALL_SIT, Side.NONE, level, Progress.NONE, history)
    assert (found.target_s, found.effort) == (WALL_SIT.seconds_for(level), None)


def test_todays_swap_replaces_only_the_capped_hold_keeping_sets_and_rests():
    capped = replace(WALL_SIT, max_s=30, harder_id="one-leg")
    plank = hold("Plank", seconds=20)
    harder = Exercise("one-leg", "One-leg wall sit", 15, 25, per_side=True)
    found = suggestions_for(runs(*[(30, [DONE, DONE])] * 2), session(capped, plank), Level.BEGINNER,
                            library={"one-leg": harder})  # fmt: skip
    swaps = offered_swaps(session(capped, plank), found)
    assert swaps == {"wall-sit": "one-leg"}
    today = swapped(session(capped, plank), swaps, {"one-leg": harder})
    first, second = today.holds
    assert (first.exercise, first.beginner_s, first.sets, first.rest, first.sides) == (
        "one-leg", 15, 2, 30, Sides.BOTH
    )  # fmt: skip
    assert second == plank
    assert swapped(session(capped), {}, {"one-leg": harder}).holds == (capped,)
