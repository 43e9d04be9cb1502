"""Today in the programme being followed: its state, its runs from the history, the status."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from isotimer.core.programme.phases import Programme
from isotimer.core.programme.schedule import ProgrammeRun, Status, status
from isotimer.paths import Paths
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.programmes.state import ProgrammeState, load_state, save_state


@dataclass(frozen=True)
class Following:
    """The programme followed, what the state file says of it, and where it stands today."""

    programme: Programme
    state: ProgrammeState
    status: Status


def programme_runs(store: HistoryStore | None, run_ids: Iterable[str]) -> list[ProgrammeRun]:
    """Each recorded run of ``run_ids`` as the schedule needs it; a missing run is skipped.

    Raises:
        HistoryError: the history cannot be read.
    """
    ids = list(run_ids)
    if store is None or not ids:
        return []
    mornings: dict[str, list[str]] = {}
    for checkin in store.checkins(ids):
        if checkin.compared:
            mornings.setdefault(checkin.run_id, []).append(checkin.compared)
    found = []
    for run_id in ids:
        run = store.run(run_id)
        if run is None:
            continue
        pains = [h.pain for h in store.run_holds(run_id) if h.pain is not None]
        pains += [run.pain] if run.pain is not None else []
        said = mornings.get(run_id, [])
        morning = next((word for word in ("worse", "same", "better") if word in said), None)
        found.append(ProgrammeRun(run.started_at.date(), max(pains, default=None), morning))
    return found


def following(
    paths: Paths, programmes: dict[str, Programme], today: date, store: HistoryStore | None
) -> Following | None:
    """The programme being followed and its status, or None when none runs.

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
    runs = programme_runs(store, state.runs)
    now = status(programme, state.start, runs, today, state.repeats)
    return Following(programme, state, now)


def count_run(state_file: Path, run_id: str) -> bool:
    """Count a recorded run for the programme followed; False when none is followed."""
    state = load_state(state_file)
    if state is None:
        return False
    save_state(state_file, state.with_run(run_id))
    return True
