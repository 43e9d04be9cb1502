"""The history file's schema, its migrations, and how rows map to records."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from isotimer.core.history.records import (
    CheckIn,
    HoldKind,
    HoldOutcome,
    HoldRecord,
    Outcome,
    RunRecord,
    recorded_outcome,
)
from isotimer.storage.history.decode import MAX_SECONDS

# A row as sqlite3 returns it: each value's type is its column's, which only the SQL knows.
Row = tuple[Any, ...]

# "ISOT": lets a history file be told apart from any other SQLite database.
APPLICATION_ID = 0x49534F54
SQLITE_HEADER = b"SQLite format 3\x00"

HOLD_COLUMNS = (
    "id, run_id, started_at, ended_at, session, session_name, exercise, exercise_name,"
    ' side, round, "set", level, target_s, held_s, completed, effort, pain, note, outcome,'
    " target_effort, kind"
)
CHECKIN_COLUMNS = "id, run_id, at, side, compared, pain"
RUN_COLUMNS = "id, session, session_name, level, started_at, ended_at, outcome, effort, pain, note"

_V1 = """
CREATE TABLE runs (
    id TEXT PRIMARY KEY, session TEXT NOT NULL, session_name TEXT NOT NULL,
    level TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT,
    outcome TEXT NOT NULL, effort INTEGER, pain INTEGER, note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE holds (
    id TEXT PRIMARY KEY, run_id TEXT NOT NULL, started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL, session TEXT NOT NULL, session_name TEXT NOT NULL,
    exercise TEXT NOT NULL, exercise_name TEXT NOT NULL, side TEXT NOT NULL,
    round INTEGER NOT NULL, "set" INTEGER NOT NULL, level TEXT NOT NULL,
    target_s REAL NOT NULL, held_s REAL NOT NULL, completed INTEGER NOT NULL,
    effort INTEGER, pain INTEGER, note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX holds_run ON holds (run_id);
"""


def _v1(conn: sqlite3.Connection) -> None:
    for statement in filter(str.strip, _V1.split(";")):
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _v2(conn: sqlite3.Connection) -> None:
    """Order and index holds by their true instant.

    ISO text with offsets does not sort by time across a daylight-saving change,
    so v2 keeps the UTC epoch beside it; (exercise, started_ts) keeps per-exercise
    queries an index range scan at 100,000 holds.
    """
    conn.execute("ALTER TABLE holds ADD COLUMN started_ts REAL NOT NULL DEFAULT 0")
    rows = conn.execute("SELECT id, started_at FROM holds").fetchall()
    conn.executemany(
        "UPDATE holds SET started_ts = ? WHERE id = ?",
        [(datetime.fromisoformat(started).timestamp(), hold_id) for hold_id, started in rows],
    )
    conn.execute("CREATE INDEX holds_exercise ON holds (exercise, started_ts)")
    conn.execute("CREATE INDEX holds_started ON holds (started_ts)")
    conn.execute("CREATE INDEX runs_outcome ON runs (outcome)")


def _v3(conn: sqlite3.Connection) -> None:
    """Index holds for the history screen and ``isotimer stats`` (see history_queries).

    By exercise and side, covering what the per-hold figures read: a scan of
    100,000 wide rows becomes a scan of a narrow index, and each newest or
    longest hold a seek. By local date (the text ``started_at`` starts with),
    with the run and time held: weeks, sessions and streaks become index ranges
    in each hold's own time zone. Runs by start: the latest sessions without a sort.
    """
    conn.execute("CREATE INDEX holds_side ON holds (exercise, side, started_ts, held_s, target_s)")
    conn.execute("CREATE INDEX holds_day ON holds (substr(started_at, 1, 10), run_id, held_s)")
    conn.execute("CREATE INDEX runs_started ON runs (started_at)")


def _v4(conn: sqlite3.Connection) -> None:
    """How each hold ended, the effort it was done at, and morning check-ins.

    Holds saved before v4 knew only ``completed``: one not completed counted
    as a failed set then, so it becomes ``ended_early`` and every target reads
    as it did.
    """
    conn.execute("ALTER TABLE holds ADD COLUMN outcome TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE holds ADD COLUMN target_effort INTEGER")
    conn.execute(
        "UPDATE holds SET outcome = CASE completed WHEN 1 THEN 'completed' ELSE 'ended_early' END"
    )
    conn.execute(
        "CREATE TABLE checkins (id TEXT PRIMARY KEY, run_id TEXT NOT NULL, at TEXT NOT NULL,"
        " side TEXT NOT NULL, compared TEXT, pain INTEGER)"
    )
    conn.execute("CREATE INDEX checkins_run ON checkins (run_id)")


def _v5(conn: sqlite3.Connection) -> None:
    """Hold tests apart from training holds; every hold saved before v5 was a training hold.

    Indexed by kind first: ``isotimer tests`` reads only the few tests there are.
    """
    conn.execute(f"ALTER TABLE holds ADD COLUMN kind TEXT NOT NULL DEFAULT '{HoldKind.HOLD}'")
    conn.execute("CREATE INDEX holds_kind ON holds (kind, exercise, side, started_ts)")


# Ordered: MIGRATIONS[n] takes a file from user_version n to n + 1. Append only.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2, _v3, _v4, _v5)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, version: int) -> int:
    """Apply every migration after ``version`` inside the caller's transaction."""
    for step in MIGRATIONS[version:]:
        step(conn)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return SCHEMA_VERSION


def has_sqlite_header(path: Path) -> bool:
    """True if the file starts with SQLite's magic header, whatever its name."""
    with path.open("rb") as file:
        return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def describe(conn: sqlite3.Connection) -> tuple[int, int, set[str]]:
    """The application id, schema version and table names of an open database."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    return app_id, version, tables


def stamp(moment: datetime) -> str:
    """A timestamp as stored: ISO 8601 with its offset; naive times are refused.

    Raises:
        ValueError: ``moment`` has no timezone, so it could not be compared later.
    """
    if moment.tzinfo is None:
        raise ValueError(f"timestamp without a UTC offset: {moment.isoformat()}")
    return moment.isoformat()


def check_rating(effort: int | None, pain: int | None) -> None:
    """Effort is rated 1-10 and pain 0-10; either may be left unrated (None)."""
    if effort is not None and not 1 <= effort <= 10:
        raise ValueError(f"effort must be 1-10, not {effort}")
    if pain is not None and not 0 <= pain <= 10:
        raise ValueError(f"pain must be 0-10, not {pain}")


def synthesize_runs(holds: Iterable[HoldRecord]) -> list[RunRecord]:
    """Runs for imported holds whose run the store has never seen.

    The run spans its holds, counts as stopped when a hold was stopped, and takes
    the rating of its first rated hold (ratings are copied onto holds anyway).
    """
    runs = RunsFromHolds()
    for hold in holds:
        runs.add(hold)
    return runs.runs()


class RunsFromHolds:
    """``synthesize_runs`` a hold at a time: keeps each run's first, rated and last, not its holds.

    An import of 100,000 holds streams through this, so it never holds them all.
    """

    def __init__(self) -> None:
        self._runs: dict[str, _RunSoFar] = {}

    def add(self, hold: HoldRecord) -> None:
        """Count ``hold`` into its run."""
        rated = hold if hold.effort is not None or hold.pain is not None else None
        stopped = hold.outcome is HoldOutcome.STOPPED
        run = self._runs.get(hold.run_id)
        if run is None:
            self._runs[hold.run_id] = _RunSoFar(hold, rated, hold.ended_at, stopped)
            return
        if hold.started_at < run.first.started_at:
            run.first = hold
        run.rated = run.rated or rated
        run.ended = max(run.ended, hold.ended_at)
        run.stopped = run.stopped or stopped

    def runs(self) -> list[RunRecord]:
        """One RunRecord per run seen, in the order their first holds came."""
        return [run.record(run_id) for run_id, run in self._runs.items()]


@dataclass
class _RunSoFar:
    """A run's first hold, first rated hold, latest end and whether a hold was stopped."""

    first: HoldRecord
    rated: HoldRecord | None
    ended: datetime
    stopped: bool

    def record(self, run_id: str) -> RunRecord:
        rated = self.rated or self.first
        return RunRecord(
            id=run_id,
            session=self.first.session,
            session_name=self.first.session_name,
            level=self.first.level,
            started_at=self.first.started_at,
            ended_at=self.ended,
            outcome=Outcome.STOPPED if self.stopped else Outcome.COMPLETED,
            effort=rated.effort,
            pain=rated.pain,
            note=rated.note,
        )


def hold_row(hold: HoldRecord) -> tuple[object, ...]:
    """Column values for ``HOLD_COLUMNS`` followed by ``started_ts``."""
    return (
        hold.id, hold.run_id, stamp(hold.started_at), stamp(hold.ended_at), hold.session,
        hold.session_name, hold.exercise, hold.exercise_name, hold.side, hold.round, hold.set,
        hold.level, float(hold.target_s), float(hold.held_s), int(hold.completed), hold.effort,
        hold.pain, hold.note, hold.outcome.value, hold.target_effort, hold.kind.value,
        hold.started_at.timestamp(),
    )  # fmt: skip


def hold_from_row(row: Row) -> HoldRecord:
    """A HoldRecord from a row selected with ``HOLD_COLUMNS``."""
    (hold_id, run_id, started, ended, session, session_name, exercise, exercise_name, side,
     round_no, set_no, level, target_s, held_s, completed, effort, pain, note, outcome,
     target_effort, kind) = row  # fmt: skip
    return HoldRecord(
        id=hold_id, run_id=run_id, started_at=datetime.fromisoformat(started),
        ended_at=datetime.fromisoformat(ended), session=session, session_name=session_name,
        exercise=exercise, exercise_name=exercise_name, side=side, round=round_no, set=set_no,
        level=level, target_s=_sane(target_s), held_s=_sane(held_s), completed=bool(completed),
        effort=effort, pain=pain, note=note, outcome=recorded_outcome(outcome, bool(completed)),
        target_effort=target_effort, kind=kind if kind in KINDS else HoldKind.HOLD,
    )  # fmt: skip


KINDS = frozenset(kind.value for kind in HoldKind)


def _sane(seconds: float) -> float:
    """Seconds within what an import accepts, for rows stored before that was checked."""
    return min(max(seconds, 0.0), MAX_SECONDS)


def checkin_row(checkin: CheckIn) -> tuple[object, ...]:
    """Column values for ``CHECKIN_COLUMNS``."""
    return (
        checkin.id, checkin.run_id, stamp(checkin.at), checkin.side, checkin.compared,
        checkin.pain,
    )  # fmt: skip


def checkin_from_row(row: Row) -> CheckIn:
    """A CheckIn from a row selected with ``CHECKIN_COLUMNS``."""
    checkin_id, run_id, at, side, compared, pain = row
    return CheckIn(checkin_id, run_id, datetime.fromisoformat(at), side, compared, pain)


def run_row(run: RunRecord) -> tuple[object, ...]:
    """A run as the values of a runs row, in column order, timestamps stamped."""
    ended = stamp(run.ended_at) if run.ended_at is not None else None
    return (
        run.id, run.session, run.session_name, run.level, stamp(run.started_at), ended,
        Outcome(run.outcome).value, run.effort, run.pain, run.note,
    )  # fmt: skip


def run_from_row(row: Row) -> RunRecord:
    """A RunRecord from a row selected with ``RUN_COLUMNS``."""
    run_id, session, session_name, level, started, ended, outcome, effort, pain, note = row
    return RunRecord(
        id=run_id, session=session, session_name=session_name, level=level,
        started_at=datetime.fromisoformat(started),
        ended_at=datetime.fromisoformat(ended) if ended else None,
        outcome=Outcome(outcome), effort=effort, pain=pain, note=note,
    )  # fmt: skip
