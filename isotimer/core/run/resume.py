"""Where an interrupted run picks up again: the step after the last hold it recorded.

A run is interrupted when its process dies mid-session (``kill -9``, a crash, a
power cut): the holds that had ended are in the history, the one in progress
is lost. Resuming starts the same plan at the step after the last recorded
hold, which is the rest or side switch that came next, so the runner gets
time to get back into position before the next hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from isotimer.core.history.records import HoldRecord
from isotimer.core.session.plan import Plan, Step

# A run interrupted longer ago than this is history, not a session to finish.
RESUME_WITHIN = timedelta(hours=12)


@dataclass(frozen=True)
class ResumePoint:
    """Where to start the plan again and what comes first there.

    ``index`` is the plan step to start at, ``done`` the holds already
    recorded, and ``next_hold`` the first hold still to do.
    """

    index: int
    done: int
    next_hold: Step


def resume_point(plan: Plan, recorded: Sequence[HoldRecord]) -> ResumePoint | None:
    """The step after the last of ``recorded`` (in time order) in ``plan``.

    Each record is matched to the plan by exercise, side, round and set, walking
    forward so that a session using one exercise twice still lines up. Returns
    None when nothing is left to do or when a record no longer fits the plan
    (the session file changed since), since a guess would repeat or drop holds.
    """
    position = -1
    for record in recorded:
        matches = [i for i, step in enumerate(plan.steps) if step.is_hold and _fits(step, record)]
        if not matches:
            return None
        # A hold redone after "back" matches an earlier step again: take the first one then.
        position = next((i for i in matches if i > position), matches[0])
    index = position + 1
    next_hold = next((step for step in plan.steps[index:] if step.is_hold), None)
    if next_hold is None:
        return None
    return ResumePoint(index=index, done=len(recorded), next_hold=next_hold)


def last_activity(started_at: datetime, recorded: Sequence[HoldRecord]) -> datetime:
    """When the run was last seen alive: its newest hold's end, or its start."""
    return max((record.ended_at for record in recorded), default=started_at)


def worth_resuming(last_seen: datetime, now: datetime) -> bool:
    """Offer to resume only a run interrupted recently (see ``RESUME_WITHIN``)."""
    return now - last_seen <= RESUME_WITHIN


def _fits(step: Step, record: HoldRecord) -> bool:
    return (step.hold.exercise, step.side.value, step.round, step.set) == (
        record.exercise,
        record.side,
        record.round,
        record.set,
    )
