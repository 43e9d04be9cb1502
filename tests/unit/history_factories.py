"""Builders for hold and run records used by the history, stats and progression tests."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

from isotimer.core.history.records import HoldOutcome, HoldRecord, RunRecord

CET = timezone(timedelta(hours=1))
T0 = datetime(2026, 1, 5, 7, 0, tzinfo=CET)  # a Monday
_ids = itertools.count(1)


def hold_record(
    *,
    run_id: str = "run-1",
    at: datetime = T0,
    exercise: str = "wall-sit",
    side: str = "none",
    target_s: float = 45.0,
    held_s: float | None = None,
    completed: bool | None = None,
    effort: int | None = None,
    pain: int | None = None,
    level: str = "beginner",
    session: str = "legs",
    set: int = 1,
    round: int = 1,
    note: str = "",
    id: str | None = None,
    outcome: HoldOutcome | None = None,
    stopped: bool = False,
    target_effort: int | None = None,
) -> HoldRecord:
    """A hold; its outcome is derived from ``completed`` unless given (or ``stopped``)."""
    held = target_s if held_s is None else held_s
    if stopped:
        outcome = HoldOutcome.STOPPED
    return HoldRecord(
        id=id or f"hold-{next(_ids)}",
        run_id=run_id,
        started_at=at,
        ended_at=at + timedelta(seconds=held),
        session=session,
        session_name=session.title(),
        exercise=exercise,
        exercise_name=exercise.replace("-", " ").capitalize(),
        side=side,
        round=round,
        set=set,
        level=level,
        target_s=target_s,
        held_s=held,
        completed=_completed(held, target_s, completed, outcome),
        outcome=outcome,
        effort=effort,
        pain=pain,
        note=note,
        target_effort=target_effort,
    )


def _completed(
    held: float, target_s: float, completed: bool | None, outcome: HoldOutcome | None
) -> bool:
    if outcome is not None:
        return outcome is HoldOutcome.COMPLETED
    return held >= target_s if completed is None else completed


def run_record(run_id: str = "run-1", at: datetime = T0, session: str = "legs") -> RunRecord:
    return RunRecord(
        id=run_id, session=session, session_name=session.title(), level="beginner", started_at=at
    )


def sessions(
    *runs: tuple[float, list[float], int | None],
    exercise: str = "wall-sit",
    side: str = "none",
    start: datetime = T0,
) -> list[HoldRecord]:
    """One run a day; each run is (target_s, held_s of each set, pain or None)."""
    records = []
    for day, (target, helds, pain) in enumerate(runs):
        moment = start + timedelta(days=day)
        for set_no, held in enumerate(helds, start=1):
            records.append(
                hold_record(
                    run_id=f"run-{exercise}-{day}",
                    at=moment + timedelta(minutes=2 * set_no),
                    exercise=exercise,
                    side=side,
                    target_s=target,
                    held_s=held,
                    pain=pain,
                    set=set_no,
                )
            )
    return records
