"""The store's SQL figures agree with core.stats and core.progression on the same holds."""

from __future__ import annotations

import sqlite3
import time
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from isotimer.core.history import stats
from isotimer.core.history.records import HoldRecord
from isotimer.core.history.review import MemoryHistory, build_review
from isotimer.storage.history import schema
from isotimer.storage.history.store import HistoryStore
from tests.history_readers import query
from tests.ui.history_builders import TODAY, review_holds
from tests.unit.history_factories import T0, hold_record, run_record

V1_HOLD_COLUMNS = schema.HOLD_COLUMNS.removesuffix(", outcome, target_effort, kind")


def assert_agrees(store: HistoryStore, today: date) -> None:
    """Every figure from SQL equals core.stats over the store's holds in time order."""
    holds = store.holds(newest_first=False)
    memory = MemoryHistory(holds)
    assert store.side_stats(today) == memory.side_stats(today)
    assert store.balances() == memory.balances()
    assert store.streak(today) == memory.streak(today)
    for ours, theirs in zip(store.weekly(today), memory.weekly(today), strict=True):
        assert (ours.start, ours.sessions) == (theirs.start, theirs.sessions)
        assert ours.time_under_tension_s == pytest.approx(theirs.time_under_tension_s)
    assert build_review(store, today).exercises == (build_review(memory, today).exercises)
    for row in memory.side_stats(today):
        expected = stats.best_per_day(holds, row.exercise, row.side)
        assert store.best_per_day(row.exercise, row.side) == expected


@pytest.mark.parametrize(
    "today",
    [TODAY, date(2026, 2, 11), date(2026, 1, 4), date(2027, 1, 1)],
    ids=["at_the_end", "mid_history", "before_the_first_hold", "long_after"],
)
def test_every_figure_agrees_with_core_stats_on_the_review_history(store, today):
    store.import_holds(review_holds())
    assert_agrees(store, today)


def test_an_empty_history_has_no_figures(store):
    assert store.side_stats(TODAY) == []
    assert store.balances() == {}
    assert store.streak(TODAY) == 0
    assert [week.sessions for week in store.weekly(TODAY)] == [0] * stats.TREND_WEEKS
    assert store.run_summaries(10) == []


# -- the search windows widen until the answer is certain ----------------------------------


def left_only_runs(count: int, start: datetime) -> list[HoldRecord]:
    return [
        hold_record(run_id=f"left-{n}", at=start + timedelta(hours=n), exercise="side-plank",
                    side="left", held_s=40, id=f"left-{n}")
        for n in range(count)
    ]  # fmt: skip


def test_balance_finds_the_last_two_sided_run_behind_many_one_sided_ones(store):
    both = [
        hold_record(run_id="both", exercise="side-plank", side=side, held_s=held, id=side)
        for side, held in (("left", 40), ("right", 30))
    ]
    store.import_holds([*both, *left_only_runs(300, T0 + timedelta(days=1))])
    assert store.balances()["side-plank"].gap_pct == 25.0
    assert_agrees(store, TODAY)


def test_next_target_reads_only_the_level_last_used(store):
    beginner = [
        hold_record(run_id=f"b{day}", at=T0 + timedelta(days=day), id=f"b{day}") for day in range(2)
    ]
    advanced = [
        hold_record(run_id=f"a{n}", at=T0 + timedelta(days=3, hours=n), level="advanced",
                    target_s=60, id=f"a{n}")
        for n in range(200)
    ]  # fmt: skip
    store.import_holds([*beginner, *advanced])
    holds = store.last_runs_holds("wall-sit", "none", "beginner")
    assert {hold.run_id for hold in holds} == {"b0", "b1"}
    assert_agrees(store, TODAY)


def test_next_target_reads_back_past_a_last_run_longer_than_the_first_look(store):
    earlier = [hold_record(run_id="earlier", held_s=20, id=f"e{n}", set=n) for n in range(3)]
    long_run = [
        hold_record(run_id="long", at=T0 + timedelta(days=1, minutes=n), id=f"l{n}", set=n)
        for n in range(100)
    ]
    store.import_holds([*earlier, *long_run])
    holds = store.last_runs_holds("wall-sit", "none", "beginner")
    assert {hold.run_id for hold in holds} == {"earlier", "long"}
    assert_agrees(store, TODAY)


def test_a_streak_longer_than_the_first_window_is_counted_in_full(store):
    weeks = 40
    monday = TODAY - timedelta(days=TODAY.weekday())
    holds = [
        hold_record(run_id=f"w{week}-{n}", id=f"w{week}-{n}",
                    at=datetime.combine(monday - timedelta(weeks=week, days=-n), T0.timetz()))
        for week in range(weeks)
        for n in range(2)
    ]  # fmt: skip
    store.import_holds(holds)
    assert store.streak(TODAY) == weeks
    assert_agrees(store, TODAY)


# -- any history at all ----------------------------------------------------------------------

OFFSETS = [timezone(timedelta(hours=hours)) for hours in (-10, -5, 0, 1, 2, 9, 14)]
EXERCISES = [("wall-sit", ("none",)), ("side-plank", ("left", "right")), ("calf", ("left",))]


@st.composite
def histories(draw) -> list[HoldRecord]:
    """Runs over a few months, some overlapping, in several time zones and both levels."""
    holds = []
    for run in range(draw(st.integers(0, 12))):
        start = datetime(2026, 1, 1, tzinfo=OFFSETS[draw(st.integers(0, len(OFFSETS) - 1))])
        moment = start + timedelta(hours=draw(st.integers(0, 24 * 80)))
        level = draw(st.sampled_from(["beginner", "advanced"]))
        pain = draw(st.none() | st.integers(0, 10))
        for step in range(draw(st.integers(1, 6))):
            exercise, sides = draw(st.sampled_from(EXERCISES))
            target = float(draw(st.sampled_from([20, 30, 45])))
            holds.append(
                hold_record(
                    run_id=f"run-{run}", id=f"run-{run}-{step}", level=level, pain=pain,
                    at=moment + timedelta(minutes=draw(st.integers(0, 90))),
                    exercise=exercise, side=draw(st.sampled_from(sides)), target_s=target,
                    held_s=draw(st.sampled_from([target, target - 5, 12.5])),
                )
            )  # fmt: skip
    return holds


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(holds=histories(), today=st.dates(date(2025, 12, 20), date(2026, 5, 1)))
def test_sql_figures_agree_with_core_stats_on_any_history(tmp_path_factory, holds, today):
    path = tmp_path_factory.mktemp("history") / "history.sqlite3"
    with HistoryStore.open(path) as store:
        store.import_holds(holds)
        assert_agrees(store, today)


# -- the index ---------------------------------------------------------------------------------


def test_a_version_2_file_gains_the_review_indexes_and_keeps_its_holds(tmp_path):
    path = tmp_path / "v2.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for step in schema.MIGRATIONS[:2]:
        step(conn)
    conn.execute("PRAGMA user_version = 2")
    row = schema.hold_row(hold_record(id="old"))
    conn.execute(
        f"INSERT INTO holds ({V1_HOLD_COLUMNS}, started_ts) VALUES ({', '.join('?' * 19)})",
        (*row[:18], row[-1]),
    )
    conn.close()
    with HistoryStore.open(path) as migrated:
        assert [hold.id for hold in migrated.holds()] == ["old"]
        indexes = {row[0] for row in query(path, "SELECT name FROM sqlite_master")}
        assert {"holds_side", "holds_day", "runs_started"} <= indexes
        assert migrated.side_stats(TODAY)[0].holds == 1


@pytest.mark.parametrize(
    ("sql", "index"),
    [
        ("SELECT count(*) FROM holds WHERE exercise = 'a' AND side = 'none'", "holds_side"),
        ("SELECT DISTINCT substr(started_at, 1, 10), run_id FROM holds"
         " WHERE substr(started_at, 1, 10) BETWEEN '2026-01-01' AND '2026-02-01'", "holds_day"),
        ("SELECT id FROM runs ORDER BY started_at DESC, rowid DESC LIMIT 5", "runs_started"),
    ],
)  # fmt: skip
def test_the_review_queries_read_their_index(store, sql, index):
    plan = " ".join(str(row) for row in query(store.path, f"EXPLAIN QUERY PLAN {sql}"))
    assert index in plan


def test_a_set_redone_after_going_back_is_one_hold_of_the_run_and_both_times_count(store):
    """Set 1 held 10 s, redone for 30 s after ``b``, then set 2: two holds, 60 s held."""
    store.begin_run(run_record("redo"))
    for n, (set_, held) in enumerate(((1, 10.0), (1, 30.0), (2, 20.0))):
        at = T0 + timedelta(minutes=n)
        store.add_hold(hold_record(run_id="redo", at=at, set=set_, held_s=held, id=f"h{n}"))
    [summary] = store.run_summaries(10)
    assert (summary.holds, summary.held_s) == (2, 60.0)


def test_the_review_of_100000_holds_reads_in_well_under_half_a_second(tmp_path):
    from benchmarks.history_data import write_store

    path = write_store(tmp_path / "big.sqlite3", 100_000)
    with HistoryStore.open(path) as store:
        # CPU time of this process (SQLite reads in it): other programs sharing the
        # machine's cores slow the wall clock, not the work the review costs.
        began = time.process_time()
        review = build_review(store, date(2026, 1, 5))
        store.run_summaries(200)
        store.best_per_day("side-plank", "left")
        elapsed = time.process_time() - began
    assert review.holds == 100_000
    assert elapsed < 0.5
