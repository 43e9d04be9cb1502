"""A red flag in the app: the summary says it as the pain is rated, the picker under the hold."""

from __future__ import annotations

from datetime import timedelta

import pytest

from isotimer.core.session.model import Level
from isotimer.storage.history.store import HistoryStore
from tests.ui.notices import Notices
from tests.unit.history_factories import T0, hold_record, run_record

from .builders import CALF, WALL_SIT, catalog, make_app, session
from .test_picker import preview_text
from .test_summary import finish_run

SIZE = (100, 30)


@pytest.mark.parametrize(("pain", "flagged"), [("6", False), ("7", True)])
async def test_the_summary_says_a_pain_of_7_is_a_red_flag(tmp_path, clock, pain, flagged):
    legs = session("legs", "Legs", WALL_SIT, lead_in=5)
    notices = Notices()
    app = make_app(tmp_path, clock=clock, catalog_=catalog(legs), start=(legs, Level.BEGINNER))
    async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
        await finish_run(pilot, clock)
        await pilot.press("tab", "5", "tab", pain, "enter")
        await pilot.pause()
        said = notices.text()
        assert ("Red flag: Wall sit: pain 7/10" in said) is flagged
        assert ("see a physio or doctor" in said) is flagged
        await pilot.press("escape", "q")


@pytest.mark.parametrize(("pain", "flagged"), [("4", False), ("5", True)])
async def test_the_summary_says_pain_rising_two_sessions_in_a_row_is_a_red_flag(
    tmp_path, clock, pain, flagged
):
    """Pain 2 then 4 on the wall sit in earlier runs: a 5 now is the third rise in a row."""
    legs = session("legs", "Legs", WALL_SIT, lead_in=5)
    today = clock.now()
    with HistoryStore.open(tmp_path / "data" / "history.sqlite3") as store:
        for days_ago, before in ((4, 2), (2, 4)):
            at = today - timedelta(days=days_ago)
            store.begin_run(run_record(f"run-{days_ago}", at, session="legs"))
            store.add_hold(
                hold_record(
                    run_id=f"run-{days_ago}", at=at, exercise="wall-sit", target_s=30,
                    session="legs", pain=before,
                )
            )  # fmt: skip
    notices = Notices()
    app = make_app(tmp_path, clock=clock, catalog_=catalog(legs), start=(legs, Level.BEGINNER))
    async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
        await finish_run(pilot, clock)
        await pilot.press("tab", "5", "tab", pain, "enter")
        for _ in range(20):
            await pilot.pause(0.05)
            if "Rating saved" in notices.text():
                break
        said = notices.text()
        assert "Rating saved in your history." in said
        assert ("pain rose two sessions in a row (2 → 4 → 5)" in said) is flagged
        assert ("see a physio or doctor" in said) is flagged
        await pilot.press("escape", "q")


async def test_the_picker_says_stop_loading_it_under_a_red_flagged_hold(tmp_path):
    calves = session("calves", "Calves", CALF, lead_in=5)
    with HistoryStore.open(tmp_path / "data" / "history.sqlite3") as store:
        for day, pain in ((0, 1), (2, 8)):
            at = T0 + timedelta(days=day)
            store.begin_run(run_record(f"run-{day}", at, session="calves"))
            store.add_hold(
                hold_record(
                    run_id=f"run-{day}", at=at, exercise="calf-raise-hold", target_s=30,
                    session="calves", pain=pain,
                )
            )  # fmt: skip
    app = make_app(tmp_path, catalog_=catalog(calves))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = preview_text(app.screen)
        assert "today 25 s" in text
        assert "red flag: pain 8/10" in text and "see a physio or doctor" in text
