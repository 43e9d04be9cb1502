"""The timing engine: deadline-based, driven by whatever monotonic time it is given.

Every method takes ``at``, the monotonic time of the call, and the engine never
reads a clock itself. A step ends at a deadline fixed when it starts (moved
only by pauses and explicit rest changes), so late or missing updates cannot
stretch or shrink it: when an update arrives late, every step whose deadline
has passed ends at its own deadline and the next one starts there.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from isotimer.core.run.events import (
    CountdownTick,
    EndReason,
    Event,
    Halfway,
    HoldFinished,
    SessionFinished,
    StepStarted,
    TimingChanged,
)
from isotimer.core.session.plan import Plan, Step, StepKind

Listener = Callable[[Event], None]
COUNTDOWN_FROM = 3


@dataclass(frozen=True)
class Snapshot:
    """What should be on screen at one moment."""

    index: int
    step: Step | None
    remaining_s: float
    elapsed_s: float
    session_remaining_s: float
    session_total_s: float
    paused: bool
    started: bool
    finished: bool

    @property
    def counting_up(self) -> bool:
        """A hold test is under way: show ``elapsed_s``, the time held, not a countdown."""
        return self.step is not None and self.step.is_test

    @property
    def session_progress(self) -> float:
        """Fraction of the session done, 0.0 to 1.0."""
        if self.session_total_s <= 0:
            return 1.0 if self.finished else 0.0
        return min(1.0, max(0.0, 1.0 - self.session_remaining_s / self.session_total_s))


class Engine:
    """Runs a plan against monotonic time and emits events to subscribers."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._listeners: list[Listener] = []
        self._index = -1
        self._started_at = 0.0
        self._deadline = 0.0
        self._paused_at: float | None = None
        self._paused_s = 0.0
        self._finished = False
        self._last_tick: int | None = None
        self._halfway_told = False
        after = [0.0] * (len(plan.steps) + 1)
        for i in range(len(plan.steps) - 1, -1, -1):
            after[i] = after[i + 1] + plan.steps[i].seconds
        self._seconds_after = after

    # -- subscription -------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` with every event the engine emits from now on."""
        self._listeners.append(listener)

    def _emit(self, event: Event) -> None:
        for listener in self._listeners:
            listener(event)

    # -- state --------------------------------------------------------------
    @property
    def started(self) -> bool:
        """True once ``start`` has entered the first step."""
        return self._index >= 0

    @property
    def finished(self) -> bool:
        """True once the last step has run out or ``stop`` ended the session."""
        return self._finished

    @property
    def paused(self) -> bool:
        """True while the countdown is frozen by ``pause``."""
        return self._paused_at is not None

    @property
    def current(self) -> Step | None:
        """The step under way, or None before the start and after the finish."""
        return self.plan.steps[self._index] if self.started and not self._finished else None

    def snapshot(self, at: float) -> Snapshot:
        """The state at ``at`` without advancing anything."""
        step = self.current
        if step is None:
            remaining = 0.0 if self._finished else self.plan.total_seconds
            return Snapshot(
                index=self._index,
                step=None,
                remaining_s=0.0,
                elapsed_s=0.0,
                session_remaining_s=remaining,
                session_total_s=self.plan.total_seconds,
                paused=False,
                started=self.started,
                finished=self._finished,
            )
        now = self._paused_at if self._paused_at is not None else at
        remaining = max(0.0, self._deadline - now)
        return Snapshot(
            index=self._index,
            step=step,
            remaining_s=remaining,
            elapsed_s=max(0.0, step.seconds - remaining),
            session_remaining_s=remaining + self._seconds_after[self._index + 1],
            session_total_s=self.plan.total_seconds,
            paused=self.paused,
            started=True,
            finished=False,
        )

    # -- commands -----------------------------------------------------------
    def start(self, at: float, index: int = 0) -> None:
        """Enter step ``index``: 0, or where an interrupted run of the plan left off."""
        if self.started or not self.plan.steps:
            return
        if not 0 <= index < len(self.plan.steps):
            raise ValueError(f"step {index} is outside a plan of {len(self.plan.steps)} steps")
        self._enter(index, at)

    def update(self, at: float) -> Snapshot:
        """Advance through every deadline that has passed, then snapshot."""
        while self.current is not None and not self.paused and at >= self._deadline:
            self._leave(self._deadline, EndReason.TIME)
            self._enter(self._index + 1, self._deadline)
        self._halfway(at)
        self._countdown(at)
        return self.snapshot(at)

    def pause(self, at: float) -> None:
        """Freeze the countdown at ``at``; a no-op when paused or nothing is under way.

        Steps that ran out before ``at`` are advanced first, so the pause lands on
        the step that was really under way.
        """
        if self.current is not None and not self.paused:
            self.update(at)
            if self.current is not None:
                self._paused_at = at
                self._emit(TimingChanged(self._index, True, at))

    def resume(self, at: float) -> None:
        """Unfreeze the countdown, pushing the deadline back by the time spent paused."""
        if self._paused_at is not None:
            frozen = at - self._paused_at
            self._deadline += frozen
            self._paused_s += frozen
            self._paused_at = None
            self._emit(TimingChanged(self._index, False, at))

    def toggle_pause(self, at: float) -> None:
        """Pause if running, resume if paused: the one key that does both."""
        if self.paused:
            self.resume(at)
        else:
            self.pause(at)

    def skip(self, at: float) -> None:
        """Go to the next step now; a hold in progress is kept as ended early."""
        if not self._catch_up(at):
            return
        self._leave(at, EndReason.SKIP)
        self._enter(self._index + 1, at)

    def back(self, at: float) -> None:
        """Restart the previous step (the first step restarts itself)."""
        if not self._catch_up(at):
            return
        self._leave(at, EndReason.BACK)
        self._enter(max(0, self._index - 1), at)

    def end_hold(self, at: float) -> bool:
        """End the current hold early ("form broke"); False when not holding.

        In a hold test this is "that's my hold": the time held is the result.
        """
        step = self._catch_up(at)
        if step is None or not step.is_hold:
            return False
        self._leave(at, EndReason.EARLY)
        self._enter(self._index + 1, at)
        return True

    def adjust_rest(self, delta_s: float, at: float) -> bool:
        """Lengthen or shorten the current rest; False when not resting."""
        step = self._catch_up(at)
        if step is None or step.kind is not StepKind.REST:
            return False
        now = self._paused_at if self._paused_at is not None else at
        self._deadline = max(now, self._deadline + delta_s)
        self._last_tick = None
        self._emit(TimingChanged(self._index, self.paused, at))
        self.update(at)
        return True

    def stop(self, at: float) -> None:
        """End the session now, keeping a hold in progress as cut short."""
        if self._finished:
            return
        if self.started:
            self._catch_up(at)
            if self.current is not None:
                self._leave(at, EndReason.STOP)
        self._finish(at, completed=False)

    # -- internals ----------------------------------------------------------
    def _catch_up(self, at: float) -> Step | None:
        """Apply passed deadlines before a command; the step running then, if any."""
        if not self.started:
            self.start(at)
        self.update(at)
        return self.current

    def _enter(self, index: int, at: float) -> None:
        if index >= len(self.plan.steps):
            self._finish(at, completed=True)
            return
        keep_paused = self._paused_at is not None
        self._index = index
        self._started_at = at
        self._deadline = at + self.plan.steps[index].seconds
        self._paused_s = 0.0
        self._paused_at = at if keep_paused else None
        self._last_tick = None
        self._halfway_told = False
        self._emit(StepStarted(index, self.plan.steps[index], at))

    def _leave(self, at: float, reason: EndReason) -> None:
        step = self.plan.steps[self._index]
        if not step.is_hold:
            return
        end = self._paused_at if self._paused_at is not None else at
        held = max(0.0, min(step.seconds, end - self._started_at - self._paused_s))
        if reason is EndReason.TIME:
            held = step.seconds
        # A test has no target: ended by the runner or by its cap, the time held is the result.
        done = reason in (EndReason.EARLY, EndReason.TIME) if step.is_test else held >= step.seconds
        self._emit(
            HoldFinished(
                index=self._index,
                step=step,
                target_s=step.seconds,
                held_s=round(held, 1),
                completed=done,
                reason=reason,
                started_at=self._started_at,
                ended_at=at,
            )
        )

    def _finish(self, at: float, completed: bool) -> None:
        self._finished = True
        self._paused_at = None
        self._emit(SessionFinished(completed=completed, at=at))

    def _halfway(self, at: float) -> None:
        step = self.current
        if step is None or self.paused or not step.is_hold or step.is_test or self._halfway_told:
            return
        if self._deadline - at <= step.seconds / 2:
            self._halfway_told = True
            self._emit(Halfway(self._index, step, at))

    def _countdown(self, at: float) -> None:
        step = self.current
        if step is None or self.paused or step.is_test:
            return  # a test counts up: there is no end to count down to
        left = math.ceil(self._deadline - at)
        fresh = self._last_tick is None or left < self._last_tick
        if 1 <= left <= COUNTDOWN_FROM and left < step.seconds and fresh:
            self._last_tick = left
            self._emit(CountdownTick(self._index, step, left, at, self._deadline - left))
