"""The app's sound: what a run's announcer must do, and the real one built from the settings."""

from __future__ import annotations

from typing import Any, Protocol

from textual.app import App

from isotimer.core.clock import Clock
from isotimer.core.run.cues import Cue
from isotimer.core.run.tones import Tone
from isotimer.sound.announcer import Announcer, announcer_for
from isotimer.storage.settings import Settings
from isotimer.ui.services.probes import TimingLog


class Announcing(Protocol):
    """The announcer as the app uses it; tests hand in a fake that records instead."""

    muted: bool

    def prepare(self) -> None:
        """Get ready to play (the tones) before the first run needs them."""
        ...

    def play(self, cue: Cue | None, tone: Tone | None = None, due: float = 0.0) -> None:
        """Sound ``cue`` and ``tone``, due at ``due`` (engine time)."""
        ...

    def close(self) -> None:
        """Stop sounding and let go of the player."""
        ...


def make_announcer(
    app: App[Any], settings: Settings, clock: Clock, *, voice: bool, timing_log: TimingLog | None
) -> Announcer:
    """The real announcer for ``settings``; ``voice`` (``--voice``) speaks even when they do not.

    Its bell is the app's, and its problems (no player, no voice) are the
    app's notices, posted from the sound thread.
    """

    def notify(message: str) -> None:
        app.call_from_thread(app.notify, message, severity="warning", timeout=8)

    on_played = timing_log.tone if timing_log else None
    return announcer_for(
        settings, clock, bell=app.bell, notify=notify, voice=voice, on_played=on_played
    )
