"""Today's swap: a hold at its time cap done as its harder library variation instead."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from isotimer.core.coach.progression import Suggestion, as_harder, sides_of
from isotimer.core.session.model import Exercise, Session
from isotimer.core.session.plan import target_key


def offered_swaps(session: Session, suggestions: Mapping[str, Suggestion]) -> dict[str, str]:
    """Hold exercise to the library id of the harder variation offered for it today."""
    return {
        hold.exercise: found.swap
        for hold in session.holds
        for side in sides_of(hold)
        if (found := suggestions.get(target_key(hold.exercise, side))) and found.swap
    }


def swapped(session: Session, swaps: Mapping[str, str], library: Mapping[str, Exercise]) -> Session:
    """``session`` with each hold in ``swaps`` done as its harder variation, for today.

    The harder hold starts at its own library times and keeps the sets, rests
    and effort the session gives; the file itself never changes.
    """
    holds = []
    for hold in session.holds:
        harder = library.get(swaps.get(hold.exercise, ""))
        holds.append(hold if harder is None else as_harder(hold, harder))
    return replace(session, holds=tuple(holds))
