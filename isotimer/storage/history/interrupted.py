"""Interrupted runs in the history: the one worth offering to resume, and closing the rest."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from isotimer.core.history.records import HoldRecord, Outcome, RunRecord
from isotimer.core.run.resume import ResumePoint, last_activity, resume_point, worth_resuming
from isotimer.core.session.model import Level, Session
from isotimer.core.session.plan import Plan
from isotimer.storage.history.run_lock import forget, is_live
from isotimer.storage.history.store import HistoryStore

LEVELS = frozenset(level.value for level in Level)


@dataclass(frozen=True)
class Resumable:
    """An interrupted run, the plan it followed and where it would go on."""

    run: RunRecord
    plan: Plan
    point: ResumePoint
    holds: tuple[HoldRecord, ...]


PlanFor = Callable[[Session, Level], Plan]


def find_resumable(
    store: HistoryStore, sessions: Mapping[str, Session], plan_for: PlanFor, now: datetime
) -> Resumable | None:
    """The newest interrupted run that can go on; every other interrupted run is closed.

    Runs live in another isotimer (see ``run_lock``) are left alone. A run whose
    session is gone, changed, finished or too old to resume is closed as
    interrupted, keeping its holds, so it is never offered again. ``plan_for``
    builds the plan a run of a session follows today (lead-in and targets).

    Raises:
        HistoryError: the history cannot be read or written.
    """
    found = None
    for run in store.interrupted_runs():
        if is_live(store.path, run.id):
            continue
        holds = tuple(store.run_holds(run.id))
        resumable = None if found else _resumable(run, holds, sessions, plan_for, now)
        if resumable is None:
            close_interrupted(store, run, holds)
        found = found or resumable
    return found


def close_interrupted(store: HistoryStore, run: RunRecord, holds: tuple[HoldRecord, ...]) -> None:
    """Mark ``run`` interrupted, ended when it was last seen alive; its holds stay."""
    store.end_run(run.id, last_activity(run.started_at, holds), Outcome.INTERRUPTED)
    forget(store.path, run.id)


def _resumable(
    run: RunRecord,
    holds: tuple[HoldRecord, ...],
    sessions: Mapping[str, Session],
    plan_for: PlanFor,
    now: datetime,
) -> Resumable | None:
    session = sessions.get(run.session)
    if session is None or run.level not in LEVELS:
        return None
    if not worth_resuming(last_activity(run.started_at, holds), now):
        return None
    plan = plan_for(session, Level(run.level))
    point = resume_point(plan, holds)
    return Resumable(run, plan, point, holds) if point else None
