"""Random keys and random waits against a running session: no crash, no hold recorded twice."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Level
from isotimer.ui.screens.run import RunScreen
from tests.ui.builders import TEST_SESSION, make_app

pytestmark = pytest.mark.timeout(300)  # hundreds of key sequences on a live app

KEYS = ["space", "d", "n", "b", "plus", "minus", "m", "q", "y", "n", "escape", "enter",
        "question_mark", "tab", "r", "e", "1"]  # fmt: skip
actions = st.lists(
    st.sampled_from(KEYS) | st.floats(min_value=0.0, max_value=25.0), min_size=5, max_size=40
)


async def play(steps: list[str | float]) -> None:
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as folder:
        app = make_app(Path(folder), clock=clock, start=(TEST_SESSION, Level.BEGINNER))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            recorder = app.screen.recorder
            for step in steps:
                if app.return_code is not None:  # the app has been told to exit
                    break
                if isinstance(step, float):
                    clock.advance(step)
                    if isinstance(app.screen, RunScreen):
                        app.screen.tick()
                else:
                    await pilot.press(step)
                await pilot.pause()
            saved = app.history.run_holds(recorder.run_id)
            ids = [hold.id for hold in recorder.records]
            assert len(ids) == len(set(ids))
            assert sorted(hold.id for hold in saved) == sorted(ids)
            assert all(0 <= hold.held_s <= hold.target_s for hold in saved)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions)
def test_random_keys_never_crash_the_app_or_record_a_hold_twice(steps):
    asyncio.run(play(steps))
