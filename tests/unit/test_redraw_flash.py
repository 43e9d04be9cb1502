"""The run screen wakes when a step's opening flash ends, not a second later."""

from __future__ import annotations

import pytest

from isotimer.core.run.engine import Engine
from isotimer.core.run.frames import next_redraw_in
from isotimer.core.session.plan import build_plan
from tests.unit.factories import hold, session


@pytest.mark.parametrize(("elapsed", "flash", "expected"), [(0.1, 0.6, 0.5), (0.7, 0.6, 0.3)])
def test_the_flash_end_is_a_moment_to_redraw(elapsed, flash, expected):
    engine = Engine(build_plan(session(hold(seconds=30), lead_in=0)))
    engine.start(0.0)
    snapshot = engine.update(elapsed)
    assert next_redraw_in(snapshot, pacer=False, flash_s=flash) == pytest.approx(expected + 0.002)
