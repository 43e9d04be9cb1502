"""The morning check-in to offer when the app opens: about the latest session, once."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from isotimer.core.history.checkins import checkin_sides, wants_checkin
from isotimer.core.history.records import CheckIn, RunRecord
from isotimer.core.session.model import Progress, Session
from isotimer.storage.history.store import HistoryStore


@dataclass(frozen=True)
class DueCheckin:
    """A run to ask about, and the sides to ask about (``none`` for one answer)."""

    run: RunRecord
    sides: tuple[str, ...]


def due_checkin(
    store: HistoryStore, sessions: Mapping[str, Session], today: date
) -> DueCheckin | None:
    """The latest session, if it was on an earlier day and wants a check-in.

    Raises:
        HistoryError: the history cannot be read.
    """
    latest = next(iter(store.sessions(limit=1)), None)
    if latest is None:
        return None
    holds = store.run_holds(latest.id)
    session = sessions.get(latest.session)
    moves_effort = session is not None and session.progress is Progress.EFFORT
    answered = store.checkins([latest.id])
    if not wants_checkin(latest, holds, moves_effort, answered, today):
        return None
    return DueCheckin(latest, checkin_sides(holds))


def answers(
    run_id: str, at: datetime, given: Mapping[str, tuple[str | None, int | None]]
) -> list[CheckIn]:
    """Check-ins from the answer per side; nothing answered is saved as one skipped check-in."""
    found = [
        CheckIn(str(uuid.uuid4()), run_id, at, side, compared, pain)
        for side, (compared, pain) in given.items()
        if compared is not None or pain is not None
    ]
    return found or [CheckIn(str(uuid.uuid4()), run_id, at)]
