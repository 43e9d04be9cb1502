"""Pictures of each screen, reviewed by eye before they were accepted.

Every run is driven by a fake clock, so each picture is the same on every machine.
"""

from __future__ import annotations

from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Level
from tests.ui.builders import TEST_SESSION, make_app

WIDE = (100, 30)
NARROW = (40, 12)
LEAD_IN = 5


def run_app(tmp_path, clock: FakeClock):
    return make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))


def driver(clock: FakeClock, seconds: float, *keys: str):
    """A ``run_before`` that moves the clock, ticks the run screen, then presses ``keys``."""

    async def drive(pilot) -> None:
        await pilot.pause()
        clock.advance(seconds)
        pilot.app.screen.tick()
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return drive


def test_picker(snap_compare, tmp_path):
    app = make_app(tmp_path)
    assert snap_compare(app, press=["4"], terminal_size=WIDE)


def test_summary_after_a_stop(snap_compare, tmp_path, clock):
    app = run_app(tmp_path, clock)
    run_before = driver(clock, LEAD_IN + 30 + 20 + 23, "q", "y")
    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)


def test_hold_in_a_narrow_terminal(snap_compare, tmp_path, clock):
    app = run_app(tmp_path, clock)
    assert snap_compare(app, terminal_size=NARROW, run_before=driver(clock, LEAD_IN + 1.5))


def test_picker_in_a_narrow_terminal(snap_compare, tmp_path):
    app = make_app(tmp_path)
    assert snap_compare(app, terminal_size=NARROW)
