"""Stats: bests, trend, balance and weekly consistency from plain hold records."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from isotimer.core.history import stats
from isotimer.core.history.records import HoldOutcome
from tests.unit.history_factories import T0, hold_record

TODAY = T0.date()  # Monday 2026-01-05


def days_ago(days: int, hours: int = 0):
    return T0 - timedelta(days=days, hours=hours)


def test_side_stats_reports_best_last_count_and_targets_per_exercise_and_side():
    records = [
        hold_record(at=days_ago(3), held_s=50, target_s=50),
        hold_record(at=days_ago(2), held_s=42, target_s=55),
        hold_record(at=days_ago(1), held_s=30, target_s=30, exercise="plank"),
        hold_record(at=days_ago(1), held_s=20, target_s=30, exercise="plank", side="left"),
    ]
    rows = {(row.exercise, row.side): row for row in stats.side_stats(records, TODAY)}
    assert list(rows) == [("plank", "left"), ("plank", "none"), ("wall-sit", "none")]
    wall = rows["wall-sit", "none"]
    assert (wall.best_s, wall.best_on) == (50, days_ago(3).date())
    assert (wall.last_s, wall.last_on, wall.last_target_s) == (42, days_ago(2).date(), 55)
    assert (wall.holds, wall.max_target_s) == (2, 55)


def test_last_hold_is_the_latest_by_time_whatever_the_order_given():
    records = [hold_record(at=days_ago(1), held_s=30), hold_record(at=days_ago(5), held_s=40)]
    assert stats.side_stats(records, TODAY)[0].last_s == 30


def test_best_per_day_keeps_the_longest_hold_of_each_local_day():
    records = [
        hold_record(at=days_ago(2), held_s=30),
        hold_record(at=days_ago(2, hours=-1), held_s=35),
        hold_record(at=days_ago(1), held_s=33),
        hold_record(at=days_ago(1), held_s=99, side="left"),
    ]
    assert stats.best_per_day(records, "wall-sit", "none") == [
        (days_ago(2).date(), 35),
        (days_ago(1).date(), 33),
    ]


@pytest.mark.parametrize(
    ("series", "expected"),
    [
        pytest.param(
            [(TODAY - timedelta(days=d), 60 - d) for d in range(15)], 7.0, id="one_s_a_day"
        ),
        pytest.param(
            [(TODAY - timedelta(days=d), 60 - d) for d in range(14)], None, id="under_14_days"
        ),
        pytest.param(
            [(TODAY - timedelta(days=d), 60 - d) for d in (0, 14)], None, id="two_runs_are_no_trend"
        ),
        pytest.param(
            [(TODAY - timedelta(days=d), 60 - d) for d in (0, 7, 14)], 7.0, id="three_over_14_days"
        ),
        pytest.param([(TODAY, 40)], None, id="one_day_has_no_slope"),
        pytest.param([], None, id="no_days_have_no_slope"),
        pytest.param([(TODAY - timedelta(weeks=9), 10), (TODAY, 40)], None, id="old_days_drop_out"),
        pytest.param(
            [(TODAY - timedelta(days=14), 60), (TODAY - timedelta(days=7), 50), (TODAY, 40)],
            -10.0,
            id="losing_time",
        ),
    ],
)
def test_trend_is_the_weekly_slope_of_daily_bests_over_eight_weeks(series, expected):
    result = stats.trend(series, TODAY)
    assert result == pytest.approx(expected) if expected is not None else result is None


@pytest.mark.parametrize(
    ("left", "right", "gap", "lagging", "flagged"),
    [
        pytest.param(40, 40, 0.0, None, False, id="even"),
        pytest.param(36, 40, 10.0, "left", False, id="ten_percent_is_not_flagged"),
        pytest.param(40, 35, 12.5, "right", True, id="over_ten_percent_is_flagged"),
    ],
)
def test_balance_compares_the_sides_of_the_latest_run(left, right, gap, lagging, flagged):
    records = [
        hold_record(run_id="old", at=days_ago(9), side="left", held_s=10, target_s=40),
        hold_record(run_id="old", at=days_ago(9), side="right", held_s=40, target_s=40),
        hold_record(run_id="new", at=days_ago(1), side="left", held_s=left, target_s=40),
        hold_record(run_id="new", at=days_ago(1), side="right", held_s=right, target_s=40),
        hold_record(run_id="one-side", at=days_ago(0), side="left", held_s=1, target_s=40),
    ]
    balance = stats.balances(records)["wall-sit"]
    assert (balance.gap_pct, balance.lagging, balance.flagged) == (gap, lagging, flagged)


def test_balance_leaves_out_exercises_without_sides():
    assert stats.balances([hold_record()]) == {}


def test_weekly_sums_tension_and_counts_distinct_runs_per_iso_week():
    records = [
        hold_record(run_id="a", at=T0, held_s=30),
        hold_record(run_id="a", at=T0, held_s=20),
        hold_record(run_id="b", at=T0 + timedelta(days=2), held_s=10),
        hold_record(run_id="c", at=T0 - timedelta(days=1), held_s=40),  # Sunday: last week
    ]
    weeks = stats.weekly(records, TODAY + timedelta(days=3), weeks=3)
    assert [week.start for week in weeks] == [date(2025, 12, 22), date(2025, 12, 29), TODAY]
    assert [(week.time_under_tension_s, week.sessions) for week in weeks] == [
        (0.0, 0),
        (40.0, 1),
        (60.0, 2),
    ]
    assert [week.met_goal for week in weeks] == [False, False, True]


def runs_in_weeks(*counts: int) -> list:
    """``counts[i]`` runs in the week ``i`` weeks before TODAY's week."""
    return [
        hold_record(
            run_id=f"w{weeks_back}-{n}", at=T0 - timedelta(weeks=weeks_back) + timedelta(days=n)
        )
        for weeks_back, count in enumerate(counts)
        for n in range(count)
    ]


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        pytest.param((2, 2, 3), 3, id="runs_through_this_week"),
        pytest.param((1, 2, 2), 2, id="this_week_under_way_does_not_break_it"),
        pytest.param((0, 2, 1, 2), 1, id="a_short_week_ends_it"),
        pytest.param((2, 0, 2), 1, id="an_empty_week_ends_it"),
        pytest.param((), 0, id="no_history_no_streak"),
    ],
)
def test_streak_counts_weeks_meeting_the_goal_back_from_this_or_last_week(counts, expected):
    assert stats.streak(runs_in_weeks(*counts), TODAY) == expected


def test_all_stats_for_100000_holds_take_well_under_two_seconds():
    records = [
        hold_record(
            run_id=f"run-{n // 12}",
            at=T0 - timedelta(minutes=30 * n),
            exercise=("wall-sit", "side-plank", "calf-raise")[n % 3],
            side=("none", "left", "right")[n % 3],
            held_s=float(20 + n % 40),
            id=f"perf-{n}",
        )
        for n in range(100_000)
    ]
    began = time.process_time()  # CPU time: a busy machine slows the wall clock, not the work
    stats.side_stats(records, TODAY)
    stats.balances(records)
    stats.weekly(records, TODAY)
    stats.streak(records, TODAY)
    assert time.process_time() - began < 2.0


def test_trends_are_per_session_from_completed_holds_with_a_unit():
    def at(days: int):
        return T0 - timedelta(days=days)

    records = [
        hold_record(at=at(14), held_s=30, target_s=30, session="a", run_id="a1"),
        hold_record(at=at(7), held_s=35, target_s=35, session="a", run_id="a2"),
        hold_record(at=at(0), held_s=40, target_s=40, session="a", run_id="a3"),
        hold_record(at=at(0), held_s=2, target_s=60, session="a", run_id="a3",
                    outcome=HoldOutcome.SKIPPED),
        hold_record(at=at(1), held_s=60, target_s=60, session="b", run_id="b1"),
        hold_record(at=at(0), held_s=60, target_s=60, session="b", run_id="b2"),
    ]  # fmt: skip
    found = {t.session: t for t in stats.session_trends(records, TODAY)}
    assert found["a"].to_dict() == {
        "session": "a", "exercise": "wall-sit", "side": "none", "trend": pytest.approx(5.0),
        "unit": "s/week", "runs": 3, "why": None,
    }  # fmt: skip
    assert found["b"].trend is None and found["b"].why.startswith("not enough data: 2 runs")


def test_a_skipped_hold_never_makes_a_best_or_a_balance():
    records = [
        hold_record(at=T0, held_s=30, target_s=30, side="left", run_id="r"),
        hold_record(at=T0, held_s=30, target_s=30, side="right", run_id="r"),
        hold_record(at=T0 + timedelta(hours=1), held_s=5, target_s=30, side="left", run_id="s",
                    outcome=HoldOutcome.SKIPPED),
        hold_record(at=T0 + timedelta(hours=1), held_s=30, target_s=30, side="right", run_id="s"),
    ]  # fmt: skip
    assert stats.balances(records)["wall-sit"].gap_pct == 0.0
    [left, _] = stats.side_stats(records, TODAY)
    assert left.best_s == 30
