"""No hold is lost: a locked disk, a full disk at the summary, a signal, a crash in a screen."""

from __future__ import annotations

import signal
import sqlite3
import time

import pytest
from textual.widgets import Static

from isotimer.core.clock import FakeClock
from isotimer.core.history.records import Outcome
from isotimer.core.session.model import Level
from isotimer.storage.history.errors import HistoryWriteError
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.history.write_thread import HistoryWriter
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.resume import ResumeScreen
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.screens.summary import SummaryScreen
from isotimer.ui.screens.unsaved import UnsavedScreen
from isotimer.ui.widgets.countdown import Countdown
from isotimer.ui.widgets.save_status import SaveStatus
from tests.ui.builders import TEST_SESSION, make_app

SIZE = (100, 30)
LEAD_IN, FIRST_HOLD, REST = 5, 30, 20
START = (TEST_SESSION, Level.BEGINNER)


async def tick(pilot, clock: FakeClock, seconds: float) -> float:
    """Move the clock, tick the run screen; returns the real seconds the tick took."""
    clock.advance(seconds)
    began = time.monotonic()
    if isinstance(pilot.app.screen, RunScreen):
        pilot.app.screen.tick()
    took = time.monotonic() - began
    await pilot.pause()
    return took


async def test_a_locked_history_never_stops_the_countdown(tmp_path):
    clock = FakeClock()
    writer = HistoryWriter()
    app = make_app(tmp_path, clock=clock, start=START, writer=writer)
    async with app.run_test(size=SIZE) as pilot:
        await tick(pilot, clock, 1)
        writer.wait(5)
        other = sqlite3.connect(app.history.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        try:
            took = await tick(pilot, clock, LEAD_IN + FIRST_HOLD)  # the first hold ends
            run = app.screen
            assert isinstance(run, RunScreen) and took < 0.5
            shown = run.query_one(Countdown).text
            took = await tick(pilot, clock, 5)
            assert took < 0.5 and run.query_one(Countdown).text != shown
            run.show_saving()
            status = run.query_one(SaveStatus)
            assert status.waiting == 1 and "Saving" in str(status.render())
            assert writer.busy
        finally:
            other.execute("COMMIT")
            other.close()
        assert writer.wait(10)
        run.show_saving()
        assert run.query_one(SaveStatus).waiting == 0
        assert app.history.count() == 1


class RefusingDisk:
    """Makes ``add_hold`` fail as a full disk does while ``full`` is set."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = True
        real = HistoryStore.add_hold

        def add_hold(store, hold):
            if self.full:
                raise HistoryWriteError("Cannot write the history: the disk is full.", store.path)
            return real(store, hold)

        monkeypatch.setattr(HistoryStore, "add_hold", add_hold)


async def unsaved_summary(pilot, clock) -> SummaryScreen:
    await tick(pilot, clock, 1000)
    summary = pilot.app.screen
    assert isinstance(summary, SummaryScreen) and len(summary.recorder.pending) == 4
    return summary


@pytest.mark.parametrize("key", ["enter", "q", "escape"])
async def test_leaving_a_summary_with_unsaved_holds_asks_first(tmp_path, monkeypatch, key):
    RefusingDisk(monkeypatch)
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=START)
    async with app.run_test(size=SIZE) as pilot:
        summary = await unsaved_summary(pilot, clock)
        await pilot.press(key)
        assert isinstance(app.screen, UnsavedScreen)
        await pilot.press("escape")  # back to the summary, holds still there
        assert app.screen is summary and app.return_code is None
        await pilot.press(key, "d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.screen is summary and app.return_code is None
        await pilot.press(key, "d", "y")
        await pilot.pause()
        assert app.return_code is not None or app.screen is not summary


async def test_ctrl_q_on_a_summary_with_unsaved_holds_asks_too(tmp_path, monkeypatch):
    RefusingDisk(monkeypatch)
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=START)
    async with app.run_test(size=SIZE) as pilot:
        await unsaved_summary(pilot, clock)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, UnsavedScreen) and app.return_code is None


async def test_exporting_on_the_way_out_writes_the_holds_then_leaves(tmp_path, monkeypatch):
    RefusingDisk(monkeypatch)
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=START)
    async with app.run_test(size=SIZE) as pilot:
        summary = await unsaved_summary(pilot, clock)
        summary.export_dirs = (tmp_path,)
        await pilot.press("q", "e")
        await pilot.pause()
    [exported] = tmp_path.glob("isotimer-unsaved-*.json")
    assert exported.read_text().count('"id"') == 4 and app.return_code == 0


async def test_retry_opens_a_history_that_could_not_be_opened_at_start(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=START, history=False)
    async with app.run_test(size=SIZE) as pilot:
        summary = await unsaved_summary(pilot, clock)  # the disk has room again by now
        await pilot.press("r")
        await pilot.pause()
        assert summary.recorder.pending == []
        assert "Every hold is saved" in str(summary.query_one("#saved", Static).render())
        await pilot.press("q")
    with HistoryStore.open(tmp_path / "data" / "history.sqlite3") as store:
        assert store.count() == 4


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
async def test_a_signal_saves_the_hold_in_progress_and_leaves_the_run_to_resume(tmp_path, signum):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=START)
    async with app.run_test(size=SIZE) as pilot:
        await tick(pilot, clock, LEAD_IN + 10)
        app.guard.ended_by_signal(signum)  # what TerminalSignals calls on the loop
        await pilot.pause()
    assert app.return_code == 128 + signum
    [hold] = app.history.holds()
    assert hold.held_s == 10 and not hold.completed
    [run] = app.history.runs()
    assert run.outcome is Outcome.IN_PROGRESS
    app.history.close()
    again = make_app(tmp_path, clock=clock)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ResumeScreen)


class Boom(RuntimeError):
    """A bug in a screen."""


async def test_a_crash_in_a_screen_saves_the_hold_in_progress_first(tmp_path, monkeypatch):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=START)
    with pytest.raises(Boom):
        async with app.run_test(size=SIZE) as pilot:
            await tick(pilot, clock, LEAD_IN + 12)

            def broken(self) -> None:
                raise Boom("a key handler fell over")

            monkeypatch.setattr(RunScreen, "action_mute", broken)
            clock.advance(1)
            await pilot.press("m")
    [hold] = app.history.holds()
    assert hold.held_s == 13 and not hold.completed
    assert app.history.runs()[0].outcome is Outcome.IN_PROGRESS


async def test_the_palette_cannot_open_over_a_live_run(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=START)
    async with app.run_test(size=SIZE) as pilot:
        await tick(pilot, clock, LEAD_IN + 2)
        await pilot.press("ctrl+p", "pageup", "pagedown", "pageup")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert not app.screen.engine.finished


async def test_a_quit_from_the_web_page_cuts_the_run_off_too(tmp_path):
    from textual import messages

    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=START)
    async with app.run_test(size=SIZE) as pilot:
        await tick(pilot, clock, LEAD_IN + 7)
        app.post_message(messages.ExitApp())  # what textual-serve's "quit" does
        await pilot.pause()
    [hold] = app.history.holds()
    assert hold.held_s == 7 and app.history.runs()[0].outcome is Outcome.IN_PROGRESS
