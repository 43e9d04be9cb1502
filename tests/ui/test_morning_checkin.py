"""The morning check-in in the app: asked once on a later day, per side, skippable."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, RadioButton

from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Level
from isotimer.paths import Paths
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.today import todays_suggestions
from isotimer.ui.screens.checkin import CheckinScreen
from isotimer.ui.screens.picker import PickerScreen
from tests.ui.builders import TEST_SESSION, make_app
from tests.unit.history_factories import T0, hold_record

SIZE = (100, 30)


def yesterday(tmp_path, pain: int | None = 3, sides: bool = True) -> str:
    """Two clean runs of TEST_SESSION, the latest yesterday with a pain rating."""
    holds = []
    for day, run_id in ((-2, "before"), (-1, "yesterday")):
        at = T0 + timedelta(days=day)
        for side in ("left", "right") if sides else ("none",):
            holds.append(
                hold_record(run_id=run_id, at=at, exercise="side-plank", side=side,
                            target_s=20, session="test-holds", pain=pain)
            )  # fmt: skip
    with HistoryStore.open(Paths(data_dir=tmp_path / "data").history_file) as store:
        store.import_holds(holds)
    return "yesterday"


async def test_the_check_in_asks_per_side_and_a_worse_side_eases_only_that_side(tmp_path):
    run_id = yesterday(tmp_path)
    app = make_app(tmp_path, clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckinScreen)
        assert screen.due.run.id == run_id and screen.due.sides == ("left", "right")
        screen.query_one("#left-worse", RadioButton).value = True
        screen.query_one("#pain-left", Input).value = "4"
        screen.query_one("#right-same", RadioButton).value = True
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        saved = {(c.run_id, c.side, c.compared, c.pain) for c in app.history.checkins()}
        assert saved == {(run_id, "left", "worse", 4), (run_id, "right", "same", None)}
        found = todays_suggestions(app.history, TEST_SESSION, Level.BEGINNER)
        assert found["side-plank:left"].reason == (
            "-5 s: your left side was worse the morning after"
        )
        assert found["side-plank:right"].target_s == 25  # two clean runs: +5 s
    again = make_app(tmp_path, clock=FakeClock())
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, PickerScreen)  # asked once only


async def test_a_skipped_check_in_is_not_asked_again(tmp_path):
    yesterday(tmp_path, sides=False)
    app = make_app(tmp_path, clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert app.screen.due.sides == ("none",)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        [skipped] = app.history.checkins()
        assert skipped.skipped
    again = make_app(tmp_path, clock=FakeClock())
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, PickerScreen)


async def test_no_check_in_the_same_day_or_after_an_unrated_time_session(tmp_path):
    yesterday(tmp_path, pain=None)
    app = make_app(tmp_path, clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
    same_day = make_app(tmp_path, clock=FakeClock(wall=T0 - timedelta(days=1, hours=-2)))
    async with same_day.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(same_day.screen, PickerScreen)
