"""Pictures of the run screen in each state at the common sizes, reviewed by eye as PNGs.

Every run is driven by a fake clock, so each picture is the same on every machine.
"""

from __future__ import annotations

import pytest

from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Level
from isotimer.storage.settings import Settings
from tests.ui.builders import TEST_SESSION, make_app

LEAD_IN = 5
SIZES = {"80x24": (80, 24), "100x30": (100, 30)}
# Seconds from the start, then keys: each state of the run screen worth a picture.
STATES = {
    "hold": (LEAD_IN + 1.5, ()),
    "rest": (LEAD_IN + 30 + 6, ()),
    "paused": (LEAD_IN + 13.5, ("space",)),
    "muted": (LEAD_IN + 13.5, ("m",)),
    "help-over-paused": (LEAD_IN + 13.5, ("space", "question_mark")),
}


def driver(clock: FakeClock, seconds: float, keys: tuple[str, ...]):
    """A ``run_before`` that moves the clock, ticks the run screen, then presses ``keys``."""

    async def drive(pilot) -> None:
        await pilot.pause()
        clock.advance(seconds)
        pilot.app.screen.tick()
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return drive


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("state", STATES)
def test_run_screen(snap_compare, tmp_path, state, size):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    seconds, keys = STATES[state]
    assert snap_compare(app, terminal_size=SIZES[size], run_before=driver(clock, seconds, keys))


@pytest.mark.parametrize("state", STATES)
def test_run_screen_in_the_light_theme(snap_compare, tmp_path, state):
    clock = FakeClock()
    settings = Settings(theme="textual-light")
    app = make_app(tmp_path, clock=clock, settings=settings, start=(TEST_SESSION, Level.BEGINNER))
    seconds, keys = STATES[state]
    assert snap_compare(app, terminal_size=SIZES["80x24"], run_before=driver(clock, seconds, keys))
