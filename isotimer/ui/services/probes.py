"""Opt-in measuring hooks for ``benchmarks/run.py`` and the tmux tests; off unless set.

``ISOTIMER_READY_FILE``: a file written once the first screen has been drawn
and keys are read, holding the monotonic time of that moment, so start-up is
measured from launch to ready without screen scraping.

``ISOTIMER_TIMING_LOG``: a file that gets one JSON line per engine event with
the time the engine says it happened (a step's deadline) and the time the app
actually saw it, so a benchmark can check both the recorded lengths and how
late the screen and the bell followed the plan; and one line per tone with
the moment it marks (``due``) and the moment its player was started.

Both take their time from the app's injected clock (monotonic time is
system-wide on Linux, so a benchmark can compare it with its own).
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import TextIO

from isotimer.core.clock import Clock
from isotimer.core.run.events import Event, HoldFinished, SessionFinished, StepStarted
from isotimer.core.run.tones import Tone
from isotimer.storage.user_files import open_log, write_user_file

READY_FILE_ENV = "ISOTIMER_READY_FILE"
TIMING_LOG_ENV = "ISOTIMER_TIMING_LOG"


def mark_ready(clock: Clock) -> None:
    """Write the ready file, if one was asked for."""
    path = os.environ.get(READY_FILE_ENV)
    if path:
        write_user_file(Path(path), f"{clock.monotonic()!r}\n".encode())


class TimingLog:
    """An engine listener writing ``{"event", "index", "at", "seen", ...}`` lines."""

    def __init__(self, file: TextIO, clock: Clock) -> None:
        self.file = file
        self.clock = clock
        self._lock = threading.Lock()  # tones are logged from the sound thread

    @classmethod
    def from_env(cls, clock: Clock) -> TimingLog | None:
        """A log appending to the file named by ``$ISOTIMER_TIMING_LOG``, or None if unset."""
        path = os.environ.get(TIMING_LOG_ENV)
        return cls(open_log(Path(path)), clock) if path else None

    def __call__(self, event: Event) -> None:
        seen = self.clock.monotonic()
        if isinstance(event, StepStarted):
            line = {"event": "step", "index": event.index, "kind": event.step.kind.value}
            line |= {"at": event.at, "planned_s": event.step.seconds}
        elif isinstance(event, HoldFinished):
            line = {"event": "hold", "index": event.index, "reason": event.reason.value}
            line |= {"at": event.ended_at, "started_at": event.started_at}
            line |= {"target_s": event.target_s, "held_s": event.held_s}
        elif isinstance(event, SessionFinished):
            line = {"event": "end", "completed": event.completed, "at": event.at}
        else:
            return
        self._write(line | {"seen": seen})

    def tone(self, tone: Tone, due: float, at: float) -> None:
        """A tone's player started at ``at`` for the moment ``due`` (called off the UI thread)."""
        self._write({"event": "tone", "tone": tone.value, "due": due, "played": at})

    def _write(self, line: dict[str, object]) -> None:
        with self._lock:
            if not self.file.closed:
                self.file.write(json.dumps(line) + "\n")
                self.file.flush()

    def close(self) -> None:
        """Close the log file."""
        self.file.close()
