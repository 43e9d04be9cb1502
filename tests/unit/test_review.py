"""The review's view model and the chart's numbers, from records alone."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from isotimer.core.history.chart import ChartSeries, day_ticks, second_step, second_ticks
from isotimer.core.history.review import (
    MemoryHistory,
    balance_text,
    build_review,
    gap_text,
    trend_text,
)
from isotimer.core.history.stats import Balance
from tests.ui.history_builders import TODAY, review_holds


@pytest.fixture(scope="module")
def review():
    return build_review(MemoryHistory(review_holds()), TODAY)


def test_a_review_has_a_row_per_exercise_and_side_sorted_by_id(review):
    assert [row.label for row in review.exercises] == [
        "Calf raise hold (left)",
        "Calf raise hold (right)",
        "Side plank (left)",
        "Side plank (right)",
        "Wall sit",
    ]
    assert review.holds == len(review_holds())
    assert review.find("side-plank:right").stats.last_s == 27.0
    assert review.find("nope:none") is None


def test_a_review_carries_balance_weeks_and_streak_but_no_targets(review):
    assert review.balances["side-plank"].flagged
    assert not review.balances["calf-raise-hold"].flagged
    assert [week.sessions for week in review.weeks][-3:] == [3, 3, 1]
    assert review.streak == 10
    assert not hasattr(review.find("calf-raise-hold:left"), "next")
    assert review.name_of("side-plank") == "Side plank"
    assert review.name_of("unknown") == "unknown"


def test_an_empty_history_makes_an_empty_review():
    review = build_review(MemoryHistory([]), TODAY)
    assert review.empty and review.holds == 0 and review.streak == 0


# -- words ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("trend", "text"),
    [(None, ""), (1.26, "+1.3 s/wk"), (-2.0, "-2.0 s/wk"), (-0.01, "+0.0 s/wk")],
)
def test_trend_reads_as_seconds_a_week_never_minus_zero(trend, text):
    assert trend_text(trend) == text


@pytest.mark.parametrize(
    ("balance", "text"),
    [
        (None, ""),
        (Balance("x", 40, 40, 0.0, None), "even"),
        (Balance("x", 40, 38, 5.0, "right"), "5% right lags"),
        (Balance("x", 30, 40, 25.0, "left"), "25% left lags (!)"),
    ],
)
def test_gap_marks_a_side_lagging_by_more_than_ten_percent(balance, text):
    assert gap_text(balance) == text


@pytest.mark.parametrize(
    ("balance", "text"),
    [
        (Balance("x", 40, 40, 0.0, None), "even"),
        (Balance("x", 40, 38, 5.0, "right"), "right lags by 5%"),
        (Balance("x", 35, 27, 22.9, "right"), "⚠ right lags by 22.9%"),
    ],
)
def test_balance_words_mark_only_a_gap_over_ten_percent(balance, text):
    assert balance_text(balance) == text


# -- the chart ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "last", "columns", "labels"),
    [
        pytest.param(date(2026, 3, 2), date(2026, 3, 2), 40, ["2 Mar"], id="one_day"),
        pytest.param(
            date(2026, 3, 2),
            date(2026, 3, 30),
            40,
            ["2 Mar", "9 Mar", "16 Mar", "23 Mar", "30 Mar"],
            id="weeks",
        ),
        pytest.param(
            date(2026, 1, 5),
            date(2026, 4, 20),
            60,
            ["Feb 2026", "Mar 2026", "Apr 2026"],
            id="months_on_the_first",
        ),
        pytest.param(
            date(2026, 1, 5),
            date(2026, 4, 20),
            24,
            ["Feb 2026", "Apr 2026"],
            id="months_thinned_to_fit",
        ),
        pytest.param(
            date(2021, 1, 4), date(2026, 1, 5), 30, ["2022", "2024", "2026"], id="years_thinned"
        ),
    ],
)
def test_day_ticks_fall_on_dates_a_runner_recognises_never_crowded(first, last, columns, labels):
    ticks = day_ticks(first, last, columns)
    assert [label for _, label in ticks] == labels
    assert all(first.toordinal() <= day <= last.toordinal() for day, _ in ticks)


@pytest.mark.parametrize(
    ("top", "count", "step"), [(40, 4, 10), (66, 4, 20), (200, 4, 60), (30, 8, 5)]
)
def test_second_steps_are_round_numbers(top, count, step):
    assert second_step(top, count) == step


def test_second_ticks_switch_to_minutes_past_two():
    labels = [label for _, label in second_ticks(240, 4)]
    assert labels == ["0 s", "60 s", "2 min", "3 min", "4 min"]


def test_a_series_spans_its_days_and_leaves_room_above_the_target():
    start = date(2026, 3, 2)
    series = ChartSeries(((start, 30.0), (start + timedelta(days=7), 42.0)), 45.0, 42.0)
    assert series.x_range == (start.toordinal(), start.toordinal() + 7)
    assert series.best_day == start.toordinal() + 7
    assert series.top_s == 60  # 45 s target x 1.1, up to the next 20 s step
    single = ChartSeries(((start, 30.0),), 30.0, 30.0)
    assert single.x_range == (start.toordinal() - 3, start.toordinal() + 3)


@given(
    first=st.dates(date(2000, 1, 1), date(2030, 1, 1)),
    days=st.integers(0, 20_000),
    columns=st.integers(10, 200),
)
def test_day_tick_labels_never_crowd_each_other(first, days, columns):
    """plotext places crowded labels in an order that changes per run: never crowd them."""
    ticks = day_ticks(first, first + timedelta(days=days), columns)
    scale = columns / max(1, days)
    for (left, left_label), (right, right_label) in pairwise(ticks):
        assert (right - left) * scale >= (len(left_label) + len(right_label)) / 2 + 3
