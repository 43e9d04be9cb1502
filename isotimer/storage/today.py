"""Today for a session: each hold's target from the history, and the plan a run follows.

The same for the app, plain mode and ``isotimer targets``.
"""

from __future__ import annotations

from collections.abc import Mapping

from isotimer.core.coach.progression import Suggestion, plan_at_targets, sides_of, suggestions_for
from isotimer.core.session.model import Exercise, Level, Session
from isotimer.core.session.plan import Plan, build_plan
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.settings import Settings


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


def todays_plan(
    store: HistoryStore | None,
    session: Session,
    level: Level,
    settings: Settings,
    library: Mapping[str, Exercise] | None = None,
) -> Plan:
    """``session`` at ``level`` with the settings' lead-in and warm-up choice, at today's
    targets if asked for.

    Today's times and efforts are the session's own progression (core.progression);
    ``library`` names the harder variation of a hold at its cap.
    """
    if session.id in settings.progression:
        suggestions = todays_suggestions(store, session, level, library)
        return plan_at_targets(
            session, level, suggestions, settings.lead_in, warm_up=settings.warm_up
        )
    return build_plan(session, level, lead_in=settings.lead_in, warm_up=settings.warm_up)
