"""Today for a session: each hold's target from the history, and the plan a run follows.

The same for the app, plain mode, ``isotimer targets`` and a programme's session.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from isotimer.core.clock import SystemClock
from isotimer.core.coach.body import RedFlag, felt_runs, red_flag
from isotimer.core.coach.from_test import BaseFromTest, apply_test_bases, bases_from_tests
from isotimer.core.coach.progression import (
    PhaseDose,
    Suggestion,
    plan_at_targets,
    sides_of,
    suggestions_for,
)
from isotimer.core.history.records import CheckIn, HoldKind, HoldRecord
from isotimer.core.session.model import Exercise, Level, Session, Side
from isotimer.core.session.plan import Plan, build_plan, target_key
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.settings import Settings

# How far back the body's memory reaches: the exercise's latest holds in any
# session, however old, so a red flag stands until a run after it; and every
# hold of the last eight weeks, for the weekly effort limit.
BODY_HOLDS = 200
BODY_DAYS = 56


def todays_suggestions(
    store: HistoryStore | None,
    session: Session,
    level: Level,
    library: Mapping[str, Exercise] | None = None,
    *,
    today: date | None = None,
    phase: PhaseDose | None = None,
) -> dict[str, Suggestion]:
    """Every hold and side's target, keyed like ``plan.target_key``, in plan order.

    Reads the holds of the last two runs of this session with each exercise
    and side at this level, the exercise's holds in any session over the last
    eight weeks (pain belongs to the body) and their morning check-ins, so the
    cost stays bounded with a lifetime of history. With no history to read,
    every target is the session's own. ``today`` is the local date of the run
    to come (the app passes its clock's); without it no layoff is judged.
    """
    wanted = {(hold.exercise, side.value) for hold in session.holds for side in sides_of(hold)}
    records, checkins = _read(store, wanted, level, session.id, today or SystemClock().now().date())
    found = suggestions_for(records, session, level, checkins, library, today=today, phase=phase)
    own = [r for r in records if r.session == session.id and r.kind is HoldKind.HOLD]
    return apply_test_bases(found, _test_bases(store, session), _last_runs(own))


def _read(
    store: HistoryStore | None,
    wanted: Iterable[tuple[str, str]],
    level: Level,
    session_id: str | None,
    today: date,
) -> tuple[list[HoldRecord], list[CheckIn]]:
    """The session's own last runs of each hold and the body's recent holds, with check-ins."""
    if store is None:
        return [], []
    wanted = sorted(wanted)
    since = today - timedelta(days=BODY_DAYS)
    try:
        found: dict[str, HoldRecord] = {}
        for exercise, side in wanted:
            if session_id is not None:
                own = store.last_runs_holds(exercise, side, level.value, session=session_id)
                found.update((record.id, record) for record in own)
        for exercise in sorted({exercise for exercise, _ in wanted}):
            found.update((r.id, r) for r in store.holds(exercise=exercise, since=since))
            found.update((r.id, r) for r in store.holds(exercise=exercise, limit=BODY_HOLDS))
        records = sorted(found.values(), key=lambda record: record.started_at)
        return records, store.checkins({record.run_id for record in records})
    except HistoryError:
        return [], []


def red_flags(
    store: HistoryStore | None,
    keys: Iterable[tuple[str, str]] | None = None,
    today: date | None = None,
) -> list[RedFlag]:
    """The red flags standing today, the worst pain first: for the summary, picker and status.

    ``keys`` are (exercise, side) pairs; None looks at every exercise held in
    the last eight weeks. A flag stands until a later run of that exercise
    and side clears it. An unreadable history raises no flag.
    """
    if store is None:
        return []
    today = today or SystemClock().now().date()
    if keys is None:
        try:
            recent = store.holds(since=today - timedelta(days=BODY_DAYS))
        except HistoryError:
            return []
        keys = {(record.exercise, record.side) for record in recent}
    keys = sorted(set(keys))
    records, checkins = _read(store, keys, Level.BEGINNER, None, today)
    flags = []
    for exercise, side in keys:
        mine = [r for r in records if r.exercise == exercise]
        flag = red_flag(exercise, side, felt_runs(mine, checkins, side))
        if flag is not None:
            flags.append(flag)
    return sorted(flags, key=lambda flag: -(flag.pain or 0))


def todays_plan(
    store: HistoryStore | None,
    session: Session,
    level: Level,
    settings: Settings,
    library: Mapping[str, Exercise] | None = None,
    today: date | None = None,
) -> Plan:
    """``session`` at ``level`` with the settings' lead-in and warm-up choice, at today's
    targets if asked for.

    Today's times and efforts are the session's own progression (core.progression);
    ``library`` names the harder variation of a hold at its cap.
    """
    if session.id in settings.progression:
        suggestions = todays_suggestions(store, session, level, library, today=today)
        return plan_at_targets(
            session, level, suggestions, settings.lead_in, warm_up=settings.warm_up
        )
    targets = {key: base.base_s for key, base in _test_bases(store, session).items()}
    return build_plan(session, level, targets, lead_in=settings.lead_in, warm_up=settings.warm_up)


def _test_bases(store: HistoryStore | None, session: Session) -> dict[str, BaseFromTest]:
    """The ``from_test`` holds' times from the latest tests; none without a history."""
    wanted = {hold.exercise for hold in session.holds if hold.from_test is not None}
    if store is None or not wanted:
        return {}
    try:
        tests = [test for exercise in sorted(wanted) for test in store.test_results(exercise)]
    except HistoryError:
        return {}
    return bases_from_tests(session, tests)


def _last_runs(recent: list[HoldRecord]) -> dict[str, HoldRecord]:
    """The latest training hold of each exercise and side, by target key."""
    latest: dict[str, HoldRecord] = {}
    for record in sorted(recent, key=lambda record: record.started_at):
        latest[target_key(record.exercise, Side(record.side))] = record
    return latest
