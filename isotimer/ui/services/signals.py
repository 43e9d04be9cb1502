"""What a real terminal does to the app: closing it (SIGHUP), ``kill`` (SIGTERM, SIGINT), Ctrl+Z.

Decisions:

* SIGHUP (the terminal window closed, ssh dropped), SIGTERM and SIGINT cut
  the run off: the hold in progress is saved, the run is left to be resumed
  next time, then the app exits through Textual's own shutdown, which puts
  the terminal back (alternate screen, raw mode, mouse tracking) when it is
  still there, as after ``kill -HUP``. Without a handler the process would
  die with that hold unsaved. Should the event loop never get to the handler,
  or Textual's shutdown block on a terminal that is gone, a watchdog ends the
  process regardless, after the save.
* SIGTSTP (Ctrl+Z, or ``kill -TSTP``) pauses the session at the moment of
  suspension, as Space would: a hold cannot go on while its timer is frozen
  in the background, and after ``fg`` the countdown shows exactly what was
  left. The runner presses Space to carry on. Textual's own handler still
  does the suspending; this one only notes the time around it.

Handlers are installed for a real terminal only (never in headless tests) and
taken out again when the app unmounts.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable
from contextlib import suppress

from isotimer.core.clock import Clock

# Closing the terminal, ``kill`` and ``kill -INT``; by name since Windows has no SIGHUP.
ENDING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM", "SIGINT") if hasattr(signal, name)
)
EXIT_DEADLINE_S = 5.0


class TerminalSignals:
    """Routes the ending signals to ``on_end(signum)`` and suspension to ``on_resumed(at)``.

    ``on_resumed`` gets the monotonic time at which the process was suspended,
    and runs on the event loop once the process is back in the foreground.
    """

    def __init__(
        self,
        clock: Clock,
        on_end: Callable[[int], None],
        on_resumed: Callable[[float], None],
    ) -> None:
        self.clock = clock
        self.on_end = on_end
        self.on_resumed = on_resumed
        self._loop: asyncio.AbstractEventLoop | None = None
        self._previous: dict[int, object] = {}

    def install(self) -> None:
        """Call from the running app (after Textual's driver set its own handlers)."""
        if not hasattr(signal, "SIGTSTP"):  # Windows
            return
        self._loop = asyncio.get_running_loop()
        for signum in ENDING_SIGNALS:
            # Textual's web driver ends the app on SIGINT and SIGTERM from the loop,
            # which would skip saving the hold in progress: this handler replaces it.
            self._loop.remove_signal_handler(signum)
            self._previous[signum] = signal.signal(signum, self._ending)
        self._previous[signal.SIGTSTP] = signal.signal(signal.SIGTSTP, self._suspend)

    def remove(self) -> None:
        """Put back the handlers ``install`` replaced."""
        for signum, previous in self._previous.items():
            with suppress(TypeError, ValueError):
                signal.signal(signum, previous)  # type: ignore[arg-type]
        self._previous.clear()
        self._loop = None

    def _ending(self, signum: int, frame: object) -> None:
        # Signal handlers run wherever the main thread happens to be: hand over to the loop.
        watchdog = threading.Timer(EXIT_DEADLINE_S, os._exit, (128 + signum,))
        watchdog.daemon = True
        watchdog.start()
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self.on_end, signum)

    def _suspend(self, signum: int, frame: object) -> None:
        # A signal handler may run in the middle of any code, the engine's too:
        # only note the time here and let the loop apply the pause afterwards.
        at = self.clock.monotonic()
        previous = self._previous.get(signal.SIGTSTP)
        if callable(previous):
            previous(signum, frame)  # Textual leaves the screen and stops the process here
        else:
            os.kill(os.getpid(), signal.SIGSTOP)
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self.on_resumed, at)
