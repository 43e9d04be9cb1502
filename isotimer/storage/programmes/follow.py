"""Today in the programme being followed: its state, its runs from the history, the status."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from isotimer.core.coach.body import RedFlag
from isotimer.core.coach.progression import sides_of
from isotimer.core.history.records import MIN_SESSION_HOLD_S, HoldOutcome
from isotimer.core.programme.phases import Programme
from isotimer.core.programme.schedule import ProgrammeRun, Status, status
from isotimer.core.session.model import Session
from isotimer.paths import Paths
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.programmes.state import ProgrammeState, load_state, save_state
from isotimer.storage.today import red_flags


@dataclass(frozen=True)
class Following:
    """The programme followed, what the state file says of it, and where it stands today.

    ``paused`` is the red flag that pauses a rehab programme until the runner
    resumes it (``isotimer programme resume``); None while it runs.
    """

    programme: Programme
    state: ProgrammeState
    status: Status
    paused: RedFlag | None = None


def planned_holds(session: Session) -> int:
    """How many holds a run of ``session`` plans: every set of every side, every round."""
    return session.rounds * sum(hold.sets * len(sides_of(hold)) for hold in session.holds)


def programme_runs(
    store: HistoryStore | None,
    run_ids: Iterable[str],
    sessions: Mapping[str, Session] | None = None,
) -> list[ProgrammeRun]:
    """Each recorded run of ``run_ids`` that counts, as the schedule needs it.

    A missing run is skipped, and so is a run that does not count (rule 11): no
    hold held past its first second, or fewer than half its planned holds done
    (``sessions`` gives the plan; without it only the first test applies).

    Raises:
        HistoryError: the history cannot be read.
    """
    ids = list(run_ids)
    if store is None or not ids:
        return []
    mornings: dict[str, list[str]] = {}
    morning_pains: dict[str, list[int]] = {}
    for checkin in store.checkins(ids):
        if checkin.compared:
            mornings.setdefault(checkin.run_id, []).append(checkin.compared)
        if checkin.pain is not None:
            morning_pains.setdefault(checkin.run_id, []).append(checkin.pain)
    found = []
    for run_id in ids:
        run = store.run(run_id)
        if run is None:
            continue
        holds = store.run_holds(run_id)
        done = [h for h in holds if _worked(h.outcome, h.held_s)]
        session = (sessions or {}).get(run.session)
        if not done or (session is not None and 2 * len(done) < planned_holds(session)):
            continue
        pains = [h.pain for h in holds if h.pain is not None]
        pains += [run.pain] if run.pain is not None else []
        said = mornings.get(run_id, [])
        morning = next((word for word in ("worse", "same", "better") if word in said), None)
        morning_pain = max(morning_pains.get(run_id, []), default=None)
        found.append(
            ProgrammeRun(run.started_at.date(), max(pains, default=None), morning, morning_pain)
        )
    return found


def _worked(outcome: HoldOutcome, held_s: float) -> bool:
    """A hold that counts toward a programme run: not skipped, held past its first second."""
    return outcome is not HoldOutcome.SKIPPED and held_s > MIN_SESSION_HOLD_S


def following(
    paths: Paths,
    programmes: dict[str, Programme],
    today: date,
    store: HistoryStore | None,
    sessions: Mapping[str, Session] | None = None,
) -> Following | None:
    """The programme being followed and its status, or None when none runs.

    ``sessions`` (the catalog's) lets a run stopped before half its holds go
    uncounted. A rehab programme with a red flag raised since it was last
    resumed is paused: nothing is due.

    Raises:
        ValidationError: the state file is damaged.
        LookupError: the state names a programme that no longer exists.
        HistoryError: the history cannot be read.
    """
    state = load_state(paths.programme_state)
    if state is None:
        return None
    programme = programmes.get(state.programme)
    if programme is None:
        raise LookupError(f"the programme you follow, '{state.programme}', no longer exists")
    runs = programme_runs(store, state.runs, sessions)
    now = status(programme, state.start, runs, today, state.repeats)
    flag = _pausing_flag(programme, state, store, today)
    if flag is not None:
        now = replace(now, due=False)
    return Following(programme, state, now, flag)


def _pausing_flag(
    programme: Programme, state: ProgrammeState, store: HistoryStore | None, today: date
) -> RedFlag | None:
    """The worst red flag on an exercise of the programme's runs, raised since it resumed."""
    if not programme.rehab or store is None or not state.runs:
        return None
    keys = {(hold.exercise, hold.side) for run_id in state.runs for hold in store.run_holds(run_id)}
    flags = [
        flag
        for flag in red_flags(store, keys, today)
        if state.resumed is None or flag.at > state.resumed
    ]
    return flags[0] if flags else None


def count_run(state_file: Path, run_id: str) -> bool:
    """Count a recorded run for the programme followed; False when none is followed."""
    state = load_state(state_file)
    if state is None:
        return False
    save_state(state_file, state.with_run(run_id))
    return True
