"""The settings dialog as a picture, at the smallest supported terminal (80x24)."""

from __future__ import annotations

from textual.app import App

from isotimer.storage.settings import Settings
from isotimer.ui.screens.settings import SettingsScreen


class SettingsHost(App[None]):
    """Shows the dialog over an empty screen with default settings."""

    def on_mount(self) -> None:
        self.push_screen(SettingsScreen(Settings(), list(self.available_themes)))


def test_settings_dialog(snap_compare):
    assert snap_compare(SettingsHost(), terminal_size=(80, 24))


def test_settings_dialog_with_an_invalid_lead_in(snap_compare):
    async def break_lead_in(pilot) -> None:
        field = pilot.app.screen.query_one("#lead-in")
        field.focus()
        await pilot.press("end", "backspace", "9", "9", "9", "tab")

    assert snap_compare(SettingsHost(), terminal_size=(80, 24), run_before=break_lead_in)
