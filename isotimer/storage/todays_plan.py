"""The plan a run follows today, the same for the app and plain mode."""

from __future__ import annotations

from collections.abc import Mapping

from isotimer.core.model import Exercise, Level, Session
from isotimer.core.plan import Plan, build_plan
from isotimer.core.progression import plan_at_targets
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.settings import Settings
from isotimer.storage.targets import todays_suggestions


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
