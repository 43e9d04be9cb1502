"""The picker's new, edit, duplicate and delete keys, through to the files on disk."""

from __future__ import annotations

from isotimer.paths import Paths
from isotimer.storage.sessions.catalog import load_catalog
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.editor import EditorScreen
from isotimer.ui.screens.picker import PickerScreen

from .builders import make_app

SIZE = (100, 30)


def real_app(tmp_path):
    """The app over the bundled sessions, so edit and delete work on real files."""
    return make_app(tmp_path, catalog_=load_catalog(Paths(tmp_path / "data")))


async def save(pilot) -> None:
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_ctrl_n_makes_a_new_session_that_the_picker_then_lists(tmp_path):
    app = real_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        await save(pilot)
        assert isinstance(app.screen, PickerScreen)
        saved = list(app.paths.user_sessions.glob("*.toml"))
        assert [path.stem for path in saved] == ["my-session"]
        assert "my-session" in [entry.key for entry in app.screen.shown]


async def test_ctrl_e_on_a_bundled_session_saves_your_own_copy_under_its_id(tmp_path):
    app = real_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("7")  # Recovery day
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert "own copy" in app.screen.title_text
        await save(pilot)
        assert (app.paths.user_sessions / "recovery-day.toml").is_file()
        assert app.catalog.sessions["recovery-day"].source.startswith(str(app.paths.data_dir))


async def test_ctrl_d_duplicates_as_a_new_file(tmp_path):
    app = real_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("7", "ctrl+d")
        await pilot.pause()
        await save(pilot)
        assert app.catalog.find("Recovery day (copy)").id != "recovery-day"


async def test_delete_removes_your_own_session_after_asking(tmp_path):
    app = real_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await save(pilot)
        picker = app.screen
        picker.action_pick([e.key for e in picker.shown].index("my-session") + 1)
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert not (app.paths.user_sessions / "my-session.toml").exists()
        assert "my-session" not in app.catalog.sessions


async def test_delete_refuses_a_bundled_session(tmp_path):
    app = real_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("7", "delete")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert "recovery-day" in app.catalog.sessions
