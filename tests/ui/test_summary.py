"""The summary: holds as they went, an optional rating, unsaved holds, and the way out."""

from __future__ import annotations

import json

from textual.widgets import Static

from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Level
from isotimer.ui.screens.picker import PickerScreen
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.screens.summary import SummaryScreen
from tests.ui.notices import Notices

from .builders import TEST_SESSION, WALL_SIT, catalog, make_app, session

SIZE = (100, 30)


async def finish_run(pilot, clock: FakeClock, seconds: float = 1000) -> SummaryScreen:
    run = pilot.app.screen
    assert isinstance(run, RunScreen)
    clock.advance(seconds)
    run.tick()
    await pilot.pause()
    await pilot.pause()
    summary = pilot.app.screen
    assert isinstance(summary, SummaryScreen)
    return summary


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_summary_lists_each_hold_and_time_under_tension(tmp_path, clock):
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=SIZE) as pilot:
        summary = await finish_run(pilot, clock)
        assert "1:40 under tension of 1:40 planned" in text_of(summary, "#totals")
        assert "4 holds held to the end" in text_of(summary, "#totals")
        assert "Every hold is saved" in text_of(summary, "#saved")
        assert summary.focused is None or summary.focused.id not in ("effort", "pain", "note")


async def test_q_on_the_summary_quits_with_status_zero(tmp_path, clock):
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=SIZE) as pilot:
        await finish_run(pilot, clock)
        await pilot.press("q")
    assert app.return_code == 0


async def test_pain_is_rated_per_side_and_saved_on_the_holds_it_applies_to(tmp_path, clock):
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=SIZE) as pilot:
        summary = await finish_run(pilot, clock)
        assert summary.sides == ("left", "right")
        assert not summary.query("#pain") and summary.query("#pain-left")
        await pilot.press("tab", "7", "tab", "2", "tab", "6", "tab", *"knee ok", "enter")
        await pilot.pause()
        assert summary.rated
        run = app.history.runs()[0]
        assert (run.effort, run.pain, run.note) == (7, 6, "knee ok")
        pains = {(h.exercise, h.side, h.pain) for h in app.history.run_holds(run.id)}
        # The right side's 6 holds back only the right side; a hold on no side takes the worse.
        assert pains == {
            ("wall-sit", "none", 6),
            ("side-plank", "left", 2),
            ("side-plank", "right", 6),
        }
        assert {(h.side, h.pain) for h in summary.recorder.records} == {
            ("none", 6), ("left", 2), ("right", 6)
        }  # fmt: skip
        # Back out of the fields, then q still quits.
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_session_without_sides_rates_pain_once(tmp_path, clock):
    one_sided = session("legs", "Legs", WALL_SIT, lead_in=5)
    app = make_app(
        tmp_path, clock=clock, catalog_=catalog(one_sided), start=(one_sided, Level.BEGINNER)
    )
    async with app.run_test(size=SIZE) as pilot:
        summary = await finish_run(pilot, clock)
        assert summary.sides == ("none",) and summary.query("#pain")
        await pilot.press("tab", "7", "tab", "2", "enter")
        await pilot.pause()
        run = app.history.runs()[0]
        assert (run.effort, run.pain) == (7, 2)
        assert {h.pain for h in app.history.run_holds(run.id)} == {2}
        await pilot.press("escape", "q")


async def test_an_out_of_range_rating_is_refused_but_never_blocks_quitting(tmp_path, clock):
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=SIZE) as pilot:
        summary = await finish_run(pilot, clock)
        await pilot.press("tab", "9", "9", "enter")
        await pilot.pause()
        assert not summary.rated
        await pilot.press("escape", "q")
    assert app.return_code == 0
    assert app.history.runs()[0].effort is None


async def test_a_typed_rating_is_kept_on_leaving_without_enter(tmp_path, clock):
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=SIZE) as pilot:
        await finish_run(pilot, clock)
        await pilot.press("tab", "8", "escape", "q")
    assert app.history.runs()[0].effort == 8


async def test_unsaved_holds_are_offered_for_export(tmp_path, clock):
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER), history=False)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
        summary = await finish_run(pilot, clock)
        summary.export_dirs = (tmp_path / "missing", tmp_path)
        assert "4 holds are not saved" in text_of(summary, "#saved")
        await pilot.press("e")
        await pilot.pause()
        [exported] = tmp_path.glob("isotimer-unsaved-*.json")
        data = json.loads(exported.read_text())
        holds = data["holds"] if isinstance(data, dict) else data
        assert len(holds) == 4
        assert str(exported) in [m.split(" to ")[-1] for m in notices.messages][-1]


async def test_export_is_offered_only_when_something_is_unsaved(tmp_path, clock):
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=SIZE) as pilot:
        summary = await finish_run(pilot, clock)
        assert summary.check_action("export", ()) is False


async def test_after_a_run_from_the_picker_enter_leads_back_to_it(tmp_path, clock):
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "enter")
        await pilot.pause()
        await finish_run(pilot, clock)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("4", "enter")
        await pilot.pause()
        await finish_run(pilot, clock)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
    assert len(app.history.runs()) == 2


async def test_after_a_direct_run_enter_exits(tmp_path, clock):
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=SIZE) as pilot:
        await finish_run(pilot, clock)
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 0


async def test_after_a_stopped_run_from_the_picker_enter_leads_back_to_it(tmp_path, clock):
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "enter")
        await pilot.pause()
        clock.advance(7)
        app.screen.tick()
        await pilot.press("q", "y")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("q")
    assert app.return_code == 0
