"""Today's suggestions for a whole session, read from the store's recent holds."""

from __future__ import annotations

from datetime import timedelta

from isotimer.core.model import Hold, Level, Session, Sides
from isotimer.core.progression import suggestions_for, targets_for
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.targets import todays_suggestions
from tests.unit.history_factories import T0, hold_record, run_record

PLANK = Hold("side-plank", "Side plank", 20, 45, sides=Sides.BOTH)
SESSION = Session("s", "S", holds=(PLANK,))


def runs(left_target: float, right_held: float) -> list:
    records = []
    for day in (0, 1):
        at, run_id = T0 + timedelta(days=day), f"run-{day}"
        records.append(
            hold_record(
                run_id=run_id, at=at, exercise="side-plank", side="left", target_s=left_target
            )
        )
        records.append(
            hold_record(
                run_id=run_id,
                at=at,
                exercise="side-plank",
                side="right",
                target_s=20,
                held_s=right_held,
            )
        )
    return records


def test_each_side_gets_its_own_suggestion_keyed_for_the_plan():
    found = suggestions_for(runs(20, 12), SESSION, Level.BEGINNER)
    assert {key: s.target_s for key, s in found.items()} == {
        "side-plank:left": 25,
        "side-plank:right": 15,
    }
    assert targets_for(runs(20, 12), SESSION, Level.BEGINNER) == {
        "side-plank:left": 25,
        "side-plank:right": 15,
    }


def test_history_at_another_level_is_not_used():
    assert suggestions_for(runs(20, 20), SESSION, Level.ADVANCED) == {}


def test_todays_suggestions_reads_the_store(tmp_path):
    with HistoryStore.open(tmp_path / "h.sqlite3") as store:
        for record in runs(20, 20):
            store.begin_run(run_record(record.run_id, record.started_at))
            store.add_hold(record)
        found = todays_suggestions(store, SESSION, Level.BEGINNER)
    assert found["side-plank:left"].target_s == 25


def test_no_store_means_no_suggestions():
    assert todays_suggestions(None, SESSION, Level.BEGINNER) == {}
