"""The history store: one SQLite file where every finished hold is committed at once."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from isotimer.core.history import stats
from isotimer.core.history.records import (
    MIN_SESSION_HOLD_S,
    CheckIn,
    HoldRecord,
    Outcome,
    RunRecord,
)
from isotimer.core.history.review import RunSummary
from isotimer.core.history.stats import Balance, SideStats, Week
from isotimer.storage.history import file as history_file
from isotimer.storage.history import queries, salvage, schema
from isotimer.storage.history.errors import translated


@dataclass
class ImportCounts:
    """What an import added and what it already had, for holds and check-ins."""

    new: int = 0
    duplicate: int = 0
    new_checkins: int = 0
    duplicate_checkins: int = 0


IMPORT_BATCH = 500  # holds a statement: under SQLite's 999 bound parameters in old builds
_INSERT_HOLD = (
    f"INSERT OR IGNORE INTO holds ({schema.HOLD_COLUMNS}, started_ts)"
    f" VALUES ({', '.join('?' * 22)})"
)

# A run counts as a session when one of its holds lasted a second (core.run.outcomes).
_IS_SESSION = (
    "EXISTS (SELECT 1 FROM holds INDEXED BY holds_run"
    f" WHERE holds.run_id = runs.id AND holds.held_s >= {MIN_SESSION_HOLD_S})"
)
_INSERT_CHECKIN = (
    f"INSERT OR IGNORE INTO checkins ({schema.CHECKIN_COLUMNS}) VALUES ({', '.join('?' * 6)})"
)


class HistoryStore:
    """Runs and holds in one SQLite file, safe for two isotimers at once.

    Each write is its own ``BEGIN IMMEDIATE`` transaction in WAL mode with
    ``synchronous=FULL``: once a method returns, the hold survives a killed
    process or a power cut, and a second process waits (busy timeout) rather
    than failing. Every failure surfaces as a :class:`HistoryError`.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn
        self._lock = threading.Lock()  # the UI may write from a worker thread

    @classmethod
    def open(cls, path: Path) -> HistoryStore:
        """Open the history at ``path``, creating or migrating it; never overwrites.

        Raises:
            HistoryUnavailable: the file is damaged, foreign or from a newer isotimer.
            HistoryWriteError: the folder or file cannot be created or written.
        """
        return cls(Path(path), history_file.connect(Path(path)))

    @classmethod
    def open_read_only(cls, path: Path) -> HistoryStore:
        """Open an existing history for reading only; every write then fails.

        Raises:
            HistoryUnavailable: the file is damaged, foreign or not yet migrated.
            HistoryWriteError: the file cannot be opened.
        """
        return cls(Path(path), history_file.connect_read_only(Path(path)))

    def reopen(self) -> None:
        """Replace the connection with a fresh one, checked like a first open.

        After a full or failing disk an old connection may keep failing: the
        summary's retry reopens, so a save can succeed once the disk has room.

        Raises:
            HistoryError: the file still cannot be opened.
        """
        conn = history_file.connect(self.path)
        with self._lock:
            old, self._conn = self._conn, conn
        with suppress(sqlite3.Error):
            old.close()

    def close(self) -> None:
        """Close the connection; the store is unusable afterwards."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        with self._lock, translated(self.path):
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise

    def _read(self, sql: str, params: Iterable[object] = ()) -> list[schema.Row]:
        with self._lock, translated(self.path):
            return self._conn.execute(sql, tuple(params)).fetchall()

    # -- writes -------------------------------------------------------------
    def begin_run(self, run: RunRecord) -> None:
        """Record a run as started; beginning an existing run again resumes it."""
        with self._writing() as conn:
            conn.execute(
                f"INSERT INTO runs ({schema.RUN_COLUMNS}) VALUES ({', '.join('?' * 10)})"
                " ON CONFLICT (id) DO UPDATE SET outcome = excluded.outcome, ended_at = NULL",
                schema.run_row(run),
            )

    def add_hold(self, hold: HoldRecord) -> bool:
        """Commit one hold; False when a hold with that id was already there."""
        with self._writing() as conn:
            return conn.execute(_INSERT_HOLD, schema.hold_row(hold)).rowcount == 1

    def end_run(self, run_id: str, ended_at: datetime, outcome: Outcome) -> None:
        """Mark a run finished with its end time and outcome."""
        with self._writing() as conn:
            conn.execute(
                "UPDATE runs SET ended_at = ?, outcome = ? WHERE id = ?",
                (schema.stamp(ended_at), Outcome(outcome).value, run_id),
            )

    def rate_run(self, run_id: str, effort: int | None, pain: int | None, note: str = "") -> None:
        """Attach how the run felt to the run and to each of its holds."""
        schema.check_rating(effort, pain)
        with self._writing() as conn:
            for table, key in (("runs", "id"), ("holds", "run_id")):
                conn.execute(
                    f"UPDATE {table} SET effort = ?, pain = ?, note = ? WHERE {key} = ?",
                    (effort, pain, note, run_id),
                )

    def rate_sides(self, run_id: str, pains: dict[str, int | None]) -> None:
        """Give each side's holds of a run the pain rated for that side.

        Holds on no side, and the run itself, take the worst of the ratings.
        """
        for pain in pains.values():
            schema.check_rating(None, pain)
        rated = [pain for pain in pains.values() if pain is not None]
        worst = max(rated) if rated else None
        with self._writing() as conn:
            for side, pain in pains.items():
                conn.execute(
                    "UPDATE holds SET pain = ? WHERE run_id = ? AND side = ?", (pain, run_id, side)
                )
            conn.execute(
                "UPDATE holds SET pain = ? WHERE run_id = ? AND side = 'none'", (worst, run_id)
            )
            conn.execute("UPDATE runs SET pain = ? WHERE id = ?", (worst, run_id))

    def add_checkins(self, checkins: Iterable[CheckIn]) -> tuple[int, int]:
        """Merge check-ins by id in one transaction; returns (new, duplicate)."""
        checkins = list(checkins)
        with self._writing() as conn:
            rows = [schema.checkin_row(checkin) for checkin in checkins]
            new = sum(conn.execute(_INSERT_CHECKIN, row).rowcount for row in rows)
        return new, len(checkins) - new

    def import_holds(self, holds: Iterable[HoldRecord]) -> tuple[int, int]:
        """Merge holds by id in one transaction; returns (new, duplicate)."""
        counts = self.import_records(holds)
        return counts.new, counts.duplicate

    def import_records(self, records: Iterable[HoldRecord | CheckIn]) -> ImportCounts:
        """Merge holds and check-ins by id as they come, in one transaction.

        ``records`` may be a stream (``ImportReading``) that raises mid-way: then
        nothing of it is kept. A hold whose run is not in the store gets a run
        synthesized from its holds (``schema.RunsFromHolds``), so imported history
        shows up in ``runs()`` and in sessions-per-week like any other.
        """
        counts = ImportCounts()
        with self._writing() as conn:
            known = {row[0] for row in conn.execute("SELECT id FROM runs")}
            runs = schema.RunsFromHolds()
            batch: list[HoldRecord] = []
            for record in records:
                if isinstance(record, CheckIn):
                    added = conn.execute(_INSERT_CHECKIN, schema.checkin_row(record)).rowcount
                    counts.new_checkins += added
                    counts.duplicate_checkins += 1 - added
                    continue
                batch.append(record)
                if len(batch) == IMPORT_BATCH:
                    self._import_batch(conn, batch, known, runs, counts)
                    batch = []
            self._import_batch(conn, batch, known, runs, counts)
            conn.executemany(
                f"INSERT INTO runs ({schema.RUN_COLUMNS}) VALUES ({', '.join('?' * 10)})",
                [schema.run_row(run) for run in runs.runs()],
            )
        return counts

    @staticmethod
    def _import_batch(
        conn: sqlite3.Connection,
        batch: list[HoldRecord],
        known: set[str],
        runs: schema.RunsFromHolds,
        counts: ImportCounts,
    ) -> None:
        """Insert a batch of holds with one ``executemany``: one call per hold cost seconds.

        Which holds are new is asked first, so that runs are made only for those.
        """
        if not batch:
            return
        ids = [hold.id for hold in batch]
        marks = ", ".join("?" * len(ids))
        seen = {row[0] for row in conn.execute(f"SELECT id FROM holds WHERE id IN ({marks})", ids)}
        new = []
        for hold in batch:
            if hold.id not in seen:
                seen.add(hold.id)  # the same id twice in one file: the second is a duplicate
                new.append(hold)
        conn.executemany(_INSERT_HOLD, [schema.hold_row(hold) for hold in new])
        counts.new += len(new)
        counts.duplicate += len(batch) - len(new)
        for hold in new:
            if hold.run_id not in known:
                runs.add(hold)

    # -- reads --------------------------------------------------------------
    def holds(
        self,
        exercise: str | None = None,
        since: date | None = None,
        limit: int | None = None,
        newest_first: bool = True,
    ) -> list[HoldRecord]:
        """Holds in time order; ``since`` compares the local date each hold was done on."""
        where: list[str] = []
        params: list[object] = []
        if exercise is not None:
            where.append("exercise = ?")
            params.append(exercise)
        if since is not None:
            # ISO text starts with the local date, so a text compare is a date compare.
            where.append("started_at >= ?")
            params.append(since.isoformat())
        order = "DESC" if newest_first else "ASC"
        sql = f"SELECT {schema.HOLD_COLUMNS} FROM holds"
        sql += f" WHERE {' AND '.join(where)}" if where else ""
        sql += f" ORDER BY started_ts {order}, rowid {order}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [schema.hold_from_row(row) for row in self._read(sql, params)]

    def test_results(self, exercise: str | None = None) -> list[HoldRecord]:
        """Hold tests ended by the runner or their cap, oldest first (see core.history.hold_tests).

        Read by the kind index: the few tests, never the training holds around them.
        """
        sql = (
            f"SELECT {schema.HOLD_COLUMNS} FROM holds INDEXED BY holds_kind"
            " WHERE kind = 'test' AND outcome = 'completed'"
        )
        params: tuple[object, ...] = ()
        if exercise is not None:
            sql, params = sql + " AND exercise = ?", (exercise,)
        sql += " ORDER BY started_ts, rowid"
        return [schema.hold_from_row(row) for row in self._read(sql, params)]

    def readable_holds(self) -> tuple[list[HoldRecord], list[str]]:
        """Every hold that can be decoded, oldest first, and why each other one cannot."""
        return salvage.readable_holds(self._read)

    def run_holds(self, run_id: str) -> list[HoldRecord]:
        """A run's holds in the order they were started."""
        sql = f"SELECT {schema.HOLD_COLUMNS} FROM holds WHERE run_id = ? ORDER BY started_ts, rowid"
        return [schema.hold_from_row(row) for row in self._read(sql, (run_id,))]

    def runs(self, limit: int | None = None) -> list[RunRecord]:
        """Runs, newest first."""
        sql = f"SELECT {schema.RUN_COLUMNS} FROM runs ORDER BY started_at DESC, rowid DESC"
        params: tuple[object, ...] = ()
        if limit is not None:
            sql, params = sql + " LIMIT ?", (int(limit),)
        return [schema.run_from_row(row) for row in self._read(sql, params)]

    def sessions(self, limit: int | None = None, session: str | None = None) -> list[RunRecord]:
        """Runs that count as sessions (a hold of a second or more), newest first."""
        where = [_IS_SESSION]
        params: list[object] = []
        if session is not None:
            where.append("session = ?")
            params.append(session)
        sql = f"SELECT {schema.RUN_COLUMNS} FROM runs WHERE {' AND '.join(where)}"
        sql += " ORDER BY started_at DESC, rowid DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [schema.run_from_row(row) for row in self._read(sql, params)]

    def run(self, run_id: str) -> RunRecord | None:
        """The run with id ``run_id``, or None if there is none."""
        sql = f"SELECT {schema.RUN_COLUMNS} FROM runs WHERE id = ?"
        rows = self._read(sql, (run_id,))
        return schema.run_from_row(rows[0]) if rows else None

    def checkins(self, run_ids: Iterable[str] | None = None) -> list[CheckIn]:
        """Check-ins in time order, of the given runs or of all."""
        sql = f"SELECT {schema.CHECKIN_COLUMNS} FROM checkins"
        params: list[object] = []
        if run_ids is not None:
            params = list(run_ids)
            sql += f" WHERE run_id IN ({', '.join('?' * len(params))})"
        return [schema.checkin_from_row(row) for row in self._read(sql + " ORDER BY at", params)]

    def bests_before(
        self, keys: Iterable[tuple[str, str]], run_id: str
    ) -> dict[tuple[str, str], float | None]:
        """The longest training hold of each (exercise, side) in any run but ``run_id``."""
        sql = (
            "SELECT max(held_s) FROM holds WHERE exercise = ? AND side = ? AND run_id != ?"
            " AND kind = 'hold'"
        )
        return {key: self._read(sql, (*key, run_id))[0][0] for key in keys}

    def test_points(self, exercise: str, side: str) -> list[tuple[date, float]]:
        """Each hold test result of one exercise and side as (local day, seconds), oldest first."""
        found = self.test_results(exercise)
        return [(test.started_at.date(), test.held_s) for test in found if test.side == side]

    def test_bests_before(
        self, keys: Iterable[tuple[str, str]], run_id: str
    ) -> dict[tuple[str, str], float | None]:
        """The longest hold test result of each (exercise, side) in any run but ``run_id``."""
        sql = (
            "SELECT max(held_s) FROM holds INDEXED BY holds_kind WHERE kind = 'test'"
            " AND outcome = 'completed' AND exercise = ? AND side = ? AND run_id != ?"
        )
        return {key: self._read(sql, (*key, run_id))[0][0] for key in keys}

    def last_tests(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], HoldRecord]:
        """The latest hold test result of each (exercise, side) that has one: the time to beat."""
        sql = (
            f"SELECT {schema.HOLD_COLUMNS} FROM holds INDEXED BY holds_kind WHERE kind = 'test'"
            " AND outcome = 'completed' AND exercise = ? AND side = ?"
            " ORDER BY started_ts DESC, rowid DESC LIMIT 1"
        )
        found = {}
        for key in keys:
            if rows := self._read(sql, key):
                found[key] = schema.hold_from_row(rows[0])
        return found

    def interrupted_runs(self) -> list[RunRecord]:
        """Runs still marked in progress: the app quit or crashed mid-session."""
        sql = f"SELECT {schema.RUN_COLUMNS} FROM runs WHERE outcome = ? ORDER BY started_at DESC"
        return [schema.run_from_row(row) for row in self._read(sql, (Outcome.IN_PROGRESS.value,))]

    def count(self) -> int:
        """Holds recorded in total, across every run."""
        return int(self._read("SELECT count(*) FROM holds")[0][0])

    def exercise_ids(self) -> list[str]:
        """Every exercise id with a hold recorded, for a did-you-mean on a mistyped one."""
        return [row[0] for row in self._read("SELECT DISTINCT exercise FROM holds ORDER BY 1")]

    # -- figures (history_queries): what core.history.stats computes, without loading every hold --
    def side_stats(self, today: date) -> list[SideStats]:
        """``stats.side_stats`` answered by SQL aggregates (see ``queries``)."""
        return queries.side_stats(self._read, today)

    def best_per_day(self, exercise: str, side: str) -> list[tuple[date, float]]:
        """``stats.best_per_day`` for one exercise and side, answered by SQL."""
        return queries.best_per_day(self._read, exercise, side)

    def balances(self) -> dict[str, Balance]:
        """``stats.balances`` answered by SQL."""
        return queries.balances(self._read)

    def weekly(self, today: date, weeks: int = stats.TREND_WEEKS) -> list[Week]:
        """``stats.weekly`` answered by SQL from per-day totals."""
        return queries.weekly(self._read, today, weeks)

    def streak(self, today: date, goal: int = stats.WEEKLY_GOAL) -> int:
        """``stats.streak`` answered by SQL."""
        return queries.streak(self._read, today, goal)

    def last_runs_holds(
        self, exercise: str, side: str, level: str, runs: int = 2, session: str | None = None
    ) -> list[HoldRecord]:
        """``queries.last_runs_holds``: what ``progression.suggest`` needs, read by SQL."""
        return queries.last_runs_holds(self._read, exercise, side, level, runs, session)

    def run_summaries(self, limit: int) -> list[RunSummary]:
        """The latest ``limit`` runs, newest first, with their hold count and time held."""
        return queries.run_summaries(self._read, self.sessions(limit))

    def last_done(self) -> dict[str, date]:
        """Session id to the latest day it was done (see ``queries.last_done``)."""
        return queries.last_done(self._read)

    def run_count(self) -> int:
        """How many runs count as sessions."""
        return int(self._read(f"SELECT count(*) FROM runs WHERE {_IS_SESSION}")[0][0])
