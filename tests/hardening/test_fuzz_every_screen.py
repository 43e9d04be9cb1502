"""Random key sequences on every screen (hypothesis): no key, in any order, crashes the app.

Each example opens the app on one screen, then plays keys (the palette's
Ctrl+P and PageUp among them) and jumps of the fake clock. The budget is fixed
(``ISOTIMER_KEY_FUZZ_EXAMPLES`` per screen, 4 by default) and the seed is printed,
``ISOTIMER_KEY_FUZZ_SEED`` replays one.
"""

from __future__ import annotations

import asyncio
import os
import random
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Level
from isotimer.storage.history.store import HistoryStore
from isotimer.ui.screens.run import RunScreen
from tests.ui.builders import TEST_SESSION, make_app
from tests.unit.history_factories import hold_record

# A fixed seed in CI, so its budget is the same sequences every run; a new one locally.
SEED = int(os.environ.get("ISOTIMER_KEY_FUZZ_SEED") or (0 if os.environ.get("CI") else
                                                       random.randrange(2**32)))  # fmt: skip
EXAMPLES = int(os.environ.get("ISOTIMER_KEY_FUZZ_EXAMPLES", "4"))
KEYS = ["ctrl+p", "pageup", "pagedown", "home", "end", "up", "down", "left", "right", "tab",
        "shift+tab", "enter", "escape", "space", "backspace", "delete", "question_mark", "q",
        "y", "n", "d", "b", "h", "s", "l", "p", "r", "e", "m", "plus", "minus", "slash", "1",
        "7", "a", "x", "ctrl+e", "ctrl+n", "ctrl+d", "ctrl+s", "ctrl+z", "ctrl+c"]  # fmt: skip
# How each example reaches its screen from the picker (or straight into a run).
OPENERS = {
    "picker": (None, []),
    "run": (TEST_SESSION, []),
    "summary": (TEST_SESSION, [1000.0]),
    "history": (None, ["h"]),
    "settings": (None, ["s"]),
    "editor": (None, ["ctrl+n"]),
    "help": (None, ["question_mark"]),
    "palette": (None, ["ctrl+p"]),
    "stop-dialog": (TEST_SESSION, [8.0, "q"]),
}
steps = st.lists(
    st.sampled_from(KEYS) | st.floats(min_value=0.0, max_value=40.0), min_size=5, max_size=40
)


def seeded_history(folder: Path) -> None:
    with HistoryStore.open(folder / "data" / "history.sqlite3") as store:
        store.import_holds(hold_record(id=f"old-{n}", held_s=20 + n) for n in range(6))


async def play(opener: str, actions: list[str | float]) -> None:
    start, path = OPENERS[opener]
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as folder:
        seeded_history(Path(folder))
        app = make_app(Path(folder), clock=clock, start=(start, Level.BEGINNER) if start else None)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for action in [*path, *actions]:
                if app.return_code is not None:  # the app was told to exit
                    break
                if isinstance(action, float):
                    clock.advance(action)
                    if isinstance(app.screen, RunScreen):
                        app.screen.tick()
                else:
                    await pilot.press(action)
                await pilot.pause()
        app.history.close()


@pytest.mark.parametrize("opener", list(OPENERS))
def test_no_key_sequence_crashes_any_screen(opener):
    print(f"key fuzz seed {SEED} (replay: ISOTIMER_KEY_FUZZ_SEED={SEED})", file=sys.stderr)

    @seed(SEED)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(steps)
    def fuzz(actions):
        asyncio.run(play(opener, actions))

    fuzz()
