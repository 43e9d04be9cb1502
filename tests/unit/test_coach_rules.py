"""The coach's numbered rules (README, "How the coach decides"), each at its edges.

Every table puts a threshold between two rows, so moving it by one fails a row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest

from isotimer.core.coach.body import felt_runs, red_flag
from isotimer.core.coach.progression import RULES, PhaseDose, Suggestion, suggestions_for
from isotimer.core.history.records import CheckIn, HoldOutcome
from isotimer.core.session.model import Exercise, Level, Progress, Sides
from tests.unit.factories import hold, session
from tests.unit.history_factories import T0, hold_record

DONE, EARLY = HoldOutcome.COMPLETED, HoldOutcome.ENDED_EARLY
WALL_SIT = hold("Wall sit", seconds=30, sets=2)
SQUAT = replace(hold("Spanish squat", seconds=45, sets=2), effort=70)
PLANK = hold("Side plank", seconds=30, sides=Sides.BOTH)


@dataclass(frozen=True)
class Run:
    """One scripted run: its day (from T0), session, per-set outcome and how it felt."""

    day: int
    session: str = "test"
    target_s: float = 30
    outcomes: tuple[HoldOutcome, ...] = (DONE, DONE)
    pain: int | None = None
    rating: int | None = None
    effort: int | None = None
    compared: str | None = None
    morning: int | None = None
    side: str = "none"
    held_s: float | None = None


def history(exercise: str, *scripted: Run) -> tuple[list, list[CheckIn]]:
    """The hold records and check-ins of ``scripted`` runs of ``exercise``."""
    records, checkins = [], []
    for n, run in enumerate(scripted):
        run_id = f"{run.session}-{n}"
        for number, outcome in enumerate(run.outcomes, start=1):
            held = run.target_s if outcome is DONE else (run.held_s or run.target_s / 3)
            records.append(
                hold_record(
                    run_id=run_id, at=T0 + timedelta(days=run.day, minutes=number),
                    exercise=exercise, side=run.side, target_s=run.target_s, held_s=held,
                    outcome=outcome, pain=run.pain, effort=run.rating, session=run.session,
                    set=number, target_effort=run.effort,
                )
            )  # fmt: skip
        if run.compared is not None or run.morning is not None:
            at = T0 + timedelta(days=run.day + 1)
            checkins.append(CheckIn(f"c-{run_id}", run_id, at, run.side, run.compared, run.morning))
    return records, checkins


def today_after(*scripted: Run) -> date:
    return (T0 + timedelta(days=scripted[-1].day + 2)).date()


def on(day: int) -> date:
    return (T0 + timedelta(days=day)).date()


def wall_sit(
    *scripted: Run, phase: PhaseDose | None = None, today: int | None = None
) -> Suggestion:
    records, checkins = history("wall-sit", *scripted)
    found = suggestions_for(
        records, session(WALL_SIT), Level.BEGINNER, checkins,
        today=on(today) if today is not None else today_after(*scripted), phase=phase,
    )  # fmt: skip
    return found["wall-sit"]


def squat(*scripted: Run, phase: PhaseDose | None = None, today: int | None = None) -> Suggestion:
    records, checkins = history("spanish-squat", *scripted)
    tendon = replace(session(SQUAT), progress=Progress.EFFORT)
    day = on(today) if today is not None else today_after(*scripted)
    found = suggestions_for(records, tendon, Level.BEGINNER, checkins, today=day, phase=phase)
    return found["spanish-squat"]


def fine(day: int, **kw) -> Run:
    """A clean tendon run with its pain rating and a settled morning after."""
    return Run(day, target_s=45, pain=1, compared="same", morning=1, effort=70, **kw)


# -- rule 1: no data, no increase (rehab) ----------------------------------------------------


@pytest.mark.parametrize(
    ("pain", "compared", "morning", "effort", "rule"),
    [
        pytest.param(1, "same", 1, 80, "progress", id="rated_and_checked_in_moves_up"),
        pytest.param(None, "same", 1, 70, "no_data", id="no_pain_rating_keeps"),
        pytest.param(1, None, None, 70, "no_data", id="no_morning_keeps"),
        pytest.param(1, None, 1, 80, "progress", id="a_morning_pain_alone_is_an_answer"),
    ],
)
def test_rule_1_an_effort_hold_needs_the_last_runs_pain_and_morning(
    pain, compared, morning, effort, rule
):
    last = Run(3, target_s=45, pain=pain, compared=compared, morning=morning, effort=70)
    found = squat(fine(1), last)
    assert (found.effort, found.rule) == (effort, rule)
    if rule == "no_data":
        assert "no data, no increase" in found.reason


def test_rule_1_general_time_sessions_still_move_up_without_ratings():
    assert wall_sit(Run(1), Run(3)).rule == "progress"


def test_rule_1_a_gated_phase_needs_the_data_for_time_holds_too():
    found = wall_sit(Run(1), Run(3), phase=PhaseDose(gated=True))
    assert (found.target_s, found.rule) == (30, "no_data")


# -- rule 2: pain belongs to the exercise and side -------------------------------------------


def test_rule_2_pain_in_one_session_eases_the_same_exercise_in_another():
    found = wall_sit(Run(1), Run(3), Run(4, session="finisher", pain=6))
    assert (found.target_s, found.rule) == (25, "ease")


def test_rule_2_a_morning_on_one_side_eases_that_side_everywhere():
    left, mornings = history(
        "side-plank",
        Run(1, side="left", outcomes=(DONE,)),
        Run(3, side="left", outcomes=(DONE,)),
        Run(4, session="finisher", side="left", outcomes=(DONE,), compared="worse"),
    )
    right, _ = history(
        "side-plank", Run(1, side="right", outcomes=(DONE,)), Run(3, side="right", outcomes=(DONE,))
    )
    found = suggestions_for(
        left + right, session(PLANK), Level.BEGINNER, mornings, today=date(2026, 1, 11)
    )
    assert (found["side-plank:left"].rule, found["side-plank:right"].rule) == ("ease", "progress")


# -- rule 3: thresholds ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pain", "target", "rule"),
    [(3, 35, "progress"), (4, 30, "keep"), (5, 30, "keep"), (6, 25, "ease")],
)
def test_rule_3_pain_during_0_3_may_progress_4_5_keeps_above_5_eases(pain, target, rule):
    found = wall_sit(Run(1, pain=pain), Run(3, pain=pain))
    assert (found.target_s, found.rule) == (target, rule)


@pytest.mark.parametrize(
    ("pain", "effort", "rule"),
    [(3, 80, "progress"), (4, 70, "keep"), (5, 70, "keep"), (6, 60, "ease")],
)
def test_rule_3_the_same_thresholds_move_the_effort_by_10_points(pain, effort, rule):
    found = squat(fine(1), replace(fine(3), pain=pain))
    assert (found.effort, found.rule) == (effort, rule)


@pytest.mark.parametrize(
    ("compared", "morning", "target", "rule"),
    [
        ("same", 5, 35, "progress"),
        ("same", 6, 25, "ease"),
        (None, 6, 25, "ease"),
        ("better", 6, 25, "ease"),
        ("worse", 0, 25, "ease"),
    ],
)
def test_rule_3_a_worse_morning_or_morning_pain_above_5_eases(compared, morning, target, rule):
    found = wall_sit(Run(1), Run(3, compared=compared, morning=morning))
    assert (found.target_s, found.rule) == (target, rule)


# -- rule 4: red flags -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pain", "morning", "flagged"),
    [(6, None, False), (7, None, True), (None, 6, False), (None, 7, True), (10, 10, True)],
)
def test_rule_4_pain_7_during_or_the_morning_after_raises_a_red_flag(pain, morning, flagged):
    found = wall_sit(Run(1), Run(3, pain=pain, morning=morning))
    assert (found.flag is not None) == flagged
    assert (found.rule == "red_flag") == flagged
    if flagged:
        assert found.target_s == 25 and "see a physio or doctor" in found.reason
        assert found.flag.pain == max(p for p in (pain, morning) if p is not None)


@pytest.mark.parametrize(
    ("pains", "flagged"),
    [((1, 2, 3), True), ((2, 3, 3), False), ((3, 2, 3), False), ((1, 2), False)],
)
def test_rule_4_pain_rising_over_two_sessions_in_a_row_is_a_red_flag(pains, flagged):
    scripted = [Run(1 + 2 * n, pain=pain) for n, pain in enumerate(pains)]
    records, checkins = history("wall-sit", *scripted)
    flag = red_flag("wall-sit", "none", felt_runs(records, checkins, "none"))
    assert (flag is not None) == flagged
    if flagged:
        assert flag.why.startswith("pain rose two sessions in a row (1 → 2 → 3)")


@pytest.mark.parametrize(
    ("mornings", "flagged"),
    [(("worse", "worse"), True), (("same", "worse"), False), (("worse", "same"), False)],
)
def test_rule_4_two_worse_mornings_in_a_row_are_a_red_flag(mornings, flagged):
    found = wall_sit(*[Run(1 + 2 * n, compared=said) for n, said in enumerate(mornings)])
    assert (found.rule == "red_flag") == flagged


def test_rule_4_a_red_flag_eases_the_effort_and_a_clean_run_after_it_lifts_it():
    flagged = squat(fine(1), replace(fine(3), pain=7))
    assert (flagged.effort, flagged.rule) == (60, "red_flag")
    assert flagged.flag is not None and flagged.flag.exercise == "spanish-squat"
    later = squat(fine(1), replace(fine(3), pain=7), replace(fine(5), effort=60))
    assert later.flag is None


# -- rule 12: every target names its rule ----------------------------------------------------


def test_rule_12_every_suggestion_names_one_of_the_documented_rules():
    assert RULES == (
        "base", "progress", "keep", "ease", "cap", "no_data", "red_flag", "layoff",
        "effort_gate", "asymmetry", "form",
    )  # fmt: skip
    assert wall_sit(Run(1)).to_dict()["rule"] in RULES


# -- rule 5: layoffs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_off", "target", "rule"),
    [(13, 35, "progress"), (14, 25, "layoff"), (27, 25, "layoff"), (28, 30, "layoff")],
)
def test_rule_5_two_weeks_off_step_back_four_weeks_go_back_to_the_session(days_off, target, rule):
    found = wall_sit(Run(1, target_s=30), Run(3, target_s=30), today=3 + days_off)
    found_higher = wall_sit(Run(1, target_s=40), Run(3, target_s=40), today=3 + days_off)
    assert (found.rule, found_higher.rule) == (rule, rule)
    assert found_higher.target_s == {35: 45, 25: 35, 30: 30}[target]


@pytest.mark.parametrize(("days_off", "effort"), [(13, 80), (14, 60), (28, 70)])
def test_rule_5_a_layoff_steps_the_effort_back_too(days_off, effort):
    assert squat(fine(1), fine(3), today=3 + days_off).effort == effort


# -- rule 6: effort gate ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rating", "target", "rule"),
    [(None, 35, "progress"), (7, 35, "progress"), (8, 30, "effort_gate"), (10, 30, "effort_gate")],
)
def test_rule_6_a_time_hold_goes_up_only_at_an_effort_rating_of_7_or_less(rating, target, rule):
    found = wall_sit(Run(1, rating=rating), Run(3, rating=rating))
    assert (found.target_s, found.rule) == (target, rule)


@pytest.mark.parametrize(("rating", "rule"), [(None, "effort_gate"), (7, "progress")])
def test_rule_6_in_a_rehab_phase_an_unrated_effort_keeps_the_time(rating, rule):
    rated = [Run(day, pain=1, compared="same", rating=rating) for day in (1, 3)]
    assert wall_sit(*rated, phase=PhaseDose(gated=True)).rule == rule


# -- rule 7: tendon dose speed ---------------------------------------------------------------


@pytest.mark.parametrize(("today", "effort", "rule"), [(9, 80, "cap"), (10, 90, "progress")])
def test_rule_7_effort_rises_at_most_10_points_a_week(today, effort, rule):
    climbed = [fine(0), fine(2), replace(fine(3), effort=80), replace(fine(5), effort=80)]
    found = squat(*climbed, today=today)
    assert (found.effort, found.rule) == (effort, rule)


def test_rule_7_a_first_step_is_never_more_than_10_points():
    assert squat(fine(0), fine(2), phase=PhaseDose(effort=90)).effort == 80


@pytest.mark.parametrize(("elsewhere", "effort", "rule"), [(60, 70, "cap"), (70, 80, "base")])
def test_rule_7_holds_in_every_session_even_on_a_first_run(elsewhere, effort, rule):
    records, checkins = history(
        "spanish-squat", replace(fine(0, session="other"), effort=elsewhere)
    )
    harder = replace(session(replace(SQUAT, effort=80)), progress=Progress.EFFORT)
    found = suggestions_for(records, harder, Level.BEGINNER, checkins, today=on(2))
    assert (found["spanish-squat"].effort, found["spanish-squat"].rule) == (effort, rule)


# -- rule 8: form failure --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("held", "target", "rule"),
    [(24.9, 20, "form"), (25, 25, "form"), (29.9, 25, "form"), (3, 5, "form")],
)
def test_rule_8_two_runs_ended_early_go_to_what_was_held_rounded_down(held, target, rule):
    early = (DONE, EARLY)
    found = wall_sit(Run(1, outcomes=early, held_s=held), Run(3, outcomes=early, held_s=held))
    assert (found.target_s, found.rule) == (target, rule)


def test_rule_8_one_run_ended_early_keeps_and_effort_holds_ease_10_points():
    assert wall_sit(Run(1), Run(3, outcomes=(DONE, EARLY))).rule == "keep"
    early = replace(fine(1), outcomes=(DONE, EARLY))
    found = squat(early, replace(early, day=3))
    assert (found.effort, found.rule) == (60, "form")


# -- rule 9: a harder variation taken progresses ---------------------------------------------


def test_rule_9_a_taken_swap_has_its_own_targets_by_the_same_rules():
    capped = replace(WALL_SIT, max_s=30, harder_id="loaded-wall-sit")
    loaded = Exercise(
        "loaded-wall-sit", "Loaded wall sit", beginner_s=20, advanced_s=40, per_side=False
    )
    plain, _ = history("wall-sit", Run(1), Run(3))
    swapped, _ = history("loaded-wall-sit", Run(5, target_s=20), Run(7, target_s=20))
    found = suggestions_for(
        plain + swapped, session(capped), Level.BEGINNER, library={loaded.id: loaded},
        today=on(9),
    )  # fmt: skip
    assert found["wall-sit"].swap == "loaded-wall-sit"
    assert (found["loaded-wall-sit"].target_s, found["loaded-wall-sit"].rule) == (25, "progress")


# -- rule 10: asymmetry ----------------------------------------------------------------------


@pytest.mark.parametrize(("left_s", "rule"), [(34, "progress"), (33.8, "asymmetry")])
def test_rule_10_the_stronger_side_waits_while_the_other_is_under_85_percent(left_s, rule):
    right, _ = history(
        "side-plank",
        Run(1, side="right", target_s=40, outcomes=(DONE,)),
        Run(3, side="right", target_s=40, outcomes=(DONE,)),
    )
    left, _ = history("side-plank", Run(3, side="left", target_s=left_s, outcomes=(DONE,)))
    found = suggestions_for(right + left, session(PLANK), Level.BEGINNER, today=on(5))
    assert found["side-plank:right"].rule == rule
