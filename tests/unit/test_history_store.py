"""The history store: round trips, queries, runs, merging, permissions and migrations."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

import pytest

from isotimer.core.history.records import Outcome
from isotimer.paths import Paths
from isotimer.storage.history import schema
from isotimer.storage.history.errors import HistoryUnavailable
from isotimer.storage.history.file import move_aside
from isotimer.storage.history.store import HistoryStore
from tests.unit.history_factories import CET, T0, hold_record, run_record


@pytest.fixture
def path(isolated_data_dir):
    return Paths(isolated_data_dir).history_file


def mode(file) -> int:
    return stat.S_IMODE(file.stat().st_mode)


def test_open_creates_an_owner_only_folder_and_files(path, store):
    store.add_hold(hold_record())
    assert mode(path.parent) == 0o700
    files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    assert {file.name: mode(file) for file in files} == {file.name: 0o600 for file in files}


def test_a_hold_reads_back_exactly_as_written(store):
    record = hold_record(at=datetime(2026, 3, 1, 6, 5, 4, 321000, tzinfo=CET), effort=7, note="ok")
    assert store.add_hold(record) is True
    assert store.holds() == [record]
    assert store.holds()[0].started_at.utcoffset() == timedelta(hours=1)


def test_adding_the_same_hold_twice_keeps_one(store):
    record = hold_record()
    assert store.add_hold(record) is True
    assert store.add_hold(record) is False
    assert store.count() == 1


def test_a_timestamp_without_offset_is_refused(store):
    with pytest.raises(ValueError, match="UTC offset"):
        store.add_hold(hold_record(at=datetime(2026, 1, 5, 7, 0)))


@pytest.fixture
def filled(store):
    for day in range(5):
        for exercise in ("wall-sit", "plank"):
            store.add_hold(
                hold_record(at=T0 + timedelta(days=day), exercise=exercise, id=f"{exercise}-{day}")
            )
    return store


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param(
            {"exercise": "plank", "limit": 2}, ["plank-4", "plank-3"], id="exercise_newest_first"
        ),
        pytest.param(
            {"since": date(2026, 1, 8), "newest_first": False},
            ["wall-sit-3", "plank-3", "wall-sit-4", "plank-4"],
            id="since_a_date_oldest_first",
        ),
        pytest.param({"exercise": "squat"}, [], id="unknown_exercise"),
    ],
)
def test_holds_filters_orders_and_limits(filled, query, expected):
    assert [hold.id for hold in filled.holds(**query)] == expected


def test_holds_are_ordered_by_instant_across_a_change_of_offset(store):
    summer = timezone(timedelta(hours=2))
    earlier = hold_record(at=datetime(2026, 3, 29, 1, 30, tzinfo=CET), id="earlier")  # 00:30 UTC
    later = hold_record(at=datetime(2026, 3, 29, 3, 10, tzinfo=summer), id="later")  # 01:10 UTC
    store.add_hold(later)
    store.add_hold(earlier)
    assert [hold.id for hold in store.holds(newest_first=False)] == ["earlier", "later"]


def test_a_run_is_begun_rated_and_ended(store):
    store.begin_run(run_record("r1"))
    store.add_hold(hold_record(run_id="r1", id="h1"))
    assert [run.id for run in store.interrupted_runs()] == ["r1"]
    store.rate_run("r1", effort=6, pain=2, note="heavy legs")
    store.end_run("r1", T0 + timedelta(minutes=10), Outcome.COMPLETED)
    (run,) = store.runs()
    assert (run.outcome, run.ended_at, run.effort, run.pain, run.note) == (
        Outcome.COMPLETED, T0 + timedelta(minutes=10), 6, 2, "heavy legs",
    )  # fmt: skip
    assert [(hold.effort, hold.pain, hold.note) for hold in store.run_holds("r1")] == [
        (6, 2, "heavy legs")
    ]
    assert store.interrupted_runs() == []


def test_beginning_a_run_again_resumes_it(store):
    store.begin_run(run_record("r1"))
    store.end_run("r1", T0, Outcome.INTERRUPTED)
    store.begin_run(run_record("r1"))
    assert [(run.id, run.outcome, run.ended_at) for run in store.runs()] == [
        ("r1", Outcome.IN_PROGRESS, None)
    ]


@pytest.mark.parametrize(("effort", "pain"), [(0, 1), (11, 1), (5, -1), (5, 11)])
def test_ratings_out_of_range_are_refused(store, effort, pain):
    with pytest.raises(ValueError):
        store.rate_run("r1", effort, pain)


def test_import_merges_by_id_and_synthesizes_unknown_runs(store):
    store.begin_run(run_record("known"))
    records = [
        hold_record(run_id="known", id="a"),
        hold_record(run_id="elsewhere", id="b", at=T0 + timedelta(hours=1)),
        hold_record(run_id="elsewhere", id="c", at=T0 + timedelta(hours=2), held_s=10),
        hold_record(run_id="cut", id="d", at=T0 + timedelta(hours=3), held_s=10, stopped=True),
    ]
    assert store.import_holds(records) == (4, 0)
    assert store.import_holds(records) == (0, 4)
    runs = {run.id: run for run in store.runs()}
    assert runs["elsewhere"].started_at == T0 + timedelta(hours=1)
    # A set ended early is part of a finished run; a stopped hold means the run was stopped.
    assert runs["elsewhere"].outcome is Outcome.COMPLETED
    assert runs["cut"].outcome is Outcome.STOPPED
    assert runs["known"].outcome is Outcome.IN_PROGRESS
    assert store.count() == 4


def test_move_aside_renames_with_a_timestamp_and_never_overwrites(path):
    path.parent.mkdir()
    path.write_bytes(b"junk")
    when = datetime(2026, 1, 5, 7, 8, 9)
    first = move_aside(path, when)
    path.write_bytes(b"more junk")
    second = move_aside(path, when)
    assert first.name == "history.sqlite3.broken-20260105T070809"
    assert second.name == "history.sqlite3.broken-20260105T070809-1"
    assert (first.read_bytes(), second.read_bytes(), path.exists()) == (
        b"junk",
        b"more junk",
        False,
    )


# The v1 schema exactly as it shipped; kept frozen here so migrations are tested from it.
V1 = """
CREATE TABLE runs (id TEXT PRIMARY KEY, session TEXT NOT NULL, session_name TEXT NOT NULL,
    level TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT, outcome TEXT NOT NULL,
    effort INTEGER, pain INTEGER, note TEXT NOT NULL DEFAULT '');
CREATE TABLE holds (id TEXT PRIMARY KEY, run_id TEXT NOT NULL, started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL, session TEXT NOT NULL, session_name TEXT NOT NULL,
    exercise TEXT NOT NULL, exercise_name TEXT NOT NULL, side TEXT NOT NULL,
    round INTEGER NOT NULL, "set" INTEGER NOT NULL, level TEXT NOT NULL,
    target_s REAL NOT NULL, held_s REAL NOT NULL, completed INTEGER NOT NULL,
    effort INTEGER, pain INTEGER, note TEXT NOT NULL DEFAULT '');
CREATE INDEX holds_run ON holds (run_id);
PRAGMA application_id = 1230196564;
PRAGMA user_version = 1;
INSERT INTO holds VALUES ('late', 'r', '2026-03-29T03:10:00+02:00', '2026-03-29T03:10:45+02:00',
    'legs', 'Legs', 'wall-sit', 'Wall sit', 'none', 1, 1, 'beginner', 45, 45, 1, 5, 2, '');
INSERT INTO holds VALUES ('early', 'r', '2026-03-29T01:30:00+01:00', '2026-03-29T01:30:45+01:00',
    'legs', 'Legs', 'wall-sit', 'Wall sit', 'none', 1, 1, 'beginner', 45, 40, 0, 5, 2, 'x');
"""


def test_a_version_1_file_migrates_keeping_every_hold(path):
    path.parent.mkdir()
    with sqlite3.connect(path) as conn:
        conn.executescript(V1)
    with HistoryStore.open(path) as store:
        assert [(hold.id, hold.held_s, hold.note) for hold in store.holds(newest_first=False)] == [
            ("early", 40, "x"),
            ("late", 45, ""),
        ]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        indexes = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")
        }
    assert {"holds_run", "holds_exercise", "holds_started", "runs_outcome"} <= indexes


def test_every_migration_from_version_1_gives_the_schema_a_fresh_file_has(path, tmp_path):
    path.parent.mkdir()
    with sqlite3.connect(path) as conn:
        conn.executescript(V1)
    HistoryStore.open(path).close()
    HistoryStore.open(tmp_path / "fresh.sqlite3").close()

    def shape(file):
        with sqlite3.connect(file) as conn:
            tables = conn.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall()
            columns = {t: conn.execute(f"PRAGMA table_info({t})").fetchall() for (t,) in tables}
            return tables, columns, conn.execute("PRAGMA application_id").fetchone()

    assert shape(path) == shape(tmp_path / "fresh.sqlite3")


def test_a_file_from_a_newer_isotimer_is_refused_and_left_alone(path):
    path.parent.mkdir()
    with sqlite3.connect(path) as conn:
        conn.executescript(V1.replace("user_version = 1", "user_version = 99"))
    before = path.read_bytes()
    with pytest.raises(HistoryUnavailable, match="newer isotimer"):
        HistoryStore.open(path)
    assert path.read_bytes() == before


def test_an_empty_sqlite_file_becomes_a_history(path):
    path.parent.mkdir()
    sqlite3.connect(path).close()
    with HistoryStore.open(path) as store:
        store.add_hold(hold_record())
        assert store.count() == 1


def test_history_modules_do_not_import_textual():
    code = (
        "import sys, isotimer.storage.history.store, isotimer.storage.history.recorder, "
        "isotimer.storage.history.transfer, isotimer.core.history.stats, "
        "isotimer.core.coach.progression, "
        "isotimer.commands.history; print('textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
