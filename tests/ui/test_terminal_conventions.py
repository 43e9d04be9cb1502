"""Screenshots saved where the user's files live, NO_COLOR readable in words, ANSI themes."""

from __future__ import annotations

import stat
from pathlib import Path

from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Level
from isotimer.paths import Paths
from isotimer.storage.settings import Settings
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.screens.settings import SettingsScreen
from isotimer.ui.widgets.phase_banner import PhaseBanner

from .builders import TEST_SESSION, make_app, sent_notices

SIZE = (100, 30)


async def test_a_screenshot_goes_to_the_data_folder_and_says_where(tmp_path, monkeypatch):
    sent = sent_notices(monkeypatch)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        saved = app.deliver_screenshot()
        await pilot.pause()
        folder = app.paths.data_dir / "screenshots"
        assert saved is not None and saved.startswith(str(folder))
        assert [path.suffix for path in folder.iterdir()] == [".svg"]
        assert stat.S_IMODE(Path(saved).stat().st_mode) == 0o600  # as every file written
        assert f"Saved {saved}" in [notice.message for notice in sent]


async def test_a_screenshot_folder_from_the_command_line_is_used(tmp_path):
    app = make_app(tmp_path)
    app.paths = Paths(tmp_path / "data", screenshots=tmp_path / "shots")
    async with app.run_test(size=SIZE) as pilot:
        app.deliver_screenshot()
        await pilot.pause()
        assert len(list((tmp_path / "shots").glob("*.svg"))) == 1


async def test_a_failed_screenshot_says_why_and_where(tmp_path, monkeypatch):
    sent = sent_notices(monkeypatch)
    app = make_app(tmp_path)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    app.paths = Paths(tmp_path / "data", screenshots=blocked)
    async with app.run_test(size=SIZE) as pilot:
        assert app.deliver_screenshot() is None
        await pilot.pause()
        [message] = [n.message for n in sent if n.message.startswith("Screenshot not saved")]
        assert str(blocked) in message and "File exists" in message


async def test_no_color_shows_state_in_words(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    assert app.no_color
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen)
        assert screen.query_one(PhaseBanner).words == "GET READY"
        await pilot.press("space")
        assert screen.query_one(PhaseBanner).words == "PAUSED"
        await pilot.press("m")
        assert "sound muted" in str(screen.query_one("#run-title").render())


async def test_settings_offer_the_ansi_themes_and_apply_them(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.on_picker_screen_settings_requested()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        assert {"ansi-dark", "ansi-light"} <= set(screen.themes)
        screen.dismiss(Settings(theme="ansi-dark"))  # what Save on the screen returns
        await pilot.pause()
        assert app.theme == "ansi-dark" and app.current_theme.ansi
