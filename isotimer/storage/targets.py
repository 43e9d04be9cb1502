"""Today's targets for a session, from the recent history of its own holds."""

from __future__ import annotations

from collections.abc import Mapping

from isotimer.core.model import Exercise, Level, Session
from isotimer.core.progression import Suggestion, sides_of, suggestions_for
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.store import HistoryStore


def todays_suggestions(
    store: HistoryStore | None,
    session: Session,
    level: Level,
    library: Mapping[str, Exercise] | None = None,
) -> dict[str, Suggestion]:
    """Every hold and side's target, keyed like ``plan.target_key``, in plan order.

    Reads only the holds of the last two runs of this session with each
    exercise and side at this level (all the progression rule looks at) and
    their morning check-ins, so the cost stays the same with a lifetime of
    history. With no history to read, every target is the session's own.
    """
    recent, checkins = [], []
    if store is not None:
        wanted = {(hold.exercise, side.value) for hold in session.holds for side in sides_of(hold)}
        try:
            recent = [
                record
                for exercise, side in sorted(wanted)
                for record in store.last_runs_holds(exercise, side, level.value, session=session.id)
            ]
            checkins = store.checkins({record.run_id for record in recent})
        except HistoryError:
            recent, checkins = [], []
    return suggestions_for(recent, session, level, checkins, library)
