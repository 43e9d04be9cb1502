"""What the picker's top line offers today: the programme's session at its settings.

The schedule and the programme files load only once a programme is followed:
the picker asks at every start-up, and most start-ups follow none.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from isotimer.core.session.model import Level, Progress, Session
from isotimer.paths import Paths
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.problems import ValidationError

if TYPE_CHECKING:
    from isotimer.core.coach.progression import Suggestion
    from isotimer.storage.history.store import HistoryStore
    from isotimer.storage.programmes.follow import Following
    from isotimer.storage.sessions.catalog import Catalog


@dataclass(frozen=True)
class TodayOffer:
    """The line to show and, when one is due, the session as the phase runs it.

    ``session`` carries today's dose after the coach's rules (rule 11), so a
    run of it as it is runs those numbers; ``targets`` are the same per hold
    and side (``plan_at_targets`` takes them, when the sides differ).
    ``level`` is the phase's level, or None to keep the picker's.
    """

    line: str
    session: Session | None = None
    level: Level | None = None
    targets: dict[str, Suggestion] = field(default_factory=dict)


@dataclass(frozen=True)
class Dose:
    """The programme's next session as the rules set it today.

    ``session`` is the phase's session with today's numbers written into its
    holds (the lower side's where sides differ) and progression off, so they
    are not moved twice; ``targets`` are per hold and side, in plan order.
    """

    session: Session
    level: Level
    targets: dict[str, Suggestion]


def followed(
    paths: Paths,
    catalog: Catalog,
    history: HistoryStore | None,
    today: date,
    *,
    quiet: bool = True,
) -> Following | None:
    """The programme followed against ``catalog``'s sessions; None when none is.

    ``quiet`` turns a damaged state or unreadable history into None as well;
    otherwise it raises ValidationError, LookupError or HistoryError.
    """
    if not paths.programme_state.exists():
        return None  # the common case, before reading (or importing) anything of programmes
    from isotimer.storage.programmes.catalog import load_programmes
    from isotimer.storage.programmes.follow import following

    programmes, _ = load_programmes(paths, catalog.sessions)
    try:
        return following(paths, programmes, today, history, catalog.sessions)
    except (ValidationError, LookupError, HistoryError):
        if quiet:
            return None
        raise


def todays_offer(
    paths: Paths, catalog: Catalog, history: HistoryStore | None, today: date
) -> TodayOffer | None:
    """None when no programme runs; a line saying what is wrong when its state is bad."""
    try:
        found = followed(paths, catalog, history, today, quiet=False)
    except (ValidationError, LookupError, HistoryError) as error:
        return TodayOffer(f"Programme: {str(error).strip(chr(39))}")
    if found is None:
        return None
    from isotimer.core.programme.today import today_line

    now = found.status
    session = catalog.sessions.get(now.next_session or "")
    name = session.name if session else (now.next_session or "")
    paused = found.paused.why if found.paused else None
    line = today_line(found.programme.name, now, name, paused)
    if session is None or not now.due:
        return TodayOffer(line)
    dose = programme_dose(found, catalog, history, today)
    if dose is None:
        return TodayOffer(line)
    return TodayOffer(line, dose.session, dose.level, dose.targets)


def programme_dose(
    found: Following, catalog: Catalog, history: HistoryStore | None, today: date
) -> Dose | None:
    """The next session of the programme at the phase's dose after the coach's rules.

    None when the programme is finished or names a session that is gone.
    """
    from isotimer.core.coach.progression import PhaseDose
    from isotimer.core.programme.phases import apply_phase
    from isotimer.storage.today import todays_suggestions

    now = found.status
    session = catalog.sessions.get(now.next_session or "")
    if session is None or now.finished:
        return None
    phase = found.programme.phases[now.phase - 1]
    phased = apply_phase(session, phase, catalog.library)
    level = phase.level or session.level
    rules = PhaseDose(phase.effort, gated=phase.advance is not None)
    targets = todays_suggestions(history, phased, level, catalog.library, today=today, phase=rules)
    return Dose(_with_targets(phased, targets), level, targets)


def _with_targets(session: Session, targets: dict[str, Suggestion]) -> Session:
    """``session`` with each hold at today's target (its lower side's) and progression off."""
    from isotimer.core.coach.progression import sides_of
    from isotimer.core.session.plan import target_key

    holds = []
    for hold in session.holds:
        mine = [targets[target_key(hold.exercise, side)] for side in sides_of(hold)]
        seconds = min(s.target_s for s in mine)
        efforts = [s.effort for s in mine if s.effort is not None]
        effort = min(efforts) if efforts else None
        holds.append(
            replace(
                hold, beginner_s=seconds, advanced_s=seconds, effort=effort, advanced_effort=effort
            )
        )
    return replace(session, holds=tuple(holds), progress=Progress.NONE)
