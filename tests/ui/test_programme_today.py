"""The picker's top line for a programme: what today holds, started with t, counted as its run."""

from __future__ import annotations

from datetime import date, timedelta

from isotimer.core.programme.schedule import status
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.programmes.follow import programme_runs
from isotimer.storage.programmes.loader import load_programme
from isotimer.storage.programmes.state import ProgrammeState, load_state, save_state
from isotimer.ui.screens.picker import PickerScreen
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.widgets.filter_line import FilterLine
from isotimer.ui.widgets.programme_weeks import ProgrammeWeeks
from isotimer.ui.widgets.today_line import TodayLine
from tests.unit.history_factories import T0, hold_record, run_record

from .builders import make_app
from .test_run_screen import advance

SIZE = (100, 30)
PROGRAMME = """name = "Knee weeks"
description = "Two a week."

[[phase]]
name = "Settle"
sessions = ["knee-tendon", "recovery-day"]
weeks = 2
effort = 60
seconds = 1.5
"""


def follow(tmp_path, start: date = date(2026, 1, 5)) -> None:
    folder = tmp_path / "data" / "programmes"
    folder.mkdir(parents=True)
    (folder / "knee-weeks.toml").write_text(PROGRAMME)
    save_state(tmp_path / "data" / "programme.toml", ProgrammeState("knee-weeks", start))


def line_text_of(widget) -> str:
    """The widget's text as drawn on screen."""
    lines = widget.render_lines(widget.region.reset_offset)
    return "\n".join(strip.text for strip in lines).strip()


def line_text(line: TodayLine) -> str:
    return line_text_of(line)


async def test_no_programme_keeps_the_usual_title(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one(TodayLine).display
        assert app.screen.query_one("#picker-title").display


async def test_shift_tab_to_the_top_line_ends_the_filter_so_t_starts_today_again(tmp_path):
    follow(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"kne")
        line = app.screen.query_one(FilterLine)
        assert line.filtering
        await pilot.press("shift+tab")  # the top line is the one before the list
        await pilot.pause()
        assert app.screen.query_one(TodayLine).has_focus and not line.filtering
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)


async def test_the_top_line_says_what_today_holds_and_t_runs_it_for_the_programme(tmp_path):
    follow(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = app.screen.query_one(TodayLine)
        assert line.display and app.screen.query_one("#picker-title").display
        assert line_text(line).startswith(
            "Knee weeks · week 1 · session 1 of 2 · Knee tendon holds"
        )
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen)
        hold = screen.engine.plan.hold_steps[0]
        assert (hold.seconds, hold.effort) == (45, 60)  # the phase's seconds scale and effort
        run_id = screen.recorder.run_id
        assert load_state(app.paths.programme_state).runs == (run_id,)
        await advance(pilot, app.clock, 5 + 45 + 1)
        assert app.history.run(run_id) is not None
    state = load_state(app.paths.programme_state)
    programme = load_programme(
        tmp_path / "data" / "programmes" / "knee-weeks.toml", ["knee-tendon", "recovery-day"]
    )
    now = status(programme, state.start, programme_runs(app.history, state.runs), date(2026, 1, 5))
    assert (now.done_this_week, now.due, now.next_session) == (1, False, "recovery-day")


async def test_enter_on_the_focused_top_line_starts_it_and_the_list_keeps_enter(tmp_path):
    follow(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one(TodayLine).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert app.screen.engine.plan.session.id == "knee-tendon"


async def test_before_the_start_nothing_starts(tmp_path):
    follow(tmp_path, start=date(2026, 1, 9))
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = app.screen.query_one(TodayLine)
        assert "starts on 2026-01-09" in line_text(line)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)


async def test_the_history_weeks_tab_shows_the_programme_weeks_done_against_planned(tmp_path):
    follow(tmp_path, start=date(2025, 12, 29))
    with HistoryStore.open(tmp_path / "data" / "history.sqlite3") as store:
        for n, day in enumerate((0, 3, 7), start=1):
            at = T0 + timedelta(days=day - 7)
            store.begin_run(run_record(f"knee-{n}", at, session="knee-tendon"))
            store.add_hold(hold_record(run_id=f"knee-{n}", at=at, session="knee-tendon"))
    state_file = tmp_path / "data" / "programme.toml"
    save_state(state_file, load_state(state_file).with_run("knee-1").with_run("knee-2"))
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.press("w")
        await pilot.pause()
        weeks = app.screen.query_one(ProgrammeWeeks)
        text = " ".join(line_text_of(weeks).split())
        assert "Knee weeks: sessions done against planned" in text
        assert "1 Mon 29 Dec 2025 1 Settle ●● 2 of 2" in text  # another year than the last week
        assert "2 Mon 5 Jan 1 Settle ○○ 0 of 2" in text  # knee-3 is not the programme's
