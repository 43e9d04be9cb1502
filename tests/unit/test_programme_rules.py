"""The coach's programme rules (README, "How the coach decides"), each at its edges."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from isotimer.core.programme.phases import Advance, Phase, Programme
from isotimer.core.programme.schedule import ProgrammeRun, status

START = date(2026, 3, 2)  # a Monday
GATE = Advance(sessions=2, max_pain=3, morning="not-worse")
GATED = Programme(
    "gated",
    "Gated",
    (
        Phase("Settle", ("k",), weeks=1, effort=60, advance=GATE),
        Phase("Load", ("k",), weeks=1, effort=70, advance=GATE),
        Phase("More", ("k",), weeks=1, effort=80, advance=GATE),
    ),
    per_week=3,
)
FIXED = Programme("fixed", "Fixed", (Phase("One", ("a",), weeks=2), Phase("Two", ("a",), weeks=2)))


def day(n: int) -> date:
    return START + timedelta(days=n)


def fine(n: int, **kw) -> ProgrammeRun:
    """A rated run: pain 1 and a settled morning after."""
    return replace(ProgrammeRun(day(n), 1, "same", 1), **kw)


# -- rule 1: in advance, only rated runs count toward moving on -----------------------------


@pytest.mark.parametrize(
    ("runs", "phase"),
    [
        pytest.param([fine(0), fine(3)], 2, id="two_rated_runs_move_on"),
        pytest.param([fine(0), fine(3, pain=None)], 1, id="an_unrated_run_does_not_count"),
        pytest.param([fine(0), fine(3, morning=None, morning_pain=None)], 1, id="no_morning"),
        pytest.param([fine(0), fine(2, pain=None), fine(4)], 2, id="two_rated_of_three"),
    ],
)
def test_rule_1_a_gated_phase_moves_on_only_on_rated_runs(runs, phase):
    found = status(GATED, START, runs, day(7))
    assert found.phase == phase
    if phase == 1:
        assert "no data, no increase" in status(GATED, START, runs, day(6)).advance_why


# -- rule 5: layoffs and empty weeks ---------------------------------------------------------


@pytest.mark.parametrize(("empty_weeks", "week_in_phase"), [(3, 2), (4, 1)])
def test_rule_5_four_empty_weeks_start_a_gated_phase_again(empty_weeks, week_in_phase):
    first = [fine(0, pain=5)]  # held back, so the phase is still Settle
    back = 7 * (1 + empty_weeks)
    found = status(GATED, START, [*first, fine(back, pain=5)], day(back + 1))
    assert (found.phase, found.week_in_phase) == (1, week_in_phase)


@pytest.mark.parametrize(("trained", "phase"), [((0, 7), 2), ((0, 14), 1), ((0,), 1)])
def test_rule_5_an_empty_week_never_moves_a_fixed_phase_on(trained, phase):
    runs = [ProgrammeRun(day(n)) for n in trained]
    assert status(FIXED, START, runs, day(15)).phase == phase


# -- rule 11: what counts, how far apart, and dropping back ----------------------------------


@pytest.mark.parametrize(("gap", "done"), [(1, 1), (2, 2)])
def test_rule_11_rehab_sessions_are_48_hours_apart(gap, done):
    rehab = replace(GATED, rehab=True)
    found = status(rehab, START, [fine(0), fine(gap)], day(gap))
    assert found.done_this_week == done
    assert status(rehab, START, [fine(0)], day(gap)).due is (gap >= 2)
    assert status(GATED, START, [fine(0)], day(1)).due  # not a rehab programme


@pytest.mark.parametrize(
    ("second", "phase"),
    [
        pytest.param({"pain": 6}, 1, id="two_bad_in_a_row_drop_back"),
        pytest.param({"pain": 5}, 2, id="pain_5_is_not_bad"),
        pytest.param({"morning": "worse"}, 1, id="a_worse_morning_is_bad"),
        pytest.param({"morning_pain": 6}, 1, id="morning_pain_6_is_bad"),
        pytest.param({"morning_pain": 5}, 2, id="morning_pain_5_is_not_bad"),
    ],
)
def test_rule_11_two_bad_sessions_in_a_row_drop_back_a_phase(second, phase):
    into_two = [fine(0), fine(3)]  # phase 2 from day 7
    runs = [*into_two, fine(7, pain=6), fine(9, **second)]
    assert status(GATED, START, runs, day(10)).phase == phase


def test_rule_11_a_bad_last_run_holds_a_fixed_phase_at_its_end():
    clean = [ProgrammeRun(day(n), 1) for n in (0, 7)]
    assert status(FIXED, START, clean, day(14)).phase == 2
    hurt = [ProgrammeRun(day(0), 1), ProgrammeRun(day(7), 6)]
    held = status(FIXED, START, hurt, day(14))
    assert held.phase == 1
