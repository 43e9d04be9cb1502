"""The picker and the sessions folder: files made or edited while it is open, and Enter."""

from __future__ import annotations

import os

from textual.message import Message

from isotimer.paths import Paths
from isotimer.storage.sessions.catalog import SessionFolders, load_catalog
from isotimer.ui.app import IsoTimerApp
from isotimer.ui.screens.picker import PickerScreen
from isotimer.ui.screens.run import RunScreen
from tests.ui.notices import Notices

from .builders import make_app

SIZE = (100, 30)


def session_file(name: str, seconds: int) -> str:
    return f'name = "{name}"\nlead_in = 1\n\n[[hold]]\nname = "Wall sit"\nseconds = {seconds}\n'


def watching_app(tmp_path) -> tuple[IsoTimerApp, Paths]:
    """The app over the real folders: its picker watches them as the real app's does."""
    paths = Paths(data_dir=tmp_path / "data")
    paths.user_sessions.mkdir(parents=True, exist_ok=True)
    (paths.user_sessions / "mine.toml").write_text(session_file("Mine", 5))
    app = make_app(tmp_path, catalog_=load_catalog(paths))
    return app, paths


def keys(picker: PickerScreen) -> list[str]:
    return [entry.key for entry in picker.shown]


def test_the_stamp_moves_when_a_session_file_is_made_edited_or_removed(tmp_path):
    paths = Paths(data_dir=tmp_path / "data")
    folders = SessionFolders(paths)
    first = folders.stamp()
    assert folders.stamp() == first  # nothing changed: nothing to read again
    paths.user_sessions.mkdir(parents=True)
    mine = paths.user_sessions / "mine.toml"
    mine.write_text(session_file("Mine", 5))
    made = folders.stamp()
    assert made != first
    mine.write_text(session_file("Mine", 7))
    os.utime(mine, ns=(1, 1))  # same size, another time
    assert folders.stamp() != made
    mine.unlink()
    assert folders.stamp() == first


async def test_a_session_made_on_disk_while_the_picker_is_open_is_listed(tmp_path):
    app, paths = watching_app(tmp_path)
    reloaded: list[Message] = []
    async with app.run_test(size=SIZE, message_hook=reloaded.append) as pilot:
        await pilot.pause()
        picker = app.picker
        assert "made-later" not in keys(picker)
        (paths.user_sessions / "made-later.toml").write_text(session_file("Made later", 5))
        await pilot.press("question_mark", "escape")  # back from a dialog: the picker looks
        await pilot.pause()
        assert "made-later" in keys(picker)
        assert picker.catalog.sessions["made-later"].name == "Made later"
        # The app is told, once (the hook sees the message at the screen, then the app).
        told = {id(m): m for m in reloaded if isinstance(m, PickerScreen.CatalogReloaded)}
        assert [m.catalog for m in told.values()] == [picker.catalog]
        assert app.catalog is picker.catalog  # what the app's services read is the new one


async def test_enter_runs_a_session_file_as_it_is_now_after_an_edit(tmp_path):
    app, paths = watching_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"mine")
        assert keys(app.picker) == ["mine"]
        (paths.user_sessions / "mine.toml").write_text(session_file("Mine", 47))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert [step.seconds for step in app.screen.plan.hold_steps] == [47]


async def test_enter_on_a_session_deleted_on_disk_starts_nothing_and_says_so(tmp_path):
    app, paths = watching_app(tmp_path)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
        await pilot.press(*"mine", "escape")
        (paths.user_sessions / "mine.toml").unlink()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen) and keys(app.picker) == []
        assert "Mine was deleted or no longer loads: nothing started." in notices.messages


async def test_enter_on_a_session_broken_on_disk_starts_nothing(tmp_path):
    app, paths = watching_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"mine", "escape", "escape")  # the filter empty, Mine highlighted
        assert app.picker.selected is not None and app.picker.selected.key == "mine"
        (paths.user_sessions / "mine.toml").write_text('name = "Mine"\n[[hold]]\nseconds = "x"\n')
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert any(key.startswith("broken:") for key in keys(app.picker))
