"""The app gets its tones ready at start-up, before any run, and says at once when it cannot."""

from __future__ import annotations

from isotimer.core.clock import FakeClock
from isotimer.core.run.tones import Sound
from isotimer.paths import Paths
from isotimer.sound.player import NO_PLAYER
from isotimer.storage.settings import Settings
from isotimer.ui.app import IsoTimerApp
from isotimer.ui.screens.picker import PickerScreen

from .builders import catalog, make_app, sent_notices

SIZE = (100, 30)


def app_without_a_player(tmp_path, monkeypatch, sound: Sound) -> tuple[IsoTimerApp, list]:
    """The app with its real announcer, a PATH holding no audio player, and what it notifies."""
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    sent = sent_notices(monkeypatch)
    app = IsoTimerApp(
        catalog(), None, FakeClock(), Settings(sound=sound), paths=Paths(tmp_path / "data")
    )
    return app, sent


async def test_the_announcer_is_prepared_once_the_picker_is_drawn(tmp_path):
    app = make_app(tmp_path)
    assert not app.announcer.prepared
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen) and app.announcer.prepared


async def test_no_audio_player_is_said_on_the_picker_before_any_run(tmp_path, monkeypatch):
    app, sent = app_without_a_player(tmp_path, monkeypatch, Sound.TONES)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if sent:
                break
        assert [(notice.message, notice.severity) for notice in sent] == [(NO_PLAYER, "warning")]
        assert isinstance(app.screen, PickerScreen) and not app.announcer.tones_on


async def test_with_the_bell_chosen_no_player_is_looked_for(tmp_path, monkeypatch):
    app, sent = app_without_a_player(tmp_path, monkeypatch, Sound.BELL)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.3)
        assert sent == []
