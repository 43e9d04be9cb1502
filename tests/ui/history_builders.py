"""A fixed, readable history for the history screen's pilot and snapshot tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from isotimer.core.history.records import HoldRecord
from isotimer.core.session.model import Exercise
from isotimer.storage.history.store import HistoryStore
from tests.unit.history_factories import CET, hold_record

TODAY = date(2026, 3, 18)  # a Wednesday, ten weeks after the first session
FIRST = datetime(2026, 1, 5, 7, 0, tzinfo=CET)  # a Monday
LAST_NOTE = "Left knee twinged on the second wall sit"

LIBRARY = {
    "wall-sit": Exercise("wall-sit", "Wall sit", 30, 60),
    "side-plank": Exercise(
        "side-plank", "Side plank", 20, 40, per_side=True, harder="side plank with leg lift"
    ),
    "calf-raise-hold": Exercise("calf-raise-hold", "Calf raise hold", 30, 45, per_side=True),
}


def _session_days() -> list[datetime]:
    """Mondays and Thursdays for ten weeks, and Saturdays in the last three: 23 runs."""
    days = []
    for week in range(11):
        monday = FIRST + timedelta(weeks=week)
        days += [monday, monday + timedelta(days=3)]
        if week >= 8:
            days.append(monday + timedelta(days=5))
    return [day for day in days if day.date() <= TODAY]


def review_holds() -> list[HoldRecord]:
    """Wall sit climbing from 30 s to 50 s, a side plank whose right side lags, calf holds.

    The last run is rated pain 4 with a note, so the calf hold keeps its target
    and the run detail has something to show.
    """
    holds: list[HoldRecord] = []
    days = _session_days()
    for number, moment in enumerate(days):
        run_id = f"run-{number:02d}"
        last = number == len(days) - 1
        rating = {"effort": 6 + number % 3, "pain": 4 if last else number % 2}
        note = LAST_NOTE if last else ""
        wall_target = 30.0 + 5 * min(4, number // 5)
        plan = [
            ("wall-sit", "none", wall_target, wall_target - (8 if number % 7 == 3 else 0)),
            ("wall-sit", "none", wall_target, wall_target - (4 if number % 4 == 1 else 0)),
            ("side-plank", "left", 35.0, 35.0),
            ("side-plank", "right", 30.0, 30.0 - (3 if number % 5 == 2 else 0)),
        ]
        if number % 2:
            calf_right = 45.0 - (6 if number == 19 else 0)
            plan += [
                ("calf-raise-hold", "left", 45.0, 45.0),
                ("calf-raise-hold", "right", 45.0, calf_right),
            ]
        for step, (exercise, side, target, held) in enumerate(plan):
            record = hold_record(
                run_id=run_id,
                at=moment + timedelta(minutes=2 * step),
                exercise=exercise,
                side=side,
                target_s=target,
                held_s=held,
                set=1 + step % 2,
                note=note,
                id=f"{run_id}-{step}",
                **rating,
            )
            holds.append(replace(record, session="legs", session_name="Legs and core"))
    return holds


def review_store(folder: Path) -> HistoryStore:
    """A history store in ``folder`` holding :func:`review_holds`, with runs synthesized."""
    store = HistoryStore.open(folder / "history.sqlite3")
    store.import_holds(review_holds())
    return store
