"""Random keys against a live session: the app never crashes and never records a hold twice."""

from __future__ import annotations

import asyncio
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from isotimer.core.model import Level
from isotimer.ui.screens.run import RunScreen
from tests.ui.builders import TEST_SESSION, make_app

KEYS = [
    "space", "d", "n", "b", "plus", "minus", "m", "q", "y", "n",
    "escape", "question_mark", "enter", "tab",
]  # fmt: skip
scripts = st.lists(st.tuples(st.sampled_from(KEYS), st.integers(0, 40)), min_size=1, max_size=30)


async def run_script(tmp_path, script: list[tuple[str, int]]) -> None:
    """Press each key, move the clock, tick; then check the app and its history."""
    app = make_app(tmp_path, start=(TEST_SESSION, Level.BEGINNER))
    recorders = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for key, seconds in script:
            await pilot.press(key)
            app.clock.advance(seconds)
            if isinstance(app.screen, RunScreen):
                recorders.append(app.screen.recorder)
                app.screen.tick()
            await pilot.pause()
            if app._exit:  # q on the summary quits: nothing more to press
                break
        assert app._exception is None and not app._exit_renderables
        holds = app.history.holds() if app.history is not None else []
    assert app._exception is None
    assert app.return_code in (None, 0)
    ids = [hold.id for hold in holds]
    assert len(ids) == len(set(ids))
    keys = Counter((h.run_id, h.round, h.set, h.exercise, h.side, h.started_at) for h in holds)
    assert max(keys.values(), default=1) == 1, keys
    for recorder in {id(r): r for r in recorders}.values():
        assert recorder.pending == []
        stored = [h.id for h in holds if h.run_id == recorder.run_id]
        assert sorted(stored) == sorted(r.id for r in recorder.records)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(script=scripts)
def test_random_keys_never_crash_or_record_a_hold_twice(script, tmp_path_factory):
    asyncio.run(run_script(tmp_path_factory.mktemp("keys"), script))
