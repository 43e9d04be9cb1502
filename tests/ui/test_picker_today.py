"""The picker with a programme at 80x24 and 40x12: the session due is in sight, whole."""

from __future__ import annotations

import pytest

from isotimer.ui.widgets.today_line import TodayLine

from .builders import make_app
from .test_programme_today import follow, line_text_of


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_the_session_due_is_shown_whole_and_t_starts_it(tmp_path, size):
    follow(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        line = " ".join(line_text_of(app.screen.query_one(TodayLine)).split())
        assert line == "Knee weeks · week 1 · session 1 of 2 · Knee tendon holds (t)"


async def test_choose_a_session_stays_beside_the_programme_at_80_by_24(tmp_path):
    follow(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert line_text_of(app.screen.query_one("#picker-title")) == "Choose a session"
