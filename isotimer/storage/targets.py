"""Today's targets for a session, from the recent history of its holds."""

from __future__ import annotations

from isotimer.core.model import Level, Session, Side, Sides
from isotimer.core.progression import Suggestion, suggestions_for
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.store import HistoryStore


def todays_suggestions(
    store: HistoryStore | None, session: Session, level: Level
) -> dict[str, Suggestion]:
    """Suggestions keyed like ``plan.target_key``; empty when there is no history to read.

    Reads only the holds of the last two runs of each exercise and side at this
    level (all that the progression rule looks at), so the cost stays the same
    with a lifetime of history.
    """
    if store is None:
        return {}
    wanted = {
        (hold.exercise, side.value)
        for hold in session.holds
        for side in ((Side.LEFT, Side.RIGHT) if hold.sides is Sides.BOTH else (Side.NONE,))
    }
    try:
        recent = [
            record
            for exercise, side in sorted(wanted)
            for record in store.last_runs_holds(exercise, side, level.value)
        ]
    except HistoryError:
        return {}
    return suggestions_for(recent, session, level)
