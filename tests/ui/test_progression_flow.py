"""Today's targets: shown in the picker, applied when progression is on, named on the run screen."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from isotimer.core.session.model import Exercise
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.settings import load_settings
from isotimer.ui.screens.picker import PickerScreen
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.widgets.step_heading import StepHeading
from tests.unit.history_factories import T0, hold_record, run_record

from .builders import CALF, catalog, make_app, session
from .test_picker import preview_text

SIZE = (100, 30)
CALF_ONLY = session("calves", "Calves", CALF, lead_in=5)


def two_good_runs(tmp_path) -> None:
    """Two runs in which every calf raise hold reached its 30 s target."""
    with HistoryStore.open(tmp_path / "data" / "history.sqlite3") as store:
        for day in (0, 2):
            run_id = f"run-{day}"
            at = T0 + timedelta(days=day)
            store.begin_run(run_record(run_id, at, session="calves"))
            store.add_hold(
                hold_record(
                    run_id=run_id, at=at, exercise="calf-raise-hold", target_s=30, session="calves"
                )
            )


async def test_picker_shows_todays_target_with_its_reason(tmp_path):
    two_good_runs(tmp_path)
    app = make_app(tmp_path, catalog_=catalog(CALF_ONLY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = preview_text(app.screen)
        assert "today 35 s" in text
        assert "+5 s: you held 30 s on every set in your last two runs" in text
        assert "Progression off" in text
        assert app.screen.selected.plan.hold_steps[0].seconds == 30


async def test_p_turns_progression_on_saves_it_and_the_run_uses_todays_target(tmp_path):
    two_good_runs(tmp_path)
    app = make_app(tmp_path, catalog_=catalog(CALF_ONLY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert load_settings(app.paths.settings_file)[0].progression == ("calves",)
        assert isinstance(app.screen, PickerScreen)
        assert app.screen.selected.plan.hold_steps[0].seconds == 35
        await pilot.press("enter")
        await pilot.pause()
        run = app.screen
        assert isinstance(run, RunScreen)
        assert run.plan.hold_steps[0].seconds == 35
        run.engine.skip(app.clock.monotonic())
        run.tick()
        await pilot.pause()
        details = run.query_one(StepHeading).query_one("#details").render()
        assert "today's target 35 s (+5 s)" in str(details)


async def test_p_again_turns_progression_off(tmp_path):
    two_good_runs(tmp_path)
    app = make_app(tmp_path, catalog_=catalog(CALF_ONLY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p", "p")
        await pilot.pause()
        assert load_settings(app.paths.settings_file)[0].progression == ()
        assert app.screen.selected.plan.hold_steps[0].seconds == 30


async def test_no_history_means_no_target_lines(tmp_path):
    app = make_app(tmp_path, catalog_=catalog(CALF_ONLY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "today" not in preview_text(app.screen)


async def test_at_the_cap_the_harder_variation_is_offered_and_x_swaps_it_in(tmp_path):
    capped = replace(CALF, max_s=30, harder_id="one-leg-calf")
    harder = Exercise("one-leg-calf", "One-leg calf raise hold", 15, 30, per_side=True)
    calves = session("calves", "Calves", capped, lead_in=5)
    two_good_runs(tmp_path)
    shelf = replace(catalog(calves), library={"one-leg-calf": harder})
    app = make_app(tmp_path, catalog_=shelf)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = preview_text(app.screen)
        assert "At the 30 s cap: next step is One-leg calf raise hold at 15 s" in text
        assert "Today's swap, on offer (x to take it): One-leg calf raise hold for Calf" in text
        assert app.screen.selected.plan.hold_steps[0].seconds == 30  # never more time
        await pilot.press("x")
        await pilot.pause()
        steps = app.screen.selected.plan.hold_steps
        assert [(s.hold.exercise, s.side.value, s.seconds) for s in steps] == [
            ("one-leg-calf", "left", 15),
            ("one-leg-calf", "right", 15),
        ]
        assert "Today's swap, taken (x to put it back)" in preview_text(app.screen)
        await pilot.press("enter")
        await pilot.pause()
        run = app.screen
        assert isinstance(run, RunScreen)
        assert run.plan.session.id == "calves"
        assert run.plan.hold_steps[0].hold.name == "One-leg calf raise hold"
