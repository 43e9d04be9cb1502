"""Outcomes as the runner sees them: the stop dialog's counts, the summary's result and bests."""

from __future__ import annotations

from textual.widgets import Static

from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Level
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.screens.summary import SummaryScreen
from tests.unit.history_factories import T0, hold_record

from .builders import TEST_SESSION, make_app

SIZE = (100, 30)
LEAD_IN = 5


def app_for(tmp_path, clock):
    return make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))


async def advance(pilot, clock: FakeClock, seconds: float) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, RunScreen)
    clock.advance(seconds)
    screen.tick()
    await pilot.pause()


async def summary_of(pilot, clock) -> SummaryScreen:
    await advance(pilot, clock, 1000)
    await pilot.pause()
    assert isinstance(pilot.app.screen, SummaryScreen)
    return pilot.app.screen


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_the_stop_dialog_counts_holds_by_outcome(tmp_path):
    clock = FakeClock()
    app = app_for(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, LEAD_IN + 10)
        await pilot.press("d")  # form broke 10 s into set 1
        await advance(pilot, clock, 20 + 4)  # the rest, then 4 s into set 2
        await pilot.press("q")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert dialog.detail == (
            "Saved so far: 1 hold ended early. "
            "The wall sit in progress (4 s) will be saved as stopped."
        )
        await pilot.press("y")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert shown(summary, "#summary-title").endswith("· stopped")
        assert "1 hold ended early, 1 stopped" in shown(summary, "#totals")
        outcomes = [hold.outcome.value for hold in app.history.run_holds(summary.recorder.run_id)]
        assert outcomes == ["ended_early", "stopped"]


async def test_a_run_with_a_set_ended_early_is_partial(tmp_path):
    clock = FakeClock()
    app = app_for(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, LEAD_IN + 10)
        await pilot.press("d")
        summary = await summary_of(pilot, clock)
        assert shown(summary, "#summary-title") == "Test holds · beginner · partial"
        assert "3 holds held to the end, 1 ended early" in shown(summary, "#totals")


async def test_a_run_stopped_in_the_get_ready_is_not_a_session(tmp_path):
    clock = FakeClock()
    app = app_for(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 2)
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert shown(summary, "#summary-title") == "Test holds · beginner · not a session"
        assert shown(summary, "#totals").startswith("No hold lasted a second")
        assert "complete" not in shown(summary, "#summary-title")
        assert app.history.sessions() == [] and app.history.run_count() == 0


async def test_the_summary_celebrates_a_new_personal_best(tmp_path):
    clock = FakeClock()
    app = app_for(tmp_path, clock)
    # A best from another session counts: bests are per exercise and side across sessions.
    app.history.import_holds(
        [hold_record(run_id="old", at=T0.replace(day=1), target_s=25, session="finisher")]
    )
    async with app.run_test(size=SIZE) as pilot:
        summary = await summary_of(pilot, clock)
        bests = [str(best.render()) for best in summary.query(".new-best").results(Static)]
        assert bests == ["★ New best: Wall sit 30 s, up from 25 s"]
