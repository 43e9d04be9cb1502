"""Today's targets for a session, from the recent history of its holds."""

from __future__ import annotations

from isotimer.core.model import Level, Session
from isotimer.core.progression import Suggestion, suggestions_for
from isotimer.storage.history import HistoryStore
from isotimer.storage.history_errors import HistoryError

# Enough holds per exercise to cover its last two runs, however many sets and sides.
RECENT_HOLDS = 400


def todays_suggestions(
    store: HistoryStore | None, session: Session, level: Level
) -> dict[str, Suggestion]:
    """Suggestions keyed like ``plan.target_key``; empty when there is no history to read.

    Reads only each exercise's most recent holds, so the cost stays the same
    with a lifetime of history.
    """
    if store is None:
        return {}
    exercises = dict.fromkeys(hold.exercise for hold in session.holds)
    try:
        recent = [
            record
            for exercise in exercises
            for record in store.holds(exercise=exercise, limit=RECENT_HOLDS)
        ]
    except HistoryError:
        return {}
    return suggestions_for(recent, session, level)
