"""SQL answers to what core/history/stats.py answers from records, for a history too big to load."""

# Each answer reads an index or a few rows: no query here builds a record per
# hold of the whole history. Where a figure depends on "the latest run" the
# SQL only finds the few runs that can decide it and core/history/stats.py or
# core/coach/progression.py computes the figure from their records, so both agree
# by construction. Tests compare every answer with core/history/stats.py on the same data.

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Protocol

from isotimer.core.history import stats
from isotimer.core.history.records import MIN_SESSION_HOLD_S, HoldRecord, RunRecord
from isotimer.core.history.review import RunSummary
from isotimer.core.history.stats import Balance, SideStats, Week
from isotimer.storage.history import schema
from isotimer.storage.history.decode import MAX_SECONDS


class Read(Protocol):
    """Runs one SELECT on the history and returns its rows (``HistoryStore._read``)."""

    def __call__(self, sql: str, params: Iterable[object] = ()) -> list[schema.Row]: ...


# A hold's local date: ISO text starts with it. The holds_day index is on this
# very expression, so a date range is an index range in the hold's own time zone.
_DAY = "substr(started_at, 1, 10)"
# Seconds as every figure reads them: a row written before imports were range-checked
# (held_s 1e308) would otherwise overflow sums and charts. Nothing stored is changed.
_HELD = f"min(max(held_s, 0), {MAX_SECONDS:g})"
_TARGET = f"min(max(target_s, 0), {MAX_SECONDS:g})"
_FIRST_RUNS = 24  # newest holds to look at before widening the search
_TRAINING = "kind = 'hold'"  # hold tests apart: their target is a cap, not a target


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def side_stats(read: Read, today: date) -> list[SideStats]:
    """``stats.side_stats`` from the (exercise, side) index, sorted the same way."""
    totals = read(
        f"SELECT exercise, side, count(*), max({_TARGET}),"
        f" max(CASE WHEN outcome != 'skipped' THEN {_HELD} END) FROM holds"
        f" WHERE {_TRAINING} GROUP BY exercise, side ORDER BY exercise, side",
        (),
    )
    daily = _daily_bests(read, today - timedelta(weeks=stats.TREND_WEEKS), today)
    return [_side_stats(read, row, daily.get(row[:2], []), today) for row in totals]


def _side_stats(
    read: Read, totals: schema.Row, daily: list[tuple[date, float]], today: date
) -> SideStats:
    exercise, side, count, max_target, best_s = totals
    pair = f"exercise = ? AND side = ? AND {_TRAINING}"
    # Ties go to the earliest hold, as core.history.stats keeps the first it meets.
    latest = _one(read, pair, (exercise, side), "started_ts DESC, rowid")
    real = f"{pair} AND outcome != 'skipped' AND {_HELD} = ?"
    best = (
        latest
        if best_s is None
        else _one(read, real, (exercise, side, best_s), "started_ts, rowid")
    )
    return SideStats(
        exercise=exercise,
        exercise_name=latest.exercise_name,
        side=side,
        holds=count,
        best_s=0.0 if best_s is None else best.held_s,
        best_on=best.started_at.date(),
        last_s=latest.held_s,
        last_on=latest.started_at.date(),
        last_target_s=latest.target_s,
        max_target_s=max_target,
        level=latest.level,
        trend_s_per_week=stats.trend(daily, today),
    )


def _one(read: Read, where: str, params: tuple[object, ...], order: str) -> HoldRecord:
    sql = f"SELECT {schema.HOLD_COLUMNS} FROM holds WHERE {where} ORDER BY {order} LIMIT 1"
    return schema.hold_from_row(read(sql, params)[0])


def _daily_bests(
    read: Read, first: date, last: date
) -> dict[tuple[str, str], list[tuple[date, float]]]:
    """Per exercise and side, the best hold of each local day after ``first`` to ``last``."""
    rows = read(
        f"SELECT exercise, side, {_DAY} AS day, max({_HELD}) FROM holds"
        f" WHERE {_DAY} > ? AND {_DAY} <= ? AND outcome = 'completed' AND {_TRAINING}"
        " GROUP BY exercise, side, day",
        (first.isoformat(), last.isoformat()),
    )
    daily: dict[tuple[str, str], list[tuple[date, float]]] = {}
    for exercise, side, day, best in sorted(rows):
        daily.setdefault((exercise, side), []).append((date.fromisoformat(day), best))
    return daily


def best_per_day(read: Read, exercise: str, side: str) -> list[tuple[date, float]]:
    """``stats.best_per_day``: the longest hold of each local day, oldest first."""
    rows = read(
        f"SELECT {_DAY} AS day, max({_HELD}) FROM holds WHERE exercise = ? AND side = ?"
        f" AND {_TRAINING} GROUP BY day ORDER BY day",
        (exercise, side),
    )
    return [(date.fromisoformat(day), best) for day, best in rows]


# -- the latest runs ---------------------------------------------------------------


def _newest_runs(
    read: Read, where: str, params: Sequence[object], newest: int
) -> tuple[list[HoldRecord], float]:
    """Every hold matching ``where`` of the runs among its ``newest`` latest matches.

    Also returns the cut: every match after it is among those looked at, so a
    run that started after it is complete in the result. -inf when there were
    no more matches than that: the result is then every run there is.
    """
    params = tuple(params)
    # Runs first, then their holds by the run index: an IN (subquery) would scan the exercise.
    sql = (
        f"SELECT {schema.HOLD_COLUMNS} FROM (SELECT DISTINCT run_id AS recent_run FROM"
        f" (SELECT run_id FROM holds WHERE {where} ORDER BY started_ts DESC LIMIT ?)) AS recent"
        " CROSS JOIN holds INDEXED BY holds_run ON holds.run_id = recent.recent_run"
        f" WHERE {where}"
        " ORDER BY holds.started_ts, holds.rowid"
    )
    holds = [schema.hold_from_row(row) for row in read(sql, (*params, newest, *params))]
    sql = f"SELECT started_ts FROM holds WHERE {where} ORDER BY started_ts DESC LIMIT 1 OFFSET ?"
    cut = read(sql, (*params, newest - 1))
    return holds, cut[0][0] if cut else -math.inf


def _starts(holds: Iterable[HoldRecord], keep: Callable[[list[HoldRecord]], bool]) -> list[float]:
    """When each run kept by ``keep`` started (its earliest hold), latest first."""
    by_run: dict[str, list[HoldRecord]] = {}
    for hold in holds:
        by_run.setdefault(hold.run_id, []).append(hold)
    starts = [min(h.started_at for h in run).timestamp() for run in by_run.values() if keep(run)]
    return sorted(starts, reverse=True)


def last_runs_holds(
    read: Read, exercise: str, side: str, level: str, runs: int = 2, session: str | None = None
) -> list[HoldRecord]:
    """The holds of the latest ``runs`` runs with this hold at ``level`` (maybe a few more).

    What ``progression.suggest`` needs to give the answer it gives on the whole
    history: skipped holds count for nothing there, so they are left out here,
    and ``session`` keeps to the runs of one session.
    """
    where = f"exercise = ? AND side = ? AND level = ? AND outcome != 'skipped' AND {_TRAINING}"
    params: tuple[object, ...] = (exercise, side, level)
    if session is not None:
        where, params = f"{where} AND session = ?", (*params, session)
    newest = _FIRST_RUNS
    while True:
        holds, cut = _newest_runs(read, where, params, newest)
        starts = _starts(holds, lambda run: True)
        if cut == -math.inf or (len(starts) >= runs and starts[runs - 1] > cut):
            return holds
        newest *= 8


def balances(read: Read) -> dict[str, Balance]:
    """``stats.balances``: per per-side exercise, left against right in its latest such run."""
    sql = "SELECT DISTINCT exercise FROM holds WHERE side = 'left' ORDER BY exercise"
    exercises = read(sql, ())
    found = {}
    for (exercise,) in exercises:
        balance = _balance(read, exercise)
        if balance is not None:
            found[exercise] = balance
    return found


def _balance(read: Read, exercise: str) -> Balance | None:
    def both_sides(run: list[HoldRecord]) -> bool:
        return {"left", "right"} <= {hold.side for hold in run}

    where = "exercise = ? AND side IN ('left', 'right') AND outcome != 'skipped'"
    newest = _FIRST_RUNS
    while True:
        holds, cut = _newest_runs(read, where, (exercise,), newest)
        starts = _starts(holds, both_sides)
        if cut == -math.inf or (starts and starts[0] > cut):
            return stats.balances(holds).get(exercise)
        newest *= 8


# -- weeks ----------------------------------------------------------------------------


def weekly(read: Read, today: date, weeks: int = stats.TREND_WEEKS) -> list[Week]:
    """``stats.weekly``: the last ``weeks`` ISO weeks up to today's, from per-day totals."""
    first = _monday(today) - timedelta(weeks=weeks - 1)
    last = _monday(today) + timedelta(days=6)
    rows = read(
        f"SELECT {_DAY} AS day, sum({_HELD}) FROM holds WHERE {_DAY} BETWEEN ? AND ?"
        " GROUP BY day ORDER BY day",
        (first.isoformat(), last.isoformat()),
    )
    tension: dict[date, float] = {}
    for day, seconds in rows:
        week = _monday(date.fromisoformat(day))
        tension[week] = tension.get(week, 0.0) + seconds
    sessions = _sessions_by_week(read, first, last)
    starts = [first + timedelta(weeks=n) for n in range(weeks)]
    return [Week(start, tension.get(start, 0.0), sessions.get(start, 0)) for start in starts]


def streak(read: Read, today: date, goal: int = stats.WEEKLY_GOAL) -> int:
    """``stats.streak``, reading back only as many weeks as the streak runs (and then some)."""
    earliest = read(f"SELECT min({_DAY}) FROM holds", ())[0][0]
    weeks = 16
    while earliest is not None:
        first = _monday(today) - timedelta(weeks=weeks - 1)
        sessions = _sessions_by_week(read, first, _monday(today) + timedelta(days=6))
        week = _monday(today)
        if sessions.get(week, 0) < goal:
            week -= timedelta(weeks=1)
        count = 0
        while sessions.get(week, 0) >= goal:
            count += 1
            week -= timedelta(weeks=1)
        if week >= first or first.isoformat() <= earliest:
            return count  # the streak broke inside the window, or the window holds everything
        weeks *= 4
    return 0


def _sessions_by_week(read: Read, first: date, last: date) -> dict[date, int]:
    """Distinct runs per ISO week, ``first`` to ``last``, each week by its local dates.

    Only holds of a second or more make a run a session (``core.run.outcomes``).
    SQLite's ``weekday 0`` moves a date on to its Sunday, six days after its Monday.
    """
    rows = read(
        "SELECT date(day, 'weekday 0', '-6 days') AS week, count(DISTINCT run_id) FROM"
        f" (SELECT DISTINCT {_DAY} AS day, run_id FROM holds WHERE {_DAY} BETWEEN ? AND ?"
        "  AND held_s >= ?)"
        " GROUP BY week",
        (first.isoformat(), last.isoformat(), MIN_SESSION_HOLD_S),
    )
    return {date.fromisoformat(week): count for week, count in rows}


# -- runs -------------------------------------------------------------------------------


def run_summaries(read: Read, runs: Sequence[RunRecord]) -> list[RunSummary]:
    """``runs`` with how many holds each has and their time under tension.

    A set redone after ``b`` is one hold (``outcomes.counted``), though both
    attempts' time was held and counts as time under tension.
    """
    marks = ", ".join("?" * len(runs))
    rows = read(
        "SELECT run_id, count(DISTINCT exercise || char(31) || side || char(31) || round"
        f' || char(31) || "set"), sum({_HELD}) FROM holds WHERE run_id IN ({marks})'
        " GROUP BY run_id",
        [run.id for run in runs],
    )
    totals = {run_id: (count, held) for run_id, count, held in rows}
    return [RunSummary(run, *totals.get(run.id, (0, 0.0))) for run in runs]


def last_done(read: Read) -> dict[str, date]:
    """Each session's latest local day with a hold held for a second or more.

    A run in which nothing was held (stopped in the get-ready, every hold
    skipped at once) is not a session done, so it never counts here.
    """
    rows = read(
        "SELECT r.session, MAX(substr(r.started_at, 1, 10)) FROM runs r WHERE EXISTS"
        " (SELECT 1 FROM holds h WHERE h.run_id = r.id AND h.held_s >= 1) GROUP BY r.session"
    )
    return {session: date.fromisoformat(day) for session, day in rows}
