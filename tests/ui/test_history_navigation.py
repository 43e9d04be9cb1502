"""The history is one key away from the picker and from the summary."""

from __future__ import annotations

from isotimer.ui.screens.history import HistoryScreen
from isotimer.ui.screens.picker import PickerScreen
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.screens.summary import SummaryScreen

from .builders import make_app

SIZE = (100, 30)


async def test_h_on_the_picker_opens_the_history_and_escape_comes_back(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)


async def test_h_on_the_summary_shows_the_hold_just_done(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("4", "enter")  # Test holds
        await pilot.pause()
        run = app.screen
        assert isinstance(run, RunScreen)
        run.engine.skip(app.clock.monotonic())  # past the lead-in
        app.clock.advance(12)
        await pilot.press("d", "q", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.history.count() == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
