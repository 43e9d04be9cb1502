"""The picker: filter as you type, numbers and Enter, the level, the palette, settings."""

from __future__ import annotations

import dataclasses

from textual import events
from textual.app import App
from textual.command import CommandList

from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Level
from isotimer.paths import Paths
from isotimer.storage.problems import Problem
from isotimer.storage.sessions.catalog import load_catalog
from isotimer.storage.settings import Settings, load_settings
from isotimer.ui.screens.help import HelpScreen
from isotimer.ui.screens.picker import PickerScreen, quick_start_hint
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.screens.settings import SettingsScreen
from isotimer.ui.widgets.filter_line import FilterLine
from isotimer.ui.widgets.key_bar import KeyBar
from isotimer.ui.widgets.session_preview import SessionPreview
from isotimer.ui.widgets.session_table import SessionTable
from tests.ui.notices import Notices

from .builders import catalog, make_app

SIZE = (100, 30)


def picker_of(app: App[object]) -> PickerScreen:
    screen = app.screen
    assert isinstance(screen, PickerScreen)
    return screen


def run_of(app: App[object]) -> RunScreen:
    screen = app.screen
    assert isinstance(screen, RunScreen)
    return screen


def rows(picker: PickerScreen) -> list[str]:
    return [entry.key for entry in picker.shown]


def preview_text(picker: PickerScreen) -> str:
    preview = picker.query_one(SessionPreview)
    lines = preview.render_lines(preview.region.reset_offset)
    return " ".join(" ".join(line.text for line in lines).split())


async def test_sessions_are_listed_by_name_with_the_first_highlighted(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        picker = picker_of(app)
        assert isinstance(picker, PickerScreen)
        assert rows(picker) == ["achilles", "knee-tendon", "recovery-day", "test-holds"]
        assert picker.selected is not None and picker.selected.key == "achilles"
        assert picker.query_one(SessionTable).row_count == 4


async def test_typing_filters_and_enter_starts_the_match(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k", "n", "e")
        picker = picker_of(app)
        assert picker.query_one(FilterLine).value == "kne"
        assert rows(picker) == ["knee-tendon"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert run_of(app).plan.session.id == "knee-tendon"


async def test_filter_matches_tags_too(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"rehab")
        assert rows(picker_of(app)) == ["achilles", "knee-tendon"]


async def test_filter_matches_the_holds_a_session_has(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"calf")  # "Calf raise hold", in three sessions
        assert rows(picker_of(app)) == ["achilles", "knee-tendon", "recovery-day"]
        await pilot.press("ctrl+u", *"side-plank")  # an exercise's id finds it too
        assert rows(picker_of(app)) == ["test-holds"]


async def test_escape_leaves_the_filter_then_clears_it(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "h", "o", "m", "e")
        picker = picker_of(app)
        assert len(rows(picker)) == 2
        await pilot.press("escape")
        assert not picker.query_one(FilterLine).filtering
        assert len(rows(picker)) == 2
        await pilot.press("escape")
        assert len(rows(picker)) == 4
        assert picker.query_one(FilterLine).value == ""


async def test_while_filtering_the_picker_keys_type_and_escape_gives_them_back(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        picker = picker_of(app)
        line = picker.query_one(FilterLine)
        await pilot.press("slash", "t", "h", "q", "1")
        assert line.value == "thq1" and line.filtering
        assert app.is_running and isinstance(app.screen, PickerScreen)
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"reco")
        assert line.value == "reco" and rows(picker) == ["recovery-day"]
        await pilot.press("escape", "l")  # l is the level key again
        assert line.value == "reco" and picker.level is Level.ADVANCED


async def test_the_keys_of_a_burst_apply_in_the_order_typed(tmp_path):
    """Sent in one go, each key meets the list the keys before it left.

    The filter reads every letter in order, Escape ends it before the number
    that follows, and that number picks from the two sessions the filter left.
    """
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        picker = picker_of(app)
        burst = [("slash", "/"), *((c, c) for c in "rehab"), ("escape", "\x1b"), ("2", "2")]
        for key, character in [*burst, ("enter", "\r")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert picker.query_one(FilterLine).value == "rehab"
        assert isinstance(app.screen, RunScreen)
        assert run_of(app).plan.session.id == "knee-tendon"


async def test_back_from_a_dialog_the_filter_is_done_and_the_picker_keys_are_back(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        picker = picker_of(app)
        line = picker.query_one(FilterLine)
        await pilot.press(*"knee", "ctrl+p")  # the command palette, opened while filtering
        await pilot.pause()
        assert app.screen is not picker
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is picker and not line.filtering and line.value == "knee"
        assert "Quit" in [hint.description for hint in picker.query_one(KeyBar).hints()]
        await pilot.press("l")
        assert picker.level is Level.ADVANCED and line.value == "knee"


async def test_ctrl_w_and_ctrl_u_delete_a_word_and_the_whole_filter(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        line = app.screen.query_one(FilterLine)
        await pilot.press(*"knee ", *"tend ", "ctrl+w")
        assert line.value == "knee "
        await pilot.press("ctrl+u")
        assert line.value == "" and line.filtering and len(rows(picker_of(app))) == 4


async def test_a_paste_on_the_list_filters_on_one_line(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        picker = picker_of(app)
        picker.query_one(SessionTable).post_message(events.Paste("knee\ntendon"))
        await pilot.pause()
        assert picker.query_one(FilterLine).value == "knee tendon"
        assert rows(picker) == ["knee-tendon"]


async def test_a_click_on_the_filter_starts_filtering_and_the_footer_says_so(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        picker = picker_of(app)
        await pilot.click(FilterLine)
        await pilot.pause()
        assert picker.query_one(FilterLine).filtering
        assert picker.query_one(SessionTable).has_focus  # keys still come by the list
        hints = [hint.description for hint in picker.query_one(KeyBar).hints()]
        assert hints == ["Start", "Done filtering"], hints
        await pilot.press("q")
        assert app.is_running and picker.query_one(FilterLine).value == "q"


async def test_a_number_then_enter_starts_that_session_in_two_presses(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert run_of(app).plan.session.id == "recovery-day"


async def test_recovery_day_takes_two_presses_in_the_bundled_library(tmp_path):
    bundled = load_catalog(Paths(data_dir=tmp_path / "data"))
    app = make_app(tmp_path, catalog_=bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        hint = quick_start_hint(picker_of(app).shown)
        number = hint.split("presses: ")[1][0]
        await pilot.press(number, "enter")
        await pilot.pause()
        assert run_of(app).plan.session.id == "recovery-day"


async def test_level_starts_from_settings_and_l_toggles_it(tmp_path):
    app = make_app(tmp_path, settings=Settings(level=Level.ADVANCED))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        picker = picker_of(app)
        assert picker.level is Level.ADVANCED
        await pilot.press("l")
        assert picker.level is Level.BEGINNER
        await pilot.press("l", "4", "enter")
        await pilot.pause()
        assert run_of(app).plan.level is Level.ADVANCED
        assert run_of(app).plan.hold_steps[0].seconds == 60


async def test_preview_shows_the_holds_time_and_equipment(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        text = preview_text(picker_of(app))
        assert "2:30 total · 4 holds" in text
        assert "Needs: wall, mat" in text
        assert "30 s x 2 sets" in text
        assert "each side" in text


async def test_a_session_that_failed_to_load_is_shown_with_its_problem(tmp_path):
    problem = Problem("/x/broken.toml", 4, "hold 1", "unknown exercise 'wal-sit'")
    app = make_app(tmp_path, catalog_=catalog(problems=[problem]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        picker = picker_of(app)
        assert rows(picker)[-1] == "broken:/x/broken.toml"
        await pilot.press("down", "down", "down", "down")
        await pilot.pause()
        assert "unknown exercise 'wal-sit'" in preview_text(picker)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is picker


async def test_command_palette_starts_a_session_by_name(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Recovery")
        for _ in range(200):  # the palette searches in a task: wait for its first hit
            await pilot.pause()
            if app.screen.query_one(CommandList).option_count:
                break
        await pilot.press("enter")
        for _ in range(10):
            await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert run_of(app).plan.session.id == "recovery-day"


async def test_q_quits_with_status_zero(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


async def test_help_lists_keys_and_the_two_press_start(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert "Recovery day in two presses: 3 then Enter." in help_screen.notes
        assert {b.description for b in help_screen.bindings} >= {"Start", "Level", "Quit"}


async def test_settings_are_saved_applied_and_used(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SettingsScreen)
        chosen = dataclasses.replace(
            dialog.settings, level=Level.ADVANCED, theme="textual-light", cue_rotation_s=5
        )
        dialog.dismiss(chosen)
        await pilot.pause()
        assert app.theme == "textual-light"
        assert picker_of(app).level is Level.ADVANCED
        assert app.settings.cue_rotation_s == 5
        saved, problems = load_settings(app.paths.settings_file)
        assert saved == chosen and problems == []


async def test_settings_problems_and_history_problem_are_notified(tmp_path):
    app = make_app(
        tmp_path,
        settings_problems=["settings.toml:2: bad level; using the default (beginner)"],
        history_problem="The history file is damaged.",
        history=False,
    )
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
        await pilot.pause()
        messages = notices.messages
        assert messages == [
            "settings.toml:2: bad level; using the default (beginner)",
            "The history file is damaged.",
        ]


async def test_back_from_a_run_keys_go_to_the_list_so_q_quits(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k", "n", "e", "enter")
        await pilot.pause()
        clock.advance(1000)
        run_of(app).tick()
        await pilot.pause()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        picker = picker_of(app)
        assert isinstance(picker, PickerScreen)
        assert picker.focused is picker.query_one(SessionTable)
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_number_and_enter_typed_in_one_burst_start_that_session(tmp_path):
    """Two presses, however fast: Enter waits behind the number typed before it."""
    from textual import events

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.post_message(events.Key("3", "3"))
        app.post_message(events.Key("enter", "\r"))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert run_of(app).plan.session.id == "recovery-day"
