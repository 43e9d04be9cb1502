"""The warm-up switch in the settings dialog, and the app taking it up at once."""

from __future__ import annotations

from textual.widgets import Label, Switch

from isotimer.core.session.model import Block
from isotimer.storage.settings import Settings, load_settings
from isotimer.ui.screens.settings import SettingsScreen

from .builders import CALF, catalog, make_app, session
from .test_settings_screen import SIZE, Host

WARM = session("warm", "Warm", CALF, lead_in=5, warm_up=(Block("Easy bike", 300),))


async def test_the_warm_up_switch_comes_back_in_the_result():
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        switch = app.screen.query_one("#warm-up", Switch)
        assert switch.value is True
        switch.focus()
        await pilot.press("space")
        assert str(app.screen.query_one("#warm-up-state", Label).render()) == "off"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result == Settings(warm_up=False)


async def test_turning_warm_ups_off_saves_the_file_and_shortens_the_picker_times(tmp_path):
    app = make_app(tmp_path, catalog_=catalog(WARM))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.picker.plan_for(WARM).total_seconds == 335
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#warm-up", Switch).value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.picker.plan_for(WARM).total_seconds == 35
    assert load_settings(app.paths.settings_file)[0].warm_up is False
