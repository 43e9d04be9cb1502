"""What the picker's top line offers today: the programme's session at its settings.

The schedule and the programme files load only once a programme is followed:
the picker asks at every start-up, and most start-ups follow none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from isotimer.core.session.model import Level, Session
from isotimer.paths import Paths
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.problems import ValidationError

if TYPE_CHECKING:
    from isotimer.storage.history.store import HistoryStore
    from isotimer.storage.programmes.follow import Following
    from isotimer.storage.sessions.catalog import Catalog


@dataclass(frozen=True)
class TodayOffer:
    """The line to show and, when one is due, the session as the phase runs it.

    ``level`` is the phase's level, or None to keep the picker's.
    """

    line: str
    session: Session | None = None
    level: Level | None = None


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
        return following(paths, programmes, today, history)
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
    from isotimer.core.programme.phases import apply_phase
    from isotimer.core.programme.today import today_line

    now = found.status
    session = catalog.sessions.get(now.next_session or "")
    name = session.name if session else (now.next_session or "")
    line = today_line(found.programme.name, now, name)
    if session is None or not now.due:
        return TodayOffer(line)
    phase = found.programme.phases[now.phase - 1]
    return TodayOffer(line, apply_phase(session, phase), phase.level)
