"""Test results over time: new test bests, the last test to beat and when a re-test is due."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from isotimer.core.history.bests import new_bests
from isotimer.core.history.chart import ChartSeries
from isotimer.core.history.hold_tests import (
    NewTestBest,
    hold_test_series,
    new_test_bests,
    retest_text,
)
from isotimer.core.history.records import HoldKind, HoldOutcome
from tests.unit.history_factories import T0, hold_record


def result(held_s: float, days: int = 0, side: str = "none", run: str = "", **changes):
    record = hold_record(
        run_id=run or f"test-{days}", at=T0 + timedelta(days=days), target_s=300, held_s=held_s,
        side=side, outcome=HoldOutcome.COMPLETED,
    )  # fmt: skip
    return replace(record, kind=HoldKind.TEST, **changes)


def test_the_summary_line_names_the_test_the_gain_and_the_percent():
    assert NewTestBest("Wall sit", "none", 95, 80).text() == (
        "Hold test: wall sit 95 s, up from 80 s, +19%"
    )
    assert NewTestBest("Side plank", "left", 40, 36).text() == (
        "Hold test: side plank (left) 40 s, up from 36 s, +11%"
    )


@pytest.mark.parametrize(
    ("held", "before", "found"),
    [(95, 80, True), (80.4, 80, False), (70, 80, False), (95, None, False)],
)
def test_a_new_test_best_beats_the_best_earlier_test_by_a_whole_second(held, before, found):
    bests = new_test_bests([result(held)], {("wall-sit", "none"): before})
    assert bool(bests) is found


def test_training_holds_and_skipped_tests_are_never_test_bests():
    skipped = replace(result(200), outcome=HoldOutcome.SKIPPED, completed=False)
    training = hold_record(held_s=300, target_s=300)
    assert new_test_bests([skipped, training], {("wall-sit", "none"): 80}) == []


def test_series_leave_out_tests_that_were_stopped():
    stopped = replace(result(10, days=3), outcome=HoldOutcome.STOPPED, completed=False)
    (series,) = hold_test_series([result(60), stopped])
    assert [r.held_s for r in series.results] == [60]


@pytest.mark.parametrize(
    ("days_since", "text"),
    [
        (27, None),
        (28, "Re-test due: last hold test 4 weeks ago (05 Jan)"),
        (40, "Re-test due: last hold test 5 weeks ago (05 Jan)"),
    ],
)
def test_a_retest_is_due_four_weeks_after_the_last(days_since, text):
    last = date(2026, 1, 5)
    assert retest_text(last, last + timedelta(days=days_since)) == text
    assert retest_text(None, last) is None


def test_the_store_gives_the_last_test_to_beat_and_the_best_before_a_run(store):
    store.import_holds([result(60, days=0), result(80, days=28), result(70, days=56, run="now")])
    key = ("wall-sit", "none")
    assert store.last_tests([key, ("side-plank", "left")])[key].held_s == 70
    assert store.test_bests_before([key], "now") == {key: 80}


def test_the_chart_keeps_tests_off_the_training_line_and_makes_room_for_them(store):
    store.import_holds([hold_record(held_s=30, target_s=30), result(95, days=40)])
    assert store.best_per_day("wall-sit", "none") == [(T0.date(), 30)]
    series = ChartSeries(((T0.date(), 30.0),), 30, 30, tests=((T0.date() + timedelta(40), 95),))
    assert series.top_s > 95
    assert series.x_range == (T0.date().toordinal(), T0.date().toordinal() + 40)


def test_training_bests_leave_tests_to_their_own_line(store):
    store.import_holds([result(95, days=0), hold_record(held_s=40, run_id="old", at=T0)])
    key = ("wall-sit", "none")
    assert store.bests_before([key], "now") == {key: 40}
    assert new_bests([result(120, run="now")], {key: 40}) == []
