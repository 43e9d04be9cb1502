"""The settings dialog driven by the pilot: edits come back as a Settings, bad input blocks save."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input, Select, Static, Switch

from isotimer.core.run.tones import Sound
from isotimer.core.session.model import Level
from isotimer.storage.settings import Settings
from isotimer.ui.screens.settings import SettingsScreen

SIZE = (80, 24)
UNSET = object()


class Host(App[None]):
    """Opens the dialog at once and keeps whatever it is dismissed with."""

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.start = settings or Settings()
        self.result: object = UNSET

    def on_mount(self) -> None:
        self.push_screen(SettingsScreen(self.start, list(self.available_themes)), self.keep)

    def keep(self, result: Settings | None) -> None:
        self.result = result


async def type_into(pilot, selector: str, text: str) -> None:
    """Replace an input's text the way a person would: focus, clear, type."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    await pilot.press("end", *["backspace"] * len(field.value), *text)


async def test_saving_untouched_returns_the_same_settings():
    app = Host(Settings(voice_program="say", theme="nord"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result == Settings(voice_program="say", theme="nord")


async def test_every_field_edit_comes_back_in_the_result():
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.query_one("#level", Select).focus()
        await pilot.press("enter", "down", "enter")
        await type_into(pilot, "#lead-in", "12.5")
        await type_into(pilot, "#cue-rotation", "20")
        screen.query_one("#sound", Select).value = Sound.BELL
        await type_into(pilot, "#volume", "40")
        screen.query_one("#voice", Switch).focus()
        await pilot.press("space")
        screen.query_one("#theme", Select).value = "nord"
        await pilot.press("ctrl+s")  # the Save button may be below the fold of a full dialog
        await pilot.pause()
    assert app.result == Settings(
        level=Level.ADVANCED,
        lead_in=12.5,
        cue_rotation_s=20.0,
        sound=Sound.BELL,
        volume=40,
        voice=True,
        theme="nord",
    )


async def test_an_invalid_lead_in_shows_why_and_blocks_save_until_fixed():
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "#lead-in", "700")
        await pilot.press("ctrl+s")
        await pilot.pause()
        note = app.screen.query_one("#lead-in-note", Static)
        assert app.result is UNSET
        assert isinstance(app.screen, SettingsScreen)
        assert "from 0 to 600" in str(note.render())
        assert note.has_class("-error")
        await type_into(pilot, "#lead-in", "7")
        assert not note.has_class("-error")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result == Settings(lead_in=7.0)


async def test_an_empty_number_is_invalid_too():
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "#cue-rotation", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result is UNSET
        assert app.focused is app.screen.query_one("#cue-rotation", Input)


async def test_escape_cancels_and_puts_the_previewed_theme_back():
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        before = app.theme
        app.screen.query_one("#theme", Select).value = "nord"
        await pilot.pause()
        assert app.theme == "nord", "the theme is previewed as it is chosen"
        await pilot.press("escape")
        await pilot.pause()
        assert app.theme == before
    assert app.result is None


async def test_voice_program_says_when_no_program_is_found(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    app = Host(Settings(voice=True))
    async with app.run_test(size=SIZE) as pilot:
        note = app.screen.query_one("#voice-program-note", Static)
        assert "not found" in str(note.render())
        assert note.has_class("-warning")
        await pilot.click("#voice")
        assert str(note.render()) == "voice is off"
        assert app.screen.query_one("#voice-program", Select).disabled
