"""Between the app and the live page: publish each change of a run, carry its buttons back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.message import Message
from textual.timer import Timer

from isotimer.core.clock import Clock
from isotimer.core.run.engine import Engine
from isotimer.web.live_server import LiveServer
from isotimer.web.publisher import HEARTBEAT_S, RunPublisher


class PageCommand(Message):
    """A button pressed on the live page: ``pause``, ``resume`` or ``end-hold``."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class LiveLink:
    """One live server for the app's lifetime, following whichever run is on screen.

    Every engine event (a step starting, a pause, a rest changed) is pushed at
    once with the time left then, and every ``HEARTBEAT_S`` between them; the
    page counts down by itself in between. Each run after the first gets a new
    token. The page's buttons arrive on the server's thread and are posted to
    the app as a ``PageCommand`` (posting is thread-safe and never waits, so
    the page's request is answered at once), which runs them like the keys.
    """

    def __init__(
        self,
        app: App[Any],
        clock: Clock,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        muted: Callable[[], bool] = lambda: False,
        held: Callable[[], str | None] = lambda: None,
        cue_every_s: float = 8.0,
        log_file: Path | None = None,
    ) -> None:
        self.app = app
        self.server = LiveServer(
            host=host,
            port=port,
            on_command=self._from_page,
            clock=clock.monotonic,
            log_file=log_file,
        )
        self.publisher = RunPublisher(
            self.server, clock, muted=muted, held=held, cue_every_s=cue_every_s
        )
        self._timer: Timer | None = None
        self._started = False

    @property
    def url(self) -> str:
        """The address a browser opens to follow the run."""
        return self.server.url

    @property
    def others(self) -> list[str]:
        """This computer's other addresses a phone may reach the page by."""
        return self.server.addresses[1:]

    @property
    def local_only(self) -> bool:
        """True when only this computer can open the page."""
        return self.server.access.local_only

    def start(self) -> str:
        """Start serving (once) and return the page's URL; OSError if it cannot listen."""
        if not self._started:
            self.server.start()
            self._started = True
            self._timer = self.app.set_interval(HEARTBEAT_S, self.publish)
        return self.url

    def follow(self, engine: Engine) -> None:
        """Publish ``engine``'s run from now on; a new run replaces the last, with a new token."""
        self.publisher.follow(engine)

    def publish(self) -> None:
        """Send the current state of the followed run to every open page."""
        self.publisher.publish()

    def _from_page(self, name: str) -> None:
        self.app.post_message(PageCommand(name))

    def close(self) -> None:
        """Stop publishing and close the server if it was started; safe to call twice."""
        if self._timer is not None:
            self._timer.stop()
        if self._started:
            self.server.close()
