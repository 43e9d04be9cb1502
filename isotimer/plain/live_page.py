"""``run --plain --share``: the live page for a run that has no full-screen app.

The page's buttons arrive on the server's thread; they go through a pipe that
the loop's wait for keys also watches, so a press on the phone wakes the loop
at once, even while it is paused. They are turned into keys (space, ``d``) on
the loop's own thread, against the run as it stands then: a second Pause is
nothing, a Resume while the stop question is open is refused, an End hold
meant for a hold that is over is dropped. While it waits, the loop publishes
the state every ``HEARTBEAT_S``, as the app does.
"""

from __future__ import annotations

import os
import select
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from isotimer.core.clock import Clock
from isotimer.core.run.engine import Engine
from isotimer.plain.keys import Keys
from isotimer.plain.runner import PlainRun
from isotimer.web.live_server import LiveServer
from isotimer.web.publisher import HEARTBEAT_S, RunPublisher
from isotimer.web.qr import qr_lines

ASKING = "isotimer is asking whether to stop the session; answer there"


class ShareUnavailable(Exception):
    """The live page cannot listen where it was asked to: the run does not start."""


class PageKeys:
    """The terminal's keys (if any) and the page's buttons, read as one stream of keys."""

    def __init__(self, inner: Keys, share: PlainShare) -> None:
        self.inner = inner
        self.share = share

    def read(self, timeout: float | None) -> str:
        """Keys from the page and the terminal within ``timeout`` (None: until there are some)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            if time.monotonic() - self.share.published_at >= HEARTBEAT_S:
                self.share.publish()
            left = HEARTBEAT_S if deadline is None else deadline - time.monotonic()
            pressed = self._read_once(max(0.0, min(left, HEARTBEAT_S)))
            if pressed or (deadline is not None and time.monotonic() >= deadline):
                return pressed

    def _read_once(self, timeout: float) -> str:
        pipe = self.share.commands
        watched = [pipe]
        terminal = getattr(self.inner, "fileno", None)
        if terminal is not None:
            watched.append(terminal())
        ready, _, _ = select.select(watched, [], [], timeout)
        pressed = ""
        if pipe in ready:
            pressed += self.share.keys_for(os.read(pipe, 256).decode().split())
        if terminal is not None and terminal() in ready:
            pressed += self.inner.read(0)
        return pressed


class PlainShare:
    """The live server of one plain run: started on entry, closed on the way out."""

    def __init__(
        self, host: str, port: int, write: Callable[[str], None], log_file: Path | None = None
    ) -> None:
        self.commands, self._write_end = os.pipe()
        self.server = LiveServer(host=host, port=port, on_command=self._pressed, log_file=log_file)
        self.write = write
        self.run: PlainRun | None = None
        self.publisher: RunPublisher | None = None

    def __enter__(self) -> PlainShare:
        try:
            url = self.server.start()
        except OSError as error:
            self.__exit__(None, None, None)
            where = f"{self.server.host}:{self.server.port}"
            cause = error.__cause__ or error
            reason = getattr(cause, "strerror", None) or str(cause)
            raise ShareUnavailable(
                f"the live page cannot listen on {where}: {reason}. "
                "--host takes one of this computer's addresses, or 0.0.0.0 for all of them."
            ) from error
        for line in qr_lines(url):
            self.write(line)
        self.write(f"Live page: {url}")
        for other in self.server.addresses[1:]:
            self.write(f"Also at: {self.server.url_at(other)}")
        if len(self.server.addresses) > 1:
            self.write("(--host ADDRESS puts another address in the code)")
        if self.server.access.local_only:
            self.write(
                "Only this computer can open it; --host 0.0.0.0 lets a phone on your network."
            )
        else:
            self.write("Anyone on your network with this address can follow and pause this run.")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.publish()  # the end card, for a run cut short by a signal or Ctrl+C
        self.server.close()
        os.close(self.commands)
        os.close(self._write_end)

    def keys(self, inner: Keys) -> PageKeys:
        """``inner``'s keys with the page's buttons mixed in."""
        return PageKeys(inner, self)

    def follow(self, engine: Engine, clock: Clock, muted: Callable[[], bool]) -> None:
        """Publish every change of ``engine``'s run, as the app does."""
        self.publisher = RunPublisher(self.server, clock, muted=muted, held=self._held)
        self.publisher.follow(engine)

    def _held(self) -> str | None:
        return ASKING if self.run is not None and self.run.asking else None

    @property
    def published_at(self) -> float:
        """When the state was last sent (``time.monotonic``), 0 before the run."""
        return self.publisher.published_at if self.publisher is not None else 0.0

    def publish(self) -> None:
        """Send the run's state now: the heartbeat between changes."""
        if self.publisher is not None:
            self.publisher.publish()

    def keys_for(self, names: list[str]) -> str:
        """The keys the page's commands stand for, against the run as it stands now."""
        if self.publisher is None or self.publisher.engine is None:
            return ""
        engine = self.publisher.engine
        paused = engine.paused
        index = engine.snapshot(self.publisher.clock.monotonic()).index
        keys = ""
        for word in names:
            name, _, step = word.partition("@")
            if name == "pause" and not paused:
                keys, paused = keys + " ", True
            elif name == "resume" and paused and not (self.run and self.run.asking):
                keys, paused = keys + " ", False
            elif name == "end-hold" and not paused and step == str(index):
                keys += "d"
        return keys

    def _pressed(self, name: str) -> None:
        step = self.server.published_index  # what the page saw when it pressed
        os.write(self._write_end, f"{name}@{step} ".encode())
