"""Terminal changes on the pilot: resizing mid-hold, and Ctrl+Z as the app sees it."""

from __future__ import annotations

from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Level
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.widgets.countdown import Countdown
from tests.ui.builders import TEST_SESSION, make_app

LEAD_IN = 5
SIZES = [(200, 60), (160, 48), (120, 40), (80, 24), (60, 20), (40, 12), (80, 24), (200, 60)]


async def test_resizing_through_every_size_mid_hold_keeps_time_and_state(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, RunScreen)
        clock.advance(LEAD_IN + 3)
        screen.tick()
        for n, size in enumerate(SIZES, start=1):
            await pilot.resize_terminal(*size)
            clock.advance(1)
            screen.tick()
            await pilot.pause()
            assert app.screen is screen
            assert screen.query_one(Countdown).text == f"0:{30 - 3 - n:02d}"
        assert screen.recorder.records == []  # still the first hold, nothing cut short


async def test_a_suspension_pauses_the_hold_at_the_moment_it_began(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        clock.advance(LEAD_IN + 10)
        screen.tick()
        suspended_at = clock.monotonic()
        clock.advance(45)  # stopped in the background, longer than the hold had left
        app.guard.pause_running(suspended_at)  # what TerminalSignals does after fg
        await pilot.pause()
        snapshot = screen.engine.snapshot(clock.monotonic())
        assert snapshot.paused and snapshot.remaining_s == 20
        assert screen.recorder.records == []
        await pilot.press("space")
        clock.advance(20)
        screen.tick()
        await pilot.pause()
        [hold] = screen.recorder.records
        assert hold.held_s == 30 and hold.completed
