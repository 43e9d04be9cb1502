"""A run as FIT sets and laps: rests between holds, a lap per round, outcomes and totals."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, timedelta

import pytest

from isotimer.core.fit.activity import SetKind, build_activity
from isotimer.core.fit.exercises import BY_ID, UNKNOWN, FitExercise, fit_exercise
from isotimer.core.history.records import HoldOutcome, Outcome
from tests.unit.history_factories import T0, hold_record, run_record


def at(seconds: float):
    return T0 + timedelta(seconds=seconds)


def test_each_hold_is_an_active_set_and_each_gap_a_rest_set():
    holds = [hold_record(at=at(5), held_s=30), hold_record(at=at(65), held_s=20)]
    activity = build_activity(run_record(), holds)
    assert [(s.kind, s.duration_s) for s in activity.sets] == [
        (SetKind.ACTIVE, 30),
        (SetKind.REST, 30),
        (SetKind.ACTIVE, 20),
    ]
    assert activity.sets[1].start == at(35).astimezone(UTC)


def test_holds_back_to_back_have_no_rest_between_them():
    holds = [hold_record(at=at(0), held_s=30), hold_record(at=at(30), held_s=30)]
    kinds = [s.kind for s in build_activity(run_record(), holds).sets]
    assert kinds == [SetKind.ACTIVE, SetKind.ACTIVE]


def test_every_time_is_utc():
    activity = build_activity(run_record(), [hold_record(at=at(5))])
    assert activity.start.tzinfo is UTC and activity.sets[0].start.utcoffset() == timedelta(0)
    assert activity.start == T0


@pytest.mark.parametrize(
    ("rounds", "laps"),
    [([1, 1, 1], [1]), ([1, 1, 2, 2], [1, 2]), ([1, 2, 3], [1, 2, 3])],
)
def test_a_lap_per_round(rounds, laps):
    holds = [hold_record(at=at(60 * i), round=r, held_s=30) for i, r in enumerate(rounds)]
    activity = build_activity(run_record(), holds)
    assert [lap.round for lap in activity.laps] == laps


def test_laps_cover_the_run_and_the_rest_between_rounds_stays_in_the_first():
    holds = [hold_record(at=at(10), round=1, held_s=30), hold_record(at=at(100), round=2)]
    run = replace(run_record(), ended_at=at(200))
    first, second = build_activity(run, holds).laps
    assert (first.start, first.end, first.timer_s) == (T0, at(100), 30 + 60)
    assert (second.start, second.end) == (at(100), at(200))


def test_elapsed_spans_the_run_and_timer_counts_the_sets():
    holds = [hold_record(at=at(5), held_s=30), hold_record(at=at(65), held_s=20)]
    activity = build_activity(replace(run_record(), ended_at=at(120)), holds)
    assert activity.elapsed_s == 120
    assert activity.timer_s == 30 + 30 + 20


def test_a_run_without_an_end_ends_with_its_last_hold():
    activity = build_activity(run_record(), [hold_record(at=at(5), held_s=30)])
    assert activity.end == at(35)


@pytest.mark.parametrize("outcome", list(HoldOutcome), ids=[o.value for o in HoldOutcome])
def test_each_set_carries_the_outcome_its_hold_was_saved_with(outcome):
    hold = hold_record(held_s=45 if outcome is HoldOutcome.COMPLETED else 10, outcome=outcome)
    [active] = [s for s in build_activity(run_record(), [hold]).sets if s.kind is SetKind.ACTIVE]
    assert active.outcome == outcome.value


@pytest.mark.parametrize(
    ("outcome", "cut_short"),
    [(Outcome.COMPLETED, False), (Outcome.STOPPED, True), (Outcome.INTERRUPTED, True)],
)
def test_a_run_not_completed_is_cut_short(outcome, cut_short):
    run = replace(run_record(), outcome=outcome)
    assert build_activity(run, [hold_record()]).cut_short is cut_short


def test_a_run_without_holds_cannot_be_built():
    with pytest.raises(ValueError, match="no holds"):
        build_activity(run_record(), [])


@pytest.mark.parametrize(
    ("exercise", "name", "expected"),
    [
        ("wall-sit", "Wall sit", FitExercise("squat", "body_weight_wall_squat")),
        ("side-plank", "Side plank", FitExercise("plank", "side_plank")),
        ("calf-raise-hold", "Calf raise hold", FitExercise("calf_raise", "standing_calf_raise")),
        ("single-leg-balance", "Single-leg balance", FitExercise("hip_stability")),
        ("my-plank", "My plank", FitExercise("plank", "plank")),
        ("inline", "Towel squat", FitExercise("squat", "squat")),
        ("inline", "Heel drop hold", FitExercise("calf_raise", "standing_calf_raise")),
        ("inline", "Towel squeeze", UNKNOWN),
    ],
)
def test_fit_exercise_by_id_then_by_words(exercise, name, expected):
    assert fit_exercise(exercise, name) == expected


def test_every_bundled_exercise_has_a_fit_category():
    import tomllib
    from pathlib import Path

    library_file = Path(__file__).parents[2] / "sessions" / "exercises.toml"
    library = tomllib.loads(library_file.read_text(encoding="utf-8"))
    assert set(library) <= set(BY_ID)
