"""The app's side of the live page: ``w`` in a run, ``--share`` and the share setting."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App

from isotimer.ui.services.run_guard import RunGuard
from isotimer.ui.services.state import AppState

if TYPE_CHECKING:
    from isotimer.core.run.engine import Engine
    from isotimer.ui.services.live_link import LiveLink

NETWORK_HOST = "0.0.0.0"  # "my network" in settings: every address of this computer
HELD = "a dialog is open in isotimer: close it there to go on"


class LiveSharing:
    """Starts the live server on demand and follows each run; the run screen's ``w``.

    The server (and aiohttp with it) is only imported and started when sharing
    is asked for, so start-up pays nothing for it.
    """

    def __init__(
        self,
        app: App[Any],
        state: AppState,
        *,
        share: tuple[str, int] | None,
        guard: RunGuard,
    ) -> None:
        self.app = app
        self.state = state
        self.share_at = share  # --share's address, which wins over the setting
        self.run_screen = guard.run_screen
        self.live: LiveLink | None = None

    def _address(self) -> tuple[str, int] | None:
        """Where to listen: the command line's choice, else the setting's, else nowhere."""
        if self.share_at is not None:
            return self.share_at
        choice = self.state.settings.share
        if choice == "off":
            return None
        return (NETWORK_HOST if choice == "my-network" else "127.0.0.1", 0)

    def _live_link(self, address: tuple[str, int]) -> LiveLink | None:
        """The running link, started on ``address`` the first time; None if it cannot listen."""
        if self.live is None:
            from isotimer.ui.services.live_link import LiveLink

            host, port = address
            self.live = LiveLink(
                self.app,
                self.state.clock,
                host=host,
                port=port,
                muted=lambda: self.state.announcer.muted,
                held=self._held,
                cue_every_s=self.state.settings.cue_rotation_s,
                log_file=self.state.paths.live_page_log,
            )
        try:
            self.live.start()
        except OSError as error:
            self.app.notify(
                f"The live page could not start: {error}", title="Share", severity="error"
            )
            return None
        return self.live

    def follow(self, engine: Engine) -> bool:
        """Publish a run that is starting, when sharing is on; True when it is.

        A run shared only with ``w`` does not make the next one public: that
        one is shared when ``w`` is pressed in it, with a new token.
        """
        address = self._address()
        link = self._live_link(address) if address is not None else None
        if link is None:
            return False
        link.follow(engine)
        return True

    def _held(self) -> str | None:
        """Why the page cannot resume now: a screen is open over the run (or None)."""
        run = self.run_screen()
        if run is None or self.app.screen is run:
            return None
        return HELD

    def share(self, engine: Engine | None = None) -> None:
        """Start sharing if need be, follow ``engine`` and show the address and code."""
        from isotimer.ui.screens.share import ShareScreen

        link = self._live_link(self._address() or ("127.0.0.1", 0))
        if link is None:
            return
        if engine is not None:
            link.follow(engine)
        self.app.push_screen(ShareScreen(link.url, link.local_only, link.others))

    def page_command(self, name: str) -> None:
        """A button pressed on the page, run like the key it stands for."""
        run = self.run_screen()
        if run is None or run.engine.finished:
            return
        if name == "resume" and self._held() is not None:
            if self.live is not None:
                self.live.publish()  # the page learns why at once
        elif name == "resume" and run.engine.paused:
            run.action_resume()
        elif name == "pause" and not run.engine.paused:
            run.action_pause()
        elif name == "end-hold":
            run.action_end_hold()

    def close(self) -> None:
        """Close the live page's server, if the run was shared."""
        if self.live is not None:
            self.live.close()
