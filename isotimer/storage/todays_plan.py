"""The plan a run follows today, the same for the app and plain mode."""

from __future__ import annotations

from isotimer.core.model import Level, Session
from isotimer.core.plan import Plan, build_plan
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.settings import Settings
from isotimer.storage.targets import todays_suggestions


def todays_plan(
    store: HistoryStore | None, session: Session, level: Level, settings: Settings
) -> Plan:
    """``session`` at ``level`` with the settings' lead-in and warm-up choice, at today's
    targets if asked for."""
    targets = None
    if session.id in settings.progression:
        suggestions = todays_suggestions(store, session, level)
        targets = {key: suggestion.target_s for key, suggestion in suggestions.items()}
    return build_plan(
        session, level, targets=targets, lead_in=settings.lead_in, warm_up=settings.warm_up
    )
