"""The plain-mode loop: wake at each deadline, say what changed, act on single keys.

The loop keeps no time of its own. Each pass asks the engine what the clock's
monotonic time means, says any new line, then waits for a key no longer than
until the countdown next shows another whole second, so every line lands on
its deadline however long a key or a slow terminal took.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Callable, Iterable, Iterator
from types import FrameType

from isotimer.core.clock import Clock
from isotimer.core.run.engine import Engine, Snapshot
from isotimer.core.run.events import Event
from isotimer.core.run.frames import LATE_S, until_next_second
from isotimer.plain.keys import Keys
from isotimer.plain.narration import event_line, time_held_mark, time_left_mark

STOP_QUESTION = "Stop the session? y: stop (what you held is saved), any other key: keep going"
NOT_HOLDING = "Not holding: d ends a hold early when form breaks."
NOT_RESTING = "+ and - change the time of a rest."
ENTER = ("\r", "\n")


class Interrupted(Exception):
    """The terminal closed or the process was told to end: stop, saving the hold in progress."""


class PlainRun:
    """One session run as lines of text, driven by ``keys`` and ``clock``.

    Args:
        engine: the session's engine, with the recorder already subscribed.
        clock: the monotonic clock every engine call is given.
        keys: where key presses come from (a terminal, or none).
        write: prints one line.
        toggle_mute: flips the sound, returning True when now muted.
    """

    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        keys: Keys,
        write: Callable[[str], None],
        toggle_mute: Callable[[], bool] | None = None,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.keys = keys
        self.write = write
        self.toggle_mute = toggle_mute
        self._said_mark: tuple[int, int] | None = None
        self.asking = False  # the stop question is open: the live page cannot resume
        engine.subscribe(self._on_event)

    def run(self) -> None:
        """Run to the end of the session; Ctrl+C or ``Interrupted`` stop it first."""
        self.engine.start(self.clock.monotonic())
        try:
            while not self.engine.finished:
                snapshot = self.engine.update(self.clock.monotonic())
                if snapshot.finished:
                    break
                self._say_mark(snapshot)
                self._press_all(self.keys.read(self._wait(snapshot)))
        except (KeyboardInterrupt, EOFError, Interrupted):
            self.engine.stop(self.clock.monotonic())
            raise

    def _press_all(self, keys: Iterable[str]) -> None:
        """Press the keys read in one wait, up to the one that ends the run."""
        for key in keys:
            self.press(key)
            if self.engine.finished:
                return

    def press(self, key: str) -> None:
        """Act on one key, as the run screen's bindings do."""
        at = self.clock.monotonic()
        engine = self.engine
        if key == " ":
            engine.toggle_pause(at)
            self.write("Paused" if engine.paused else "Resumed")
        elif key == "d":
            if not engine.end_hold(at):
                self.write(NOT_HOLDING)
        elif key in ENTER:
            step = engine.current
            if step is not None and step.is_test:
                engine.end_hold(at)  # "that's my hold"
        elif key == "n":
            engine.skip(at)
        elif key == "b":
            engine.back(at)
        elif key in ("+", "=", "-", "_"):
            if not engine.adjust_rest(5 if key in "+=" else -5, at):
                self.write(NOT_RESTING)
        elif key == "m" and self.toggle_mute is not None:
            self.write("Sound muted" if self.toggle_mute() else "Sound on")
        elif key in ("q", "\x1b"):
            self._ask_to_stop(at)

    def _ask_to_stop(self, at: float) -> None:
        """Pause while asking, so the hold in progress keeps the time it had."""
        was_paused = self.engine.paused
        self.asking = True
        try:
            self.engine.pause(at)
            if self.engine.finished:
                return
            self.write(STOP_QUESTION)
            answer = self.keys.read(None)
        finally:
            self.asking = False
        now = self.clock.monotonic()
        if answer[:1].lower() == "y":
            self.engine.stop(now)
        elif not was_paused:
            self.engine.resume(now)
            self.write("Going on")

    def _wait(self, snapshot: Snapshot) -> float | None:
        """Until the countdown shows another whole second; paused, until a key."""
        if snapshot.paused:
            return None
        return until_next_second(snapshot.remaining_s) + LATE_S

    def _say_mark(self, snapshot: Snapshot) -> None:
        left, held = time_left_mark(snapshot), time_held_mark(snapshot)
        mark = left if left is not None else held
        if mark is not None and self._said_mark != (snapshot.index, mark):
            self._said_mark = (snapshot.index, mark)
            self.write(f"{mark} s left" if left is not None else f"{mark} s held")

    def _on_event(self, event: Event) -> None:
        line = event_line(self.engine.plan, event)
        if line is not None:
            self.write(line)


@contextlib.contextmanager
def interrupted_by_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into ``Interrupted`` while a plain run lasts."""

    def interrupt(signum: int, _frame: FrameType | None) -> None:
        raise Interrupted(signal.Signals(signum).name)

    wanted = [signal.SIGTERM, signal.SIGHUP]
    previous = {signum: signal.signal(signum, interrupt) for signum in wanted}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
