"""The countdown is the biggest thing on the run screen at every size, and one size per session."""

from __future__ import annotations

import pytest

from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Level
from isotimer.ui.screens.run.layout import plan_layout
from isotimer.ui.widgets.big_digits import BigDigits

from .builders import TEST_SESSION, make_app


@pytest.mark.parametrize(
    ("size", "rows_at_least", "columns_at_least"),
    [
        ((40, 12), 5, 26),
        ((80, 24), 9, 50),
        ((100, 30), 13, 70),
        ((200, 60), 30, 150),  # it uses the space, as termdown does
    ],
)
def test_the_digits_get_most_of_the_room(size, rows_at_least, columns_at_least):
    layout = plan_layout(*size, "0:30")
    assert layout.digits_rows >= rows_at_least
    assert layout.digits_columns >= columns_at_least


@pytest.mark.parametrize(
    ("size", "hidden"),
    [
        ((40, 12), {"progress", "details", "banner-tall", "title"}),
        ((80, 24), set()),
        ((100, 30), set()),
    ],
)
def test_the_least_important_parts_go_first(size, hidden):
    layout = plan_layout(*size, "0:30")
    assert {"pacer", "info"} <= layout.shown
    assert {"pacer", "info", "progress", "details", "banner-tall", "title"} - layout.shown == hidden


def test_a_longer_time_gets_smaller_digits_for_the_whole_session():
    assert plan_layout(80, 24, "10:00").scale < plan_layout(80, 24, "0:30").scale


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (100, 30), (200, 60)])
async def test_one_size_in_every_phase_and_the_biggest_thing_on_screen(tmp_path, size):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        run = app.screen
        seen: dict[str, int] = {}
        while run.engine.current is not None:
            kind = run.engine.current.kind.value
            digits = run.query_one(BigDigits)
            rows = str(digits.render()).count("\n") + 1
            seen.setdefault(kind, rows)
            assert rows == seen[kind] == next(iter(seen.values())), (kind, seen)
            others = [w.region.height for w in run.query("#run > *") if w.id != "countdown"]
            assert rows > max(others)
            await pilot.press("n")
        assert set(seen) == {"lead_in", "hold", "rest", "switch"}
