"""The settings as the app keeps them: the settings screen, the picker's progression key, and
what a change does (saved to the file, the theme, the announcer rebuilt)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from textual.app import App

from isotimer.core.session.model import Session
from isotimer.sound.announcer import Announcer
from isotimer.storage.settings import Settings, save_settings
from isotimer.ui.services.sound import make_announcer
from isotimer.ui.services.state import AppState


class SettingsKeeper:
    """Saves each change of settings and applies it; ``changed`` then refreshes the picker.

    An announcer the app was handed (a test's fake) is kept as it is; one the
    app built is rebuilt for the new settings, still muted if it was.
    """

    def __init__(
        self,
        app: App[Any],
        state: AppState,
        *,
        own_announcer: bool,
        changed: Callable[[], None],
    ) -> None:
        self.app = app
        self.state = state
        self.clock = state.clock
        self.paths = state.paths
        self.own_announcer = own_announcer
        self.voice = state.voice
        self.timing_log = state.timing_log
        self.changed = changed

    def make_announcer(self) -> Announcer:
        """The real announcer for the settings now."""
        settings = self.state.settings
        return make_announcer(
            self.app, settings, self.clock, voice=self.voice, timing_log=self.timing_log
        )

    def apply_theme(self) -> None:
        """Show the settings' theme, if Textual knows it."""
        if self.state.settings.theme in self.app.available_themes:
            self.app.theme = self.state.settings.theme

    def ask(self) -> None:
        """Open the settings screen; what it gives back is saved and applied."""
        from isotimer.ui.screens.settings import SettingsScreen

        screen = SettingsScreen(self.state.settings, sorted(self.app.available_themes))
        self.app.push_screen(screen, self.chosen)

    def toggle_progression(self, session: Session, enabled: bool) -> None:
        """Turn progression on or off for ``session``, and say so."""
        ids = set(self.state.settings.progression) ^ {session.id}
        self.chosen(replace(self.state.settings, progression=tuple(sorted(ids))))
        state = "on: it runs at today's targets" if enabled else "off"
        self.app.notify(f"Progression for {session.name} is {state}.", timeout=4)

    def chosen(self, settings: Settings | None) -> None:
        """Save ``settings`` (None: nothing changed) and apply them; unsaved, still used."""
        if settings is None:
            return
        try:
            save_settings(self.paths.settings_file, settings)
        except OSError as error:
            self.app.notify(
                f"Settings not saved ({error.strerror or error}); used for now only.",
                severity="error",
            )
        self.state.settings = settings
        self.apply_theme()
        if self.own_announcer:
            muted = self.state.announcer.muted
            self.state.announcer.close()
            self.state.announcer = self.make_announcer()
            self.state.announcer.muted = muted
            self.state.announcer.prepare()
        self.changed()
