"""A run that ends while the app is on its way out still mounts a summary without NoMatches."""

from __future__ import annotations

from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Level
from tests.ui.builders import TEST_SESSION, make_app


async def test_a_run_ending_as_the_app_exits_raises_nothing(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=(100, 30)) as pilot:
        run = app.screen
        clock.advance(1000)
        app.exit()
        run.tick()
        await pilot.pause()
    assert app.return_code in (0, None)
