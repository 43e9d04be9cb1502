"""The app's side of the live page: ``w`` in a run, ``--share`` and the share setting."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from isotimer.core.clock import Clock
    from isotimer.core.run.engine import Engine
    from isotimer.storage.settings import Settings
    from isotimer.ui.live_link import LiveLink, PageCommand

NETWORK_HOST = "0.0.0.0"  # "my network" in settings: every address of this computer


class LiveSharing:
    """Mixed into the app: starts the live server on demand and follows each run.

    The server (and aiohttp with it) is only imported and started when sharing
    is asked for, so start-up pays nothing for it. It relies on the app's
    ``clock``, ``settings``, ``announcer``, ``notify``, ``push_screen`` and
    ``_run_screen``.
    """

    clock: Clock
    settings: Settings
    share: tuple[str, int] | None
    live: LiveLink | None

    def _share_address(self) -> tuple[str, int] | None:
        """Where to listen: the command line's choice, else the setting's, else nowhere."""
        if self.share is not None:
            return self.share
        choice = self.settings.share
        if choice == "off":
            return None
        return (NETWORK_HOST if choice == "my-network" else "127.0.0.1", 0)

    def _live_link(self, address: tuple[str, int]) -> LiveLink | None:
        """The running link, started on ``address`` the first time; None if it cannot listen."""
        if self.live is None:
            from isotimer.ui.live_link import LiveLink

            host, port = address
            self.live = LiveLink(
                self,  # type: ignore[arg-type]
                self.clock,
                host=host,
                port=port,
                muted=lambda: bool(getattr(self.announcer, "muted", False)),  # type: ignore[attr-defined]
                cue_every_s=self.settings.cue_rotation_s,
            )
        try:
            self.live.start()
        except OSError as error:
            self.notify(  # type: ignore[attr-defined]
                f"The live page could not start: {error}", title="Share", severity="error"
            )
            return None
        return self.live

    def follow_live(self, engine: Engine) -> bool:
        """Publish a run that is starting, when sharing is on; True when it is."""
        address = self._share_address()
        link = self._live_link(address) if address is not None else self.live
        if link is None:
            return False
        link.follow(engine)
        return True

    def action_share(self) -> None:
        """``w`` during a run: start sharing if need be and show the address and code."""
        from isotimer.ui.screens.share import ShareScreen
        from isotimer.web.access import is_loopback

        run = self._run_screen()  # type: ignore[attr-defined]
        address = self._share_address() or ("127.0.0.1", 0)
        link = self._live_link(address)
        if link is None:
            return
        if run is not None:
            link.follow(run.engine)
        self.push_screen(ShareScreen(link.url, is_loopback(link.server.host)))  # type: ignore[attr-defined]

    def on_page_command(self, message: PageCommand) -> None:
        """A button pressed on the page, run like the key it stands for."""
        run = self._run_screen()  # type: ignore[attr-defined]
        name = message.name
        if run is None or run.engine.finished:
            return
        if name == "pause" and run.engine.paused:
            run.action_resume()
        elif name == "pause":
            run.action_pause()
        elif name == "end-hold":
            run.action_end_hold()

    def close_live(self) -> None:
        """Close the live page's server, if the run was shared."""
        if self.live is not None:
            self.live.close()
