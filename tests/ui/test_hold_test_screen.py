"""A hold test on the run screen: it counts up, names the time to beat, and Enter ends it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.widgets import Static

from isotimer.core.clock import FakeClock
from isotimer.core.history.records import HoldKind, HoldOutcome
from isotimer.core.session.model import Level
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.screens.summary import SummaryScreen
from isotimer.ui.widgets.countdown import Countdown
from tests.unit.history_factories import T0, hold_record

from .builders import WALL_SIT, make_app, session

SIZE = (80, 24)
LEAD_IN = 5
CAP = 120
TEST_DAY = session(
    "test-day", "Test day", replace(WALL_SIT, sets=1, test=True, beginner_s=CAP, advanced_s=CAP),
    lead_in=LEAD_IN,
)  # fmt: skip


def earlier_test(held_s: float):
    record = hold_record(
        run_id="last-month", at=T0, target_s=300, held_s=held_s, outcome=HoldOutcome.COMPLETED
    )
    return replace(record, kind=HoldKind.TEST)


async def advance(pilot, clock: FakeClock, seconds: float) -> RunScreen:
    screen = pilot.app.screen
    assert isinstance(screen, RunScreen)
    clock.advance(seconds)
    screen.tick()
    await pilot.pause()
    return screen


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


@pytest.mark.parametrize("key", ["enter", "d"])
async def test_the_clock_counts_up_and_the_key_ends_the_test_with_the_time_held(tmp_path, key):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=(TEST_DAY, Level.BEGINNER))
    app.history.import_holds([earlier_test(80)])
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, LEAD_IN + 37.4)
        assert screen.query_one(Countdown).seconds == 37
        assert "last test 80 s to beat" in text(screen, "#details")
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    (record,) = [h for h in app.history.holds() if h.run_id != "last-month"]
    assert (record.kind, record.held_s, record.outcome) == (
        HoldKind.TEST,
        37.4,
        HoldOutcome.COMPLETED,
    )


async def test_enter_is_offered_only_in_a_test(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=(TEST_DAY, Level.BEGINNER))
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, 1)
        assert screen.check_action("end_test", ()) is False  # the get-ready
        screen = await advance(pilot, clock, LEAD_IN)
        assert screen.check_action("end_test", ()) is True


async def test_the_summary_celebrates_a_new_test_best(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=(TEST_DAY, Level.BEGINNER))
    app.history.import_holds([earlier_test(80)])
    async with app.run_test(size=(100, 30)) as pilot:
        await advance(pilot, clock, LEAD_IN + 95)
        await pilot.press("enter")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        bests = [str(best.render()) for best in summary.query(".new-best").results(Static)]
        assert bests == ["★ Hold test: wall sit 95 s, up from 80 s, +19%"]


async def test_at_its_cap_the_test_ends_by_itself(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=(TEST_DAY, Level.BEGINNER))
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, LEAD_IN + CAP + 5)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    (record,) = app.history.holds()
    assert (record.held_s, record.completed) == (CAP, True)


async def test_the_history_chart_marks_tests_apart_from_training_holds(tmp_path):
    from isotimer.storage.history.store import HistoryStore
    from isotimer.ui.widgets.hold_chart import HoldChart
    from tests.ui.test_history_screen import Host, opened

    with HistoryStore.open(tmp_path / "history.sqlite3") as store:
        training = hold_record(run_id="legs", at=T0, target_s=30, held_s=30)
        store.import_holds([training, replace(earlier_test(80), started_at=T0.replace(day=6))])
        app = Host(store)
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await opened(pilot)
            series = screen.query_one(HoldChart).series
            assert series is not None
            assert series.points == ((T0.date(), 30.0),)
            assert series.tests == ((T0.date().replace(day=6), 80.0),)
            assert (
                str(screen.query_one("#legend-test", Static).render()) == "◆ hold test, last 80 s"
            )


@pytest.mark.parametrize(("days", "due"), [(20, False), (40, True)])
async def test_the_picker_says_when_a_retest_is_due(tmp_path, days, due):
    from datetime import timedelta

    from isotimer.ui.screens.picker import PickerScreen
    from tests.ui.test_picker import preview_text

    from .builders import catalog

    clock = FakeClock(wall=T0 + timedelta(days=days))
    app = make_app(tmp_path, clock=clock, catalog_=catalog(TEST_DAY))
    app.history.import_holds([earlier_test(80)])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        text = preview_text(picker)
        assert ("Re-test due: last hold test 5 weeks ago (05 Jan)" in text) is due
