"""Check-ins and outcomes in the history: the v4 migration, the store, export and import."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

import pytest

from isotimer.core.history.checkins import checkin_sides, checkin_text, wants_checkin
from isotimer.core.history.records import CheckIn, HoldOutcome, RunRecord
from isotimer.storage.history import schema
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.history.transfer import export_holds, parse_checkins, parse_import
from tests.history_readers import pragma
from tests.unit.history_factories import T0, hold_record, run_record

V3_HOLD_COLUMNS = schema.HOLD_COLUMNS.removesuffix(", outcome, target_effort, kind")


def test_a_version_3_file_gains_outcomes_and_checkins_keeping_what_its_holds_meant(tmp_path):
    path = tmp_path / "v3.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for step in schema.MIGRATIONS[:3]:
        step(conn)
    conn.execute("PRAGMA user_version = 3")
    for hold in (hold_record(id="done"), hold_record(id="short", held_s=10)):
        row = schema.hold_row(hold)
        conn.execute(
            f"INSERT INTO holds ({V3_HOLD_COLUMNS}, started_ts) VALUES ({', '.join('?' * 19)})",
            (*row[:18], row[-1]),
        )
    conn.close()
    with HistoryStore.open(path) as migrated:
        outcomes = {hold.id: hold.outcome for hold in migrated.holds()}
        # Before v4 a hold not completed counted as a failed set: it stays one.
        assert outcomes == {"done": HoldOutcome.COMPLETED, "short": HoldOutcome.ENDED_EARLY}
        assert migrated.checkins() == []
    assert pragma(path, "user_version") == schema.SCHEMA_VERSION == 5


def test_checkins_are_merged_by_id(store):
    first = CheckIn("c1", "run-1", T0, "left", "worse", 4)
    assert store.add_checkins([first]) == (1, 0)
    assert store.add_checkins([first, CheckIn("c2", "run-1", T0, "right")]) == (1, 1)
    assert [c.id for c in store.checkins(["run-1"])] == ["c1", "c2"]
    assert store.checkins(["other"]) == []


def test_a_run_with_no_hold_of_a_second_is_no_session_in_any_count(store):
    store.begin_run(run_record("get-ready"))  # stopped during the get-ready: no holds
    store.import_holds(
        [
            hold_record(run_id="flick", id="f", held_s=0.4, outcome=HoldOutcome.SKIPPED),
            hold_record(run_id="real", id="r", at=T0 + timedelta(hours=1)),
        ]
    )
    assert [run.id for run in store.sessions()] == ["real"]
    assert store.run_count() == 1
    assert [summary.run.id for summary in store.run_summaries(10)] == ["real"]
    assert store.weekly(T0.date())[-1].sessions == 1


@pytest.mark.parametrize("fmt", ["json", "csv", "toml"])
def test_every_export_format_carries_the_outcome(fmt):
    holds = [
        hold_record(id="a"),
        hold_record(id="b", held_s=3, outcome=HoldOutcome.SKIPPED, target_effort=70),
        hold_record(id="c", held_s=9, stopped=True),
    ]
    back, rejected = parse_import(export_holds(holds, fmt), fmt)
    assert rejected == []
    assert [(h.outcome, h.completed, h.target_effort) for h in back] == [
        (HoldOutcome.COMPLETED, True, None),
        (HoldOutcome.SKIPPED, False, 70),
        (HoldOutcome.STOPPED, False, None),
    ]


def test_an_older_export_without_outcomes_derives_them_from_completed():
    rows = json.loads(export_holds([hold_record(id="a"), hold_record(id="b", held_s=9)], "json"))
    for row in rows["holds"]:
        del row["outcome"], row["target_effort"]
    back, _ = parse_import(json.dumps(rows["holds"]), "json")
    assert [hold.outcome for hold in back] == [HoldOutcome.COMPLETED, HoldOutcome.ENDED_EARLY]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            {"outcome": "gave up"},
            "outcome must be completed, ended_early, stopped, skipped, not 'gave up'",
        ),
        ({"outcome": "skipped"}, "completed is true but outcome is skipped"),
    ],
)
def test_an_outcome_that_does_not_fit_is_refused_with_a_reason(change, reason):
    row = json.loads(export_holds([hold_record(id="a")], "json"))["holds"][0]
    _, rejected = parse_import(json.dumps([{**row, **change}]), "json")
    assert rejected == [(1, reason)]


def test_checkins_travel_in_the_json_export_beside_the_holds():
    checkins = [CheckIn("c1", "run-1", T0, "left", "worse", 4), CheckIn("c2", "run-1", T0)]
    text = export_holds([hold_record(id="a")], "json", checkins)
    assert list(json.loads(text)) == ["holds", "checkins"]
    back, rejected = parse_checkins(text, "json")
    assert (back, rejected) == (checkins, [])
    bad = json.dumps({"holds": [], "checkins": [{"id": "x", "run_id": "r", "at": "soon"}]})
    assert parse_checkins(bad, "json")[1] == [(1, "at is not an ISO 8601 time: 'soon'")]
    assert parse_checkins(export_holds([], "csv"), "csv") == ([], [])


# -- core: when to ask, which sides, how it reads ----------------------------------------------

YESTERDAY = run_record("r", at=T0 - timedelta(days=1))


@pytest.mark.parametrize(
    ("run", "pain", "effort", "answered", "today", "asked"),
    [
        pytest.param(YESTERDAY, 2, False, (), T0.date(), True, id="rated_yesterday"),
        pytest.param(YESTERDAY, None, True, (), T0.date(), True, id="effort_session"),
        pytest.param(YESTERDAY, None, False, (), T0.date(), False, id="unrated_time_session"),
        pytest.param(run_record("r"), 2, False, (), T0.date(), False, id="same_day"),
        pytest.param(
            YESTERDAY, 2, False, (CheckIn("c", "r", T0),), T0.date(), False, id="asked_once"
        ),
        pytest.param(YESTERDAY, 2, False, (), date(2026, 1, 9), True, id="days_later"),
    ],
)
def test_when_the_morning_check_in_is_asked(run, pain, effort, answered, today, asked):
    holds = [hold_record(run_id="r", pain=pain)]
    assert wants_checkin(run, holds, effort, answered, today) is asked


def test_a_run_rated_on_the_run_itself_wants_a_check_in_too():
    rated = RunRecord(**{**vars(YESTERDAY), "pain": 4})
    assert wants_checkin(rated, [], False, (), T0.date())


@pytest.mark.parametrize(
    ("sides", "asked"), [(("none",), ("none",)), (("left", "right"), ("left", "right"))]
)
def test_the_check_in_asks_per_side_where_the_run_had_sides(sides, asked):
    assert checkin_sides([hold_record(side=side) for side in sides]) == asked


@pytest.mark.parametrize(
    ("checkin", "text"),
    [
        (CheckIn("c", "r", T0, "left", "worse", 4), "left side: worse, pain 4/10"),
        (CheckIn("c", "r", T0, "none", "better", None), "better"),
        (CheckIn("c", "r", T0), "skipped"),
    ],
)
def test_a_check_in_reads_as_plain_words(checkin, text):
    assert checkin_text(checkin) == text
