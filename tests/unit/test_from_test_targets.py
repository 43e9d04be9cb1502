"""``from_test``: a training hold takes its time from the latest test, before and after one."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from isotimer.core.clock import SystemClock
from isotimer.core.coach.from_test import base_from_test
from isotimer.core.history.records import HoldKind, HoldOutcome
from isotimer.core.session.model import Level
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.settings import Settings
from isotimer.storage.today import todays_plan
from tests.unit.cli_helpers import check, json_of
from tests.unit.factories import hold
from tests.unit.history_factories import T0, hold_record

SESSION = 'name = "Legs"\nprogress = "time"\n[[hold]]\nexercise = "wall-sit"\nfrom_test = 0.5\n'


def a_test(held_s: float, days: int):
    record = hold_record(
        run_id=f"test-{days}", at=T0 + timedelta(days=days), target_s=300, held_s=held_s,
        session="hold-test", outcome=HoldOutcome.COMPLETED,
    )  # fmt: skip
    return replace(record, kind=HoldKind.TEST)


def training(target_s: float, days: int):
    return hold_record(run_id=f"legs-{days}", at=T0 + timedelta(days=days), target_s=target_s)


@pytest.fixture(autouse=True)
def _the_day_after_the_last_test(monkeypatch):
    """Today is two days after the tests below, so no layoff rule moves a target."""
    monkeypatch.setattr(SystemClock, "now", lambda self: T0 + timedelta(days=30))


@pytest.fixture
def legs(tmp_path):
    path = tmp_path / "legs.toml"
    path.write_text(SESSION)
    return path


def targets(capsys, legs) -> dict:
    code, document = json_of(capsys, "targets", str(legs), "--json")
    assert code == 0
    check(document, "targets")
    (entry,) = document["holds"]
    return entry


def history(data_dir, *holds) -> None:
    with HistoryStore.open(data_dir / "history.sqlite3") as store:
        store.import_holds(holds)


@pytest.mark.parametrize(
    ("fraction", "test_s", "expected"),
    [(0.5, 80, 40), (0.7, 80, 55), (0.7, 78, 55), (0.2, 10, 5), (1.0, 200, 60), (0.6, 62.4, 35)],
)
def test_the_base_is_the_fraction_of_the_test_rounded_to_5_s_within_the_cap(
    fraction, test_s, expected
):
    assert base_from_test(replace(hold(), from_test=fraction, max_s=60), test_s) == expected


def test_without_a_test_the_hold_keeps_its_seconds(capsys, legs):
    entry = targets(capsys, legs)
    assert (entry["base_s"], entry["target_s"], entry["rule"]) == (30, 30, "base")


def test_a_test_sets_the_base_and_a_new_test_moves_it(capsys, legs, isolated_data_dir):
    history(isolated_data_dir, a_test(80, days=0))
    entry = targets(capsys, legs)
    assert (entry["base_s"], entry["target_s"], entry["rule"]) == (40, 40, "from_test")
    assert "0.5 x your latest test (80 s)" in entry["reason"]
    history(isolated_data_dir, training(40, days=2), a_test(100, days=28))
    entry = targets(capsys, legs)
    assert (entry["base_s"], entry["target_s"], entry["rule"]) == (50, 50, "from_test")


def test_a_lower_test_never_lowers_the_target_by_itself(capsys, legs, isolated_data_dir):
    history(isolated_data_dir, a_test(100, days=0), training(50, days=2), a_test(60, days=28))
    entry = targets(capsys, legs)
    assert (entry["base_s"], entry["target_s"]) == (30, 50)


def test_training_holds_and_unfinished_tests_never_set_the_base(capsys, legs, isolated_data_dir):
    stopped = replace(a_test(120, days=3), outcome=HoldOutcome.STOPPED, completed=False)
    history(isolated_data_dir, a_test(80, days=0), training(55, days=2), stopped)
    assert targets(capsys, legs)["base_s"] == 40


def test_a_session_without_progression_runs_at_the_test_base(legs, isolated_data_dir):
    from isotimer.storage.sessions.loader import load_session

    history(isolated_data_dir, a_test(90, days=0))
    session = load_session(legs, {"wall-sit": _wall_sit()})
    with HistoryStore.open(isolated_data_dir / "history.sqlite3") as store:
        plan = todays_plan(store, session, Level.BEGINNER, Settings())
    assert [step.seconds for step in plan.hold_steps] == [45]


def _wall_sit():
    from isotimer.core.session.model import Exercise

    return Exercise("wall-sit", "Wall sit", 30, 60)


def test_tests_in_a_sessions_history_never_move_its_training_target():
    from isotimer.core.coach.progression import suggestions_for
    from tests.unit.factories import session

    legs = replace(session(hold("Wall sit", seconds=30)), id="legs")
    tests = [replace(a_test(200, days=day), session="legs") for day in (0, 1)]
    (suggestion,) = suggestions_for(tests, legs, Level.BEGINNER).values()
    assert (suggestion.target_s, suggestion.runs) == (30, 0)
