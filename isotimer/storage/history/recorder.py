"""Turns engine events into history records and writes each one the moment it exists."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from isotimer.core.clock import Clock
from isotimer.core.history.records import HoldKind, HoldOutcome, HoldRecord, Outcome, RunRecord
from isotimer.core.run.events import Event, HoldFinished, SessionFinished, StepStarted
from isotimer.core.run.outcomes import hold_outcome
from isotimer.core.session.model import Level
from isotimer.core.session.plan import Plan
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.run_lock import RunLock
from isotimer.storage.history.schema import check_rating
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.history.transfer import export_holds
from isotimer.storage.history.write_thread import HistoryWriter
from isotimer.storage.history.writes import AddHold, BeginRun, EndRun, RateRun, RateSides, Write
from isotimer.storage.user_files import write_new_file

NO_STORE_MESSAGE = "History is unavailable: this session is kept in memory only."


class SessionRecorder:
    """Subscribe ``on_event`` to ``Engine.subscribe``; every finished hold is saved at once.

    A write that fails is queued in memory, retried before the next write and on
    :meth:`retry`, and its hold listed in :attr:`pending` so the summary screen
    can offer :meth:`export_pending`. Nothing raises into the engine's loop.
    With no store (history unavailable) everything waits in memory; assigning
    ``store`` later, say after a broken file was moved aside, and calling
    :meth:`retry` saves it all. Given a ``writer``, the writes are made on its
    thread and :attr:`behind` says some are still on their way; without one
    they are made on the calling thread.
    """

    def __init__(
        self,
        store: HistoryStore | None,
        clock: Clock,
        plan: Plan,
        level: Level | str | None = None,
        run_id: str | None = None,
        earlier: Sequence[HoldRecord] = (),
        writer: HistoryWriter | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.plan = plan
        self.level = str(level or plan.level)
        self.run_id = run_id or str(uuid.uuid4())
        self.last_error: str | None = None if store else NO_STORE_MESSAGE
        # A resumed run (same ``run_id``) shows the holds done before the interruption too.
        self._records: list[HoldRecord] = list(earlier)
        self._queue: list[Write] = []
        self._anchor: tuple[datetime, float] | None = None
        self._lock: RunLock | None = None
        self._writer = writer
        self._cut_off = False
        self._queue_lock = threading.Lock()  # held only to change the queue, never to write
        self._saving = threading.RLock()  # one retry loop at a time, writer's or caller's

    @property
    def records(self) -> list[HoldRecord]:
        """Every hold of this run in order, saved or not (for the summary screen)."""
        return list(self._records)

    @property
    def pending(self) -> list[HoldRecord]:
        """Holds not yet in the store."""
        with self._queue_lock:
            return [write.hold for write in self._queue if isinstance(write, AddHold)]

    @property
    def saved(self) -> bool:
        """True when the store has everything, the run's start, end and rating too."""
        return not self._queue

    @property
    def behind(self) -> bool:
        """True while writes wait for the writer thread or for a disk that refused them."""
        return bool(self._queue) and self.store is not None

    @property
    def started(self) -> bool:
        """True once the run has been begun in the store (its first step or hold was seen)."""
        return self._anchor is not None

    def on_event(self, event: Event) -> None:
        """Begin the run at its first step, write each hold as it ends, end it with the run."""
        if isinstance(event, StepStarted) and self._anchor is None:
            self._begin(event.at)
        elif isinstance(event, HoldFinished):
            if self._anchor is None:
                self._begin(event.started_at)
            self._add(self._hold_record(event))
        elif isinstance(event, SessionFinished) and self._anchor is not None:
            if self._cut_off:
                self._release()
                return
            outcome = Outcome.COMPLETED if event.completed else Outcome.STOPPED
            self._write(EndRun(self.run_id, self._wall(event.at), outcome))
            self._release()

    def cut_off(self) -> None:
        """Call before stopping the engine for a signal or a crash, not the runner's stop.

        The hold in progress is still saved, but the run stays in progress so
        the next start offers to resume it, as after a ``kill -9``.
        """
        self._cut_off = True

    def rate(
        self,
        effort: int | None,
        pain: int | None,
        note: str = "",
        side_pain: dict[str, int | None] | None = None,
    ) -> None:
        """Attach how the session felt to the run and its holds (buffered on failure).

        ``side_pain`` rates pain per side instead of ``pain``: each side's holds
        take their side's rating, and holds on no side the worse of the two.
        """
        check_rating(effort, pain)
        for rated_pain in (side_pain or {}).values():
            check_rating(None, rated_pain)
        given = [side for side in (side_pain or {}).values() if side is not None]
        worst = max(given) if given else None

        def rated(record: HoldRecord) -> HoldRecord:
            hold_pain = side_pain.get(record.side, worst) if side_pain else pain
            return replace(record, effort=effort, pain=hold_pain, note=note)

        self._records = [rated(record) for record in self._records]
        with self._queue_lock:
            self._queue = [
                AddHold(rated(write.hold)) if isinstance(write, AddHold) else write
                for write in self._queue
            ]
        self._write(RateRun(self.run_id, effort, pain, note))
        if side_pain:
            self._write(RateSides(self.run_id, dict(side_pain)))

    def retry(self) -> bool:
        """Try the queued writes again; True when nothing is left waiting."""
        with self._saving:
            while self.store is not None and (write := self._head()) is not None:
                try:
                    write.apply(self.store)
                except HistoryError as error:
                    self.last_error = error.message
                    return False
                with self._queue_lock:
                    # rate() may have swapped in a rated copy: still the same write, in front.
                    self._queue.pop(0)
            if self.store is not None:
                self.last_error = None
            return not self._queue

    def _head(self) -> Write | None:
        with self._queue_lock:
            return self._queue[0] if self._queue else None

    @property
    def unsaved_name(self) -> str:
        """The file name for this run's unsaved holds, the app's and plain mode's alike."""
        return f"isotimer-unsaved-{self.run_id[:8]}.json"

    def export_pending(self, path: Path) -> Path:
        """Write the unsaved holds as JSON that ``isotimer import`` takes back.

        A new file, never one already there (a second export gets ``-2`` in its
        name); returns the path written.
        """
        path = Path(path)
        data = export_holds(self.pending, "json").encode("utf-8")
        return write_new_file(path.parent, path.name, data)

    # -- internals ----------------------------------------------------------
    def _begin(self, at: float) -> None:
        # One anchor per run: later wall-clock jumps cannot reorder its timestamps.
        self._anchor = (self.clock.now(), self.clock.monotonic())
        run = RunRecord(
            id=self.run_id,
            session=self.plan.session.id,
            session_name=self.plan.session.name,
            level=self.level,
            started_at=self._wall(at),
        )
        if self.store is not None:
            # Locked before it is marked in progress: a live run is never offered for resuming.
            self._lock = RunLock(self.store.path, self.run_id)
            self._lock.acquire()
        self._write(BeginRun(run))

    def _wall(self, monotonic: float) -> datetime:
        assert self._anchor is not None
        wall, mono = self._anchor
        return wall + timedelta(seconds=monotonic - mono)

    def _hold_record(self, event: HoldFinished) -> HoldRecord:
        step = event.step
        # Every hold is kept, a skipped one too: its time was held, and its
        # outcome decides what it counts for (core.run.outcomes).
        outcome = hold_outcome(event.reason, event.held_s, event.target_s, step.is_test)
        return HoldRecord(
            id=str(uuid.uuid4()),
            run_id=self.run_id,
            started_at=self._wall(event.started_at),
            ended_at=self._wall(event.ended_at),
            session=self.plan.session.id,
            session_name=self.plan.session.name,
            exercise=step.hold.exercise,
            exercise_name=step.hold.name,
            side=step.side.value,
            round=step.round,
            set=step.set,
            level=self.level,
            target_s=event.target_s,
            held_s=event.held_s,
            completed=outcome is HoldOutcome.COMPLETED,
            outcome=outcome,
            target_effort=step.effort,
            kind=HoldKind.TEST if step.is_test else HoldKind.HOLD,
        )

    def _add(self, hold: HoldRecord) -> None:
        self._records.append(hold)
        self._write(AddHold(hold))

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()

    def _write(self, write: Write) -> None:
        with self._queue_lock:
            self._queue.append(write)
        if self.store is None:
            self.last_error = NO_STORE_MESSAGE
        elif self._writer is not None:
            self._writer.submit(self.retry)
        else:
            self.retry()
