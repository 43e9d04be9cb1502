"""The history's words match the history: a run's ending is one word in the list and the detail."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from isotimer.storage.history.store import HistoryStore
from isotimer.ui.screens.run_detail import RunDetailScreen
from isotimer.ui.widgets.exercise_list import ExerciseList
from isotimer.ui.widgets.session_list import SessionList
from tests.ui.history_builders import review_store
from tests.ui.screen_text import screen_text
from tests.ui.test_history_screen import SIZE, Host, opened, settle, text
from tests.unit.history_factories import T0, hold_record


@pytest.fixture
def store(tmp_path):
    with review_store(tmp_path) as opened_store:
        yield opened_store


async def test_the_sessions_tab_calls_a_run_with_a_short_hold_partial_as_its_detail_does(store):
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        await settle(pilot, "s")
        table = screen.query_one(SessionList)
        words = {}
        for summary in screen.runs:
            holds = store.run_holds(summary.run.id)
            short = any(hold.held_s < hold.target_s for hold in holds)
            words[summary.run.id] = str(table.get_cell(summary.run.id, "ended"))
            assert words[summary.run.id] == ("partial" if short else "complete")
        assert set(words.values()) == {"partial", "complete"}
        await settle(pilot, "enter")  # the newest run's detail
        detail = app.screen
        assert isinstance(detail, RunDetailScreen)
        title = text(detail.query_one("#run-title"))
        assert title.endswith(f" · {words[detail.run.id]}")


async def test_the_progress_tab_keeps_each_side_of_a_long_name_and_every_header_whole(tmp_path):
    holds = [
        replace(
            hold_record(
                run_id=f"run-{day}",
                at=T0 + timedelta(days=day, minutes=n),
                exercise="side-plank-leg-raise",
                side=side,
                target_s=95.0,
                held_s=95.0 + day,
            ),
            exercise_name="Side plank with leg raise",
        )
        for day in range(3)
        for n, side in enumerate(("left", "right"))
    ]
    with HistoryStore.open(tmp_path / "history.sqlite3") as history:
        history.import_holds(holds)
        app = Host(history)
        async with app.run_test(size=SIZE) as pilot:
            screen = await opened(pilot)
            table = screen.query_one(ExerciseList)
            names = [str(table.get_row_at(n)[0]) for n in range(table.row_count)]
            assert len(names) == 2 and names[0] != names[1]
            assert names[0].endswith(" (left)") and names[1].endswith(" (right)")
            headers = [str(column.label) for column in table.columns.values()]
            # Last gives way before a name is cut: the facts below give the last hold.
            assert headers in (["Hold", "Best", "Last", "Trend"], ["Hold", "Best", "Trend"])
            lines = screen_text(app)
            header = next(line for line in lines if " Best " in line)
            assert "Trend" in header
