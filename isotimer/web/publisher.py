"""One run at a time, published to the live page: what the app and plain mode share.

Each run followed after the first gets a new token (a page of the last run
cannot watch or pause this one), a tally for its end card, and its state on
every engine event; ``publish`` is also the heartbeat the caller sends between
events, so a mute or an app-held pause reaches the page within seconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from isotimer.core.clock import Clock
from isotimer.core.run.engine import Engine
from isotimer.core.run.events import Event
from isotimer.web.live_server import LiveServer
from isotimer.web.state import RunTally, live_state

HEARTBEAT_S = 2.0  # a page that missed a push, or a mute, is right again within this


class RunPublisher:
    """Follows the run on screen and publishes its state to ``server``.

    Args:
        server: the live page's server.
        clock: the monotonic clock the run's engine is driven by.
        muted: whether the sound is muted now.
        held: why the app keeps the run paused now (a dialog open), or None.
        cue_every_s: how long each form cue stays up.
    """

    def __init__(
        self,
        server: LiveServer,
        clock: Clock,
        *,
        muted: Callable[[], bool] = lambda: False,
        held: Callable[[], str | None] = lambda: None,
        cue_every_s: float = 8.0,
    ) -> None:
        self.server = server
        self.clock = clock
        self.muted = muted
        self.held = held
        self.cue_every_s = cue_every_s
        self.engine: Engine | None = None
        self.published_at = 0.0
        self._tally = RunTally()

    def follow(self, engine: Engine) -> None:
        """Publish ``engine``'s run from now on; a run after the first gets a new token."""
        if engine is self.engine:
            return
        if self.engine is not None:
            self.server.renew()
        self.engine = engine
        self._tally = tally = RunTally()
        engine.subscribe(tally.on_event)
        engine.subscribe(self._on_event)
        self.publish()

    def _on_event(self, _event: Event) -> None:
        self.publish()

    def publish(self) -> None:
        """Send the followed run's state now (the heartbeat between its events)."""
        engine = self.engine
        if engine is None or not engine.started:
            return
        self.published_at = time.monotonic()
        now = self.clock.monotonic()
        state = live_state(
            engine.snapshot(now),
            engine.plan,
            at=now,
            muted=self.muted(),
            cue_every_s=self.cue_every_s,
            held=self.held(),
            tally=self._tally,
        )
        self.server.publish(state)
