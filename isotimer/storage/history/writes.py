"""The recorder's waiting writes: one small command per store call, made in the order queued.

Each command names the ``HistoryStore`` method it calls, so a hold can be followed from the
engine's ``HoldFinished`` through ``SessionRecorder`` and :class:`AddHold` to SQLite. A command
holds no store: the recorder applies it to whichever store it has when the write is made, which
may be one opened after the run began.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from isotimer.core.history.records import HoldRecord, Outcome, RunRecord
from isotimer.storage.history.store import HistoryStore


@dataclass(frozen=True)
class BeginRun:
    """Record the run as started (``HistoryStore.begin_run``)."""

    run: RunRecord

    def apply(self, store: HistoryStore) -> None:
        """Make the call on ``store``."""
        store.begin_run(self.run)


@dataclass(frozen=True)
class AddHold:
    """Commit one finished hold (``HistoryStore.add_hold``); rating swaps in a rated copy."""

    hold: HoldRecord

    def apply(self, store: HistoryStore) -> None:
        """Make the call on ``store``."""
        store.add_hold(self.hold)


@dataclass(frozen=True)
class EndRun:
    """Mark the run finished (``HistoryStore.end_run``)."""

    run_id: str
    ended_at: datetime
    outcome: Outcome

    def apply(self, store: HistoryStore) -> None:
        """Make the call on ``store``."""
        store.end_run(self.run_id, self.ended_at, self.outcome)


@dataclass(frozen=True)
class RateRun:
    """Attach how the run felt to it and its holds (``HistoryStore.rate_run``)."""

    run_id: str
    effort: int | None
    pain: int | None
    note: str

    def apply(self, store: HistoryStore) -> None:
        """Make the call on ``store``."""
        store.rate_run(self.run_id, self.effort, self.pain, self.note)


@dataclass(frozen=True)
class RateSides:
    """Give each side's holds the pain rated for that side (``HistoryStore.rate_sides``)."""

    run_id: str
    pains: dict[str, int | None]

    def apply(self, store: HistoryStore) -> None:
        """Make the call on ``store``."""
        store.rate_sides(self.run_id, self.pains)


Write = BeginRun | AddHold | EndRun | RateRun | RateSides
