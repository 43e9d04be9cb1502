"""Pictures of the run screen in each state at the common sizes, reviewed by eye as PNGs.

Every run is driven by a fake clock, so each picture is the same on every machine.
"""

from __future__ import annotations

import pytest

from isotimer.storage.settings import Settings

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


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("state", STATES)
def test_run_screen(snap_compare, run_app, driver, state, size):
    seconds, keys = STATES[state]
    assert snap_compare(run_app(), terminal_size=SIZES[size], run_before=driver(seconds, *keys))


@pytest.mark.parametrize("state", STATES)
def test_run_screen_in_the_light_theme(snap_compare, run_app, driver, state):
    app = run_app(settings=Settings(theme="textual-light"))
    seconds, keys = STATES[state]
    assert snap_compare(app, terminal_size=SIZES["80x24"], run_before=driver(seconds, *keys))
