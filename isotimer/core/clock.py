"""The only place real clocks are read.

Durations come from a monotonic clock so that wall-clock changes never stretch
a hold; timestamps for the history come from the wall clock.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Two sources of time: one for durations, one for timestamps."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin that never jump: for durations."""
        ...

    def now(self) -> datetime:
        """The local wall time with its offset: for timestamps."""
        ...


class SystemClock:
    """The real clocks of this machine."""

    def monotonic(self) -> float:
        """``time.monotonic()``."""
        return time.monotonic()

    def now(self) -> datetime:
        """The local time, timezone-aware, so stored stamps carry their offset."""
        return datetime.now(UTC).astimezone()


class FakeClock:
    """A clock tests and accelerated benchmarks move by hand."""

    def __init__(self, start: float = 1000.0, wall: datetime | None = None) -> None:
        self._mono = start
        self._wall = wall or datetime(2026, 1, 5, 7, 0, tzinfo=UTC)

    def monotonic(self) -> float:
        """The monotonic time, moved by ``advance``."""
        return self._mono

    def now(self) -> datetime:
        """The wall time, moved by ``advance`` and ``jump_wall``."""
        return self._wall

    def advance(self, seconds: float) -> None:
        """Move both clocks forward together."""
        self._mono += seconds
        self._wall += timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        """Change only the wall clock, as an NTP step or a DST slip would."""
        self._wall += timedelta(seconds=seconds)
