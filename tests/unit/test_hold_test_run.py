"""A hold test on a fake clock: it counts up, ends by ``d`` or its cap, and is saved as a test."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from isotimer.core.history.records import HoldKind, HoldOutcome
from isotimer.core.run.cues import cue_for
from isotimer.core.run.events import Halfway, HoldFinished
from isotimer.core.session.model import Sides
from isotimer.storage.history import schema
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.history.transfer import export_holds, parse_import
from tests.unit.factories import hold, session
from tests.unit.history_factories import hold_record
from tests.unit.recorded_run import RecordedRun

CAP = 120
TEST = session(replace(hold("Wall sit", seconds=CAP, advanced=CAP), test=True), lead_in=5)
TRAINING_AND_TEST = session(
    hold("Wall sit", seconds=30),
    replace(hold("Side plank", seconds=60, sides=Sides.BOTH), test=True, beginner_s=60),
    lead_in=5,
)


def started_test(store) -> RecordedRun:
    run = RecordedRun(store, TEST)
    run.wait(5)  # the get-ready
    return run


def test_the_clock_counts_up_from_zero_and_a_pause_freezes_it(store):
    run = started_test(store)
    run.wait(40)
    snapshot = run.engine.snapshot(run.clock.monotonic())
    assert snapshot.counting_up and snapshot.elapsed_s == 40
    run.do("pause")
    run.wait(30)
    assert run.engine.snapshot(run.clock.monotonic()).elapsed_s == 40
    run.do("resume")
    run.wait(5)
    assert run.engine.snapshot(run.clock.monotonic()).elapsed_s == 45


@pytest.mark.parametrize(
    ("command", "held", "outcome"),
    [
        pytest.param("end_hold", 47.0, HoldOutcome.COMPLETED, id="d_ends_it_with_the_time_held"),
        pytest.param("skip", 47.0, HoldOutcome.SKIPPED, id="n_saves_it_skipped"),
        pytest.param("stop", 47.0, HoldOutcome.STOPPED, id="q_saves_it_stopped"),
    ],
)
def test_how_a_test_ends_decides_its_record(store, command, held, outcome):
    run = started_test(store)
    run.wait(47)
    run.do(command)
    (record,) = store.holds()
    assert (record.kind, record.held_s, record.target_s, record.outcome) == (
        HoldKind.TEST,
        held,
        CAP,
        outcome,
    )


def test_at_its_cap_the_test_ends_itself_completed(store):
    run = started_test(store)
    run.wait(CAP + 10)
    (record,) = store.holds()
    assert (record.kind, record.held_s, record.completed) == (HoldKind.TEST, CAP, True)
    assert run.engine.finished


def test_a_test_has_no_halfway_and_no_countdown_to_a_target(store):
    run = started_test(store)
    heard = []
    run.engine.subscribe(heard.append)
    run.wait(CAP - 1)
    run.wait(0.5)
    assert not [e for e in heard if not isinstance(e, HoldFinished)]
    assert not any(isinstance(e, Halfway) for e in heard)


def test_training_holds_stay_holds_beside_a_test(store):
    run = RecordedRun(store, TRAINING_AND_TEST)
    run.wait(5 + 30 + 30)  # get-ready, the wall sit, its rest
    run.wait(12)
    run.do("end_hold")  # left side: that's my hold
    kinds = [(h.exercise, h.side, h.kind, h.outcome) for h in store.holds(newest_first=False)]
    assert kinds == [
        ("wall-sit", "none", HoldKind.HOLD, HoldOutcome.COMPLETED),
        ("side-plank", "left", HoldKind.TEST, HoldOutcome.COMPLETED),
    ]


@pytest.mark.parametrize("fmt", ["json", "csv", "toml"])
def test_kind_survives_an_export_and_import(store, fmt):
    run = started_test(store)
    run.wait(33)
    run.do("end_hold")
    holds, rejected = parse_import(export_holds(store.holds(), fmt), fmt)
    assert rejected == [] and [h.kind for h in holds] == [HoldKind.TEST]
    assert holds == store.holds()


def test_an_export_from_before_tests_reads_as_holds(store):
    run = started_test(store)
    run.wait(20)
    run.do("end_hold")
    text = export_holds(store.holds(), "json").replace(', "kind": "test"', "")
    (hold_read,), _ = parse_import(text, "json")
    assert hold_read.kind is HoldKind.HOLD


def test_an_unknown_kind_is_refused_by_name():
    row = '{"holds": [{"id": "a", "started_at": "2026-01-05T07:00:00+00:00",'
    row += ' "ended_at": "2026-01-05T07:01:00+00:00", "session": "s", "exercise": "e",'
    row += ' "side": "none", "round": 1, "set": 1, "level": "beginner", "target_s": 60,'
    row += ' "held_s": 50, "completed": true, "kind": "max"}]}'
    assert parse_import(row, "json") == ([], [(1, "kind must be hold or test, not 'max'")])


def test_a_version_4_history_reads_its_holds_as_training_holds(tmp_path):
    path = tmp_path / "v4.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for step in schema.MIGRATIONS[:4]:
        step(conn)
    conn.execute("PRAGMA user_version = 4")
    row = schema.hold_row(hold_record(id="old"))
    columns = schema.HOLD_COLUMNS.removesuffix(", kind")
    conn.execute(
        f"INSERT INTO holds ({columns}, started_ts) VALUES ({', '.join('?' * 21)})",
        (*row[:20], row[-1]),
    )
    conn.close()
    with HistoryStore.open(path) as migrated:
        assert [(h.id, h.kind) for h in migrated.holds()] == [("old", HoldKind.HOLD)]


def test_the_voice_asks_for_as_long_as_you_can_not_a_time(store):
    run = RecordedRun(store, TRAINING_AND_TEST)
    heard = []
    run.engine.subscribe(lambda event: heard.append(cue_for(event)))
    run.wait(5 + 30 + 30)
    words = [cue.words for cue in heard if cue is not None]
    assert words[-1] == "Side plank, left side, hold test: as long as you can"
