"""``run --plain --share``: the live page for a run that has no full-screen app.

The page's buttons arrive on the server's thread; they are handed to the plain
loop as the keys they stand for (space, ``d``) through a pipe that the loop's
wait for keys also watches, so a press on the phone wakes the loop at once,
even while it is paused and waiting for the terminal.
"""

from __future__ import annotations

import os
import select
from collections.abc import Callable
from types import TracebackType

from isotimer.core.clock import Clock
from isotimer.core.run.engine import Engine
from isotimer.core.run.events import Event
from isotimer.plain.keys import Keys
from isotimer.web.live_server import LiveServer
from isotimer.web.qr import qr_lines
from isotimer.web.state import live_state

KEY_FOR = {"pause": " ", "end-hold": "d"}


class PageKeys:
    """The terminal's keys (if any) and the page's buttons, read as one stream of keys."""

    def __init__(self, inner: Keys, pipe: int) -> None:
        self.inner = inner
        self.pipe = pipe

    def read(self, timeout: float | None) -> str:
        """Keys from the page's pipe and the terminal, whichever arrive within ``timeout``."""
        watched = [self.pipe]
        terminal = getattr(self.inner, "fileno", None)
        if terminal is not None:
            watched.append(terminal())
        ready, _, _ = select.select(watched, [], [], timeout)
        pressed = ""
        if self.pipe in ready:
            pressed += os.read(self.pipe, 64).decode()
        if terminal is not None and terminal() in ready:
            pressed += self.inner.read(0)
        return pressed


class PlainShare:
    """The live server of one plain run: started on entry, closed on the way out."""

    def __init__(self, host: str, port: int, write: Callable[[str], None]) -> None:
        self._read_end, self._write_end = os.pipe()
        self.server = LiveServer(host=host, port=port, on_command=self._pressed)
        self.write = write

    def __enter__(self) -> PlainShare:
        url = self.server.start()
        for line in qr_lines(url):
            self.write(line)
        self.write(f"Live page: {url}")
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
        self.server.close()
        os.close(self._read_end)
        os.close(self._write_end)

    def keys(self, inner: Keys) -> PageKeys:
        """``inner``'s keys with the page's buttons mixed in."""
        return PageKeys(inner, self._read_end)

    def follow(self, engine: Engine, clock: Clock, muted: Callable[[], bool]) -> None:
        """Publish every change of ``engine``'s run, as the app does."""

        def publish(_event: Event | None = None) -> None:
            now = clock.monotonic()
            self.server.publish(
                live_state(engine.snapshot(now), engine.plan, at=now, muted=muted())
            )

        engine.subscribe(publish)

    def _pressed(self, name: str) -> None:
        key = KEY_FOR.get(name)
        if key is not None:
            os.write(self._write_end, key.encode())
